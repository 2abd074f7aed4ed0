#include "kvmodel/llama_cpp_log.h"

#include "gtest/gtest.h"
#include "kvmodel/catalog.h"

namespace kvmodel {
namespace {

// Every expected line below is one the real llama.cpp printed (the pinned
// build of kLlamaCppEra, through oracle/llama_cpp_oracle_test).

constexpr LlamaCppSettings Settings(std::uint64_t n_ctx, std::uint32_t n_seq) {
  LlamaCppSettings s;
  s.n_ctx = n_ctx;
  s.n_seq_max = n_seq;
  return s;
}

// A tiny model of 4 layers with 2 KV heads of 128, 5120 tokens for each of
// 2 sequences: "size =   40.00 MiB (  5120 cells,   4 layers,  2/2 seqs)".
constexpr ModelSpec kTiny{.name = "tiny", .attention = {4, 8, 2, 128, 128},
                          .max_context_tokens = 131072};

TEST(LlamaCppLog, TinyModelLine) {
  const LlamaCppSettings s = Settings(10240, 2);
  EXPECT_EQ(LlamaCppKvCacheLine(LlamaCppKvCache(kTiny, s).base, s),
            "llama_kv_cache: size =   40.00 MiB (  5120 cells,   4 layers,  "
            "2/2 seqs), K (f16):   20.00 MiB, V (f16):   20.00 MiB");
}

TEST(LlamaCppLog, PrintedMiBRoundsTiesToEven) {
  static_assert(LlamaCppPrintedMiB(421'134'336) == 40162);  // 401.625
  EXPECT_EQ(LlamaCppPrintedMiB(421'134'336), 40162u);
  EXPECT_EQ(LlamaCppPrintedMiB(421'658'624), 40212u);  // 402.125 -> 402.12
  EXPECT_EQ(LlamaCppPrintedMiB(127'401'984), 12150u);  // 121.50 (DeepSeek-V2-Lite)
}

TEST(LlamaCppLog, FloatRoundingOfLargeCounts) {
  // 2^24 + 1 bytes is not a float: it rounds to 2^24 (ties to even).
  static_assert(FloatRounded((1 << 24) + 1) == (1 << 24));
  static_assert(FloatRounded((1 << 24) + 3) == (1 << 24) + 4);
  EXPECT_EQ(FloatRounded((1 << 24) + 1), 1u << 24);
}

// gpt-oss-20b at -c 8192 with -b 256: the micro-batch is capped at 256, so
// the sliding cache is PAD(128 + 256, 256) = 512 cells, not 768.
constexpr LlamaCppSettings kBatch256 = [] {
  LlamaCppSettings s = Settings(8192, 1);
  s.n_batch = 256;
  return s;
}();
static_assert(LlamaCppKvCache(*FindModel("gpt-oss-20b"), kBatch256).swa.cells_per_stream == 512);

TEST(LlamaCppLog, GptOssWithASmallLogicalBatch) {
  const std::vector<std::string> lines =
      LlamaCppLogLines(LlamaCppKvCache(*FindModel("gpt-oss-20b"), kBatch256), kBatch256);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0],
            "llama_kv_cache: size =  192.00 MiB (  8192 cells,  12 layers,  1/1 seqs), "
            "K (f16):   96.00 MiB, V (f16):   96.00 MiB");
  EXPECT_EQ(lines[1],
            "llama_kv_cache: size =   12.00 MiB (   512 cells,  12 layers,  1/1 seqs), "
            "K (f16):    6.00 MiB, V (f16):    6.00 MiB");
}

// Phi-2 (head 80): q8_0 K is accepted with flash attention off (the row of
// 32 heads is 2560 values, whole blocks) and refused with it on.
constexpr LlamaCppSettings Q8K(FlashAttention fa) {
  LlamaCppSettings s = Settings(8192, 1);
  s.type_k = StorageFormat::kQ8_0;
  s.flash_attn = fa;
  return s;
}
static_assert(LlamaCppKvCache(*FindModel("phi-2"), Q8K(FlashAttention::kOff)).base.k_bytes ==
              680 * kMiB);

TEST(LlamaCppLog, Phi2QuantizedKWithoutFlashAttention) {
  const LlamaCppSettings s = Q8K(FlashAttention::kOff);
  EXPECT_EQ(LlamaCppKvCacheLine(LlamaCppKvCache(*FindModel("phi-2"), s).base, s),
            "llama_kv_cache: size = 1960.00 MiB (  8192 cells,  32 layers,  1/1 seqs), "
            "K (q8_0):  680.00 MiB, V (f16): 1280.00 MiB");
  EXPECT_THROW(LlamaCppKvCache(*FindModel("phi-2"), Q8K(FlashAttention::kOn)), InvalidModel);
}

TEST(LlamaCppLog, LatentAttentionRefusesMixedTypes) {
  LlamaCppSettings s = Settings(4096, 1);
  s.type_k = StorageFormat::kQ8_0;
  s.flash_attn = FlashAttention::kOn;
  EXPECT_THROW(LlamaCppKvCache(*FindModel("deepseek-v2-lite"), s), InvalidModel);
  s.type_v = StorageFormat::kQ8_0;
  EXPECT_NO_THROW(LlamaCppKvCache(*FindModel("deepseek-v2-lite"), s));
}

// llama.cpp's LLAMA_MAX_SEQ: 256 sequences are accepted, 257 refused (the
// oracle's "257-seqs" case, refused by llama.cpp with the same reason).
static_assert(LlamaCppKvCache(*FindModel("llama-3.1-8b"), Settings(65536, 256)).base.streams == 256);

TEST(LlamaCppLog, AtMost256Sequences) {
  EXPECT_NO_THROW(LlamaCppKvCache(*FindModel("llama-3.1-8b"), Settings(65536, 256)));
  EXPECT_THROW(LlamaCppKvCache(*FindModel("llama-3.1-8b"), Settings(65792, 257)), InvalidModel);
}

// granite-4.0-h-micro layer by layer: the lines the real llama.cpp printed
// for its geometry at -c 4096, one sequence (the oracle's "default" case;
// the 73.79 MiB state is also the figure of the llama.cpp log).
using internal::kGraniteMicro;
static_assert(LlamaCppKvCache(kGraniteMicro, LlamaCppSettings{.n_ctx = 4096}).total_bytes() ==
              110'931'968);
static_assert(LlamaCppKvCache(kGraniteMicro, LlamaCppSettings{.n_ctx = 4096})
                  .recurrent.s_bytes == 72 * (1 << 20));

TEST(LlamaCppLog, HybridRecurrentLines) {
  LlamaCppSettings s;
  s.n_ctx = 4096;
  const LlamaCppAllocation a = LlamaCppKvCache(kGraniteMicro, s);
  EXPECT_EQ(a.total_bytes(), 110'931'968u);  // the probe's context bytes
  const std::vector<std::string> lines = LlamaCppLogLines(a, s);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0],
            "llama_kv_cache: size =   32.00 MiB (  4096 cells,   4 layers,  1/1 seqs), "
            "K (f16):   16.00 MiB, V (f16):   16.00 MiB");
  EXPECT_EQ(lines[1],
            "llama_memory_recurrent: size =   73.79 MiB (     1 cells,  40 layers,  1 seqs  "
            "0 rs_seq), R (f32):    1.79 MiB, S (f32):   72.00 MiB, P (f32):    0.00 MiB");
  // The state is one cell per sequence, whatever the context and types.
  s.n_seq_max = 4;
  s.n_ctx = 4 * 8192;
  s.type_k = s.type_v = StorageFormat::kQ8_0;
  EXPECT_EQ(LlamaCppKvCache(kGraniteMicro, s).recurrent.total_bytes(), 4u * 77'377'536);
}

// DeepSeek-V3.2 at -c 4096: the latent cache and, beside it, the indexer
// cache, as the real llama.cpp printed them (the oracle's "default" case of
// tests/testdata/deepseek-v3.2.json).
using internal::kDeepSeekV32;
static_assert(LlamaCppKvCache(kDeepSeekV32, LlamaCppSettings{.n_ctx = 4096}).total_bytes() ==
              351'797'248);

TEST(LlamaCppLog, DeepSeekV32IndexerCache) {
  LlamaCppSettings s;
  s.n_ctx = 4096;
  const LlamaCppAllocation a = LlamaCppKvCache(kDeepSeekV32, s);
  EXPECT_EQ(a.total_bytes(), 351'797'248u);  // the probe's context bytes
  const std::vector<std::string> lines = LlamaCppLogLines(a, s);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0],
            "llama_kv_cache: size =  274.50 MiB (  4096 cells,  61 layers,  1/1 seqs), "
            "K (f16):  274.50 MiB, V (f16):    0.00 MiB");
  EXPECT_EQ(lines[1],
            "llama_kv_cache: size =   61.00 MiB (  4096 cells,  61 layers,  1/1 seqs), "
            "K (f16):   61.00 MiB, V (f16):    0.00 MiB");
}

}  // namespace
}  // namespace kvmodel
