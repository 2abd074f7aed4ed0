#include "kvmodel/runtime_llama_cpp.h"

#include "gtest/gtest.h"
#include "kvmodel/catalog.h"
#include "kvmodel/status.h"
#include "kvmodel/units.h"

namespace kvmodel {
namespace {

constexpr ModelSpec kGptOss20B = *FindModel("gpt-oss-20b");

constexpr LlamaCppSettings WithCtx(std::uint64_t n_ctx,
                                   std::uint32_t n_seq = 1) {
  LlamaCppSettings s;
  s.n_ctx = n_ctx;
  s.n_seq_max = n_seq;
  return s;
}

// The header's worked example: 3,072 MiB of full cache, 768 SWA cells,
// 18 MiB.
constexpr LlamaCppAllocation kExample =
    LlamaCppKvCache(kGptOss20B, WithCtx(131072));
static_assert(kExample.base.cells_per_stream == 131072);
static_assert(kExample.base.layers == 12);
static_assert(kExample.base.total_bytes() == 3072 * kMiB);
static_assert(kExample.swa.cells_per_stream == 768);
static_assert(kExample.swa.total_bytes() == 18 * kMiB);

// The era before PR #19067: DeepSeek-V3's MLA cache also holds a V row of
// kv_lora_rank = 512 values per layer-cell (61 layers, f16, flash attention
// on); the era refuses flash attention off or auto.
constexpr LlamaCppSettings MlaWithV(std::uint64_t n_ctx, FlashAttention fa) {
  LlamaCppSettings s = WithCtx(n_ctx);
  s.flash_attn = fa;
  s.era = LlamaCppEra::kMlaWithV;
  return s;
}
constexpr ModelSpec kDeepSeekV3 = *FindModel("deepseek-v3");
static_assert(LlamaCppKvCache(kDeepSeekV3, MlaWithV(4096, FlashAttention::kOn)).v_bytes() ==
              61ull * 512 * 2 * 4096);
static_assert(LlamaCppKvCache(kDeepSeekV3, MlaWithV(4096, FlashAttention::kOn)).k_bytes() ==
              LlamaCppKvCache(kDeepSeekV3, WithCtx(4096)).k_bytes());

TEST(LlamaCppEraTest, MlaWithV) {
  EXPECT_EQ(LlamaCppKvCache(kDeepSeekV3, MlaWithV(4096, FlashAttention::kOn)).v_bytes(),
            61ull * 512 * 2 * 4096);
  EXPECT_EQ(LlamaCppKvCache(kDeepSeekV3, WithCtx(4096)).v_bytes(), 0u);
  EXPECT_FALSE(Evaluate([] {
                 return LlamaCppKvCache(kDeepSeekV3, MlaWithV(4096, FlashAttention::kAuto));
               }).ok());
}

// n_ctx is padded to 256; without -kvu each of n sequences gets
// PAD(n_ctx / n, 256) cells (1024 / 3 = 341 -> 512: three streams hold 1536).
static_assert(LlamaCppCellsPerStream(WithCtx(1000)) == 1024);
static_assert(LlamaCppCellsPerStream(WithCtx(1024, 3)) == 512);
static_assert(LlamaCppCellsPerStream(WithCtx(1024, 4)) == 256);
static_assert(LlamaCppStreams(WithCtx(1024, 3)) == 3);

constexpr LlamaCppSettings Unified(std::uint64_t n_ctx, std::uint32_t n_seq) {
  LlamaCppSettings s = WithCtx(n_ctx, n_seq);
  s.kv_unified = true;
  return s;
}
static_assert(LlamaCppCellsPerStream(Unified(8192, 4)) == 8192);
static_assert(LlamaCppStreams(Unified(8192, 4)) == 1);
// Unified, the SWA window counts once per sequence: 1024 * 4 + 512 = 4608.
static_assert(LlamaCppSwaCellsPerStream(Unified(8192, 4), 1024) == 4608);
// Not unified, once per stream: PAD(min(512, 512 + 512), 256) = 512.
static_assert(LlamaCppSwaCellsPerStream(WithCtx(1024, 3), 512) == 512);

constexpr LlamaCppSettings Ubatch(std::uint32_t ubatch) {
  LlamaCppSettings s = WithCtx(131072);
  s.n_ubatch = ubatch;
  return s;
}
// PAD(128 + 2048, 256) = 2304.
static_assert(LlamaCppSwaCellsPerStream(Ubatch(2048), 128) == 2304);

constexpr LlamaCppSettings SwaFull() {
  LlamaCppSettings s = WithCtx(131072);
  s.swa_full = true;
  return s;
}
static_assert(LlamaCppSwaCellsPerStream(SwaFull(), 128) == 131072);

// q8_0 rows: 8 KV heads x 128 = 1024 values = 32 blocks of 34 bytes.
constexpr LlamaCppSettings Q8(FlashAttention fa) {
  LlamaCppSettings s = WithCtx(4096);
  s.type_k = s.type_v = StorageFormat::kQ8_0;
  s.flash_attn = fa;
  return s;
}
static_assert(LlamaCppKvCache(*FindModel("llama-3.1-8b"),
                              Q8(FlashAttention::kOn))
                  .k_bytes() == 4096ull * 32 * 34 * 32);
static_assert(LlamaCppKvCache(*FindModel("llama-3.1-8b"),
                              Q8(FlashAttention::kAuto))
                  .flash_attn_forced_on);

// MLA (DeepSeek-V3): one K row of 576 values per layer-token, no V.
static_assert(LlamaCppKvCache(*FindModel("deepseek-v3"), WithCtx(1024))
                  .k_bytes() == 1024ull * 576 * 2 * 61);
static_assert(LlamaCppKvCache(*FindModel("deepseek-v3"), WithCtx(1024))
                  .v_bytes() == 0);

// A model whose every layer slides gets one full cache (Mistral 7B v0.1).
static_assert(!LlamaCppUsesSwaCache(*FindModel("mistral-7b-v0.1")));
static_assert(LlamaCppKvCache(*FindModel("mistral-7b-v0.1"), WithCtx(8192))
                  .total_bytes() == 1024 * kMiB);

TEST(RuntimeLlamaCppTest, Example) {
  const LlamaCppAllocation a = LlamaCppKvCache(kGptOss20B, WithCtx(131072));
  EXPECT_EQ(a.base.total_bytes(), 3072 * kMiB);
  EXPECT_EQ(a.swa.cells_per_stream, 768u);
  EXPECT_EQ(a.swa.total_bytes(), 18 * kMiB);
  EXPECT_EQ(a.total_bytes(), 3090 * kMiB);
}

TEST(RuntimeLlamaCppTest, QuantizedVNeedsFlashAttention) {
  const ModelSpec m = *FindModel("llama-3.1-8b");
  EXPECT_THROW(LlamaCppKvCache(m, Q8(FlashAttention::kOff)), InvalidModel);
  // A quantized K alone is fine without flash attention.
  LlamaCppSettings s = Q8(FlashAttention::kOff);
  s.type_v = StorageFormat::kF16;
  EXPECT_EQ(LlamaCppKvCache(m, s).v_bytes(), 4096ull * 1024 * 2 * 32);
}

TEST(RuntimeLlamaCppTest, Rejects) {
  const ModelSpec m = *FindModel("llama-3.1-8b");
  LlamaCppSettings fp8 = WithCtx(4096);
  fp8.type_k = StorageFormat::kFp8E4M3;
  EXPECT_THROW(LlamaCppKvCache(m, fp8), InvalidModel);
  LlamaCppSettings q4k = WithCtx(4096);
  q4k.type_k = StorageFormat::kQ4_K;
  EXPECT_THROW(LlamaCppKvCache(m, q4k), InvalidModel);
  EXPECT_THROW(LlamaCppKvCache(m, WithCtx(0)), InvalidModel);
  // 300 sequences in 256 cells: llama.cpp stops with n_ctx_seq == 0.
  EXPECT_THROW(LlamaCppKvCache(m, WithCtx(256, 300)), InvalidModel);
  EXPECT_THROW(LlamaCppKvCache(*FindModel("llama-3.2-11b-vision"), WithCtx(256)),
               InvalidModel);
  EXPECT_THROW(LlamaCppKvCache(m, WithCtx(std::uint64_t{1} << 62)), Overflow);
}

}  // namespace
}  // namespace kvmodel
