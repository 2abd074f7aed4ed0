// A config.json turned into a constexpr header (tests/BUILD runs
// //tools:config_to_header) is a model like the catalog's: its figures are
// constant expressions, and they equal what the run-time import reads from
// the same file.

#include <cstddef>
#include <string>

#include "config/hf_config.h"
#include "gtest/gtest.h"
#include "kvmodel/catalog_table.h"
#include "kvmodel/model.h"
#include "kvmodel/runtime_llama_cpp.h"
#include "kvmodel/runtime_vllm.h"
#include "kvmodel/units.h"
#include "tests/user_models/deepseek_v3.h"
#include "tests/user_models/granite_4_0_h_micro.h"
#include "tests/user_models/mistral_7b_instruct_v02.h"
#include "tests/user_models/mistral_7b_instruct_v02_kv.h"

namespace {

using kvmodel::kMiB;
using user_models::kDeepSeekV3;
using user_models::kGraniteMicro;
using user_models::kMistral7BInstructV02;

// granite-4.0-h-micro, a hybrid, layer by layer in the generated header: 36
// Mamba 2 layers of 537,344 f32 state values (77,377,536 bytes: the 73.79
// MiB llama.cpp logs for one sequence) and 4 attention layers of 8 KV heads
// x 64 (8,192 bytes per token in bf16).
static_assert(kvmodel::ModelStateBytesPerSequence(kGraniteMicro) == 77'377'536);
static_assert(kvmodel::ModelKvBytesPerToken(kGraniteMicro) == 8192);
static_assert(kvmodel::LlamaCppKvCache(kGraniteMicro, kvmodel::LlamaCppSettings{.n_ctx = 4096})
                  .recurrent.total_bytes() == 77'377'536);

TEST(UserModelHeader, HybridLayerByLayer) {
  EXPECT_EQ(kvmodel::ModelStateBytesPerSequence(kGraniteMicro), 77'377'536u);
  const absl::StatusOr<kvtables::config::ImportedModel> read =
      kvtables::config::ReadHfConfigFile("tests/testdata/granite-4.0-h-micro-base.json");
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_EQ(kvmodel::ModelKvCacheBytes(read->Spec(), 4096, 3),
            kvmodel::ModelKvCacheBytes(kGraniteMicro, 4096, 3));
}

// Mistral 7B Instruct v0.2 (not in the catalog): 32 layers x 8 KV heads x
// 128 x 2 bytes x (K + V) = 131,072 bytes per token, no sliding window.
static_assert(kvmodel::ModelKvBytesPerToken(kMistral7BInstructV02) == 131072);
static_assert(kMistral7BInstructV02.sliding_window_layers == 0);
// llama.cpp at n_ctx 2048: 256 MiB, as llama-cpp-python printed (record L15
// in tests/runtime_logs_test.cc), now at compile time.
static_assert(kvmodel::LlamaCppKvCache(kMistral7BInstructV02, [] {
                kvmodel::LlamaCppSettings s;
                s.n_ctx = 2048;
                return s;
              }()).total_bytes() == 256 * kMiB);
// DeepSeek-V3: 61 layers x 576 latent values x 2 bytes, no V.
static_assert(kvmodel::ModelKvBytesPerToken(kDeepSeekV3) == 61 * 576 * 2);
static_assert(kDeepSeekV3.parameters_total == 671'026'419'200);
static_assert(kvmodel::VllmPageBytes(kDeepSeekV3, [] {
                kvmodel::VllmSettings s;
                s.max_model_len = 4096;
                return s;
              }()) == 16 * 576 * 2);

void ExpectSame(const kvmodel::ModelSpec& generated, const std::string& file,
                std::uint64_t parameters) {
  const absl::StatusOr<kvtables::config::ImportedModel> imported =
      kvtables::config::ReadHfConfigFile("tests/testdata/" + file);
  ASSERT_TRUE(imported.ok()) << imported.status();
  const kvmodel::ModelSpec m = imported->Spec();
  EXPECT_EQ(generated.name, m.name);
  EXPECT_EQ(generated.family, m.family);
  EXPECT_EQ(generated.hf_repo, m.hf_repo);
  EXPECT_EQ(generated.source.substr(0, m.source.size()), m.source);
  EXPECT_EQ(generated.attention, m.attention);
  EXPECT_EQ(generated.sliding_window_layers, m.sliding_window_layers);
  EXPECT_EQ(generated.sliding_window_tokens, m.sliding_window_tokens);
  EXPECT_EQ(generated.cross_attention_layers, m.cross_attention_layers);
  EXPECT_EQ(generated.cross_attention_tokens, m.cross_attention_tokens);
  EXPECT_EQ(generated.no_cache_layers, m.no_cache_layers);
  EXPECT_EQ(generated.kv_lora_rank, m.kv_lora_rank);
  EXPECT_EQ(generated.qk_rope_head_dim, m.qk_rope_head_dim);
  EXPECT_EQ(generated.max_context_tokens, m.max_context_tokens);
  EXPECT_EQ(generated.weights_format, m.weights_format);
  EXPECT_EQ(generated.parameters_total, parameters);
}

TEST(UserModelHeaderTest, EqualsRuntimeImport) {
  const absl::StatusOr<kvtables::config::ImportedModel> mistral =
      kvtables::config::ReadHfConfigFile(
          "tests/testdata/mistral-7b-instruct-v0.2.json");
  ASSERT_TRUE(mistral.ok());
  ExpectSame(kMistral7BInstructV02, "mistral-7b-instruct-v0.2.json",
             mistral->Spec().parameters_total);
  ExpectSame(kDeepSeekV3, "deepseek-v3.json", 671'026'419'200);
}

// The C header written beside it (--c_header) holds the same context sweep
// as the constexpr model: 131,072 bytes per token, 256 to 32,768 tokens.
static_assert(KV_MISTRALAI_MISTRAL_7B_INSTRUCT_V0_2_KV_BYTES_PER_TOKEN_16BIT ==
              131072);

TEST(UserModelHeaderTest, CHeaderRowsEqualTheConstexprSweep) {
  const kvmodel::Sweep sweep = kvmodel::ContextSweep(kMistral7BInstructV02);
  ASSERT_EQ(KV_MISTRALAI_MISTRAL_7B_INSTRUCT_V0_2_ROW_COUNT, sweep.count);
  for (std::size_t i = 0; i < sweep.count; ++i) {
    const auto& row = kv_mistralai_Mistral_7B_Instruct_v0_2_rows[i];
    EXPECT_EQ(row.context_tokens, sweep.rows[i].context_tokens);
    EXPECT_EQ(row.kv_bytes_16bit, sweep.rows[i].kv_bytes_16bit);
    EXPECT_EQ(row.kv_bytes_fp8, sweep.rows[i].kv_bytes_fp8);
  }
  // 32,768 tokens (the config's max_position_embeddings) at 131,072 bytes.
  EXPECT_EQ(kv_mistralai_Mistral_7B_Instruct_v0_2_at_least(32768)->kv_bytes_16bit,
            4ull << 30);
}

}  // namespace
