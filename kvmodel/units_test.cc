#include "kvmodel/units.h"

#include "gtest/gtest.h"

namespace kvmodel {
namespace {

// The header's worked example: 542.5 tokens of 122,880 bytes (the seed
// table's first row) is 66,662,400 bytes, printed as 0.0621 GiB.
static_assert(RoundToUnit({66'662'400, 1}, kGiBUnit, 4) == 621);
// Half up: 1.5 GiB to no decimals is 2; just under half stays down.
static_assert(RoundToUnit({3 * kGiB / 2, 1}, kGiBUnit, 0) == 2);
static_assert(RoundToUnit({3 * kGiB / 2 - 1, 1}, kGiBUnit, 0) == 1);
// A fraction of a byte: 3/2 bytes in bytes with one decimal is 1.5.
static_assert(RoundToUnit({3, 2}, kByteUnit, 1) == 15);
static_assert(ByteFraction{6, 4} == ByteFraction{3, 2});
static_assert(Pow10(4) == 10'000);

TEST(UnitsTest, RoundsExactly) {
  EXPECT_EQ(RoundToUnit({66'662'400, 1}, kGiBUnit, 4), 621u);
  EXPECT_EQ(RoundToUnit({3 * kGiB / 2, 1}, kGiBUnit, 0), 2u);
  EXPECT_EQ(RoundToUnit({3 * kGiB / 2 - 1, 1}, kGiBUnit, 0), 1u);
  EXPECT_EQ(RoundToUnit({3, 2}, kByteUnit, 1), 15u);
}

TEST(UnitsTest, FormatsWithLeadingZerosInTheFraction) {
  EXPECT_EQ(FormatInUnit({66'662'400, 1}, kGiBUnit, 4), "0.0621");
  EXPECT_EQ(FormatInUnit({3 * kGiB / 2, 1}, kGiBUnit, 2), "1.50");
  EXPECT_EQ(FormatInUnit({2 * kGB, 1}, kGBUnit, 0), "2");
  EXPECT_EQ(FormatWithUnit({kMiB / 2, 1}, kMiBUnit, 1), "0.5 MiB");
  EXPECT_EQ(FormatWithUnit({4'076'741'448, 1}, kGBUnit, 1), "4.1 GB");
}

TEST(UnitsTest, RejectsAZeroDenominator) {
  EXPECT_THROW(RoundToUnit({1, 0}, kGiBUnit, 2), InvalidModel);
}

}  // namespace
}  // namespace kvmodel
