// examples/bazel_consumer/seed_vlm_kv_model_test.cc
//
// A C++ consumer's check, through @kvtables, that the generated header it
// includes matches the model it ships: the fingerprint equals
// kvmodel::Fingerprint() of the seed VLM preset, every row of the constexpr
// table is found by grid, and the largest-fitting lookup agrees with
// kvmodel::LargestFittingCrop() at every row's peak and one byte below it.

#include <cstddef>
#include <cstdint>
#include <iostream>
#include <optional>

#include "generated/seed_vlm_kv.h"
#include "kvmodel/crop_solver.h"
#include "kvmodel/crop_table.h"
#include "kvmodel/fingerprint.h"
#include "kvmodel/seed_vlm.h"

namespace {

constexpr auto kTable = kvmodel::CropTable<kvmodel::kSeedVlm>();

static_assert(SEED_VLM_KV_FINGERPRINT == kvmodel::Fingerprint(kvmodel::kSeedVlm),
              "generated/seed_vlm_kv.h was generated from other parameters");
static_assert(SEED_VLM_KV_ROW_COUNT == kTable.size());

// ModelRow() is the header's row for the model's answer, or nullptr.
const seed_vlm_kv_row* ModelRow(std::optional<std::size_t> index) {
  return index ? &seed_vlm_kv_rows[*index] : nullptr;
}

}  // namespace

int main() {
  int failures = 0;
  for (std::size_t i = 0; i < kTable.size(); ++i) {
    const kvmodel::CropRow& row = kTable[i];
    if (seed_vlm_kv_find(row.grid.rows, row.grid.columns) != &seed_vlm_kv_rows[i]) {
      std::cout << "FAIL: find(" << row.grid.rows << ", " << row.grid.columns
                << ") is not row " << i << "\n";
      ++failures;
    }
    const std::uint64_t peak = row.kv_peak.total();
    for (std::uint64_t budget_bytes : {peak - 1, peak}) {
      const seed_vlm_kv_row* want =
          ModelRow(kvmodel::LargestFittingCrop(kTable, budget_bytes));
      if (seed_vlm_kv_largest_fitting(budget_bytes) != want) {
        std::cout << "FAIL: largest_fitting(" << budget_bytes
                  << ") differs from kvmodel::LargestFittingCrop\n";
        ++failures;
      }
    }
  }
  std::cout << kTable.size() << " rows, " << failures << " failure(s)\n";
  return failures == 0 ? 0 : 1;
}
