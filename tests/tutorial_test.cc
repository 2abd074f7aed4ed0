// Known results from the tutorial seed (seeds/001: "KV Cache and VRAM",
// chapter 6 of a local-AI course), asserted at compile time and again at run
// time through the same functions. Expected values are the tutorial's own
// printed figures, or arithmetic done by hand in the comments from published
// configs; none was produced by the code under test.

#include <cstdint>

#include "gtest/gtest.h"
#include "kvmodel/attention.h"
#include "kvmodel/kv_cache.h"
#include "kvmodel/units.h"
#include "kvmodel/weights.h"

namespace kvmodel {
namespace {

// "For Llama 3.1 8B (L=32, H=32, d=128, BF16=2 bytes)": the tutorial counts
// all 32 attention heads as KV heads, i.e. no grouped-query attention.
constexpr AttentionGeometry kTutorialLlama31_8B_AllHeadsCached{32, 32, 32, 128,
                                                               128};
// Llama 3.1 8B as meta-llama/Llama-3.1-8B/config.json publishes it:
// num_hidden_layers 32, num_attention_heads 32, num_key_value_heads 8,
// hidden_size 4096 (head size 128), torch_dtype bfloat16.
constexpr AttentionGeometry kLlama31_8B{32, 32, 8, 128, 128};
// Llama 2 7B (meta-llama/Llama-2-7b-hf/config.json): 32 layers, 32 heads,
// no num_key_value_heads (multi-head attention), hidden 4096: the tutorial's
// "7B" whose KV at 4,096 tokens is 2.0 GB.
constexpr AttentionGeometry kLlama2_7B{32, 32, 32, 128, 128};
// Mistral 7B (mistralai/Mistral-7B-v0.1/config.json): 32 layers, 32 heads,
// 8 KV heads, hidden 4096: the tutorial's exercise.
constexpr AttentionGeometry kMistral7B{32, 32, 8, 128, 128};

// Parameter counts, each from its config by hand:
// Llama 2 7B: 32 * (4 * 4096^2 + 3 * 4096 * 11008 + 2 * 4096) + 4096
//   + 2 * 32000 * 4096 = 6,738,415,616.
constexpr std::uint64_t kLlama2_7BParameters = 6'738'415'616;
// Mistral 7B: 32 * (2 * 4096^2 + 2 * 4096 * 1024 + 3 * 4096 * 14336
//   + 2 * 4096) + 4096 + 2 * 32000 * 4096 = 7,241,732,096.
constexpr std::uint64_t kMistral7BParameters = 7'241'732'096;

// The tutorial's activation allowance, "0.5 GB", taken as given.
constexpr std::uint64_t kTutorialActivationBytes = 500'000'000;

// Tenths of a unit, as the tutorial prints its figures ("4.1 GB").
constexpr std::uint64_t Tenths(std::uint64_t bytes, ByteUnit unit) {
  return RoundToUnit({bytes, 1}, unit, 1);
}

// --- "524,288 bytes per token, ~0.5 MB per token" ---
static_assert(KvBytesPerToken(kTutorialLlama31_8B_AllHeadsCached) == 524'288);
static_assert(KvBytesPerToken(kTutorialLlama31_8B_AllHeadsCached) == kMiB / 2);
// The real model's 8 KV heads: a quarter of it.
static_assert(KvBytesPerToken(kLlama31_8B) == 131'072);

// --- "0.5 MB x 4096 = 2GB"; "2GB x 8 = 16GB" (binary units, exactly) ---
static_assert(KvCacheBytes(kTutorialLlama31_8B_AllHeadsCached, 4096).total() ==
              2 * kGiB);
static_assert(KvCacheBytes(kTutorialLlama31_8B_AllHeadsCached, 4096, 8)
                  .total() == 16 * kGiB);

// --- The 7B Q4_K_M breakdown: 4.1 GB + 2.0 GB + 0.5 GB = 6.6 GB ---
constexpr std::uint64_t kLlama2_7BQ4KMBytes =
    WeightBytes(kLlama2_7BParameters, *ParseWeightFormat("Q4_K_M"));
// 6,738,415,616 * 4.84 / 8 = 4,076,741,447.68, rounded up.
static_assert(kLlama2_7BQ4KMBytes == 4'076'741'448);
static_assert(Tenths(kLlama2_7BQ4KMBytes, kGBUnit) == 41);  // decimal GB
constexpr std::uint64_t kLlama2_7BKvBytes =
    KvCacheBytes(kLlama2_7B, 4096).total();
static_assert(kLlama2_7BKvBytes == 2 * kGiB);
static_assert(Tenths(kLlama2_7BKvBytes, kGiBUnit) == 20);  // binary GiB
static_assert(Tenths(kTutorialActivationBytes, kGBUnit) == 5);
// The tutorial adds its rounded figures, mixing units: 41 + 20 + 5 tenths.
static_assert(Tenths(kLlama2_7BQ4KMBytes, kGBUnit) +
                  Tenths(kLlama2_7BKvBytes, kGiBUnit) +
                  Tenths(kTutorialActivationBytes, kGBUnit) ==
              66);
// The exact sum is 4,076,741,448 + 2,147,483,648 + 500,000,000 =
// 6,724,225,096 bytes: 6.7 GB, not 6.6.
static_assert(kLlama2_7BQ4KMBytes + kLlama2_7BKvBytes +
                  kTutorialActivationBytes ==
              6'724'225'096);
static_assert(Tenths(6'724'225'096, kGBUnit) == 67);

// --- The exercise: Mistral 7B, Q4_K_M, 8,192 tokens, batch 4 ---
static_assert(KvBytesPerToken(kMistral7B) == 131'072);
// 131,072 * 8,192 * 4 = 2^17 * 2^13 * 2^2 = 2^32 bytes = 4 GiB.
static_assert(KvCacheBytes(kMistral7B, 8192, 4).total() == 4 * kGiB);
// 7,241,732,096 * 4.84 / 8 = 4,381,247,918.08, rounded up.
constexpr std::uint64_t kMistral7BQ4KMBytes =
    WeightBytes(kMistral7BParameters, *ParseWeightFormat("Q4_K_M"));
static_assert(kMistral7BQ4KMBytes == 4'381'247'919);
// Weights + KV = 4,381,247,919 + 4,294,967,296 = 8,676,215,215 bytes;
// with the tutorial's 0.5 GB allowance, 9,176,215,215 bytes (9.2 GB).
static_assert(kMistral7BQ4KMBytes + KvCacheBytes(kMistral7B, 8192, 4).total() +
                  kTutorialActivationBytes ==
              9'176'215'215);

TEST(TutorialTest, BytesPerToken) {
  AttentionGeometry tutorial = kTutorialLlama31_8B_AllHeadsCached;
  AttentionGeometry real = kLlama31_8B;
  EXPECT_EQ(KvBytesPerToken(tutorial), 524'288u);
  EXPECT_EQ(FormatWithUnit({KvBytesPerToken(tutorial), 1}, kMiBUnit, 1),
            "0.5 MiB");
  EXPECT_EQ(KvBytesPerToken(real), 131'072u);
}

TEST(TutorialTest, ContextAndBatch) {
  AttentionGeometry tutorial = kTutorialLlama31_8B_AllHeadsCached;
  EXPECT_EQ(KvCacheBytes(tutorial, 4096).total(), 2 * kGiB);
  EXPECT_EQ(KvCacheBytes(tutorial, 4096, 8).total(), 16 * kGiB);
  EXPECT_EQ(FormatWithUnit({KvCacheBytes(tutorial, 4096, 8).total(), 1},
                           kGiBUnit, 0),
            "16 GiB");
}

TEST(TutorialTest, SevenBillionQ4KMBreakdown) {
  const std::uint64_t weights =
      WeightBytes(kLlama2_7BParameters, *ParseWeightFormat("Q4_K_M"));
  const std::uint64_t kv = KvCacheBytes(kLlama2_7B, 4096).total();
  EXPECT_EQ(FormatWithUnit({weights, 1}, kGBUnit, 1), "4.1 GB");
  EXPECT_EQ(FormatWithUnit({kv, 1}, kGiBUnit, 1), "2.0 GiB");
  EXPECT_EQ(FormatWithUnit({kTutorialActivationBytes, 1}, kGBUnit, 1),
            "0.5 GB");
  EXPECT_EQ(Tenths(weights, kGBUnit) + Tenths(kv, kGiBUnit) +
                Tenths(kTutorialActivationBytes, kGBUnit),
            66u);
  EXPECT_EQ(weights + kv + kTutorialActivationBytes, 6'724'225'096u);
  EXPECT_EQ(FormatWithUnit({6'724'225'096, 1}, kGBUnit, 1), "6.7 GB");
}

TEST(TutorialTest, MistralExercise) {
  AttentionGeometry mistral = kMistral7B;
  EXPECT_EQ(KvBytesPerToken(mistral), 131'072u);
  const std::uint64_t kv = KvCacheBytes(mistral, 8192, 4).total();
  EXPECT_EQ(kv, 4 * kGiB);
  const std::uint64_t weights =
      WeightBytes(kMistral7BParameters, *ParseWeightFormat("Q4_K_M"));
  EXPECT_EQ(weights, 4'381'247'919u);
  EXPECT_EQ(weights + kv + kTutorialActivationBytes, 9'176'215'215u);
  EXPECT_EQ(FormatWithUnit({weights + kv + kTutorialActivationBytes, 1},
                           kGBUnit, 1),
            "9.2 GB");
}

}  // namespace
}  // namespace kvmodel
