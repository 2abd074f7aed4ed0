#include "tools/kvcalc_flags.h"

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

#include "absl/status/status.h"

namespace kvtables {
namespace {

constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

absl::Status Bad(std::string_view flag, std::string_view text,
                 std::string_view what) {
  return absl::InvalidArgumentError("--" + std::string(flag) + ": '" +
                                    std::string(text) + "' " +
                                    std::string(what));
}

}  // namespace

absl::StatusOr<std::uint64_t> ParseCount(std::string_view flag,
                                         std::string_view text) {
  if (text.empty()) return Bad(flag, text, "is not a positive integer");
  std::uint64_t value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return Bad(flag, text, "is not a positive integer");
    const std::uint64_t digit = static_cast<std::uint64_t>(c - '0');
    if (value > (kMax - digit) / 10) {
      return Bad(flag, text, "does not fit in 64 bits");
    }
    value = value * 10 + digit;
  }
  if (value == 0) {
    return absl::InvalidArgumentError("--" + std::string(flag) + " must be positive");
  }
  return value;
}

absl::StatusOr<std::uint64_t> ParseByteSize(std::string_view flag,
                                            std::string_view text) {
  std::size_t i = 0;
  std::uint64_t whole = 0;
  bool digits = false;
  for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
    const std::uint64_t digit = static_cast<std::uint64_t>(text[i] - '0');
    if (whole > (kMax - digit) / 10) {
      return Bad(flag, text, "does not fit in 64 bits");
    }
    whole = whole * 10 + digit;
    digits = true;
  }
  // A fraction: up to 18 digits, as numerator / 10^n.
  std::uint64_t fraction = 0;
  std::uint64_t scale = 1;
  if (i < text.size() && text[i] == '.') {
    ++i;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
      if (scale >= 1'000'000'000'000'000'000ull) {
        return Bad(flag, text, "has too many decimals");
      }
      fraction = fraction * 10 + static_cast<std::uint64_t>(text[i] - '0');
      scale *= 10;
      digits = true;
    }
  }
  if (!digits) {
    return Bad(flag, text,
               "is not a size (bytes, or a number with KiB MiB GiB TiB KB MB "
               "GB TB)");
  }
  while (i < text.size() && text[i] == ' ') ++i;
  const std::string unit = Lower(text.substr(i));
  std::uint64_t multiplier = 0;
  if (unit.empty() || unit == "b") multiplier = 1;
  if (unit == "kib") multiplier = std::uint64_t{1} << 10;
  if (unit == "mib") multiplier = std::uint64_t{1} << 20;
  if (unit == "gib") multiplier = std::uint64_t{1} << 30;
  if (unit == "tib") multiplier = std::uint64_t{1} << 40;
  if (unit == "kb") multiplier = 1'000;
  if (unit == "mb") multiplier = 1'000'000;
  if (unit == "gb") multiplier = 1'000'000'000;
  if (unit == "tb") multiplier = 1'000'000'000'000;
  if (multiplier == 0) {
    return Bad(flag, text,
               "has an unknown unit (KiB MiB GiB TiB KB MB GB TB, or none for "
               "bytes)");
  }
  if (whole > kMax / multiplier) return Bad(flag, text, "does not fit in 64 bits");
  std::uint64_t bytes = whole * multiplier;
  // fraction / scale * multiplier, rounded down, without overflow: the
  // fraction is below 1, so the result is below multiplier.
  const unsigned __int128 part =
      static_cast<unsigned __int128>(fraction) * multiplier / scale;
  if (bytes > kMax - static_cast<std::uint64_t>(part)) {
    return Bad(flag, text, "does not fit in 64 bits");
  }
  bytes += static_cast<std::uint64_t>(part);
  if (bytes == 0) {
    return absl::InvalidArgumentError("--" + std::string(flag) + " must be positive");
  }
  return bytes;
}

namespace {

// Number() reads the decimal number at text[i], if any, below 2^32.
bool Number(std::string_view text, std::size_t& i, std::uint32_t& out) {
  const std::size_t start = i;
  std::uint64_t value = 0;
  for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
    value = value * 10 + static_cast<std::uint64_t>(text[i] - '0');
    if (value > 0xffffffffu) return false;
  }
  out = static_cast<std::uint32_t>(value);
  return i > start;
}

bool ReleaseSuffix(std::string_view rest) {
  if (rest.empty()) return true;
  const char c = rest.front();
  return c == '.' || c == '+' || c == '-' || (c >= 'a' && c <= 'z');
}

}  // namespace

absl::StatusOr<std::uint32_t> ParseMillionths(std::string_view flag,
                                              std::string_view text) {
  const absl::Status bad =
      Bad(flag, text, "is not a fraction in (0, 1] with at most six decimals");
  const std::size_t dot = text.find('.');
  const std::string_view whole = text.substr(0, dot);
  const std::string_view decimals =
      dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
  if ((whole != "0" && whole != "1") || decimals.size() > 6 ||
      (dot != std::string_view::npos && decimals.empty())) {
    return bad;
  }
  std::uint32_t value = whole == "1" ? 1'000'000 : 0;
  std::uint32_t scale = 100'000;
  for (const char c : decimals) {
    if (c < '0' || c > '9') return bad;
    value += static_cast<std::uint32_t>(c - '0') * scale;
    scale /= 10;
  }
  if (value == 0 || value > 1'000'000) return bad;
  return value;
}

absl::StatusOr<Release> ParseRelease(std::string_view flag, std::string_view text) {
  std::size_t i = !text.empty() && text.front() == 'v' ? 1 : 0;
  Release r;
  if (!Number(text, i, r.major) || i >= text.size() || text[i] != '.' ||
      !Number(text, ++i, r.minor) || !ReleaseSuffix(text.substr(i))) {
    return Bad(flag, text, "is not a release (like 0.21 or v0.23.1)");
  }
  return r;
}

}  // namespace kvtables
