#include "kvmodel/working_memory.h"

#include "gtest/gtest.h"

namespace kvmodel {
namespace {

constexpr AttentionGeometry k32Heads{30, 32, 8, 128, 128};

// The header's worked example: 1,000-token prefill, 32 query heads.
static_assert(PrefillWorkingBytes(k32Heads, AttentionKernel::kEager,
                                  StorageFormat::kBF16,
                                  {1000, 0, 1}) == 64'000'000);
static_assert(PrefillWorkingBytes(k32Heads, AttentionKernel::kFlash,
                                  StorageFormat::kBF16,
                                  {1000, 0, 1}) == 128'000);
// f32 scores double the eager figure; a batch multiplies both.
static_assert(PrefillWorkingBytes(k32Heads, AttentionKernel::kEager,
                                  StorageFormat::kF32,
                                  {1000, 0, 2}) == 256'000'000);

// Peak: 122,880 bytes per token. Prefill of 1,000 tokens: KV 122,880,000 +
// eager 64,000,000 = 186,880,000; decode end (1,100 tokens): 135,168,000 +
// 32 * 1,100 * 2 = 135,238,400. The prefill is the peak.
static_assert(PeakMemoryBytes(k32Heads, AttentionKernel::kEager,
                              StorageFormat::kBF16,
                              {1000, 100, 1}) == 186'880'000);
// Flash: prefill 122,880,000 + 128,000; decode 135,168,000 + 32 * 4.
static_assert(PeakMemoryBytes(k32Heads, AttentionKernel::kFlash,
                              StorageFormat::kBF16,
                              {1000, 100, 1}) == 135'168'128);

TEST(WorkingMemoryTest, EagerAndFlash) {
  EXPECT_EQ(PrefillWorkingBytes(k32Heads, AttentionKernel::kEager,
                                StorageFormat::kBF16, {1000, 0, 1}),
            64'000'000u);
  EXPECT_EQ(PrefillWorkingBytes(k32Heads, AttentionKernel::kFlash,
                                StorageFormat::kBF16, {1000, 0, 1}),
            128'000u);
  EXPECT_EQ(PeakMemoryBytes(k32Heads, AttentionKernel::kEager,
                            StorageFormat::kBF16, {1000, 100, 1}),
            186'880'000u);
  EXPECT_EQ(PeakMemoryBytes(k32Heads, AttentionKernel::kFlash,
                            StorageFormat::kBF16, {1000, 100, 1}),
            135'168'128u);
}

TEST(WorkingMemoryTest, OverflowIsAnError) {
  EXPECT_THROW(PrefillWorkingBytes(k32Heads, AttentionKernel::kEager,
                                   StorageFormat::kBF16,
                                   {std::uint64_t{1} << 32, 0, 1}),
               Overflow);
}

}  // namespace
}  // namespace kvmodel
