#include "kvmodel/storage_format.h"

#include "gtest/gtest.h"

namespace kvmodel {
namespace {

// The header's worked example: a 128-value head.
static_assert(StorageBytes(StorageFormat::kQ8_0, 128) == 136);
static_assert(StorageBytes(StorageFormat::kBF16, 128) == 256);
// Block sizes as the issue lists them (bytes per 32 values).
static_assert(StorageBytes(StorageFormat::kQ4_0, 32) == 18);
static_assert(StorageBytes(StorageFormat::kQ4_1, 32) == 20);
static_assert(StorageBytes(StorageFormat::kQ5_0, 32) == 22);
static_assert(StorageBytes(StorageFormat::kQ5_1, 32) == 24);
static_assert(StorageBytes(StorageFormat::kIq4Nl, 32) == 18);
static_assert(StorageBytes(StorageFormat::kFp8E4M3, 32) == 32);
static_assert(StorageBytes(StorageFormat::kF32, 32) == 128);
static_assert(StorageBytes(StorageFormat::kQ6_K, 256) == 210);
static_assert(ParseStorageFormat("Q8_0") == StorageFormat::kQ8_0);
static_assert(ParseStorageFormat("fp8") == StorageFormat::kFp8E4M3);
static_assert(!ParseStorageFormat("q8").has_value());

TEST(StorageFormatTest, BlockSizes) {
  EXPECT_EQ(StorageBytes(StorageFormat::kQ8_0, 128), 136u);
  EXPECT_EQ(StorageBytes(StorageFormat::kBF16, 128), 256u);
  EXPECT_EQ(StorageBytes(StorageFormat::kQ4_0, 64), 36u);
  EXPECT_EQ(StorageBytes(StorageFormat::kF16, 0), 0u);
}

TEST(StorageFormatTest, RejectsPartialBlocks) {
  EXPECT_THROW(StorageBytes(StorageFormat::kQ8_0, 100), InvalidModel);
}

TEST(StorageFormatTest, ParsesEveryNameBack) {
  for (const StorageFormatInfo& info : kStorageFormats) {
    EXPECT_EQ(ParseStorageFormat(info.name), info.format) << info.name;
  }
  EXPECT_FALSE(ParseStorageFormat("").has_value());
  EXPECT_FALSE(ParseStorageFormat("int3").has_value());
}

}  // namespace
}  // namespace kvmodel
