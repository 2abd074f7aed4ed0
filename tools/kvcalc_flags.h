// tools/kvcalc_flags.h
//
// Parsing of kvcalc's numeric flag values, exactly and with one-line errors
// naming the flag:
//
//   ParseCount("batch", "4")            == 4
//   ParseCount("batch", "-1")           -> "--batch: '-1' is not a positive integer"
//   ParseByteSize("budget", "24GB")     == 24,000,000,000
//   ParseByteSize("budget", "1.5 GiB")  == 1,610,612,736
//   ParseByteSize("budget", "20000000000GiB") -> "--budget: ... does not fit in 64 bits"
//
// Sizes are bytes, or a decimal number followed by KiB MiB GiB TiB (powers
// of 2^10) or KB MB GB TB (powers of 10^3), case-insensitive "B" optional
// ("24G" is refused: say GB or GiB). A fractional size is rounded down to a
// whole byte.
//
//   ParseRelease("runtime_version", "0.23.1rc1") == {0, 23}
//   ParseRelease("runtime_version", "latest")    -> "--runtime_version:
//       'latest' is not a release (like 0.21 or v0.23.1)"

#ifndef TOOLS_KVCALC_FLAGS_H_
#define TOOLS_KVCALC_FLAGS_H_

#include <cstdint>
#include <string_view>

#include "absl/status/statusor.h"

namespace kvtables {

// ParseCount() is a positive decimal integer.
absl::StatusOr<std::uint64_t> ParseCount(std::string_view flag,
                                         std::string_view text);

// ParseByteSize() is a size in bytes (see the file comment).
absl::StatusOr<std::uint64_t> ParseByteSize(std::string_view flag,
                                            std::string_view text);

// ParseMillionths() is a decimal fraction in (0, 1] with at most six
// decimals, in millionths: ParseMillionths("gpu_memory_utilization", "0.9")
// == 900000.
absl::StatusOr<std::uint32_t> ParseMillionths(std::string_view flag, std::string_view text);

// Release is a runtime's major.minor release.
struct Release {
  std::uint32_t major = 0;
  std::uint32_t minor = 0;
  bool operator==(const Release&) const = default;
};

// ParseRelease() is major.minor of a release: an optional "v", two dot-
// separated numbers, then nothing or a suffix starting with '.', '+',
// '-' or a letter (".post1", "rc1.dev531+g1234").
absl::StatusOr<Release> ParseRelease(std::string_view flag, std::string_view text);

}  // namespace kvtables

#endif  // TOOLS_KVCALC_FLAGS_H_
