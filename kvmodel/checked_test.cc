#include "kvmodel/checked.h"

#include <cstdint>
#include <limits>

#include "gtest/gtest.h"

namespace kvmodel {
namespace {

constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();

// The header's worked example.
static_assert(CheckedMul(std::uint64_t{1} << 32, std::uint64_t{1} << 31) ==
              std::uint64_t{1} << 63);
static_assert(CheckedAdd(kMax - 1, 1) == kMax);
static_assert(CheckedSub(5, 5) == 0);
static_assert(CeilDiv(10, 4) == 3 && CeilDiv(8, 4) == 2 && CeilDiv(0, 4) == 0);
static_assert(RoundUp(4097, 256) == 4352 && RoundUp(4096, 256) == 4096);
static_assert(Gcd(122'880, 2) == 2 && Gcd(0, 7) == 7 && Gcd(0, 0) == 0);

TEST(CheckedTest, ExactResultsAtTheEdge) {
  EXPECT_EQ(CheckedMul(std::uint64_t{1} << 32, std::uint64_t{1} << 31),
            std::uint64_t{1} << 63);
  EXPECT_EQ(CheckedAdd(kMax - 1, 1), kMax);
  EXPECT_EQ(CheckedSub(5, 5), 0u);
  EXPECT_EQ(CeilDiv(10, 4), 3u);
  EXPECT_EQ(RoundUp(4097, 256), 4352u);
}

TEST(CheckedTest, OverflowThrowsWithItsMessage) {
  EXPECT_THROW(CheckedMul(std::uint64_t{1} << 32, std::uint64_t{1} << 32),
               Overflow);
  EXPECT_THROW(CheckedAdd(kMax, 1), Overflow);
  EXPECT_THROW(CheckedSub(1, 2), Overflow);
  EXPECT_THROW(RoundUp(kMax, 256), Overflow);
  try {
    CheckedMul(kMax, 2);
    FAIL() << "no overflow reported";
  } catch (const Overflow& e) {
    EXPECT_STREQ(e.what(), "overflow: product does not fit in 64 bits");
  }
}

TEST(CheckedTest, RequireNamesTheBrokenRule) {
  EXPECT_NO_THROW(Require(true, "unused"));
  try {
    Require(false, "num_layers must be positive");
    FAIL() << "no error reported";
  } catch (const InvalidModel& e) {
    EXPECT_STREQ(e.what(), "num_layers must be positive");
  }
  EXPECT_THROW(CeilDiv(1, 0), InvalidModel);
}

}  // namespace
}  // namespace kvmodel
