#include "kvmodel/status.h"

#include <cstdint>
#include <limits>

#include "gtest/gtest.h"
#include "kvmodel/attention.h"

namespace kvmodel {
namespace {

TEST(StatusTest, ValueThrough) {
  const AttentionGeometry g{32, 32, 8, 128, 128};
  const absl::StatusOr<std::uint64_t> bytes =
      Evaluate([&] { return KvBytesPerToken(g); });
  ASSERT_TRUE(bytes.ok());
  EXPECT_EQ(*bytes, 131'072u);
}

TEST(StatusTest, InvalidModelIsInvalidArgumentWithTheSameMessage) {
  const AttentionGeometry g{32, 32, 3, 128, 128};
  const absl::StatusOr<std::uint64_t> bytes =
      Evaluate([&] { return KvBytesPerToken(g); });
  EXPECT_EQ(bytes.status(),
            absl::InvalidArgumentError("num_kv_heads must divide num_query_heads"));
}

TEST(StatusTest, OverflowIsOutOfRange) {
  const absl::StatusOr<std::uint64_t> product = Evaluate(
      [] { return CheckedMul(std::numeric_limits<std::uint64_t>::max(), 2); });
  EXPECT_EQ(product.status().code(), absl::StatusCode::kOutOfRange);
}

}  // namespace
}  // namespace kvmodel
