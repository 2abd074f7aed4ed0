#include "kvmodel/runtime_vllm.h"

#include "gtest/gtest.h"
#include "kvmodel/catalog.h"
#include "kvmodel/units.h"

namespace kvmodel {
namespace {

constexpr ModelSpec kLlama8B = *FindModel("llama-3.1-8b");

constexpr VllmSettings Len(std::uint64_t max_model_len, std::uint32_t tp = 1,
                           VllmEra era = VllmEra::kV0_9) {
  VllmSettings s;
  s.max_model_len = max_model_len;
  s.tensor_parallel = tp;
  s.era = era;
  return s;
}

// The header's worked example: a 65,536-byte page, 2 MiB blocks, 1,952
// blocks = 3.8125 GiB.
static_assert(VllmPageBytes(kLlama8B, Len(20000)) == 65536);
static_assert(VllmBlockBytes(kLlama8B, Len(20000)) == 2 * kMiB);
static_assert(1952 * VllmBlockBytes(kLlama8B, Len(20000)) ==
              kGiB * 38125 / 10000);
static_assert(VllmNumBlocks(kLlama8B, Len(20000), 1952 * 2 * kMiB + 1) == 1952);
static_assert(VllmCacheTokens(kLlama8B, Len(20000), 1952) == 31232);
// A request of 20,000 tokens needs cdiv(20000, 16) = 1,250 blocks.
static_assert(VllmBlocksPerRequest(kLlama8B, Len(20000)) == 1250);

// Tensor parallelism: 4 KV heads over 4 GPUs is one each; over 8 GPUs the
// head is replicated (still one); 3 GPUs do not divide 4 heads.
constexpr ModelSpec kQwen235B = *FindModel("qwen3-235b-a22b");
static_assert(VllmKvHeadsPerRank(kQwen235B, 4) == 1);
static_assert(VllmKvHeadsPerRank(kQwen235B, 8) == 1);
static_assert(VllmKvHeadsPerRank(kQwen235B, 2) == 2);
static_assert(VllmPageBytes(kQwen235B, Len(4096, 4)) == 16 * 1 * 256 * 2);

// MLA: 576 values per token, one latent on every GPU.
static_assert(VllmPageBytes(*FindModel("deepseek-v3"), Len(4096, 8)) ==
              16 * 576 * 2);

// Sliding layers (gpt-oss-20b, window 128): cdiv(min(127 + 2048, 131072),
// 16) + 1 = 137 blocks; full layers cdiv(131072, 16) = 8,192.
constexpr ModelSpec kGptOss = *FindModel("gpt-oss-20b");
static_assert(VllmLayerGroups(kGptOss).layers_per_group == 12);
static_assert(VllmLayerGroups(kGptOss).groups() == 2);
static_assert(VllmBlocksPerRequest(kGptOss, Len(131072)) == 8192 + 137);
// Tokens count full-attention-equivalent blocks: blocks / 2 groups * 16.
static_assert(VllmCacheTokens(kGptOss, Len(131072), 1001) == 500 * 16);
static_assert(VllmEraOf(0, 20) == VllmEra::kV0_9 && VllmEraOf(0, 21) == VllmEra::kV0_21);
// From 0.21 the tokens are int(concurrency x max_model_len): 1001 blocks
// of 8,329 per request at 131,072 tokens.
static_assert(VllmCacheTokens(kGptOss, Len(131072, 1, VllmEra::kV0_21), 1001) ==
              1001 * 131072 / 8329);
static_assert(VllmCacheTokens(kLlama8B, Len(20000, 1, VllmEra::kV0_21), 1952) ==
              1952 * 20000 / 1250);

// Gemma 3 4B: 29 sliding, 5 full: groups of 5 layers, 1 full + 6 sliding.
static_assert(VllmLayerGroups(*FindModel("gemma-3-4b")).layers_per_group == 5);
static_assert(VllmLayerGroups(*FindModel("gemma-3-4b")).full_groups == 1);
static_assert(VllmLayerGroups(*FindModel("gemma-3-4b")).sliding_groups == 6);

TEST(RuntimeVllmTest, TokensByEra) {
  EXPECT_EQ(VllmCacheTokens(kGptOss, Len(131072), 1001), 500u * 16);
  EXPECT_EQ(VllmCacheTokens(kGptOss, Len(131072, 1, VllmEra::kV0_21), 1001),
            1001u * 131072 / 8329);
  EXPECT_EQ(VllmEraOf(0, 8), std::nullopt);
  EXPECT_EQ(VllmEraOf(0, 9), VllmEra::kV0_9);
  EXPECT_EQ(VllmEraOf(0, 20), VllmEra::kV0_9);
  EXPECT_EQ(VllmEraOf(0, 21), VllmEra::kV0_21);
  EXPECT_EQ(VllmEraOf(1, 0), VllmEra::kV0_21);
}

TEST(RuntimeVllmTest, Example) {
  EXPECT_EQ(VllmBlockBytes(kLlama8B, Len(20000)), 2 * kMiB);
  EXPECT_EQ(VllmKvCacheBytes(kLlama8B, Len(20000), 2), 2 * 1250 * 2 * kMiB);
}

// granite-4.0-h-micro (kvmodel/layers.h): a state page of (13,056 +
// 524,288) bf16 values = 1,074,688 bytes; an attention token of 2 x 8 x 64
// x 2 = 2,048 bytes; so the block is 16 x cdiv(1,074,688, 16 x 2,048) = 528
// tokens and the page 528 x 2,048 = 1,081,344 bytes. 4 attention and 36
// recurrent layers make groups of 4: 1 + 9 groups; a request of 131,072
// tokens takes cdiv(131,072, 528) = 249 attention blocks and 9 state pages.
using internal::kGraniteMicro;
static_assert(VllmHybridPaging(kGraniteMicro, Len(131072)).state_page_bytes == 1'074'688);
static_assert(VllmHybridPaging(kGraniteMicro, Len(131072)).block_size == 528);
static_assert(VllmPageBytes(kGraniteMicro, Len(131072)) == 1'081'344);
static_assert(VllmLayerGroups(kGraniteMicro).state_groups == 9);
static_assert(VllmBlocksPerRequest(kGraniteMicro, Len(131072)) == 249 + 9);

TEST(RuntimeVllmTest, HybridPaging) {
  const VllmHybridPages p = VllmHybridPaging(kGraniteMicro, Len(131072));
  EXPECT_EQ(p.block_size, 528u);
  EXPECT_EQ(p.page_bytes, 1'081'344u);
  EXPECT_EQ(VllmLayerGroups(kGraniteMicro).groups(), 10u);
  EXPECT_EQ(VllmBlocksPerRequest(kGraniteMicro, Len(131072)), 258u);
  // A larger --block-size is kept: the state page is padded to it.
  VllmSettings big = Len(131072);
  big.block_size = 256;
  EXPECT_EQ(VllmBlockSize(kGraniteMicro, big), 528u);
  // One rank cannot hold half of the single Mamba group: refused.
  VllmSettings tp2 = Len(131072);
  tp2.tensor_parallel = 2;
  EXPECT_THROW(VllmHybridPaging(kGraniteMicro, tp2), InvalidModel);
}

TEST(RuntimeVllmTest, Rejects) {
  EXPECT_THROW(VllmKvHeadsPerRank(kQwen235B, 3), InvalidModel);
  EXPECT_THROW(VllmKvHeadsPerRank(kQwen235B, 0), InvalidModel);
  VllmSettings q8 = Len(4096);
  q8.kv_format = StorageFormat::kQ8_0;
  EXPECT_THROW(VllmPageBytes(kLlama8B, q8), InvalidModel);
  EXPECT_THROW(VllmBlocksPerRequest(kLlama8B, Len(0)), InvalidModel);
  EXPECT_THROW(VllmKvCacheBytes(kLlama8B, Len(4096), std::uint64_t{1} << 60),
               Overflow);
}

}  // namespace
}  // namespace kvmodel
