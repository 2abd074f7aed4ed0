#include "tools/kvcalc_flags.h"

#include "gtest/gtest.h"

namespace kvtables {
namespace {

TEST(ParseCountTest, PositiveIntegers) {
  EXPECT_EQ(*ParseCount("batch", "4"), 4u);
  EXPECT_EQ(*ParseCount("batch", "18446744073709551615"), 18446744073709551615u);
  EXPECT_EQ(ParseCount("batch", "-1").status().message(),
            "--batch: '-1' is not a positive integer");
  EXPECT_EQ(ParseCount("batch", "0").status().message(),
            "--batch must be positive");
  EXPECT_EQ(ParseCount("context", "1.5").status().message(),
            "--context: '1.5' is not a positive integer");
  EXPECT_EQ(ParseCount("context", "18446744073709551616").status().message(),
            "--context: '18446744073709551616' does not fit in 64 bits");
  EXPECT_FALSE(ParseCount("context", "").ok());
}

TEST(ParseByteSizeTest, Units) {
  EXPECT_EQ(*ParseByteSize("budget", "1024"), 1024u);
  EXPECT_EQ(*ParseByteSize("budget", "24GB"), 24'000'000'000u);
  EXPECT_EQ(*ParseByteSize("budget", "24 GiB"), 24ull << 30);
  EXPECT_EQ(*ParseByteSize("budget", "1.5GiB"), 1'610'612'736u);
  EXPECT_EQ(*ParseByteSize("budget", "8.11gib"), 8'708'046'192u);  // 811 * 2^30 / 100
  EXPECT_EQ(*ParseByteSize("budget", "16MiB"), 16u << 20);
  EXPECT_EQ(*ParseByteSize("budget", "2KB"), 2000u);
  EXPECT_EQ(*ParseByteSize("budget", "1TiB"), 1ull << 40);
}

TEST(ParseByteSizeTest, Errors) {
  EXPECT_EQ(ParseByteSize("budget", "24G").status().message(),
            "--budget: '24G' has an unknown unit (KiB MiB GiB TiB KB MB GB TB, "
            "or none for bytes)");
  EXPECT_EQ(ParseByteSize("kv_budget", "20000000000GiB").status().message(),
            "--kv_budget: '20000000000GiB' does not fit in 64 bits");
  EXPECT_EQ(ParseByteSize("kv_budget", "18446744073709551616").status().message(),
            "--kv_budget: '18446744073709551616' does not fit in 64 bits");
  EXPECT_FALSE(ParseByteSize("budget", "GB").ok());
  EXPECT_FALSE(ParseByteSize("budget", "-5GB").ok());
  EXPECT_FALSE(ParseByteSize("budget", "0").ok());
  EXPECT_FALSE(ParseByteSize("budget", "").ok());
}

TEST(ParseMillionthsTest, Fractions) {
  EXPECT_EQ(*ParseMillionths("gpu_memory_utilization", "0.9"), 900'000u);
  EXPECT_EQ(*ParseMillionths("gpu_memory_utilization", "0.000001"), 1u);
  EXPECT_EQ(*ParseMillionths("gpu_memory_utilization", "0.123456"), 123'456u);
  EXPECT_EQ(*ParseMillionths("gpu_memory_utilization", "1"), 1'000'000u);
  EXPECT_EQ(*ParseMillionths("gpu_memory_utilization", "1.000"), 1'000'000u);
  EXPECT_EQ(ParseMillionths("gpu_memory_utilization", "1.5").status().message(),
            "--gpu_memory_utilization: '1.5' is not a fraction in (0, 1] with at "
            "most six decimals");
  for (const char* bad : {"", "0", "0.", ".9", "0.0", "0.1234567", "2", "-0.5", "0.9x",
                          "00.9", "0,9", "1.01"}) {
    EXPECT_FALSE(ParseMillionths("gpu_memory_utilization", bad).ok()) << bad;
  }
}

TEST(ParseReleaseTest, Releases) {
  EXPECT_EQ(*ParseRelease("runtime_version", "0.21"), (Release{0, 21}));
  EXPECT_EQ(*ParseRelease("runtime_version", "v0.10.1.1"), (Release{0, 10}));
  EXPECT_EQ(*ParseRelease("runtime_version", "0.23.1rc1.dev531+ga65f93fb2"),
            (Release{0, 23}));
  EXPECT_EQ(*ParseRelease("runtime_version", "0.6.6.post1"), (Release{0, 6}));
  EXPECT_EQ(*ParseRelease("runtime_version", "1.0"), (Release{1, 0}));
  EXPECT_EQ(ParseRelease("runtime_version", "latest").status().message(),
            "--runtime_version: 'latest' is not a release (like 0.21 or v0.23.1)");
  for (const char* bad : {"", "v", "0", "0.", ".21", "0.21!", "0.21 ", "00.4294967296"}) {
    EXPECT_FALSE(ParseRelease("runtime_version", bad).ok()) << bad;
  }
}

}  // namespace
}  // namespace kvtables
