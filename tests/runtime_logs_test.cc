// What llama.cpp and vLLM printed, reproduced. Each test is one published
// log: the model's config (tests/testdata/, the published config.json fields,
// typed from the source cited), the settings the log shows, and every figure
// the log printed, compared at the precision it was printed with
// ("3072.00 MiB" is compared as the string "3072.00").
//
// The records and their sources were collected in the research notes
// /tmp/research/runtimes.md (ids L1..L17, V1..V8); "find_string id N" is a
// file of public GitHub text found by exact search whose repository the
// index does not name. Records left out, and why:
//   L10  "Gemma 4 12B": the model's config is not known (only the log's
//        summary); the SWA cell count 4608 = 4 x 1024 + 512 is checked in
//        kvmodel/runtime_llama_cpp_test.cc.
//   L17  the main model is not named in the log.
//   V2   Qwen3-235B on 4 GPUs: 178,880 tokens is 8.02 GiB on the rank that
//        printed 8.11 GiB; vLLM takes the minimum over ranks and the other
//        ranks' memory was not printed.
//   V3   the model is not named in the excerpt.
//   V4   vLLM's PR example names no model.
//   V8   figures from a 2026 vLLM (0.29), era kV0_21, but the gemma-4
//        checkpoint is not named.

#include <algorithm>
#include <cstdint>
#include <string>

#include "config/hf_config.h"
#include "gtest/gtest.h"
#include "kvmodel/catalog.h"
#include "kvmodel/gpu_budget.h"
#include "kvmodel/model.h"
#include "kvmodel/runtime_llama_cpp.h"
#include "kvmodel/runtime_vllm.h"
#include "kvmodel/units.h"

namespace kvmodel {
namespace {

using kvtables::config::ImportedModel;

// LoadFrom() reads <folder>/<file>, a runfile of this test; Load() a
// config of tests/testdata, LoadPublished() one of catalog/configs.
ImportedModel LoadFrom(const std::string& folder, const std::string& file) {
  absl::StatusOr<ImportedModel> model =
      kvtables::config::ReadHfConfigFile(folder + "/" + file);
  EXPECT_TRUE(model.ok()) << model.status();
  return model.ok() ? *model : ImportedModel{};
}
ImportedModel Load(const std::string& file) { return LoadFrom("tests/testdata", file); }
ImportedModel LoadPublished(const std::string& file) {
  return LoadFrom("catalog/configs", file);
}

// MiB() is `bytes` as llama.cpp prints it: "%.2f" of bytes / 2^20.
std::string MiB(std::uint64_t bytes, unsigned decimals = 2) {
  return FormatInUnit({bytes, 1}, kMiBUnit, decimals);
}

std::string GiB(std::uint64_t bytes, unsigned decimals = 2) {
  return FormatInUnit({bytes, 1}, kGiBUnit, decimals);
}

LlamaCppSettings Llama(std::uint64_t n_ctx, std::uint32_t n_seq_max = 1,
                       bool unified = false,
                       FlashAttention fa = FlashAttention::kAuto) {
  LlamaCppSettings s;
  s.n_ctx = n_ctx;
  s.n_seq_max = n_seq_max;
  s.kv_unified = unified;
  s.flash_attn = fa;
  return s;
}

// L1. llama.cpp b6209, Llama-3.1-70B Q4_0, -c 4096, flash_attn 0:
// "llama_kv_cache_unified: size = 1280.00 MiB (  4096 cells,  80 layers,
// 1/1 seqs), K (f16):  640.00 MiB, V (f16):  640.00 MiB".
// Source: find_string id 21146195652 (an Arm learning-path page, "Configure
// the master node"; repository probably ArmDeveloperEcosystem/arm-learning-paths).
TEST(LlamaCppLogTest, L1Llama31_70B) {
  const ImportedModel m = Load("llama-3.1-70b.json");
  const LlamaCppAllocation a =
      LlamaCppKvCache(m.Spec(), Llama(4096, 1, false, FlashAttention::kOff));
  EXPECT_EQ(MiB(a.total_bytes()), "1280.00");
  EXPECT_EQ(a.base.cells_per_stream, 4096u);
  EXPECT_EQ(a.base.layers, 80u);
  EXPECT_EQ(MiB(a.k_bytes()), "640.00");
  EXPECT_EQ(MiB(a.v_bytes()), "640.00");
}

// L2. text-generation-webui's llama.cpp, Phi-3-mini-4k-instruct, -c 4096,
// flash_attn 0 (llama.cpp prints n_swa = 0 for this model):
// "size = 1536.00 MiB (  4096 cells,  32 layers,  1 seqs), K (f16):
// 768.00 MiB, V (f16):  768.00 MiB".
// Source: find_string id 68635202314 (a chat export committed to a personal
// repository).
TEST(LlamaCppLogTest, L2Phi3Mini4k) {
  const ImportedModel m = Load("phi-3-mini-4k-instruct.json");
  const LlamaCppAllocation a =
      LlamaCppKvCache(m.Spec(), Llama(4096, 1, false, FlashAttention::kOff));
  EXPECT_EQ(MiB(a.total_bytes()), "1536.00");
  EXPECT_EQ(a.base.cells_per_stream, 4096u);
  EXPECT_EQ(a.base.layers, 32u);
  EXPECT_EQ(a.swa.layers, 0u);
  EXPECT_EQ(MiB(a.k_bytes()), "768.00");
  EXPECT_EQ(MiB(a.v_bytes()), "768.00");
}

// L3. llama.cpp 2026 (Metal), gpt-oss-20b, -c 131072, n_ubatch 512:
// "creating non-SWA KV cache, size = 131072 cells" /
// "size = 3072.00 MiB (131072 cells,  12 layers,  1/1 seqs), K (f16):
// 1536.00 MiB, V (f16): 1536.00 MiB" / "creating     SWA KV cache, size =
// 768 cells" / "size =   18.00 MiB (   768 cells,  12 layers,  1/1 seqs),
// K (f16):    9.00 MiB, V (f16):    9.00 MiB".
// Source: find_string id 32713047379 (a committed log).
TEST(LlamaCppLogTest, L3GptOss20BUbatch512) {
  const ImportedModel m = Load("gpt-oss-20b.json");
  const LlamaCppAllocation a = LlamaCppKvCache(m.Spec(), Llama(131072));
  EXPECT_EQ(a.base.cells_per_stream, 131072u);
  EXPECT_EQ(a.base.layers, 12u);
  EXPECT_EQ(MiB(a.base.total_bytes()), "3072.00");
  EXPECT_EQ(MiB(a.base.k_bytes), "1536.00");
  EXPECT_EQ(MiB(a.base.v_bytes), "1536.00");
  EXPECT_EQ(a.swa.cells_per_stream, 768u);
  EXPECT_EQ(a.swa.layers, 12u);
  EXPECT_EQ(MiB(a.swa.total_bytes()), "18.00");
  EXPECT_EQ(MiB(a.swa.k_bytes), "9.00");
  EXPECT_EQ(MiB(a.swa.v_bytes), "9.00");
}

// L4. The same machine and model with n_ubatch 2048: SWA cache "size =
// 2304 cells", "size =   54.00 MiB (  2304 cells,  12 layers,  1/1 seqs),
// K (f16):   27.00 MiB, V (f16):   27.00 MiB".
// Source: find_string id 59932672849 (sibling of L3's file).
TEST(LlamaCppLogTest, L4GptOss20BUbatch2048) {
  const ImportedModel m = Load("gpt-oss-20b.json");
  LlamaCppSettings s = Llama(131072);
  s.n_ubatch = 2048;
  const LlamaCppAllocation a = LlamaCppKvCache(m.Spec(), s);
  EXPECT_EQ(MiB(a.base.total_bytes()), "3072.00");
  EXPECT_EQ(a.swa.cells_per_stream, 2304u);
  EXPECT_EQ(MiB(a.swa.total_bytes()), "54.00");
  EXPECT_EQ(MiB(a.swa.k_bytes), "27.00");
  EXPECT_EQ(MiB(a.swa.v_bytes), "27.00");
}

// L5. llama-server b7445, gemma-2-2b-it, -c 8192, n_parallel auto (4,
// kv_unified true): both caches "size =  416.00 MiB (  8192 cells,  13
// layers,  4/1 seqs), K (f16):  208.00 MiB, V (f16):  208.00 MiB".
// Source: find_string id 46940380535 (a committed llama-server log).
TEST(LlamaCppLogTest, L5Gemma2_2BUnified) {
  const ImportedModel m = Load("gemma-2-2b.json");
  const LlamaCppAllocation a = LlamaCppKvCache(m.Spec(), Llama(8192, 4, true));
  for (const LlamaCppCache& c : {a.base, a.swa}) {
    EXPECT_EQ(c.cells_per_stream, 8192u);
    EXPECT_EQ(c.layers, 13u);
    EXPECT_EQ(c.streams, 1u);
    EXPECT_EQ(MiB(c.total_bytes()), "416.00");
    EXPECT_EQ(MiB(c.k_bytes), "208.00");
    EXPECT_EQ(MiB(c.v_bytes), "208.00");
  }
}

// L6. llama-server (Vulkan, 2026), Qwen3-14B, --ctx-size 65536 -ctk q4_0
// -ctv q4_0: "size = 2880.00 MiB (65536 cells, 40 layers, 1/1 seqs),
// K (q4_0): 1440.00 MiB, V (q4_0): 1440.00 MiB".
// Source: find_string id 61071482478 ("Local LLM Setup — llama.cpp + Vulkan
// on Windows").
TEST(LlamaCppLogTest, L6Qwen3_14BQ4_0) {
  const ImportedModel m = Load("qwen3-14b.json");
  LlamaCppSettings s = Llama(65536);
  s.type_k = s.type_v = StorageFormat::kQ4_0;
  const LlamaCppAllocation a = LlamaCppKvCache(m.Spec(), s);
  EXPECT_EQ(MiB(a.total_bytes()), "2880.00");
  EXPECT_EQ(a.base.layers, 40u);
  EXPECT_EQ(MiB(a.k_bytes()), "1440.00");
  EXPECT_EQ(MiB(a.v_bytes()), "1440.00");
}

// L7. llama-server (CUDA), Qwen2.5-7B-Instruct, n_ctx 16384, n_parallel
// auto (4, unified), q8_0 K and V: "enabling flash_attn since it is
// required for quantized V cache", "size =  476.00 MiB ( 16384 cells,  28
// layers,  4/1 seqs), K (q8_0):  238.00 MiB, V (q8_0):  238.00 MiB".
// Source: find_string id 71267829832 (a test fixture "captured from a real
// run").
TEST(LlamaCppLogTest, L7Qwen25_7BQ8_0) {
  const ImportedModel m = Load("qwen2.5-7b-instruct.json");
  LlamaCppSettings s = Llama(16384, 4, true);
  s.type_k = s.type_v = StorageFormat::kQ8_0;
  const LlamaCppAllocation a = LlamaCppKvCache(m.Spec(), s);
  EXPECT_TRUE(a.flash_attn_forced_on);
  EXPECT_EQ(a.base.cells_per_stream, 16384u);
  EXPECT_EQ(a.base.layers, 28u);
  EXPECT_EQ(MiB(a.total_bytes()), "476.00");
  EXPECT_EQ(MiB(a.k_bytes()), "238.00");
  EXPECT_EQ(MiB(a.v_bytes()), "238.00");
}

// L8. Qwen3-4B at -c 32768, the "reported cache" of four -ctk/-ctv pairs:
// f16/f16 4608.00 MiB, q8_0/f16 3528.00 MiB, q8_0/q8_0 2448.00 MiB,
// q4_0/q4_0 1296.00 MiB.
// Source: find_string id 67582641884 (a write-up on llama.cpp's KV cache).
TEST(LlamaCppLogTest, L8Qwen3_4BCacheTypes) {
  const ImportedModel m = Load("qwen3-4b.json");
  const auto size = [&](StorageFormat k, StorageFormat v) {
    LlamaCppSettings s = Llama(32768);
    s.type_k = k;
    s.type_v = v;
    return MiB(LlamaCppKvCache(m.Spec(), s).total_bytes());
  };
  EXPECT_EQ(size(StorageFormat::kF16, StorageFormat::kF16), "4608.00");
  EXPECT_EQ(size(StorageFormat::kQ8_0, StorageFormat::kF16), "3528.00");
  EXPECT_EQ(size(StorageFormat::kQ8_0, StorageFormat::kQ8_0), "2448.00");
  EXPECT_EQ(size(StorageFormat::kQ4_0, StorageFormat::kQ4_0), "1296.00");
}

// L11. Mainline llama.cpp (May 2025), DeepSeek-V3-0324 (MLA GGUF), n_ctx
// 16384, flash_attn 1: "KV self size  = 2074.00 MiB, K (f16): 1098.00 MiB,
// V (f16):  976.00 MiB". The K figure (576 latent values per layer-token)
// is today's too; the 512-value V row was dropped by PR #19067 (2026-01):
// the era before it (LlamaCppEra::kMlaWithV) gives every printed figure.
// Source: find_string id 17743082571 (an ik_llama.cpp discussion export,
// user Panchovix, 2025-05-10).
TEST(LlamaCppLogTest, L11DeepSeekV3MlaWithV) {
  const ImportedModel m = Load("deepseek-v3.json");
  LlamaCppSettings s = Llama(16384, 1, false, FlashAttention::kOn);
  s.era = LlamaCppEra::kMlaWithV;
  const LlamaCppAllocation old = LlamaCppKvCache(m.Spec(), s);
  EXPECT_EQ(MiB(old.total_bytes()), "2074.00");
  EXPECT_EQ(MiB(old.k_bytes()), "1098.00");
  EXPECT_EQ(MiB(old.v_bytes()), "976.00");
  s.era = LlamaCppEra::kCurrent;  // today: the same K and no V
  const LlamaCppAllocation today = LlamaCppKvCache(m.Spec(), s);
  EXPECT_EQ(today.k_bytes(), old.k_bytes());
  EXPECT_EQ(today.v_bytes(), 0u);
}

// L12. llama.cpp (OpenCL, late 2025), DeepSeek-V2-Lite-Chat converted
// WITHOUT the MLA keys (n_embd_head_k_mla = 0), so llama.cpp caches full
// heads: 16 KV heads of K 192 (qk_nope 128 + rope 64) and V 128, as the log's
// hparams print (n_embd_k_gqa 3072, n_embd_v_gqa 2048). That GGUF's
// geometry is not the one its config.json gives, hence a ModelSpec here.
// "size = 1080.00 MiB (  4096 cells,  27 layers,  1/1 seqs), K (f16):
// 648.00 MiB, V (f16):  432.00 MiB".
// Source: find_string id 60665970451 (a committed debug log).
TEST(LlamaCppLogTest, L12DeepSeekV2LiteWithoutMla) {
  constexpr ModelSpec kV2LiteFullHeads{
      .name = "deepseek-v2-lite-chat (GGUF without MLA keys)",
      .attention = {27, 16, 16, 192, 128},
      .parameters_total = 1,
      .parameters_active = 1,
      .max_context_tokens = 163840,
  };
  constexpr LlamaCppAllocation a = LlamaCppKvCache(kV2LiteFullHeads, [] {
    LlamaCppSettings s;
    s.n_ctx = 4096;
    return s;
  }());
  static_assert(a.total_bytes() == 1080 * kMiB);
  EXPECT_EQ(MiB(a.total_bytes()), "1080.00");
  EXPECT_EQ(MiB(a.k_bytes()), "648.00");
  EXPECT_EQ(MiB(a.v_bytes()), "432.00");
}

// L13. llama-server build 10107, gemma-3-270m, -c 1024, separate (not
// unified) slots: "ctx 1024 with 3 slots allocates 1536 cells / 27.0 MiB,
// but 4 slots allocates 1024 cells / 18.0 MiB" (read back from the
// "creating ... size = N cells" lines).
// Source: https://github.com/unslothai/unsloth/pull/7530, comment by
// danielhanchen ("Studio: match llama.cpp SWA cache sizing").
TEST(LlamaCppLogTest, L13Gemma3_270MSlots) {
  const ImportedModel m = Load("gemma-3-270m.json");
  const LlamaCppAllocation three = LlamaCppKvCache(m.Spec(), Llama(1024, 3));
  EXPECT_EQ(three.base.cells_per_stream * three.base.streams, 1536u);
  EXPECT_EQ(MiB(three.total_bytes(), 1), "27.0");
  const LlamaCppAllocation four = LlamaCppKvCache(m.Spec(), Llama(1024, 4));
  EXPECT_EQ(four.base.cells_per_stream * four.base.streams, 1024u);
  EXPECT_EQ(MiB(four.total_bytes(), 1), "18.0");
}

// L14. llama.cpp finetune (~Dec 2023), Llama-2-7B Q4_0, n_ctx 512:
// "KV self size  =  256.00 MiB, K (f16):  128.00 MiB, V (f16):  128.00 MiB".
// n_ctx 512 is a multiple of 256, so that era's padding agrees with today's.
// Source: find_string id 40066419545 (a committed finetune log).
TEST(LlamaCppLogTest, L14Llama2_7B) {
  const ImportedModel m = Load("llama-2-7b.json");
  const LlamaCppAllocation a = LlamaCppKvCache(m.Spec(), Llama(512));
  EXPECT_EQ(MiB(a.total_bytes()), "256.00");
  EXPECT_EQ(MiB(a.k_bytes()), "128.00");
  EXPECT_EQ(MiB(a.v_bytes()), "128.00");
}

// L15. llama-cpp-python (~spring 2024), Mistral-7B-Instruct-v0.2, n_ctx
// 2048, flash_attn 0: "KV self size  =  256.00 MiB, K (f16):  128.00 MiB,
// V (f16):  128.00 MiB".
// Source: find_string id 7482104384 (a committed notebook log).
TEST(LlamaCppLogTest, L15Mistral7BInstructV02) {
  const ImportedModel m = Load("mistral-7b-instruct-v0.2.json");
  const LlamaCppAllocation a =
      LlamaCppKvCache(m.Spec(), Llama(2048, 1, false, FlashAttention::kOff));
  EXPECT_EQ(MiB(a.total_bytes()), "256.00");
  EXPECT_EQ(MiB(a.k_bytes()), "128.00");
  EXPECT_EQ(MiB(a.v_bytes()), "128.00");
}

// L16. llama.cpp (mid 2023), Llama-2-13B Q4_0, n_ctx 512: "kv self size  =
// 400.00 MB" (K + V; that era printed MiB as "MB").
// Source: find_string id 4083491035 (a committed log).
TEST(LlamaCppLogTest, L16Llama2_13B) {
  const ImportedModel m = Load("llama-2-13b.json");
  const LlamaCppAllocation a = LlamaCppKvCache(m.Spec(), Llama(512));
  EXPECT_EQ(MiB(a.total_bytes()), "400.00");
}

// L18. llama.cpp (CUDA, 2026), gemma-4-E4B-it, -c 131072, one sequence:
// "llama_kv_cache: size = 2048.00 MiB (131072 cells,   4 layers,  1/1
// seqs), K (f16): 1024.00 MiB, V (f16): 1024.00 MiB", after "layer  29:
// reuse layer 23" (and 35, 41): of 7 full layers (2 KV heads of 512) the
// last 3 read layer 23's cache (num_kv_shared_layers 18).
// Source: https://github.com/ggml-org/llama.cpp/issues/21730.
TEST(LlamaCppLogTest, L18Gemma4E4BSharedLayers) {
  const ImportedModel m = Load("gemma-4-e4b-it.json");
  const LlamaCppAllocation a = LlamaCppKvCache(m.Spec(), Llama(131072));
  EXPECT_EQ(a.base.layers, 4u);
  EXPECT_EQ(a.base.cells_per_stream, 131072u);
  EXPECT_EQ(MiB(a.base.total_bytes()), "2048.00");
  EXPECT_EQ(MiB(a.base.k_bytes), "1024.00");
  EXPECT_EQ(MiB(a.base.v_bytes), "1024.00");
}

// L19. llama.cpp (2026), granite-4.0-h-micro, one sequence: the recurrent
// state "llama_memory_recurrent: size = 73.79 MiB", whatever the context
// and cache types. Source: the run reported in issue 10 of this project.
// The config is the published one of its base model,
// granite-4.0-h-micro-base (the same architecture, released with it).
TEST(LlamaCppLogTest, L19GraniteHMicroRecurrentState) {
  const ImportedModel m = Load("granite-4.0-h-micro-base.json");
  for (const std::uint64_t n_ctx : {4096u, 131072u}) {
    const LlamaCppAllocation a = LlamaCppKvCache(m.Spec(), Llama(n_ctx));
    EXPECT_EQ(a.recurrent.cells, 1u);
    EXPECT_EQ(MiB(a.recurrent.total_bytes()), "73.79");
  }
}

// Vllm() is the settings of a record; records V1 to V17 are of vLLM 0.9 to
// 0.20, era kV0_9 (the V0 engine of V1 pages as V1 does).
VllmSettings Vllm(std::uint64_t max_model_len,
                  StorageFormat format = StorageFormat::kBF16,
                  VllmEra era = VllmEra::kV0_9) {
  VllmSettings s;
  s.max_model_len = max_model_len;
  s.kv_format = format;
  s.era = era;
  return s;
}

// vLLM prints "Maximum concurrency ... %.2fx": blocks / blocks per request.
std::string Concurrency(std::uint64_t blocks, std::uint64_t per_request) {
  return FormatInUnit({blocks, per_request}, kByteUnit, 2);
}

// PrintedMemoryGivesBlocks() is whether an available memory vLLM printed as
// `hundredths` / 100 GiB ("%.2f GiB", so anywhere in +-0.005 GiB) holds
// exactly `blocks` blocks of `block_bytes` under vLLM's rule blocks =
// floor(memory / block bytes): the two byte ranges overlap.
bool PrintedMemoryGivesBlocks(std::uint64_t hundredths, std::uint64_t blocks,
                              std::uint64_t block_bytes) {
  const std::uint64_t lo = CeilDiv((2 * hundredths - 1) * kGiB, 200);
  const std::uint64_t hi = CeilDiv((2 * hundredths + 1) * kGiB, 200);
  const std::uint64_t first = blocks * block_bytes;
  const std::uint64_t last = (blocks + 1) * block_bytes;
  return std::max(lo, first) < std::min(hi, last);
}

// V1. vLLM V0 engine (late 2024), Llama-3.1-8B-Instruct, RTX 3090,
// block_size 16, bf16. max_model_len 20000: "kv_cache_size=3.81GiB",
// "# GPU blocks: 1952", "Maximum concurrency for 20000 tokens per request:
// 1.56x". max_model_len 29000: "kv_cache_size=2.89GiB", "# GPU blocks:
// 1478", "... 0.82x", "larger than the maximum number of tokens that can be
// stored in KV cache (23648)". The block and page rules are the same in
// the V1 engine.
// Source: https://github.com/vllm-project/vllm/issues/10517 (comment by
// kaspersiminski, 2024-12-02).
TEST(VllmLogTest, V1Llama31_8B) {
  const ImportedModel m = Load("llama-3.1-8b.json");
  const VllmSettings at20k = Vllm(20000);
  EXPECT_TRUE(PrintedMemoryGivesBlocks(381, 1952, VllmBlockBytes(m.Spec(), at20k)));
  // The printed precision leaves a few blocks open, not the page size: with
  // every one of the 32 heads cached (4x the page) it would not fit.
  EXPECT_FALSE(
      PrintedMemoryGivesBlocks(381, 1952, 4 * VllmBlockBytes(m.Spec(), at20k)));
  EXPECT_EQ(Concurrency(1952, VllmBlocksPerRequest(m.Spec(), at20k)), "1.56");
  const VllmSettings at29k = Vllm(29000);
  EXPECT_TRUE(PrintedMemoryGivesBlocks(289, 1478, VllmBlockBytes(m.Spec(), at29k)));
  EXPECT_EQ(VllmCacheTokens(m.Spec(), at29k, 1478), 23648u);
  EXPECT_EQ(Concurrency(1478, VllmBlocksPerRequest(m.Spec(), at29k)), "0.82");
}

// V5. vLLM 0.9.1 (V1), Llama-3.1-8B with an EAGLE draft whose one attention
// layer shares the block pool (33 layers of 8 KV heads x 128), H100,
// max_model_len 131072: "Available KV cache memory: 51.63 GiB", "GPU KV
// cache size: 410,128 tokens", "Maximum concurrency for 131,072 tokens per
// request: 3.13x".
// Source: https://github.com/vllm-project/vllm/issues/19996 (ekagra-ranjan,
// 2025-06-23).
TEST(VllmLogTest, V5Llama31_8BWithEagle) {
  const ImportedModel base = Load("llama-3.1-8b.json");
  ModelSpec m = base.Spec();
  m.attention.num_layers += 1;  // the EAGLE draft's attention layer
  const VllmSettings s = Vllm(131072);
  const std::uint64_t blocks = 410128 / 16;
  EXPECT_EQ(VllmCacheTokens(m, s, blocks), 410128u);
  EXPECT_TRUE(PrintedMemoryGivesBlocks(5163, blocks, VllmBlockBytes(m, s)));
  EXPECT_EQ(Concurrency(blocks, VllmBlocksPerRequest(m, s)), "3.13");
  // Without the draft layer the printed memory does not give those blocks.
  EXPECT_FALSE(
      PrintedMemoryGivesBlocks(5163, blocks, VllmBlockBytes(base.Spec(), s)));
}

// V6. vLLM 0.11.0 (V1), ibm-granite/granite-4.0-micro (40 layers, 8 KV
// heads, head 2560 / 40 = 64), bf16 KV, max_model_len 131072:
// "Available KV cache memory: 35.34 GiB", "GPU KV cache size: 463,136
// tokens", "Maximum concurrency for 131,072 tokens per request: 3.53x".
// Source: find_string id 22371651172 (IBM Code Engine "fleet" tutorial).
TEST(VllmLogTest, V6Granite40Micro) {
  const ImportedModel m = Load("granite-4.0-micro.json");
  const VllmSettings s = Vllm(131072);
  const std::uint64_t blocks = 463136 / 16;
  EXPECT_EQ(VllmCacheTokens(m.Spec(), s, blocks), 463136u);
  EXPECT_TRUE(PrintedMemoryGivesBlocks(3534, blocks, VllmBlockBytes(m.Spec(), s)));
  EXPECT_EQ(Concurrency(blocks, VllmBlocksPerRequest(m.Spec(), s)), "3.53");
}

// V7. vLLM 0.15.2, Qwen3-Coder-30B-A3B-Instruct-FP8 (48 layers, 4 KV heads
// of 128, bf16 KV): "To serve at least one request with the models's max
// seq len (262144), (24.0 GiB KV cache is needed".
// Source: https://github.com/vllm-project/vllm/issues/34076 (2026-02-08).
TEST(VllmLogTest, V7Qwen3Coder30BNeeded) {
  const ImportedModel m = Load("qwen3-coder-30b-a3b.json");
  EXPECT_EQ(GiB(VllmKvCacheBytes(m.Spec(), Vllm(262144), 1), 1), "24.0");
}

// Hybrids of attention and recurrent (Mamba 2, gated DeltaNet) layers: each
// recurrent layer keeps one state page per sequence, and vLLM raises the
// attention block until one attention page covers it.
VllmSettings HybridVllm(std::uint64_t max_model_len, std::uint32_t tp,
                        StorageFormat format = StorageFormat::kBF16) {
  VllmSettings s = Vllm(max_model_len, format);
  s.tensor_parallel = tp;
  return s;
}

std::string Percent(const VllmHybridPages& p) {
  return FormatInUnit(p.padding_percent(), kByteUnit, 2);
}

// V9. vLLM 0.10.2, Qwen3-Next-80B-A3B-Instruct, TP=2 (H200), bf16,
// max_model_len 262144: "Setting attention block size to 544 tokens ...",
// "Padding mamba page size by 1.49% ...", "Available KV cache memory: 44.59
// GiB", "GPU KV cache size: 973,760 tokens", "Maximum concurrency for
// 262,144 tokens per request: 14.77x".
// Source: a user's terminal log in a public repository (code-index id
// 7292846353).
TEST(VllmLogTest, V9Qwen3NextHybrid) {
  const ImportedModel m = LoadPublished("qwen3-next-80b-a3b-instruct.json");
  const VllmSettings s = HybridVllm(262144, 2);
  const VllmHybridPages p = VllmHybridPaging(m.Spec(), s);
  EXPECT_EQ(p.block_size, 544u);
  EXPECT_EQ(Percent(p), "1.49");
  const VllmGroups g = VllmLayerGroups(m.Spec());
  EXPECT_EQ(g.layers_per_group, 12u);
  EXPECT_EQ(g.groups(), 4u);
  // 44.59 GiB holds 7,161 to 7,163 blocks of 12 pages: each gives the
  // token count, and some (7,162 and 7,163) the printed concurrency.
  int in_memory = 0, matches = 0;
  for (std::uint64_t blocks = 7000; blocks < 7400; ++blocks) {
    if (!PrintedMemoryGivesBlocks(4459, blocks, VllmBlockBytes(m.Spec(), s))) continue;
    ++in_memory;
    EXPECT_EQ(VllmCacheTokens(m.Spec(), s, blocks), 973760u) << blocks;
    matches += Concurrency(blocks, VllmBlocksPerRequest(m.Spec(), s)) == "14.77";
  }
  EXPECT_EQ(in_memory, 3);
  EXPECT_EQ(matches, 2);
}

// V10. vLLM 0.11.1rc6 (ROCm), granite-4.0-h-small, TP=1, max_model_len
// 131072: "Setting attention block size to 528 tokens ...", "Padding mamba
// page size by 0.69% ..." (the run stopped before its KV lines).
// Source: a GitHub issue's log (code-index id 57002958791).
TEST(VllmLogTest, V10GraniteHSmallBlock) {
  const ImportedModel m = Load("granite-4.0-h-small.json");
  const VllmHybridPages p = VllmHybridPaging(m.Spec(), HybridVllm(131072, 1));
  EXPECT_EQ(p.block_size, 528u);
  EXPECT_EQ(Percent(p), "0.69");
}

// V11. vLLM nightly of 2025-10-11, Qwen3-Next-80B-A3B-Instruct (int4
// AutoRound), TP=2, --dtype float16 --kv-cache-dtype fp8_e5m2,
// max_model_len 215040: "GPU KV cache size: 90,048 tokens", "Maximum
// concurrency for 215,040 tokens per request: 1.66x". An fp8 cache halves
// the attention bytes per token, so the block is 1072 and the pages match
// exactly (no padding line); some pool gives both printed figures.
// Source: https://github.com/vllm-project/vllm/issues/26646.
TEST(VllmLogTest, V11Qwen3NextFp8Hybrid) {
  const ImportedModel m = LoadPublished("qwen3-next-80b-a3b-instruct.json");
  const VllmSettings s = HybridVllm(215040, 2, StorageFormat::kFp8E4M3);
  const VllmHybridPages p = VllmHybridPaging(m.Spec(), s);
  EXPECT_EQ(p.block_size, 1072u);
  EXPECT_EQ(p.page_bytes, p.state_page_bytes);
  int matches = 0;
  for (std::uint64_t blocks = 1; blocks < 1000; ++blocks) {
    matches += VllmCacheTokens(m.Spec(), s, blocks) == 90048 &&
               Concurrency(blocks, VllmBlocksPerRequest(m.Spec(), s)) == "1.66";
  }
  EXPECT_EQ(matches, 2);  // 338 or 339 blocks
}

// Records V12 to V17 are from the logs collected for issue 12 (sources
// cited per record); each prints the vLLM version in its own log.

// V12. vLLM 0.10.1.1, openai/gpt-oss-120b, TP=4 (A100 80GB), max_model_len
// 16384, max_num_batched_tokens 2048: "Available KV cache memory: 45.32
// GiB", "GPU KV cache size: 2,640,144 tokens", "Maximum concurrency for
// 16,384 tokens per request: 284.25x", "num_gpu_blocks is: 330018".
// 18 sliding (window 128) and 18 full layers: two groups of 18.
// Source: github.com/dennislee22/vLLM-benchmarking,
// log/vllm-120B-4gpuA10080GB-0.8GRAM-diff-nodes.log (commit 0787d88e).
TEST(VllmLogTest, V12GptOss120bTp4) {
  const ImportedModel m = LoadPublished("gpt-oss-120b.json");
  VllmSettings s = Vllm(16384);
  s.tensor_parallel = 4;
  EXPECT_EQ(VllmLayerGroups(m.Spec()).groups(), 2u);
  EXPECT_TRUE(PrintedMemoryGivesBlocks(4532, 330018, VllmBlockBytes(m.Spec(), s)));
  EXPECT_EQ(VllmCacheTokens(m.Spec(), s, 330018), 2640144u);
  EXPECT_EQ(Concurrency(330018, VllmBlocksPerRequest(m.Spec(), s)), "284.25");
}

// V13. vLLM 0.9.2, Qwen/Qwen3-8B, A100-SXM4-40GB, all defaults (max model
// len 40960): "Available KV cache memory: 18.69 GiB", "GPU KV cache size:
// 136,080 tokens", "Maximum concurrency for 40,960 tokens per request:
// 3.32x", "num_gpu_blocks is: 8505".
// Source: find_string id 58028398527 (a blog-style walkthrough).
TEST(VllmLogTest, V13Qwen3_8B) {
  const ImportedModel m = LoadPublished("qwen3-8b.json");
  const VllmSettings s = Vllm(40960);
  EXPECT_TRUE(PrintedMemoryGivesBlocks(1869, 8505, VllmBlockBytes(m.Spec(), s)));
  EXPECT_EQ(VllmCacheTokens(m.Spec(), s, 8505), 136080u);
  EXPECT_EQ(Concurrency(8505, VllmBlocksPerRequest(m.Spec(), s)), "3.32");
}

// V14. vLLM 0.10.2, Qwen/Qwen3-235B-A22B-Instruct-2507-FP8, TP=8 with
// expert parallelism (8x L40S), max_model_len 32768: 4 KV heads over 8
// ranks, so each rank holds one (replicated). Each rank logs "Current kv
// cache memory in use is N bytes": 11465081548 on TP0, 11423138508 on TP2
// (the smallest). The engine keeps the smallest rank's blocks ("num_gpu_
// blocks is: 14834"), while "GPU KV cache size: 238,208 tokens" and
// "Maximum concurrency for 32,768 tokens per request: 7.27x" are rank 0's.
// Source: find_string id 38962983769 ("Hosting Qwen3-235B-A22B-Instruct-
// 2507-FP8 on 8xL40S").
TEST(VllmLogTest, V14Qwen3_235bTp8PerRank) {
  const ImportedModel m = LoadPublished("qwen3-235b-a22b-instruct-2507.json");
  VllmSettings s = Vllm(32768);
  s.tensor_parallel = 8;
  EXPECT_EQ(VllmKvHeadsPerRank(m.Spec(), 8), 1u);
  const std::uint64_t rank0 = VllmNumBlocks(m.Spec(), s, 11465081548u);
  const std::uint64_t smallest = VllmNumBlocks(m.Spec(), s, 11423138508u);
  EXPECT_EQ(smallest, 14834u);
  EXPECT_EQ(VllmCacheTokens(m.Spec(), s, rank0), 238208u);
  EXPECT_EQ(Concurrency(rank0, VllmBlocksPerRequest(m.Spec(), s)), "7.27");
}

// V15. vLLM 0.11.0 (NVIDIA's 25.11 build), Mistral-7B-Instruct-v0.2 (GPTQ,
// fp16), DGX Spark, max model len 32768: "Available KV cache memory:
// 102.56 GiB", "GPU KV cache size: 840,160 tokens", "Maximum concurrency
// for 32,768 tokens per request: 25.64x", "num_gpu_blocks is: 52510".
// Source: find_string id 9009555428 (Arm Learning Path, "Real-Time
// Offline Voice Chatbot Using STT and vLLM").
TEST(VllmLogTest, V15Mistral7BInstructV02) {
  const ImportedModel m = Load("mistral-7b-instruct-v0.2.json");
  const VllmSettings s = Vllm(32768, StorageFormat::kF16);
  EXPECT_TRUE(PrintedMemoryGivesBlocks(10256, 52510, VllmBlockBytes(m.Spec(), s)));
  EXPECT_EQ(VllmCacheTokens(m.Spec(), s, 52510), 840160u);
  EXPECT_EQ(Concurrency(52510, VllmBlocksPerRequest(m.Spec(), s)), "25.64");
}

// V16. vLLM 0.11.0rc2.dev98 (ROCm), google/gemma-3-27b-it, max_model_len
// 4096, max_num_batched_tokens 8192: "Available KV cache memory: 109.86
// GiB", "Add 8 padding layers, may waste at most 15.38% KV cache memory",
// "GPU KV cache size: 205,696 tokens", "Maximum concurrency for 4,096
// tokens per request: 50.05x", "num_gpu_blocks is: 89994". 10 full and 52
// sliding layers: 7 groups of 10 (8 of the 70 places empty).
// Source: find_string id 9297248278 ("vLLM API Server Startup Log
// (Example)").
TEST(VllmLogTest, V16Gemma3_27B) {
  const ModelSpec m = *FindModel("gemma-3-27b");
  VllmSettings s = Vllm(4096);
  s.max_num_batched_tokens = 8192;
  const VllmGroups g = VllmLayerGroups(m);
  EXPECT_EQ(g.groups() * g.layers_per_group - m.attention.num_layers, 8u);
  EXPECT_EQ(FormatInUnit({100 * 8, m.sliding_window_layers}, kByteUnit, 2), "15.38");
  EXPECT_TRUE(PrintedMemoryGivesBlocks(10986, 89994, VllmBlockBytes(m, s)));
  EXPECT_EQ(VllmCacheTokens(m, s, 89994), 205696u);
  EXPECT_EQ(Concurrency(89994, VllmBlocksPerRequest(m, s)), "50.05");
}

// V17. vLLM 0.16.1.dev0 (ROCm, March 2026), Qwen/Qwen2.5-7B-Instruct,
// max_model_len 8192: "Available KV cache memory: 26.92 GiB", "GPU KV cache
// size: 504,064 tokens", "Maximum concurrency for 8,192 tokens per request:
// 61.53x".
// Source: github.com/leofishman/amd-hackathon, evidence/vllm.log (commit
// 9968974b).
TEST(VllmLogTest, V17Qwen25_7BInstruct) {
  const ImportedModel m = LoadPublished("qwen2.5-7b-instruct.json");
  const VllmSettings s = Vllm(8192);
  const std::uint64_t blocks = 504064 / 16;
  EXPECT_TRUE(PrintedMemoryGivesBlocks(2692, blocks, VllmBlockBytes(m.Spec(), s)));
  EXPECT_EQ(VllmCacheTokens(m.Spec(), s, blocks), 504064u);
  EXPECT_EQ(Concurrency(blocks, VllmBlocksPerRequest(m.Spec(), s)), "61.53");
}

// V18. vLLM 0.23.0 (ROCm, MI300X), google/gemma-3-4b-it, max_model_len
// 8192, max_num_batched_tokens 8192, asynchronous scheduling: "Available
// KV cache memory: 162.84 GiB", "Add 1 padding layers, may waste at most
// 3.45% KV cache memory", "GPU KV cache size: 1,217,591 tokens", "Maximum
// concurrency for 8,192 tokens per request: 148.63x". Era kV0_21: the
// tokens are int(concurrency x max_model_len), no multiple of the block.
// Source: github.com/Logicrithm/orbit-ai, evidence/vllm.log (commit
// 09b4c194).
TEST(VllmLogTest, V18Gemma3_4bTokensOfConcurrency) {
  const ImportedModel m = Load("gemma-3-4b-it.json");
  VllmSettings s = Vllm(8192, StorageFormat::kBF16, VllmEra::kV0_21);
  s.max_num_batched_tokens = 8192;
  const VllmGroups g = VllmLayerGroups(m.Spec());
  EXPECT_EQ(g.groups() * g.layers_per_group - m.Spec().attention.num_layers, 1u);
  const std::uint64_t per_request = VllmBlocksPerRequest(m.Spec(), s);
  // 162.84 GiB (+-0.005 GiB) holds one of 34 block counts; one of
  // them gives both printed figures, and none the tokens under era kV0_9.
  int matches = 0, in_memory = 0;
  for (std::uint64_t blocks = 533000; blocks < 534200; ++blocks) {
    if (!PrintedMemoryGivesBlocks(16284, blocks, VllmBlockBytes(m.Spec(), s))) continue;
    ++in_memory;
    matches += VllmCacheTokens(m.Spec(), s, blocks) == 1217591 &&
               Concurrency(blocks, per_request) == "148.63";
    VllmSettings old = s;
    old.era = VllmEra::kV0_9;
    EXPECT_NE(VllmCacheTokens(m.Spec(), old, blocks), 1217591u);
  }
  EXPECT_EQ(in_memory, 34);
  EXPECT_EQ(matches, 1);
}

// V19. vLLM of July 2025 (0.1.dev7548+gbaba038), deepseek-ai/DeepSeek-V2-
// Lite (27 MLA layers), TP=2 x PP=2 (4x L4), max_model_len 1024:
// "(VllmWorker rank=0) Available KV cache memory: 12.13 GiB" (rank 1 the
// same), "rank=2 ... 11.33 GiB" (rank 3 the same), "GPU KV cache size:
// 807,792 tokens", "Maximum concurrency for 1,024 tokens per request:
// 788.86x". Stage 0 holds 14 layers and stage 1 13; stage 0's memory gives
// the fewer blocks, 50,487 of them, which the engine keeps (were the 14
// layers on ranks 2 and 3, their 11.33 GiB would hold 47,165 blocks at
// most: 754,640 tokens).
// Source: https://github.com/vllm-project/vllm/pull/20665 (eicherseiji,
// 2025-07-09).
TEST(VllmLogTest, V19DeepSeekV2LitePipeline) {
  const ImportedModel m = LoadPublished("deepseek-v2-lite.json");
  VllmSettings s = Vllm(1024);
  s.tensor_parallel = 2;
  s.pipeline_parallel = 2;
  const std::uint64_t blocks = 807792 / 16;
  EXPECT_TRUE(PrintedMemoryGivesBlocks(1213, blocks, VllmStageBlockBytes(m.Spec(), s, 0)));
  // Stage 1's 11.33 GiB, even at the bottom of its rounding, holds more.
  const std::uint64_t stage1_least = (2 * 1133 - 1) * kGiB / 200;
  EXPECT_GT(stage1_least / VllmStageBlockBytes(m.Spec(), s, 1), blocks);
  const std::uint64_t stage1_most = (2 * 1133 + 1) * kGiB / 200;
  EXPECT_EQ(stage1_most / VllmStageBlockBytes(m.Spec(), s, 0), 47165u);
  EXPECT_EQ(VllmBlockBytes(m.Spec(), s), VllmStageBlockBytes(m.Spec(), s, 0));
  EXPECT_EQ(VllmCacheTokens(m.Spec(), s, blocks), 807792u);
  EXPECT_EQ(Concurrency(blocks, VllmBlocksPerRequest(m.Spec(), s)), "788.86");
}

// The budget chain (kvmodel/gpu_budget.h) against the two logs that print
// every term: "Free memory on device (F/T GiB) on startup. Desired GPU
// memory utilization is (U, R GiB). Actual usage is W GiB for weight, A GiB
// for peak activation, N GiB for non-torch memory, and G GiB for CUDAGraph
// memory. ... Current kv cache memory in use is K bytes." Each GiB figure
// is rounded to 0.01 (vLLM prints round(x, 2): "1.4" is 1.40), so the
// chain gives a range; the exact K must lie in it, and does not once the
// CUDA graphs are subtracted too.
struct PrintedGiB {
  std::uint64_t hundredths;
  std::uint64_t lo() const { return CeilDiv((2 * hundredths - 1) * kGiB, 200); }
  std::uint64_t hi() const { return (2 * hundredths + 1) * kGiB / 200; }
};

struct ChainRange {
  std::uint64_t lo, hi;
};

// RequestedOverlaps() is whether total x util, over the total's rounding,
// meets the printed requested memory's rounding.
bool RequestedOverlaps(PrintedGiB total, std::uint32_t util, PrintedGiB requested) {
  return VllmRequestedMemory({total.lo(), util}) <= requested.hi() &&
         VllmRequestedMemory({total.hi(), util}) >= requested.lo();
}

ChainRange KvMemoryRange(PrintedGiB total, std::uint32_t util, PrintedGiB weights,
                         PrintedGiB activation, PrintedGiB non_torch) {
  const VllmMemory least{total.lo(), util, weights.hi(), activation.hi(), non_torch.hi()};
  const VllmMemory most{total.hi(), util, weights.lo(), activation.lo(), non_torch.lo()};
  return {VllmAvailableKvMemory(least), VllmAvailableKvMemory(most)};
}

// V9's log, vLLM 0.10.2, Qwen3-Next-80B-A3B at TP 2 on H200: T 139.81,
// (0.9, 125.83 GiB), W 74.28, A 5.58, N 1.38, G 2.37, K 47878721024 bytes;
// "Available KV cache memory: 44.59 GiB".
TEST(VllmBudgetTest, V9Qwen3NextChain) {
  const ChainRange r = KvMemoryRange({13981}, 900'000, {7428}, {558}, {138});
  EXPECT_LE(r.lo, 47878721024u);
  EXPECT_GE(r.hi, 47878721024u);
  EXPECT_LT(r.hi - PrintedGiB{237}.lo(), 47878721024u);  // graphs not subtracted
  EXPECT_EQ(GiB(47878721024u), "44.59");
  EXPECT_TRUE(RequestedOverlaps({13981}, 900'000, {12583}));
  EXPECT_FALSE(RequestedOverlaps({13981}, 950'000, {12583}));
}

// V14's log, vLLM 0.10.2, Qwen3-235B-A22B-FP8 at TP 8, rank TP2 (an L40S):
// T 44.42, (0.9, 39.98 GiB), W 27.72, A 1.4, N 0.21, G 3.45, K 11423138508
// bytes, the rank whose blocks the engine keeps (record V14).
TEST(VllmBudgetTest, V14Qwen3_235bRankChain) {
  const ChainRange r = KvMemoryRange({4442}, 900'000, {2772}, {140}, {21});
  EXPECT_LE(r.lo, 11423138508u);
  EXPECT_GE(r.hi, 11423138508u);
  EXPECT_LT(r.hi - PrintedGiB{345}.lo(), 11423138508u);
  EXPECT_TRUE(RequestedOverlaps({4442}, 900'000, {3998}));
}

// V20. vLLM 0.13.0, a 4-bit Qwen3-Next-80B-A3B (compressed-tensors; the
// geometry of the published config), TP=2 (2x L40S), --kv-cache-dtype fp8,
// max_model_len 32768: "Setting attention block size to 1072 tokens ...",
// "Available KV cache memory: 17.58 GiB", "GPU KV cache size: 767,552
// tokens", "Maximum concurrency for 32,768 tokens per request: 84.29x".
// Source: find_string id 33676930891 (a docker-compose log).
TEST(VllmLogTest, V20Qwen3NextFp8At32k) {
  const ImportedModel m = LoadPublished("qwen3-next-80b-a3b-instruct.json");
  const VllmSettings s = HybridVllm(32768, 2, StorageFormat::kFp8E4M3);
  EXPECT_EQ(VllmBlockSize(m.Spec(), s), 1072u);
  int in_memory = 0, matches = 0;
  for (std::uint64_t blocks = 2000; blocks < 4000; ++blocks) {
    if (!PrintedMemoryGivesBlocks(1758, blocks, VllmBlockBytes(m.Spec(), s))) continue;
    ++in_memory;
    matches += VllmCacheTokens(m.Spec(), s, blocks) == 767552 &&
               Concurrency(blocks, VllmBlocksPerRequest(m.Spec(), s)) == "84.29";
  }
  EXPECT_GT(in_memory, 0);
  EXPECT_GT(matches, 0);
}

}  // namespace
}  // namespace kvmodel
