// libFuzzer target over the GGUF reader: any bytes must give a file or a
// one-line error, never a crash, a sanitizer report or an exception; a file
// read must encode and read back to itself. Built and run by
// tests/fuzz_test.sh with clang++ -fsanitize=fuzzer,address.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

#include "gguf/gguf.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  const absl::StatusOr<gguf::File> file = gguf::Decode(in);
  if (!file.ok()) {
    if (file.status().message().find('\n') != std::string::npos) std::abort();
    return 0;
  }
  std::istringstream again(gguf::Encode(*file));
  const absl::StatusOr<gguf::File> reread = gguf::Decode(again);
  if (!reread.ok() || !(*reread == *file)) std::abort();
  return 0;
}
