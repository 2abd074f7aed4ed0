#include "kvmodel/deployment.h"

#include "gtest/gtest.h"
#include "kvmodel/catalog.h"
#include "kvmodel/units.h"

namespace kvmodel {
namespace {

constexpr Deployment Llama8B(std::uint64_t context, std::uint64_t batch = 1) {
  return {.model = *FindModel("llama-3.1-8b"),
          .context_tokens = context,
          .batch_size = batch};
}

// The header's worked example.
static_assert(Memory(Llama8B(8192)).weights_bytes == 16'060'522'496);
static_assert(Memory(Llama8B(8192)).kv_bytes() == 1'073'741'824);
static_assert(Memory(Llama8B(8192)).working_bytes == 1'048'576);
static_assert(Memory(Llama8B(8192)).total_bytes() == 17'135'312'896);

// Tensor parallelism: 8 KV heads over 4 ranks is 2 heads each; over 16
// ranks each of the 16 holds one replicated head (Llama 3.1 70B has 64
// query heads).
static_assert(RankKvHeads(*FindModel("llama-3.1-70b"), 4) == 2);
static_assert(RankKvHeads(*FindModel("llama-3.1-70b"), 16) == 1);
static_assert(RankModel(*FindModel("llama-3.1-70b"), 16).attention
                  .num_query_heads == 4);
// 70B, tp 4: 80 layers * 2 heads * 128 * 2 (K, V) * 2 bytes = 81,920 bytes
// per token per rank.
static_assert(Memory({.model = *FindModel("llama-3.1-70b"),
                      .context_tokens = 1,
                      .tensor_parallel = 4})
                  .kv_bytes() == 81'920);
// A latent cache is replicated: DeepSeek-V3 keeps 61 * 576 * 2 per rank.
static_assert(Memory({.model = *FindModel("deepseek-v3"),
                      .context_tokens = 1,
                      .tensor_parallel = 8})
                  .kv_bytes() == 70'272);

// Solvers. A 24 GB (decimal) card, Llama 3.1 8B in bf16, flash: weights
// 16,060,522,496 bytes leave 7,939,477,504; each token costs 131,072 bytes
// of KV + 128 bytes of flash statistics = 131,200 bytes, so the longest
// context is floor(7,939,477,504 / 131,200) = 60,514 tokens.
static_assert(LongestContext(Llama8B(1), 24 * kGB) == 60'514);
// Batch at 8,192 tokens: each sequence costs 8,192 * 131,200 =
// 1,074,790,400 bytes; floor(7,939,477,504 / 1,074,790,400) = 7.
static_assert(LargestBatch(Llama8B(8192), 24 * kGB) == 7);
// Nothing fits when the weights alone exceed the budget.
static_assert(!LongestContext(Llama8B(1), 16 * kGB).has_value());

TEST(DeploymentTest, BreakdownAndSolvers) {
  EXPECT_EQ(Memory(Llama8B(8192)).total_bytes(), 17'135'312'896u);
  EXPECT_EQ(LongestContext(Llama8B(1), 24 * kGB), 60'514u);
  EXPECT_EQ(LargestBatch(Llama8B(8192), 24 * kGB), 7u);
  EXPECT_FALSE(LargestBatch(Llama8B(8192), 16 * kGB).has_value());
}

TEST(DeploymentTest, EagerWorkingMemoryGrowsWithTheSquare) {
  Deployment d = Llama8B(8192);
  d.kernel = AttentionKernel::kEager;
  // 32 heads * 8,192 * 8,192 * 2 bytes.
  EXPECT_EQ(Memory(d).working_bytes, 4'294'967'296u);
  d.prefill_chunk_tokens = 512;  // 32 * 512 * 8,192 * 2
  EXPECT_EQ(Memory(d).working_bytes, 268'435'456u);
}

TEST(DeploymentTest, RejectsImpossibleSplitsAndContexts) {
  Deployment d = Llama8B(8192);
  d.tensor_parallel = 3;
  EXPECT_THROW(Memory(d), InvalidModel);
  d = Llama8B(200'000);  // over 131,072
  EXPECT_THROW(Memory(d), InvalidModel);
  d = Llama8B(8192, 0);
  EXPECT_THROW(Memory(d), InvalidModel);
}

}  // namespace
}  // namespace kvmodel
