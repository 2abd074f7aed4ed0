// kvmodel/weights.h
//
// Weight memory: parameter count times bits per weight. A weight format is a
// number of bits per weight, exact as a fraction:
//
//   WeightBytes(params, format) = ceil(params * bits_numerator / (8 * bits_denominator))
//
// * A single storage format has exact bits per weight from its block
//   (bf16: 16; q8_0: 34 bytes per 32 values = 8.5; q6_k: 210 per 256 = 6.5625).
// * A GGUF "mixed" file type (Q4_K_M and friends) stores different tensors in
//   different block formats, so its size depends on the model's tensor shapes.
//   kvtables uses the whole-file average that llama.cpp documents (its
//   quantize tool's README, measured on Llama 2 7B), and names it as such:
//   it is an average, not a block size.
//
// Worked example (the tutorial seed's 7B at Q4_K_M): Llama 2 7B has
// 6,738,415,616 parameters; at the documented 4.84 bits per weight that is
// 4,076,741,448 bytes, the tutorial's "4.1 GB" (decimal GB).

#ifndef KVMODEL_WEIGHTS_H_
#define KVMODEL_WEIGHTS_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "kvmodel/checked.h"
#include "kvmodel/storage_format.h"

namespace kvmodel {

// WeightFormat is a number of bits per weight, exact as a fraction.
struct WeightFormat {
  std::string_view name;
  std::uint64_t bits_numerator = 0;
  std::uint64_t bits_denominator = 1;
  // True when the figure is a documented whole-file average of a GGUF mixed
  // file type rather than the exact size of one storage format.
  bool documented_average = false;
};

// WeightFormatOf() is the exact bits per weight of one storage format.
constexpr WeightFormat WeightFormatOf(StorageFormat format) {
  const StorageFormatInfo& info = Info(format);
  return {info.name, std::uint64_t{8} * info.block_bytes, info.block_elements,
          false};
}

// kGgufMixedFileTypes: llama.cpp's documented bits per weight of its mixed
// file types, from the table "Llama 2 7B" in tools/quantize/README.md of
// llama.cpp (Q3_K_S 3.50 ... Q5_K_M 5.68; its Q2_K and Q6_K rows share
// their names with single storage formats and are left out). These are whole-file averages measured
// on that model; other models land near, not on, them.
inline constexpr std::array kGgufMixedFileTypes{
    WeightFormat{"Q3_K_S", 350, 100, true},
    WeightFormat{"Q3_K_M", 391, 100, true},
    WeightFormat{"Q3_K_L", 427, 100, true},
    WeightFormat{"Q4_K_S", 458, 100, true},
    WeightFormat{"Q4_K_M", 484, 100, true},
    WeightFormat{"Q5_K_S", 552, 100, true},
    WeightFormat{"Q5_K_M", 568, 100, true},
};

// kGroupQuantizedFormats: 4-bit integer weights with one scale and one
// zero point per group of 128 weights, as AutoAWQ's GEMM layout and
// AutoGPTQ store them: 128 * 4 bits of packed weights (64 bytes), an fp16
// scale (2 bytes) and a 4-bit zero point packed eight to an int32 (0.5 bytes)
// = 66.5 bytes per 128 weights, 4.15625 bits per weight. GPTQ with act-order
// (desc_act) adds an int32 group index per input feature, which depends on
// the layer shapes and is not included here.
inline constexpr std::array kGroupQuantizedFormats{
    WeightFormat{"awq_int4_g128", 532, 128, false},
    WeightFormat{"gptq_int4_g128", 532, 128, false},
};

// ParseWeightFormat() finds a mixed file type by its exact name ("Q4_K_M"),
// a group-quantized format ("awq_int4_g128"), else a storage format by name,
// ignoring case ("bf16", "q8_0", "q6_k").
constexpr std::optional<WeightFormat> ParseWeightFormat(std::string_view name) {
  for (const WeightFormat& format : kGgufMixedFileTypes) {
    if (format.name == name) return format;
  }
  for (const WeightFormat& format : kGroupQuantizedFormats) {
    if (format.name == name) return format;
  }
  if (const auto storage = ParseStorageFormat(name)) {
    return WeightFormatOf(*storage);
  }
  return std::nullopt;
}

// WeightBytes() is the memory of `parameters` weights in `format`, rounded up
// to a whole byte.
constexpr std::uint64_t WeightBytes(std::uint64_t parameters,
                                    const WeightFormat& format) {
  Require(parameters > 0, "parameter count must be positive");
  Require(format.bits_numerator > 0 && format.bits_denominator > 0,
          "weight format needs positive bits per weight");
  return CeilDiv(CheckedMul(parameters, format.bits_numerator),
                 CheckedMul(8, format.bits_denominator));
}

}  // namespace kvmodel

#endif  // KVMODEL_WEIGHTS_H_
