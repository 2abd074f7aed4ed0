// examples/firmware/expected_choice.cc
//
// The answers the firmware image must print, computed on the host from the
// constexpr model rather than from the generated header: for each budget in
// budgets.h, kvmodel::LargestFittingCrop() over the seed VLM's constexpr
// table (kvmodel::CropTable<kvmodel::kSeedVlm>()). Prints one line per
// budget, in the image's format:
//
//   largest grid fitting 200000000 bytes: 3x4 (kv_bytes_peak 198205440)
//   no grid fits 50000000 bytes

#include <cstdint>
#include <iostream>
#include <optional>

#include "examples/firmware/budgets.h"
#include "kvmodel/crop_solver.h"
#include "kvmodel/crop_table.h"
#include "kvmodel/seed_vlm.h"

namespace {

constexpr auto kTable = kvmodel::CropTable<kvmodel::kSeedVlm>();

// budgets.h's worked example, checked by the compiler.
static_assert(kTable[*kvmodel::LargestFittingCrop(kTable, 200'000'000)]
                  .grid.rows == 3);
static_assert(kTable[*kvmodel::LargestFittingCrop(kTable, 200'000'000)]
                  .grid.columns == 4);

}  // namespace

int main() {
  for (std::uint64_t budget_bytes : firmware_budgets_bytes) {
    const std::optional<std::size_t> best =
        kvmodel::LargestFittingCrop(kTable, budget_bytes);
    if (!best) {
      std::cout << "no grid fits " << budget_bytes << " bytes\n";
      continue;
    }
    const kvmodel::CropRow& row = kTable[*best];
    std::cout << "largest grid fitting " << budget_bytes
              << " bytes: " << row.grid.rows << "x" << row.grid.columns
              << " (kv_bytes_peak " << row.kv_peak.total() << ")\n";
  }
  return std::cout.good() ? 0 : 1;
}
