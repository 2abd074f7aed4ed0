#include "kvmodel/capacity.h"

#include <cstdint>

#include "gtest/gtest.h"
#include "kvmodel/catalog.h"
#include "kvmodel/runtime_llama_cpp.h"
#include "kvmodel/units.h"

namespace kvmodel {
namespace {

// The header's worked example: 8,192 tokens of 131,072 bytes in 1 GiB.
static_assert(LargestFitting(std::uint64_t{1} << 20, [](std::uint64_t n) {
                return n * 131072 <= (std::uint64_t{1} << 30);
              }) == 8192);
// Nothing fits: 0. Everything fits: the limit.
static_assert(LargestFitting(100, [](std::uint64_t) { return false; }) == 0);
static_assert(LargestFitting(100, [](std::uint64_t) { return true; }) == 100);
static_assert(LargestFitting(0, [](std::uint64_t) { return true; }) == 0);
static_assert(LargestFitting(UINT64_MAX, [](std::uint64_t n) {
                return n <= UINT64_MAX - 1;
              }) == UINT64_MAX - 1);

// llama.cpp allocates 256-cell steps: Llama 3.1 8B in f16 holds 256 cells
// in 32 MiB, so 100 MiB holds 3 x 256 = 768 tokens of context.
constexpr std::uint64_t LlamaCppTokens(std::uint64_t budget) {
  return LargestFitting(131072, [budget](std::uint64_t n) {
    LlamaCppSettings s;
    s.n_ctx = n;
    return LlamaCppKvCache(*FindModel("llama-3.1-8b"), s).total_bytes() <=
           budget;
  });
}
static_assert(LlamaCppTokens(100 * kMiB) == 768);
static_assert(LlamaCppTokens(96 * kMiB) == 768);
static_assert(LlamaCppTokens(96 * kMiB - 1) == 512);

TEST(CapacityTest, Example) {
  EXPECT_EQ(LlamaCppTokens(100 * kMiB), 768u);
  EXPECT_EQ(LargestFitting(1000, [](std::uint64_t n) { return n * n <= 1000; }),
            31u);
}

}  // namespace
}  // namespace kvmodel
