// Every row of every checked-in generated/models/*.h, as compiled in C and in
// C++, equals the constexpr context sweep of its catalog model, and the
// lookups agree with a scan.

#include <cstddef>
#include <cstdint>

#include "generated/models/all.h"
#include "generated/models_c.h"
#include "gtest/gtest.h"
#include "kvmodel/catalog.h"
#include "kvmodel/catalog_table.h"
#include "kvmodel/fingerprint.h"

namespace {

std::size_t g_models_checked = 0;

template <typename Row, std::size_t N>
void CheckModel(const char* name, const Row (&rows)[N], std::uint64_t fingerprint,
                const Row* (*at_least)(std::uint64_t),
                const Row* (*longest_fitting)(std::uint64_t)) {
  SCOPED_TRACE(name);
  ++g_models_checked;
  const auto model = kvmodel::FindModel(name);
  ASSERT_TRUE(model.has_value());
  kvmodel::Fnv1a h;
  EXPECT_EQ(fingerprint, kvmodel::Fingerprint(h, *model).hash());
  const kvmodel::Sweep sweep = kvmodel::ContextSweep(*model);
  ASSERT_EQ(N, sweep.count);
  std::size_t c_count = 0;
  const std::uint64_t* c_rows = kv_models_c_rows(name, &c_count);
  ASSERT_EQ(c_count, N);
  for (std::size_t i = 0; i < N; ++i) {
    EXPECT_EQ(rows[i].context_tokens, sweep.rows[i].context_tokens);
    EXPECT_EQ(rows[i].kv_bytes_16bit, sweep.rows[i].kv_bytes_16bit);
    EXPECT_EQ(rows[i].kv_bytes_fp8, sweep.rows[i].kv_bytes_fp8);
    EXPECT_EQ(c_rows[3 * i], sweep.rows[i].context_tokens);
    EXPECT_EQ(c_rows[3 * i + 1], sweep.rows[i].kv_bytes_16bit);
    EXPECT_EQ(c_rows[3 * i + 2], sweep.rows[i].kv_bytes_fp8);
    // Lookups at, just below and just above each row.
    const std::uint64_t tokens = rows[i].context_tokens;
    EXPECT_EQ(at_least(tokens), &rows[i]);
    EXPECT_EQ(at_least(tokens - 1), &rows[i]);
    EXPECT_EQ(at_least(tokens + 1), i + 1 < N ? &rows[i + 1] : nullptr);
    // The longest fitting row is the last whose bytes fit: past a sliding
    // window several rows can share one size.
    for (const std::uint64_t budget :
         {rows[i].kv_bytes_16bit - 1, rows[i].kv_bytes_16bit}) {
      const Row* want = nullptr;
      for (std::size_t j = 0; j < N; ++j) {
        if (rows[j].kv_bytes_16bit <= budget) want = &rows[j];
      }
      EXPECT_EQ(longest_fitting(budget), want);
    }
  }
}

TEST(ModelHeadersTest, EveryRowOfEveryModel) {
#define KV_CHECK(symbol, SYMBOL, name)                                 \
  CheckModel(name, kv_##symbol##_rows, KV_##SYMBOL##_FINGERPRINT,      \
             kv_##symbol##_at_least, kv_##symbol##_longest_fitting);
  KV_FOR_EACH_MODEL(KV_CHECK)
#undef KV_CHECK
  EXPECT_EQ(g_models_checked, kvmodel::kCatalog.size());
}

}  // namespace
