#include "kvmodel/gpu_budget.h"

#include "gtest/gtest.h"
#include "kvmodel/status.h"

namespace kvmodel {
namespace {

TEST(GpuBudgetTest, Example) {
  const VllmMemory& m = internal::kQwen3NextTp2OnH200;
  EXPECT_EQ(VllmRequestedMemory(m), 13'981 * internal::kHundredthGiB * 9 / 10);
  EXPECT_EQ(VllmAvailableKvMemory(m), 13'981 * internal::kHundredthGiB * 9 / 10 -
                                          (7'428 + 558 + 138) * internal::kHundredthGiB);
}

TEST(GpuBudgetTest, UtilizationRoundsDown) {
  EXPECT_EQ(VllmRequestedMemory({.gpu_total = 10, .utilization_millionths = 950'000}), 9u);
  EXPECT_EQ(VllmRequestedMemory({.gpu_total = 1'000'001, .utilization_millionths = 1'000'000}),
            1'000'001u);
  EXPECT_EQ(VllmRequestedMemory({.gpu_total = ~std::uint64_t{0},
                                 .utilization_millionths = 1'000'000}),
            ~std::uint64_t{0});
}

TEST(GpuBudgetTest, Refusals) {
  const absl::StatusOr<std::uint64_t> full = Evaluate([] {
    return VllmAvailableKvMemory({.gpu_total = 100, .weights = 80, .activation_peak = 10});
  });
  EXPECT_FALSE(full.ok());
  EXPECT_NE(full.status().message().find("No available memory for the cache blocks"),
            std::string::npos);
  EXPECT_FALSE(Evaluate([] {
                 return VllmRequestedMemory({.gpu_total = 1, .utilization_millionths = 0});
               }).ok());
}

}  // namespace
}  // namespace kvmodel
