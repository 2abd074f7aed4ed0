#include "kvmodel/attention.h"

#include "gtest/gtest.h"

namespace kvmodel {
namespace {

// Mistral 7B as its config.json gives it: 32 layers, 32 query heads, 8 KV
// heads, head size 128, bf16.
constexpr AttentionGeometry kMistral7B{32, 32, 8, 128, 128};

static_assert(KBytesPerTokenPerLayer(kMistral7B) == 8 * 128 * 2);
static_assert(KBytesPerToken(kMistral7B) == 65'536);
static_assert(KvBytesPerToken(kMistral7B) == 131'072);

// K in q8_0 and V in f16: 8 * 136 and 8 * 256 bytes per layer.
constexpr AttentionGeometry kMixedFormats{32, 32, 8, 128, 128,
                                          StorageFormat::kQ8_0,
                                          StorageFormat::kF16};
static_assert(KBytesPerToken(kMixedFormats) == 32 * 8 * 136);
static_assert(VBytesPerToken(kMixedFormats) == 32 * 8 * 256);

// A latent cache (DeepSeek-V2 style): one 576-value K, no V.
constexpr AttentionGeometry kLatent{27, 16, 1, 576, 0};
static_assert(KvBytesPerToken(kLatent) == 27 * 576 * 2);

TEST(AttentionTest, BytesPerToken) {
  EXPECT_EQ(KvBytesPerToken(kMistral7B), 131'072u);
  EXPECT_EQ(KBytesPerToken(kMixedFormats), 32u * 8 * 136);
  EXPECT_EQ(VBytesPerToken(kMixedFormats), 32u * 8 * 256);
  EXPECT_EQ(VBytesPerToken(kLatent), 0u);
}

TEST(AttentionTest, RejectsImpossibleGeometry) {
  const auto message_of = [](AttentionGeometry g) -> std::string {
    try {
      KvBytesPerToken(g);
    } catch (const InvalidModel& e) {
      return e.what();
    }
    return "accepted";
  };
  EXPECT_EQ(message_of({0, 32, 8, 128, 128}), "num_layers must be positive");
  EXPECT_EQ(message_of({32, 0, 8, 128, 128}),
            "num_query_heads must be positive");
  EXPECT_EQ(message_of({32, 32, 0, 128, 128}), "num_kv_heads must be positive");
  EXPECT_EQ(message_of({32, 32, 3, 128, 128}),
            "num_kv_heads must divide num_query_heads");
  EXPECT_EQ(message_of({32, 32, 8, 0, 128}), "k_head_dim must be positive");
  EXPECT_EQ(message_of({32, 32, 8, 80, 80, StorageFormat::kQ8_0}),
            "k_head_dim must be a whole number of k_format blocks");
  EXPECT_EQ(message_of({32, 32, 8, 128, 80, StorageFormat::kF16,
                        StorageFormat::kQ4_0}),
            "v_head_dim must be a whole number of v_format blocks");
}

TEST(AttentionTest, OverflowIsAnError) {
  EXPECT_THROW(KvBytesPerToken({0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF,
                                0xFFFFFFE0, 0xFFFFFFE0, StorageFormat::kF32,
                                StorageFormat::kF32}),
               Overflow);
}

}  // namespace
}  // namespace kvmodel
