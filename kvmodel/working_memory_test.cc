#include "kvmodel/working_memory.h"

#include "gtest/gtest.h"

namespace kvmodel {
namespace {

constexpr ModelSpec k32Heads{.name = "m",
                             .attention = {30, 32, 8, 128, 128},
                             .max_context_tokens = 1 << 20};

constexpr std::uint64_t Prefill(AttentionKernel kernel, StorageFormat scores,
                                std::uint64_t batch) {
  return PeakMemory(k32Heads, kernel, scores, {1000, 0, batch})
      .prefill_working_bytes;
}

// The header's worked example: 1,000-token prefill, 32 query heads.
static_assert(Prefill(AttentionKernel::kEager, StorageFormat::kBF16, 1) ==
              64'000'000);
static_assert(Prefill(AttentionKernel::kFlash, StorageFormat::kBF16, 1) ==
              128'000);
// f32 scores double the eager figure; a batch multiplies both.
static_assert(Prefill(AttentionKernel::kEager, StorageFormat::kF32, 2) ==
              256'000'000);
// Cross-attention keys: a 10-token prompt against 6,404 vision tokens.
constexpr ModelSpec kCross{.name = "x",
                           .attention = {40, 32, 8, 128, 128},
                           .cross_attention_layers = 8,
                           .max_context_tokens = 1 << 20};
static_assert(PeakMemory(kCross, AttentionKernel::kEager, StorageFormat::kBF16,
                         {10, 0, 1}, 6404)
                  .prefill_working_bytes == 32 * 10 * 6404 * 2);

// Peak: 122,880 bytes per token. Prefill of 1,000 tokens: KV 122,880,000 +
// eager 64,000,000 = 186,880,000; decode end (1,100 tokens): 135,168,000 +
// 32 * 1,100 * 2 = 135,238,400. The prefill is the peak.
static_assert(PeakMemory(k32Heads, AttentionKernel::kEager,
                         StorageFormat::kBF16, {1000, 100, 1})
                  .peak_bytes == 186'880'000);
// Flash: prefill 122,880,000 + 128,000; decode 135,168,000 + 32 * 4.
static_assert(PeakMemory(k32Heads, AttentionKernel::kFlash,
                         StorageFormat::kBF16, {1000, 100, 1})
                  .peak_bytes == 135'168'128);

TEST(WorkingMemoryTest, EagerAndFlash) {
  EXPECT_EQ(Prefill(AttentionKernel::kEager, StorageFormat::kBF16, 1),
            64'000'000u);
  EXPECT_EQ(Prefill(AttentionKernel::kFlash, StorageFormat::kBF16, 1),
            128'000u);
  EXPECT_EQ(PeakMemory(k32Heads, AttentionKernel::kEager, StorageFormat::kBF16,
                       {1000, 100, 1})
                .peak_bytes,
            186'880'000u);
  EXPECT_EQ(PeakMemory(k32Heads, AttentionKernel::kFlash, StorageFormat::kBF16,
                       {1000, 100, 1})
                .peak_bytes,
            135'168'128u);
}

TEST(WorkingMemoryTest, OverflowIsAnError) {
  EXPECT_THROW(PeakMemory(k32Heads, AttentionKernel::kEager,
                          StorageFormat::kBF16,
                          {std::uint64_t{1} << 32, 0, 1}),
               Overflow);
}

}  // namespace
}  // namespace kvmodel
