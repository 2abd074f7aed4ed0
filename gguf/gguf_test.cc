#include "gguf/gguf.h"

#include <fstream>
#include <sstream>
#include <string>

#include "gtest/gtest.h"

namespace gguf {
namespace {

File Sample() {
  File f;
  f.metadata = {
      {"general.architecture", Value::String("llama")},
      {"llama.block_count", Value::U32(4)},
      {"llama.attention.layer_norm_rms_epsilon", Value::F32(1e-5f)},
      {"llama.rope.freq_base", Value::U64(500000)},
      {"general.flag", Value::Bool(true)},
      {"llama.head_count_kv", Value::I32Array({2, 2, 8, 8})},
      {"tokenizer.ggml.tokens", Value::StringArray({"<s>", "</s>", "a"})},
  };
  f.tensors = {
      {"token_embd.weight", {64, 3}, GgmlType::kF16, 0},
      {"blk.0.attn_q.weight", {64, 64}, GgmlType::kQ8_0, 0},
      {"output_norm.weight", {64}, GgmlType::kF32, 0},
  };
  return f;
}

std::string Bytes(File f) {
  EXPECT_TRUE(LayOut(f).ok());
  return Encode(f);
}

TEST(Gguf, TensorBytesFromTheTypeBlocks) {
  // Independent figures: ggml's block sizes (f16: 2 bytes; q8_0: 34 bytes
  // per 32 values) times the shapes.
  EXPECT_EQ(*TensorBytes({"t", {64, 3}, GgmlType::kF16, 0}), 64u * 3 * 2);
  EXPECT_EQ(*TensorBytes({"t", {64, 64}, GgmlType::kQ8_0, 0}), 2u * 34 * 64);
  EXPECT_EQ(*TensorBytes({"t", {4, 2}, GgmlType::kF16, 0}), 16u);
  EXPECT_FALSE(TensorBytes({"t", {48}, GgmlType::kQ8_0, 0}).ok());
  // 2^62 f64 values are 2^65 bytes: too large, not wrapped to 2 bytes' worth.
  EXPECT_FALSE(TensorBytes({"t", {std::uint64_t{1} << 62}, GgmlType::kF64, 0}).ok());
  EXPECT_EQ(*TensorBytes({"t", {std::uint64_t{1} << 59}, GgmlType::kF64, 0}), std::uint64_t{1} << 62);
}

TEST(Gguf, LayOutAlignsEveryTensor) {
  File f = Sample();
  const std::uint64_t data = *LayOut(f);
  EXPECT_EQ(f.tensors[0].offset, 0u);
  EXPECT_EQ(f.tensors[1].offset, 384u);         // 64 * 3 * 2 = 384, aligned
  EXPECT_EQ(f.tensors[2].offset, 384u + 4352);  // 2 * 34 * 64 = 4352
  EXPECT_EQ(data, 384u + 4352 + 256);
}

TEST(Gguf, EmptyFileIsTheHeaderPadded) {
  const std::string bytes = Bytes(File{});
  ASSERT_EQ(bytes.size(), 32u);  // 4 + 4 + 8 + 8 = 24 header bytes, to 32
  EXPECT_EQ(bytes.substr(0, 4), "GGUF");
  EXPECT_EQ(bytes[4], 3);  // version 3, little-endian
}

TEST(Gguf, RoundTripFieldByField) {
  File written = Sample();
  ASSERT_TRUE(LayOut(written).ok());
  std::istringstream in(Encode(written));
  absl::StatusOr<File> read = Decode(in);
  ASSERT_TRUE(read.ok()) << read.status();
  ASSERT_EQ(read->metadata.size(), written.metadata.size());
  for (std::size_t i = 0; i < written.metadata.size(); ++i) {
    EXPECT_EQ(read->metadata[i].first, written.metadata[i].first);
    EXPECT_EQ(read->metadata[i].second, written.metadata[i].second) << written.metadata[i].first;
  }
  ASSERT_EQ(read->tensors.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) EXPECT_EQ(read->tensors[i], written.tensors[i]);
  EXPECT_EQ(read->Find("llama.block_count")->numbers[0], 4u);
  EXPECT_EQ(read->Find("tokenizer.ggml.tokens")->strings[2], "a");
}

TEST(Gguf, WriteExtendsTheFileToItsData) {
  const std::string path = std::string(::testing::TempDir()) + "/sample.gguf";
  File f = Sample();
  ASSERT_TRUE(Write(path, f).ok());
  absl::StatusOr<File> read = Read(path);
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_EQ(*read, f);
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  EXPECT_EQ(static_cast<std::uint64_t>(in.tellg()), Encode(f).size() + 384 + 4352 + 256);
}

absl::Status DecodeBytes(const std::string& bytes) {
  std::istringstream in(bytes);
  return Decode(in).status();
}

TEST(Gguf, BadInputIsAnErrorNamingWhatIsWrong) {
  const std::string good = Bytes(Sample());
  EXPECT_EQ(DecodeBytes("GGML").message(), "gguf: not a GGUF file (no GGUF magic)");
  EXPECT_EQ(DecodeBytes(good.substr(0, 6)).message(), "gguf: file ends inside the version");
  std::string huge = good;
  huge[8 + 7] = 0x10;  // tensor count 2^60
  EXPECT_NE(DecodeBytes(huge).message().find("claims"), std::string::npos);
  EXPECT_NE(DecodeBytes(good.substr(0, 200)).message().find("file ends inside"), std::string::npos);
  std::string version = good;
  version[4] = 9;
  EXPECT_EQ(DecodeBytes(version).message(), "gguf: unsupported version 9");
}

TEST(Gguf, NamesInErrorsAreEscapedToOneLine) {
  File f;
  f.tensors = {{"evil\nname\x1b[31m", {3}, GgmlType::kQ8_0, 0}};
  std::istringstream in(Encode(f));
  const absl::Status s = Decode(in).status();
  EXPECT_EQ(s.message(), "gguf: tensor evil\\nname\\x1b[31m is not a whole number of blocks of its type");
  EXPECT_EQ(s.message().find('\n'), std::string::npos);
}

TEST(Gguf, AlignmentMustBeAPowerOfTwo) {
  // Written by hand: the writer itself cannot lay out a bad alignment.
  std::string bytes = "GGUF";
  bytes += std::string("\x03\0\0\0", 4) + std::string(8, '\0') + std::string("\x01", 1) + std::string(7, '\0');
  std::string key = "general.alignment";
  bytes += std::string(1, static_cast<char>(key.size())) + std::string(7, '\0') + key;
  bytes += std::string("\x04\0\0\0", 4) + std::string("\x30\0\0\0", 4);  // u32 48
  std::istringstream bad(bytes);
  EXPECT_EQ(Decode(bad).status().message(), "gguf: general.alignment 48 is not a power of two");
}

}  // namespace
}  // namespace gguf
