#include "oracle/tiny_gguf.h"

#include <sstream>

#include "gtest/gtest.h"
#include "kvmodel/catalog.h"

namespace oracle {
namespace {

// Reads the tiny GGUF of catalog model `name` back through the reader.
gguf::File ReadBack(std::string_view name) {
  absl::StatusOr<gguf::File> file = TinyGguf(*kvmodel::FindModel(name));
  EXPECT_TRUE(file.ok()) << file.status();
  EXPECT_TRUE(gguf::LayOut(*file).ok());
  std::istringstream in(gguf::Encode(*file));
  absl::StatusOr<gguf::File> read = gguf::Decode(in);
  EXPECT_TRUE(read.ok()) << read.status();
  return *read;
}

std::uint64_t U32(const gguf::File& f, std::string_view key) {
  const gguf::Value* v = f.Find(key);
  EXPECT_NE(v, nullptr) << key;
  return v == nullptr ? 0 : v->numbers.at(0);
}

// Expected values are the published config.json fields, as the converter
// maps them (num_hidden_layers -> block_count, num_key_value_heads ->
// head_count_kv, head_dim -> key_length / value_length, sliding_window).
TEST(TinyGguf, Llama31_8bCarriesItsConfig) {
  const gguf::File f = ReadBack("llama-3.1-8b");
  EXPECT_EQ(f.Find("general.architecture")->strings[0], "llama");
  EXPECT_EQ(U32(f, "llama.block_count"), 32u);
  EXPECT_EQ(U32(f, "llama.attention.head_count"), 32u);
  EXPECT_EQ(U32(f, "llama.attention.head_count_kv"), 8u);
  EXPECT_EQ(U32(f, "llama.attention.key_length"), 128u);
  EXPECT_EQ(U32(f, "llama.context_length"), 131072u);
}

TEST(TinyGguf, Gemma3_27bCarriesItsWindow) {
  const gguf::File f = ReadBack("gemma-3-27b");
  EXPECT_EQ(f.Find("general.architecture")->strings[0], "gemma3");
  EXPECT_EQ(U32(f, "gemma3.block_count"), 62u);
  EXPECT_EQ(U32(f, "gemma3.attention.head_count_kv"), 16u);
  EXPECT_EQ(U32(f, "gemma3.attention.key_length"), 128u);
  EXPECT_EQ(U32(f, "gemma3.attention.sliding_window"), 1024u);
}

TEST(TinyGguf, DeepSeekV3IsStoredAsLlamaCppsLatentCache) {
  // kv_lora_rank 512 + qk_rope_head_dim 64 as one KV head; V is the latent.
  const gguf::File f = ReadBack("deepseek-v3");
  EXPECT_EQ(f.Find("general.architecture")->strings[0], "deepseek2");
  EXPECT_EQ(U32(f, "deepseek2.block_count"), 61u);
  EXPECT_EQ(U32(f, "deepseek2.attention.head_count_kv"), 1u);
  EXPECT_EQ(U32(f, "deepseek2.attention.key_length"), 576u);
  EXPECT_EQ(U32(f, "deepseek2.attention.value_length"), 512u);
  EXPECT_EQ(U32(f, "deepseek2.attention.kv_lora_rank"), 512u);
  EXPECT_EQ(U32(f, "deepseek2.rope.dimension_count"), 64u);
}

TEST(TinyGguf, VocabularyIsBytesAndSpecials) {
  const gguf::File f = ReadBack("qwen3-8b");
  EXPECT_EQ(f.Find("tokenizer.ggml.tokens")->strings.size(), 260u);
  EXPECT_EQ(f.Find("tokenizer.ggml.tokens")->strings[3 + 0x41], "<0x41>");
}

TEST(TinyGguf, CrossAttentionModelsAreRefused) {
  EXPECT_FALSE(TinyGguf(*kvmodel::FindModel("llama-3.2-11b-vision")).ok());
}

}  // namespace
}  // namespace oracle
