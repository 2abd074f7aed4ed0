// Every catalog model's KV bytes per token, computed here by hand from its
// published config.json (2 for K and V * caching layers * KV heads * head
// size * 2 bytes of bf16; multi-head latent attention: layers *
// (kv_lora_rank + qk_rope_head_dim) * 2, K only), and cross-checked where a
// third party published the figure. Asserted at compile time and run time.

#include <array>
#include <cstdint>
#include <string_view>

#include "gtest/gtest.h"
#include "kvmodel/catalog.h"
#include "kvmodel/model.h"
#include "kvmodel/units.h"

namespace kvmodel {
namespace {

struct Expected {
  std::string_view name;
  std::uint64_t kv_bytes_per_token;  // every caching layer, bf16
};

// clang-format off
constexpr std::array kExpected{
    Expected{"llama-2-7b",           2 * 32 * 32 * 128 * 2},
    Expected{"llama-2-70b",          2 * 80 * 8 * 128 * 2},
    Expected{"llama-3.1-8b",         2 * 32 * 8 * 128 * 2},
    Expected{"llama-3.1-70b",        2 * 80 * 8 * 128 * 2},
    Expected{"llama-3.1-405b",       2 * 126 * 8 * 128 * 2},
    Expected{"llama-3.2-1b",         2 * 16 * 8 * 64 * 2},
    Expected{"llama-3.2-3b",         2 * 28 * 8 * 128 * 2},
    // 40 layers, of which 8 cross-attention layers cache image tokens only.
    Expected{"llama-3.2-11b-vision", 2 * 32 * 8 * 128 * 2},
    Expected{"llama-3.3-70b",        2 * 80 * 8 * 128 * 2},
    Expected{"mistral-7b-v0.1",      2 * 32 * 8 * 128 * 2},
    Expected{"mistral-7b-v0.3",      2 * 32 * 8 * 128 * 2},
    // head_dim 128, not hidden_size 5120 / 32 = 160.
    Expected{"mistral-nemo-12b",     2 * 40 * 8 * 128 * 2},
    Expected{"mixtral-8x7b",         2 * 32 * 8 * 128 * 2},
    Expected{"qwen2.5-0.5b",         2 * 24 * 2 * 64 * 2},
    Expected{"qwen2.5-7b",           2 * 28 * 4 * 128 * 2},
    Expected{"qwen2.5-72b",          2 * 80 * 8 * 128 * 2},
    // Qwen3: head_dim 128 throughout, whatever hidden_size / heads gives.
    Expected{"qwen3-0.6b",           2 * 28 * 8 * 128 * 2},
    Expected{"qwen3-1.7b",           2 * 28 * 8 * 128 * 2},
    Expected{"qwen3-4b",             2 * 36 * 8 * 128 * 2},
    Expected{"qwen3-8b",             2 * 36 * 8 * 128 * 2},
    Expected{"qwen3-14b",            2 * 40 * 8 * 128 * 2},
    Expected{"qwen3-32b",            2 * 64 * 8 * 128 * 2},
    Expected{"qwen3-235b-a22b",      2 * 94 * 4 * 128 * 2},
    Expected{"gemma-2-2b",           2 * 26 * 4 * 256 * 2},
    Expected{"gemma-2-9b",           2 * 42 * 8 * 256 * 2},
    Expected{"gemma-2-27b",          2 * 46 * 16 * 128 * 2},
    Expected{"gemma-3-4b",           2 * 34 * 4 * 256 * 2},
    Expected{"gemma-3-27b",          2 * 62 * 16 * 128 * 2},
    Expected{"phi-2",                2 * 32 * 32 * 80 * 2},
    Expected{"phi-3-mini-4k",        2 * 32 * 32 * 96 * 2},
    Expected{"phi-3.5-mini",         2 * 32 * 32 * 96 * 2},
    Expected{"deepseek-v2-lite",     27 * (512 + 64) * 2},
    Expected{"deepseek-v3",          61 * (512 + 64) * 2},
    Expected{"gpt-oss-20b",          2 * 24 * 8 * 64 * 2},
    Expected{"gpt-oss-120b",         2 * 36 * 8 * 64 * 2},
    Expected{"falcon-7b",            2 * 32 * 1 * 64 * 2},
    Expected{"smollm2-135m",         2 * 30 * 3 * 64 * 2},
    Expected{"smollm2-360m",         2 * 32 * 5 * 64 * 2},
    Expected{"smollm2-1.7b",         2 * 24 * 32 * 64 * 2},
};
// clang-format on

constexpr bool EveryModelMatches() {
  if (kExpected.size() != kCatalog.size()) return false;
  for (const Expected& e : kExpected) {
    const auto model = FindModel(e.name);
    if (!model || ModelKvBytesPerToken(*model) != e.kv_bytes_per_token) {
      return false;
    }
  }
  return true;
}
static_assert(kCatalog.size() >= 30);
static_assert(EveryModelMatches());

// Figures third parties published (an LLM architecture gallery and KV-cache
// tables): gpt-oss-20b 48 KiB, gpt-oss-120b 72 KiB, DeepSeek-V3 70,272 bytes,
// Qwen3-8B 144 KiB, Falcon-7B 8 KiB, Mixtral 8x7B 128 KiB per token.
static_assert(ModelKvBytesPerToken(*FindModel("gpt-oss-20b")) == 48 * kKiB);
static_assert(ModelKvBytesPerToken(*FindModel("gpt-oss-120b")) == 72 * kKiB);
static_assert(ModelKvBytesPerToken(*FindModel("deepseek-v3")) == 70'272);
static_assert(ModelKvBytesPerToken(*FindModel("qwen3-8b")) == 144 * kKiB);
static_assert(ModelKvBytesPerToken(*FindModel("falcon-7b")) == 8 * kKiB);
static_assert(ModelKvBytesPerToken(*FindModel("mixtral-8x7b")) == 128 * kKiB);

// Sliding windows past the window: Mistral 7B v0.1 (every layer slides at
// 4,096) holds 4,096 tokens at 32,768: 131,072 * 4,096 = 512 MiB.
static_assert(ModelKvCacheBytes(*FindModel("mistral-7b-v0.1"), 32'768)
                  .total() == 512 * kMiB);
// Gemma 3 27B at 131,072 tokens: 10 global layers hold 131,072 tokens, 52
// local layers 1,024; 2 * 16 * 128 * 2 = 8,192 bytes per layer-token.
static_assert(ModelKvCacheBytes(*FindModel("gemma-3-27b"), 131'072).total() ==
              8'192ull * (10 * 131'072 + 52 * 1'024));
// Llama 3.2 11B Vision with one image: 32 self-attention layers * tokens +
// 8 cross-attention layers * 6,404 vision tokens, 4,096 bytes per
// layer-token.
static_assert(ModelKvCacheBytes(*FindModel("llama-3.2-11b-vision"), 1'000, 1,
                                6'404)
                  .total() == 4'096ull * (32 * 1'000 + 8 * 6'404));

TEST(CatalogTest, EveryModelPerTokenAtRunTime) {
  ASSERT_EQ(kExpected.size(), kCatalog.size());
  for (const Expected& e : kExpected) {
    SCOPED_TRACE(e.name);
    const auto model = FindModel(e.name);
    ASSERT_TRUE(model.has_value());
    EXPECT_EQ(ModelKvBytesPerToken(*model), e.kv_bytes_per_token);
  }
}

TEST(CatalogTest, EveryModelCitesItsSource) {
  for (const ModelSpec& model : kCatalog) {
    SCOPED_TRACE(model.name);
    EXPECT_FALSE(model.source.empty());
    EXPECT_NE(model.hf_repo.find('/'), std::string_view::npos);
    EXPECT_FALSE(model.family.empty());
  }
}

TEST(CatalogTest, WindowsAndImagesAtRunTime) {
  EXPECT_EQ(ModelKvCacheBytes(*FindModel("mistral-7b-v0.1"), 32'768).total(),
            512 * kMiB);
  EXPECT_EQ(ModelKvCacheBytes(*FindModel("llama-3.2-11b-vision"), 1'000, 1,
                              6'404)
                .total(),
            4'096ull * (32 * 1'000 + 8 * 6'404));
  EXPECT_FALSE(FindModel("llama-4").has_value());
}

}  // namespace
}  // namespace kvmodel
