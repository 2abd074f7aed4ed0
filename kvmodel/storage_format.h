// kvmodel/storage_format.h
//
// Storage formats of tensors (KV cache entries and weights) with their exact
// sizes. A format stores values in blocks: `block_bytes` bytes hold
// `block_elements` values, so n values (n a multiple of the block) take
//
//   StorageBytes(format, n) = n / block_elements * block_bytes
//
// bytes. Plain formats have one-value blocks (bf16: 2 bytes per 1 value);
// GGML's block-quantized formats share a scale across a block (q8_0: 32
// one-byte values and one f16 scale, 34 bytes per 32 values).
//
// Worked example: a 128-value head in q8_0 is 128 / 32 * 34 = 136 bytes; in
// bf16 it is 256 bytes; 100 values in q8_0 are rejected (not whole blocks).
//
// Block sizes are those of GGML's type traits (ggml/src/ggml-common.h and
// gguf-py's GGML_QUANT_SIZES in llama.cpp).

#ifndef KVMODEL_STORAGE_FORMAT_H_
#define KVMODEL_STORAGE_FORMAT_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "kvmodel/checked.h"

namespace kvmodel {

// StorageFormat names a tensor storage format. The first group is what a KV
// cache may use (llama.cpp's --cache-type-k/-v values, plus fp8 as vLLM's
// kv_cache_dtype); the second adds formats used only for weights.
enum class StorageFormat : std::uint8_t {
  kF32,
  kF16,
  kBF16,
  kFp8E4M3,
  kFp8E5M2,
  kQ8_0,
  kQ4_0,
  kQ4_1,
  kQ5_0,
  kQ5_1,
  kIq4Nl,
  // Weight-only formats.
  kQ2_K,
  kQ3_K,
  kQ4_K,
  kQ5_K,
  kQ6_K,
  kQ8_K,
  kIq1_S,
  kIq1_M,
  kIq2_Xxs,
  kIq2_Xs,
  kIq2_S,
  kIq3_Xxs,
  kIq3_S,
  kIq4_Xs,
  kTq1_0,
  kTq2_0,
  kMxfp4,
};

// StorageFormatInfo is a format's name (as llama.cpp spells it) and block.
struct StorageFormatInfo {
  StorageFormat format;
  std::string_view name;
  std::uint32_t block_elements;
  std::uint32_t block_bytes;
  bool kv_cache_type;  // accepted as a KV cache storage type
};

// kStorageFormats lists every format in enum order.
inline constexpr std::array kStorageFormats{
    StorageFormatInfo{StorageFormat::kF32, "f32", 1, 4, true},
    StorageFormatInfo{StorageFormat::kF16, "f16", 1, 2, true},
    StorageFormatInfo{StorageFormat::kBF16, "bf16", 1, 2, true},
    StorageFormatInfo{StorageFormat::kFp8E4M3, "fp8_e4m3", 1, 1, true},
    StorageFormatInfo{StorageFormat::kFp8E5M2, "fp8_e5m2", 1, 1, true},
    StorageFormatInfo{StorageFormat::kQ8_0, "q8_0", 32, 34, true},
    StorageFormatInfo{StorageFormat::kQ4_0, "q4_0", 32, 18, true},
    StorageFormatInfo{StorageFormat::kQ4_1, "q4_1", 32, 20, true},
    StorageFormatInfo{StorageFormat::kQ5_0, "q5_0", 32, 22, true},
    StorageFormatInfo{StorageFormat::kQ5_1, "q5_1", 32, 24, true},
    StorageFormatInfo{StorageFormat::kIq4Nl, "iq4_nl", 32, 18, true},
    StorageFormatInfo{StorageFormat::kQ2_K, "q2_k", 256, 84, false},
    StorageFormatInfo{StorageFormat::kQ3_K, "q3_k", 256, 110, false},
    StorageFormatInfo{StorageFormat::kQ4_K, "q4_k", 256, 144, false},
    StorageFormatInfo{StorageFormat::kQ5_K, "q5_k", 256, 176, false},
    StorageFormatInfo{StorageFormat::kQ6_K, "q6_k", 256, 210, false},
    StorageFormatInfo{StorageFormat::kQ8_K, "q8_k", 256, 292, false},
    StorageFormatInfo{StorageFormat::kIq1_S, "iq1_s", 256, 50, false},
    StorageFormatInfo{StorageFormat::kIq1_M, "iq1_m", 256, 56, false},
    StorageFormatInfo{StorageFormat::kIq2_Xxs, "iq2_xxs", 256, 66, false},
    StorageFormatInfo{StorageFormat::kIq2_Xs, "iq2_xs", 256, 74, false},
    StorageFormatInfo{StorageFormat::kIq2_S, "iq2_s", 256, 82, false},
    StorageFormatInfo{StorageFormat::kIq3_Xxs, "iq3_xxs", 256, 98, false},
    StorageFormatInfo{StorageFormat::kIq3_S, "iq3_s", 256, 110, false},
    StorageFormatInfo{StorageFormat::kIq4_Xs, "iq4_xs", 256, 136, false},
    StorageFormatInfo{StorageFormat::kTq1_0, "tq1_0", 256, 54, false},
    StorageFormatInfo{StorageFormat::kTq2_0, "tq2_0", 256, 66, false},
    StorageFormatInfo{StorageFormat::kMxfp4, "mxfp4", 32, 17, false},
};

namespace internal {
constexpr bool StorageFormatsInEnumOrder() {
  for (std::size_t i = 0; i < kStorageFormats.size(); ++i) {
    if (static_cast<std::size_t>(kStorageFormats[i].format) != i) return false;
  }
  return true;
}
static_assert(StorageFormatsInEnumOrder(), "kStorageFormats out of enum order");
}  // namespace internal

// Info() is the format's entry in kStorageFormats.
constexpr const StorageFormatInfo& Info(StorageFormat format) {
  return kStorageFormats[static_cast<std::size_t>(format)];
}

// StorageBytes() is the exact size of `elements` values stored in `format`.
// `elements` must be a whole number of the format's blocks.
constexpr std::uint64_t StorageBytes(StorageFormat format,
                                     std::uint64_t elements) {
  const StorageFormatInfo& info = Info(format);
  Require(elements % info.block_elements == 0,
          "value count must be a whole number of the storage format blocks");
  return CheckedMul(elements / info.block_elements, info.block_bytes);
}

// ParseStorageFormat() finds a format by name, ignoring ASCII case
// ("Q8_0" and "q8_0" are the same); "fp8" alone means fp8_e4m3.
constexpr std::optional<StorageFormat> ParseStorageFormat(
    std::string_view name) {
  const auto lower = [](char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  };
  const auto same = [&](std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (lower(a[i]) != lower(b[i])) return false;
    }
    return true;
  };
  if (same(name, "fp8")) return StorageFormat::kFp8E4M3;
  for (const StorageFormatInfo& info : kStorageFormats) {
    if (same(name, info.name)) return info.format;
  }
  return std::nullopt;
}

}  // namespace kvmodel

#endif  // KVMODEL_STORAGE_FORMAT_H_
