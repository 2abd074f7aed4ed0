// bench/lookup_benchmark.cc: one lookup in a generated header per iteration,
// on the host. Queries cycle through 4,096 run-time inputs (every table row
// plus misses and values between rows, shuffled with a fixed seed), so the
// branch predictor cannot learn one path and nothing is folded.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <random>
#include <vector>

#include "benchmark/benchmark.h"
#include "generated/models/all.h"
#include "generated/seed_vlm_kv.h"

namespace {

constexpr std::size_t kQueries = 4096;  // a power of two: index by mask

template <typename T>
std::vector<T> Shuffled(std::vector<T> v) {
  std::mt19937_64 rng(7);
  std::shuffle(v.begin(), v.end(), rng);
  return v;
}

struct Grid {
  std::uint32_t h;
  std::uint32_t w;
};

void BM_SeedFind(benchmark::State& state) {
  std::vector<Grid> grids;
  for (std::size_t i = 0; grids.size() < kQueries; ++i) {
    const seed_vlm_kv_row& row = seed_vlm_kv_rows[i % SEED_VLM_KV_ROW_COUNT];
    // Three in four hit a row; one in four asks for a grid not in the table.
    if (i % 4 == 3) {
      grids.push_back({row.grid_h + 7, row.grid_w + 5});
    } else {
      grids.push_back({row.grid_h, row.grid_w});
    }
  }
  grids = Shuffled(grids);
  std::size_t i = 0;
  for (auto _ : state) {
    const Grid g = grids[i++ & (kQueries - 1)];
    benchmark::DoNotOptimize(seed_vlm_kv_find(g.h, g.w));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_SeedFind);

void BM_SeedLargestFitting(benchmark::State& state) {
  std::vector<std::uint64_t> budgets;
  const std::uint64_t top =
      seed_vlm_kv_fitting_steps[SEED_VLM_KV_FITTING_STEP_COUNT - 1]
          .min_budget_bytes;
  std::mt19937_64 rng(11);
  std::uniform_int_distribution<std::uint64_t> budget(0, top + top / 8);
  for (std::size_t i = 0; i < kQueries; ++i) budgets.push_back(budget(rng));
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        seed_vlm_kv_largest_fitting(budgets[i++ & (kQueries - 1)]));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_SeedLargestFitting);

std::vector<std::uint64_t> TokenQueries(std::uint64_t max_tokens) {
  std::mt19937_64 rng(13);
  std::uniform_int_distribution<std::uint64_t> tokens(1, max_tokens + 1024);
  std::vector<std::uint64_t> v;
  for (std::size_t i = 0; i < kQueries; ++i) v.push_back(tokens(rng));
  return v;
}

void BM_ModelAtLeast(benchmark::State& state) {
  const std::vector<std::uint64_t> tokens =
      TokenQueries(KV_LLAMA_3_1_8B_MAX_CONTEXT_TOKENS);
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        kv_llama_3_1_8b_at_least(tokens[i++ & (kQueries - 1)]));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ModelAtLeast);

void BM_ModelLongestFitting(benchmark::State& state) {
  std::mt19937_64 rng(17);
  std::uniform_int_distribution<std::uint64_t> budget(
      0, 2 * kv_llama_3_1_8b_rows[KV_LLAMA_3_1_8B_ROW_COUNT - 1].kv_bytes_16bit);
  std::vector<std::uint64_t> budgets;
  for (std::size_t i = 0; i < kQueries; ++i) budgets.push_back(budget(rng));
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        kv_llama_3_1_8b_longest_fitting(budgets[i++ & (kQueries - 1)]));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ModelLongestFitting);

}  // namespace
