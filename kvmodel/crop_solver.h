// kvmodel/crop_solver.h
//
// "Which is the largest crop grid that fits?" over a crop-grid table.
//
// A grid is larger than another when it has more crops, or as many crops and
// more image tokens (3x2 over 2x3 under a newline-per-row layout). A grid
// fits a budget when its peak KV cache (prompt + K tokens, the arena a
// deployment reserves) is at most the budget:
//
//   LargestFittingCrop(rows, budget) = the largest row with kv_peak <= budget
//
// Worked example (the seed table): a budget of 100,000,000 bytes fits 1x4
// (97,443,840 bytes) and 2x2 (98,672,640) but not 1x5 (109,731,840); the
// largest that fits is 2x2.
//
// LargestFittingSteps() turns the same answer into a step function for
// generated headers: entries (min_budget, row) in ascending budget, where the
// answer for budget B is the row of the last entry with min_budget <= B.
// A binary search over it answers in O(log n) with no arithmetic.

#ifndef KVMODEL_CROP_SOLVER_H_
#define KVMODEL_CROP_SOLVER_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "kvmodel/crop_table.h"

namespace kvmodel {

// LargerCrop() is true when `a` is a larger grid than `b` (see above).
constexpr bool LargerCrop(const CropRow& a, const CropRow& b) {
  if (a.grid.crops() != b.grid.crops()) return a.grid.crops() > b.grid.crops();
  return a.image_tokens > b.image_tokens;
}

// LargestFittingCrop() is the index of the largest row whose peak KV cache is
// at most `budget_bytes`, or nullopt when none fits.
constexpr std::optional<std::size_t> LargestFittingCrop(
    std::span<const CropRow> rows, std::uint64_t budget_bytes) {
  std::optional<std::size_t> best;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].kv_peak.total() > budget_bytes) continue;
    if (!best || LargerCrop(rows[i], rows[*best])) best = i;
  }
  return best;
}

// FittingStep is one step of the largest-fitting answer.
struct FittingStep {
  std::uint64_t min_budget_bytes = 0;
  std::size_t row = 0;
};

// LargestFittingSteps() is the step function of LargestFittingCrop().
constexpr std::vector<FittingStep> LargestFittingSteps(
    std::span<const CropRow> rows) {
  // Each row's budget is where it starts to fit; the answer can only change
  // there. Visit the distinct budgets in ascending order.
  std::vector<FittingStep> steps;
  std::optional<std::uint64_t> previous;
  while (true) {
    std::optional<std::uint64_t> next;
    for (const CropRow& row : rows) {
      const std::uint64_t b = row.kv_peak.total();
      if ((!previous || b > *previous) && (!next || b < *next)) next = b;
    }
    if (!next) return steps;
    const std::size_t best = *LargestFittingCrop(rows, *next);
    if (steps.empty() || steps.back().row != best) steps.push_back({*next, best});
    previous = next;
  }
}

}  // namespace kvmodel

#endif  // KVMODEL_CROP_SOLVER_H_
