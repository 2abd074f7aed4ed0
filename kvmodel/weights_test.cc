#include "kvmodel/weights.h"

#include "gtest/gtest.h"

namespace kvmodel {
namespace {

// Exact bits per weight of single formats.
static_assert(WeightBytes(1'000, WeightFormatOf(StorageFormat::kBF16)) ==
              2'000);
static_assert(WeightBytes(256, WeightFormatOf(StorageFormat::kQ6_K)) == 210);
static_assert(WeightBytes(32, WeightFormatOf(StorageFormat::kQ8_0)) == 34);
// Rounded up to a whole byte: 3 weights at 4.84 bits are 14.52 bits.
static_assert(WeightBytes(3, *ParseWeightFormat("Q4_K_M")) == 2);
static_assert(ParseWeightFormat("Q4_K_M")->documented_average);
static_assert(!ParseWeightFormat("bf16")->documented_average);
static_assert(!ParseWeightFormat("Q4_K_X").has_value());
// AWQ int4, group 128: 128 weights take 64 + 2 + 0.5 = 66.5 bytes, so 256
// weights take 133.
static_assert(WeightBytes(256, *ParseWeightFormat("awq_int4_g128")) == 133);

TEST(WeightsTest, ExactAndDocumentedFormats) {
  EXPECT_EQ(WeightBytes(1'000, WeightFormatOf(StorageFormat::kBF16)), 2'000u);
  EXPECT_EQ(WeightBytes(256, WeightFormatOf(StorageFormat::kQ6_K)), 210u);
  EXPECT_EQ(WeightBytes(100, *ParseWeightFormat("Q4_K_M")), 61u);  // 60.5
  EXPECT_EQ(WeightBytes(256, *ParseWeightFormat("gptq_int4_g128")), 133u);
}

TEST(WeightsTest, RejectsNoParameters) {
  EXPECT_THROW(WeightBytes(0, WeightFormatOf(StorageFormat::kBF16)),
               InvalidModel);
}

}  // namespace
}  // namespace kvmodel
