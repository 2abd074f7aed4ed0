// kvmodel/units.h
//
// Byte units and exact rounding for printing. kvtables counts bytes as exact
// integers; binary (KiB, MiB, GiB: powers of 2^10) and decimal (KB, MB, GB:
// powers of 10^3) units appear only when a figure is printed, and the printed
// text always names the unit it uses.
//
// A quantity may be a fraction of a byte count (a mean over a decode horizon),
// so rounding takes a numerator and a denominator and rounds half up, exactly:
//
//   RoundToUnit({66'662'400, 1}, kGiBUnit, 4) == 621     // 0.0621 GiB
//   FormatInUnit({66'662'400, 1}, kGiBUnit, 4) == "0.0621"

#ifndef KVMODEL_UNITS_H_
#define KVMODEL_UNITS_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "kvmodel/checked.h"

namespace kvmodel {

inline constexpr std::uint64_t kKiB = std::uint64_t{1} << 10;
inline constexpr std::uint64_t kMiB = std::uint64_t{1} << 20;
inline constexpr std::uint64_t kGiB = std::uint64_t{1} << 30;
inline constexpr std::uint64_t kTiB = std::uint64_t{1} << 40;
inline constexpr std::uint64_t kKB = 1'000;
inline constexpr std::uint64_t kMB = 1'000'000;
inline constexpr std::uint64_t kGB = 1'000'000'000;
inline constexpr std::uint64_t kTB = 1'000'000'000'000;

// ByteUnit is a named unit for printing.
struct ByteUnit {
  std::string_view name;
  std::uint64_t bytes;
};

inline constexpr ByteUnit kByteUnit{"B", 1};
inline constexpr ByteUnit kKiBUnit{"KiB", kKiB};
inline constexpr ByteUnit kMiBUnit{"MiB", kMiB};
inline constexpr ByteUnit kGiBUnit{"GiB", kGiB};
inline constexpr ByteUnit kTiBUnit{"TiB", kTiB};
inline constexpr ByteUnit kKBUnit{"KB", kKB};
inline constexpr ByteUnit kMBUnit{"MB", kMB};
inline constexpr ByteUnit kGBUnit{"GB", kGB};
inline constexpr ByteUnit kTBUnit{"TB", kTB};

// ByteFraction is an exact byte count numerator / denominator.
struct ByteFraction {
  std::uint64_t numerator = 0;
  std::uint64_t denominator = 1;

  friend constexpr bool operator==(const ByteFraction& a,
                                   const ByteFraction& b) {
    // Cross-multiplication could overflow; compare reduced forms instead.
    const std::uint64_t ga = Gcd(a.numerator, a.denominator);
    const std::uint64_t gb = Gcd(b.numerator, b.denominator);
    return a.numerator / ga == b.numerator / gb &&
           a.denominator / ga == b.denominator / gb;
  }
};

// Pow10() is 10^exponent, checked.
constexpr std::uint64_t Pow10(unsigned exponent) {
  std::uint64_t result = 1;
  for (unsigned i = 0; i < exponent; ++i) result = CheckedMul(result, 10);
  return result;
}

// RoundToUnit() is value / unit, scaled by 10^decimals and rounded half up:
// the digits a printout with `decimals` places shows, as one integer.
constexpr std::uint64_t RoundToUnit(ByteFraction value, ByteUnit unit,
                                    unsigned decimals) {
  Require(value.denominator != 0, "byte fraction has a zero denominator");
  Require(unit.bytes != 0, "unit of zero bytes");
  const std::uint64_t divisor = CheckedMul(value.denominator, unit.bytes);
  // Long division, one decimal digit at a time, so that no intermediate
  // product exceeds 10 * divisor.
  Require(divisor <= UINT64_MAX / 10, "unit too large to round exactly");
  std::uint64_t scaled = value.numerator / divisor;
  std::uint64_t remainder = value.numerator % divisor;
  for (unsigned i = 0; i < decimals; ++i) {
    remainder *= 10;
    scaled = CheckedAdd(CheckedMul(scaled, 10), remainder / divisor);
    remainder %= divisor;
  }
  if (remainder >= divisor - remainder) scaled = CheckedAdd(scaled, 1);
  return scaled;
}

// FormatInUnit() prints value in unit with exactly `decimals` places,
// without the unit's name: FormatInUnit({3 * kGiB / 2, 1}, kGiBUnit, 2) is
// "1.50".
inline std::string FormatInUnit(ByteFraction value, ByteUnit unit,
                                unsigned decimals) {
  const std::uint64_t scaled = RoundToUnit(value, unit, decimals);
  const std::uint64_t scale = Pow10(decimals);
  std::string text = std::to_string(scaled / scale);
  if (decimals > 0) {
    std::string fraction = std::to_string(scaled % scale);
    text += '.';
    text.append(decimals - fraction.size(), '0');
    text += fraction;
  }
  return text;
}

// FormatWithUnit() is FormatInUnit() followed by a space and the unit's name.
inline std::string FormatWithUnit(ByteFraction value, ByteUnit unit,
                                  unsigned decimals) {
  return FormatInUnit(value, unit, decimals) + " " + std::string(unit.name);
}

}  // namespace kvmodel

#endif  // KVMODEL_UNITS_H_
