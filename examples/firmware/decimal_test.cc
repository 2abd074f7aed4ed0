// DecimalFromUint64() (decimal.c, compiled for the host) agrees with
// std::to_string on zero, every power of ten and its neighbours, and the
// largest 64-bit value.

#include "examples/firmware/decimal.h"

#include <cstdint>
#include <limits>
#include <string>

#include "gtest/gtest.h"

namespace {

void ExpectDecimal(std::uint64_t value) {
  char text[DECIMAL_MAX_CHARS];
  const unsigned length = DecimalFromUint64(value, text);
  EXPECT_EQ(std::string(text), std::to_string(value));
  EXPECT_EQ(length, std::to_string(value).size());
}

TEST(DecimalTest, WorkedExample) {
  char text[DECIMAL_MAX_CHARS];
  EXPECT_EQ(DecimalFromUint64(246128640, text), 9u);
  EXPECT_STREQ(text, "246128640");
}

TEST(DecimalTest, Zero) { ExpectDecimal(0); }

TEST(DecimalTest, PowersOfTenAndNeighbours) {
  std::uint64_t power = 1;
  for (int exponent = 0; exponent <= 19; ++exponent) {
    SCOPED_TRACE(exponent);
    ExpectDecimal(power - 1);
    ExpectDecimal(power);
    ExpectDecimal(power + 1);
    if (exponent < 19) power *= 10;
  }
}

TEST(DecimalTest, LargestValue) {
  ExpectDecimal(std::numeric_limits<std::uint64_t>::max());
}

}  // namespace
