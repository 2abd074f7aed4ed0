// gguf/gguf.h
//
// GGUF files: ggml's model format, written and read by kvtables' own code
// (from the published specification and the layout in ggml's gguf.h).
//
//   "GGUF" | version u32 | tensor count u64 | metadata count u64
//   metadata: key string | value type u32 | value
//             (an array is element type u32 | count u64 | elements)
//   tensors:  name string | n_dims u32 | dims u64[n_dims] | ggml type u32 |
//             data offset u64 (relative to the data section)
//   padding to `general.alignment` (default 32), then the tensor data
//
// A string is its length as u64 and its bytes; everything is little-endian.
//
// Worked example: a file with no metadata and no tensors is the 24 header
// bytes, padded to 32; its data section is empty. A 4 x 2 f16 tensor holds
// 4 * 2 * 2 = 16 bytes of data (TensorBytes).
//
// The writer never holds tensor data: tensors are all zeros, and the file is
// extended to its full size by truncation, so on a file system with sparse
// files a model of a 70B geometry costs only its header on disk.

#ifndef GGUF_GGUF_H_
#define GGUF_GGUF_H_

#include <cstdint>
#include <istream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"

namespace gguf {

// ValueType is a metadata value's type code in the file.
enum class ValueType : std::uint32_t {
  kU8 = 0, kI8 = 1, kU16 = 2, kI16 = 3, kU32 = 4, kI32 = 5, kF32 = 6,
  kBool = 7, kString = 8, kArray = 9, kU64 = 10, kI64 = 11, kF64 = 12,
};

// Value is one metadata value: a scalar, or an array of one element type.
// Numbers are kept as their little-endian bit patterns (a float's bits),
// strings as strings.
struct Value {
  ValueType type = ValueType::kU32;
  ValueType element_type = ValueType::kU32;  // arrays only
  std::vector<std::uint64_t> numbers;
  std::vector<std::string> strings;

  static Value U32(std::uint32_t v);
  static Value I32(std::int32_t v);
  static Value U64(std::uint64_t v);
  static Value F32(float v);
  static Value Bool(bool v);
  static Value String(std::string v);
  static Value StringArray(std::vector<std::string> v);
  static Value I32Array(const std::vector<std::int32_t>& v);
  static Value U32Array(const std::vector<std::uint32_t>& v);
  static Value F32Array(const std::vector<float>& v);

  bool operator==(const Value& other) const = default;
};

// GgmlType is a ggml tensor type, with ggml's codes (ggml.h); the block
// sizes are in gguf.cc. Codes ggml removed (4, 5, 31-33, 36-38) are unknown.
enum class GgmlType : std::uint32_t {
  kF32 = 0, kF16 = 1, kQ4_0 = 2, kQ4_1 = 3, kQ5_0 = 6, kQ5_1 = 7,
  kQ8_0 = 8, kQ8_1 = 9, kQ2_K = 10, kQ3_K = 11, kQ4_K = 12, kQ5_K = 13,
  kQ6_K = 14, kQ8_K = 15, kIq2Xxs = 16, kIq2Xs = 17, kIq3Xxs = 18,
  kIq1S = 19, kIq4Nl = 20, kIq3S = 21, kIq2S = 22, kIq4Xs = 23, kI8 = 24,
  kI16 = 25, kI32 = 26, kI64 = 27, kF64 = 28, kIq1M = 29, kBF16 = 30,
  kTq1_0 = 34, kTq2_0 = 35, kMxfp4 = 39,
};

// TensorInfo describes one tensor; offset is relative to the data section.
struct TensorInfo {
  std::string name;
  std::vector<std::uint64_t> dims;
  GgmlType type = GgmlType::kF32;
  std::uint64_t offset = 0;

  bool operator==(const TensorInfo& other) const = default;
};

struct File {
  std::uint32_t version = 3;
  std::vector<std::pair<std::string, Value>> metadata;
  std::vector<TensorInfo> tensors;

  // Alignment() is general.alignment when present, else 32.
  std::uint32_t Alignment() const;
  const Value* Find(std::string_view key) const;
  bool operator==(const File& other) const = default;
};

// TensorBytes() is a tensor's data size: whole blocks of its type along the
// first dimension, times the other dimensions. Errors when the first
// dimension is not a whole number of blocks or the size overflows.
absl::StatusOr<std::uint64_t> TensorBytes(const TensorInfo& t);

// LayOut() assigns every tensor's offset in order, each aligned, and
// returns the data section's size.
absl::StatusOr<std::uint64_t> LayOut(File& file);

// Encode() is the file's bytes up to the data section (header, metadata,
// tensor infos, padding).
std::string Encode(const File& file);

// Write() lays out `file`, writes it to `path` through a temporary file in
// the same folder and renames it into place; tensor data are zeros.
absl::Status Write(const std::string& path, File& file);

// Decode() reads a file's header, metadata and tensor infos from `in`
// (never the tensor data), checking every count, type and offset.
absl::StatusOr<File> Decode(std::istream& in);
absl::StatusOr<File> Read(const std::string& path);

}  // namespace gguf

#endif  // GGUF_GGUF_H_
