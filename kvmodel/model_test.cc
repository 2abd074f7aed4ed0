#include "kvmodel/model.h"

#include "gtest/gtest.h"

namespace kvmodel {
namespace {

// Gemma 2 2B as its config gives it (see kvmodel/catalog.h).
constexpr ModelSpec kGemma2_2B{
    .name = "gemma-2-2b",
    .attention = {26, 8, 4, 256, 256},
    .sliding_window_layers = 13,
    .sliding_window_tokens = 4096,
    .parameters_total = 2'614'341'888,
    .parameters_active = 2'614'341'888,
    .max_context_tokens = 8192,
};

// The header's worked example.
static_assert(ModelKvCacheBytes(kGemma2_2B, 8192).total() == 654'311'424);
// Inside the window every layer caches: 26 * 4,096 bytes per token.
static_assert(ModelKvCacheBytes(kGemma2_2B, 1000).total() == 26 * 4096 * 1000);
static_assert(ModelKvBytesPerToken(kGemma2_2B) == 26 * 4096);
static_assert(ModelKvBytesPerTokenPastWindows(kGemma2_2B) == 13 * 4096);
// A q8_0 cache: 256 values take 272 bytes, per KV head, K and V.
static_assert(ModelKvBytesPerToken(WithKvFormats(
                  kGemma2_2B, StorageFormat::kQ8_0, StorageFormat::kQ8_0)) ==
              26 * 4 * 272 * 2);
static_assert(ModelWeightBytes(kGemma2_2B,
                               WeightFormatOf(StorageFormat::kBF16)) ==
              2 * 2'614'341'888ull);

// A latent (MLA) cache: one 576-value K per layer-token, no V.
constexpr ModelSpec kLatent{
    .name = "latent",
    .attention = {27, 16, 1, 576, 0},
    .kv_lora_rank = 512,
    .qk_rope_head_dim = 64,
    .parameters_total = 1,
    .parameters_active = 1,
    .max_context_tokens = 1,
};
static_assert(ModelKvCacheBytes(kLatent, 10).k_bytes == 27 * 576 * 2 * 10);
static_assert(ModelKvCacheBytes(kLatent, 10).v_bytes == 0);

// DeepSeek-V3.2 (published config): 61 latent layers of 512 + 64 and an
// indexer key of index_head_dim 128 beside each, all counted as K.
using internal::kDeepSeekV32;
static_assert(ModelKvBytesPerToken(kDeepSeekV32) == 61 * (576 + 128) * 2);

TEST(ModelTest, IndexerBesideTheLatent) {
  EXPECT_EQ(ModelKvCacheBytes(kDeepSeekV32, 4096).k_bytes, 4096u * 61 * 704 * 2);
  ModelSpec m = kDeepSeekV32;
  m.kv_lora_rank = m.qk_rope_head_dim = 0;
  m.attention = {61, 128, 1, 576, 576};
  EXPECT_THROW(ModelKvBytesPerToken(m), InvalidModel);
}

// Mean over a horizon crossing the 4,096 window: prompt 4,090, K = 10,
// t = 4,090 .. 4,099. Full layers: sum t = 40,945; sliding: 4,090 + ... +
// 4,096 (7 terms, 28,651) + 3 * 4,096 = 40,939. Mean bytes =
// 4,096 * 13 * (40,945 + 40,939) / 10.
static_assert(ModelMeanKvCacheBytes(kGemma2_2B, {4090, 10, 1}) ==
              ByteFraction{4096ull * 13 * (40'945 + 40'939), 10});
// Without sliding layers the mean is the linear one of kvmodel/kv_cache.h.
constexpr ModelSpec kDense{.name = "dense",
                           .attention = {32, 32, 8, 128, 128},
                           .max_context_tokens = 1 << 20};
static_assert(ModelMeanKvCacheBytes(kDense, {493, 100, 1}) ==
              MeanKvCacheBytes(kDense.attention, {493, 100, 1}));
static_assert(ModelMeanKvCacheBytes(kDense, {7, 0, 2}) ==
              ByteFraction{2 * 7 * 131'072, 1});

// A plan keeps the model's coefficients: Gemma 2 2B has 13 full and 13
// sliding layers of 4 KV heads x 256 values x 2 bytes = 2,048 K bytes.
constexpr KvPlan kGemmaPlan = MakeKvPlan(kGemma2_2B);
static_assert(kGemmaPlan.full_k_bytes_per_token == 13 * 2048);
static_assert(kGemmaPlan.windowed_count == 1);
static_assert(kGemmaPlan.windowed[0].window_tokens == 4096);
static_assert(kGemmaPlan.windowed[0].v_bytes_per_token == 13 * 2048);
static_assert(PlanKvCacheBytes(kGemmaPlan, 8192).total() == 654'311'424);

// granite-4.0-h-micro layer by layer (kvmodel/layers.h): the recurrent
// state is the same at any length and for any cache format, per sequence.
using internal::kGraniteMicro;
static_assert(ModelStateBytesPerSequence(kGraniteMicro) == 77'377'536);
static_assert(ModelKvBytesPerToken(kGraniteMicro) == 4 * 8 * 64 * 2 * 2);
static_assert(ModelKvCacheBytes(kGraniteMicro, 4096, 2).state_bytes == 2 * 77'377'536);
static_assert(ModelKvCacheBytes(kGraniteMicro, 4096).total() ==
              4096 * 8192 + 77'377'536);

TEST(ModelTest, PerLayerWithRecurrentState) {
  EXPECT_EQ(ModelStateBytesPerSequence(kGraniteMicro), 77'377'536u);
  const KvBytes two = ModelKvCacheBytes(kGraniteMicro, 4096, 2);
  EXPECT_EQ(two.k_bytes, 2u * 4096 * 4 * 8 * 64 * 2);
  EXPECT_EQ(two.state_bytes, 2u * 77'377'536);
  // The mean over a decode horizon keeps the state whole.
  EXPECT_EQ(ModelMeanKvCacheBytes(kGraniteMicro, {100, 2, 1}),
            (ByteFraction{(100 * 8192 + 77'377'536) * 2 + 8192, 2}));
  ModelSpec m = kGraniteMicro;
  m.attention.num_layers = 41;
  EXPECT_THROW(ModelKvBytesPerToken(m), InvalidModel);
  m = kGraniteMicro;
  m.sliding_window_layers = 1;
  m.sliding_window_tokens = 4096;
  EXPECT_THROW(ModelKvBytesPerToken(m), InvalidModel);
}

TEST(ModelTest, LayerKinds) {
  EXPECT_EQ(ModelKvCacheBytes(kGemma2_2B, 8192).total(), 654'311'424u);
  EXPECT_EQ(ModelKvCacheBytes(kGemma2_2B, 8192, 3).total(), 3 * 654'311'424u);
  EXPECT_EQ(ModelKvCacheBytes(kLatent, 10).v_bytes, 0u);
}

TEST(ModelTest, RejectsImpossibleModels) {
  const auto message_of = [](ModelSpec m) -> std::string {
    try {
      ModelKvBytesPerToken(m);
    } catch (const InvalidModel& e) {
      return e.what();
    }
    return "accepted";
  };
  ModelSpec m = kGemma2_2B;
  m.sliding_window_layers = 27;
  EXPECT_EQ(message_of(m),
            "sliding, cross-attention and no-cache layers exceed num_layers");
  m = kGemma2_2B;
  m.sliding_window_tokens = 0;
  EXPECT_EQ(message_of(m), "sliding-window layers need sliding_window_tokens");
  m = kLatent;
  m.attention.v_head_dim = 512;
  EXPECT_EQ(message_of(m),
            "a latent-attention cache is one K of kv_lora_rank + "
            "qk_rope_head_dim values and no V");
  m = kGemma2_2B;
  m.parameters_active = m.parameters_total + 1;
  EXPECT_EQ(message_of(m), "parameters_active must not exceed parameters_total");
  m = kGemma2_2B;
  m.parameters_total = m.parameters_active = 0;
  EXPECT_THROW(ModelWeightBytes(m, WeightFormatOf(StorageFormat::kBF16)),
               InvalidModel);
}

}  // namespace
}  // namespace kvmodel
