#include "kvmodel/catalog_table.h"

#include "gtest/gtest.h"

namespace kvmodel {
namespace {

constexpr auto kTable = CatalogTable();
constexpr std::size_t IndexOf(std::string_view name) {
  for (std::size_t i = 0; i < kCatalog.size(); ++i) {
    if (kCatalog[i].name == name) return i;
  }
  return kCatalog.size();
}

// The header's worked example, by hand from Llama 3.1 8B's config.
constexpr CatalogRow kLlama = kTable[IndexOf("llama-3.1-8b")];
static_assert(kLlama.kv_bytes_per_token_16bit == 131'072);
static_assert(kLlama.kv_bytes_per_token_fp8 == 65'536);
static_assert(kLlama.weights_bytes_bf16 == 16'060'522'496);
static_assert(kLlama.weights_bytes_fp8 == 8'030'261'248);
// q8_0: 8.5 bits per weight: 8,030,261,248 * 17 / 16 = 8,532,152,576.
static_assert(kLlama.weights_bytes_q8_0 == 8'532'152'576);
static_assert(kLlama.kv_bytes_at[2] == 1'073'741'824);  // 8,192 tokens
// Llama 2 7B's 4,096-token limit: no 8,192 column.
static_assert(kTable[IndexOf("llama-2-7b")].kv_bytes_at[2] == 0);
// gpt-oss-20b past its 128-token windows adds only its 12 full layers:
// 12 * 8 * 64 * 2 * 2 = 24,576 bytes per token.
static_assert(kTable[IndexOf("gpt-oss-20b")].kv_bytes_per_token_past_windows ==
              24'576);

// Sweeps: 256 .. 65,536 and 131,072 for Llama 3.1 8B (10 rows).
constexpr Sweep kSweep = ContextSweep(kCatalog[IndexOf("llama-3.1-8b")]);
static_assert(kSweep.count == 10);
static_assert(kSweep.rows[0].context_tokens == 256);
static_assert(kSweep.rows[9].context_tokens == 131'072);
static_assert(kSweep.rows[9].kv_bytes_16bit == 16 * kGiB);
// Mistral NeMo's 128,000 is not a power of two: ... 65,536, then 128,000.
constexpr Sweep kNemo = ContextSweep(kCatalog[IndexOf("mistral-nemo-12b")]);
static_assert(kNemo.rows[kNemo.count - 1].context_tokens == 128'000);
static_assert(kNemo.rows[kNemo.count - 2].context_tokens == 65'536);

TEST(CatalogTableTest, RunTimeEqualsCompileTime) {
  for (std::size_t i = 0; i < kCatalog.size(); ++i) {
    const CatalogRow row = ComputeCatalogRow(i);
    EXPECT_EQ(row.kv_bytes_per_token_16bit, kTable[i].kv_bytes_per_token_16bit);
    EXPECT_EQ(row.weights_bytes_q4_k_m, kTable[i].weights_bytes_q4_k_m);
    EXPECT_EQ(row.kv_bytes_at, kTable[i].kv_bytes_at);
  }
  EXPECT_EQ(ContextSweep(kCatalog[IndexOf("llama-3.1-8b")]).count, 10u);
}

}  // namespace
}  // namespace kvmodel
