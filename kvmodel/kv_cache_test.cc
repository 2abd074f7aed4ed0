#include "kvmodel/kv_cache.h"

#include "gtest/gtest.h"

namespace kvmodel {
namespace {

constexpr AttentionGeometry kMha{32, 32, 32, 128, 128};  // 524,288 B/token

// The header's worked example.
static_assert(KvCacheBytes(kMha, 4096).total() == 2 * kGiB);
static_assert(KvCacheBytes(kMha, 4096, 8).total() == 16 * kGiB);
static_assert(KvCacheBytes(kMha, 4096).k_bytes == kGiB);

// A 10-token prompt and 100 decode steps: the peak holds 110 tokens, the
// mean over steps 0..99 is 10 + 49.5 = 59.5 tokens.
constexpr Workload kDecode{10, 100, 1};
static_assert(PeakTokens(kDecode) == 110);
static_assert(MeanTokens(kDecode) == ByteFraction{119, 2});
static_assert(PeakKvCacheBytes(kMha, kDecode).total() == 110 * 524'288);
static_assert(MeanKvCacheBytes(kMha, kDecode) ==
              ByteFraction{119 * 524'288, 2});
// No decode steps: the prompt alone.
static_assert(MeanTokens({7, 0, 1}) == ByteFraction{7, 1});

TEST(KvCacheTest, PeakAndMean) {
  EXPECT_EQ(KvCacheBytes(kMha, 4096, 8).total(), 16 * kGiB);
  EXPECT_EQ(PeakKvCacheBytes(kMha, kDecode).total(), 110u * 524'288);
  EXPECT_EQ(MeanKvCacheBytes(kMha, kDecode), (ByteFraction{119 * 524'288, 2}));
  EXPECT_EQ(PeakKvCacheBytes(kMha, {10, 100, 4}).total(), 4u * 110 * 524'288);
}

TEST(KvCacheTest, RejectsEmptyWorkloads) {
  EXPECT_THROW(PeakTokens({10, 100, 0}), InvalidModel);
  EXPECT_THROW(PeakTokens({0, 0, 1}), InvalidModel);
}

TEST(KvCacheTest, OverflowIsAnError) {
  EXPECT_THROW(KvCacheBytes(kMha, std::uint64_t{1} << 40, 1 << 10), Overflow);
}

}  // namespace
}  // namespace kvmodel
