// kvmodel/checked.h
//
// Checked integer arithmetic and model preconditions for the constexpr memory
// model. Every byte count in kvtables is an exact `std::uint64_t`; a result
// that does not fit, or a model that cannot exist, is never turned into a
// number.
//
// A failed check calls a function that is deliberately not `constexpr`:
//   * in constant evaluation (a `static_assert`, a `constexpr` table) that call
//     is a compile error, and the compiler's notes show the call chain down to
//     `Require(false, "<message>")` or `CheckedMul(a, b)`, naming what is wrong;
//   * at run time the same call throws `kvmodel::InvalidModel` or
//     `kvmodel::Overflow` with the same message, which callers turn into an
//     error status (see kvmodel/status.h).
//
// Worked example: CheckedMul(std::uint64_t{1} << 32, std::uint64_t{1} << 31)
// is 2^63; CheckedMul(std::uint64_t{1} << 32, std::uint64_t{1} << 32) does not
// compile in a constant expression and throws kvmodel::Overflow at run time.

#ifndef KVMODEL_CHECKED_H_
#define KVMODEL_CHECKED_H_

#include <cstdint>
#include <limits>
#include <stdexcept>

namespace kvmodel {

// Error is the base of every error the model reports at run time.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// InvalidModel reports a model, workload or format that cannot exist: zero
// layers, KV heads that do not divide the query heads, and the like.
class InvalidModel : public Error {
 public:
  using Error::Error;
};

// Overflow reports a byte or token count that does not fit in 64 bits.
class Overflow : public Error {
 public:
  using Error::Error;
};

namespace internal {

// Not constexpr on purpose: see the file comment.
[[noreturn]] inline void ModelCheckFailed(const char* message) {
  throw InvalidModel(message);
}

// Not constexpr on purpose: see the file comment.
[[noreturn]] inline void ArithmeticOverflowed(const char* message) {
  throw Overflow(message);
}

}  // namespace internal

// Require() rejects an impossible model: `message` names the broken rule.
constexpr void Require(bool condition, const char* message) {
  if (!condition) internal::ModelCheckFailed(message);
}

// CheckedAdd() is a + b, or an overflow error.
constexpr std::uint64_t CheckedAdd(std::uint64_t a, std::uint64_t b) {
  if (b > std::numeric_limits<std::uint64_t>::max() - a) {
    internal::ArithmeticOverflowed("overflow: sum does not fit in 64 bits");
  }
  return a + b;
}

// CheckedMul() is a * b, or an overflow error.
constexpr std::uint64_t CheckedMul(std::uint64_t a, std::uint64_t b) {
  if (a != 0 && b > std::numeric_limits<std::uint64_t>::max() / a) {
    internal::ArithmeticOverflowed("overflow: product does not fit in 64 bits");
  }
  return a * b;
}

// CheckedSub() is a - b, or an error when b > a.
constexpr std::uint64_t CheckedSub(std::uint64_t a, std::uint64_t b) {
  if (b > a) internal::ArithmeticOverflowed("overflow: difference is negative");
  return a - b;
}

// CeilDiv() is a / b rounded up; b must not be zero.
constexpr std::uint64_t CeilDiv(std::uint64_t a, std::uint64_t b) {
  Require(b != 0, "division by zero");
  return a / b + (a % b != 0 ? 1 : 0);
}

// RoundUp() is a rounded up to a multiple of b; b must not be zero.
constexpr std::uint64_t RoundUp(std::uint64_t a, std::uint64_t b) {
  return CheckedMul(CeilDiv(a, b), b);
}

// Gcd() is the greatest common divisor (Gcd(0, 0) is 0).
constexpr std::uint64_t Gcd(std::uint64_t a, std::uint64_t b) {
  while (b != 0) {
    const std::uint64_t r = a % b;
    a = b;
    b = r;
  }
  return a;
}

}  // namespace kvmodel

#endif  // KVMODEL_CHECKED_H_
