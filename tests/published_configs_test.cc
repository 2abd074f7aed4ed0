// Every published config.json in catalog/configs/, read by the config
// reader: each is understood or refused with a one-line reason naming the
// field, and where the hand-typed catalog (kvmodel/catalog.h) has the same
// model, the two give the same memory: --model=X and --config=X's
// config.json cannot disagree.

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "config/hf_config.h"
#include "gtest/gtest.h"
#include "kvmodel/catalog.h"
#include "kvmodel/model.h"

namespace {

using kvtables::config::ImportedModel;
using kvtables::config::ReadHfConfigFile;

const char kFolder[] = "catalog/configs";

std::vector<std::string> ConfigFiles() {
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(kFolder)) {
    if (entry.path().extension() == ".json") files.push_back(entry.path().filename());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// The configs the reader refuses, and the field each refusal names.
const std::map<std::string, std::string> kRefused = {
    {"deepseek-v4-flash.json", "index_head_dim"},
    {"deepseek-v4-pro.json", "index_head_dim"},
    {"falcon-mamba-7b.json", "num_attention_heads is missing"},
    {"minimax-m1-80k.json", "attn_type_list entry 0: lightning"},
    {"minimax-text-01-hf.json", "linear_conv_kernel_dim is missing"},
};

TEST(PublishedConfigs, EveryFileIsReadOrRefusedByName) {
  const std::vector<std::string> files = ConfigFiles();
  EXPECT_GE(files.size(), 120u);
  for (const std::string& file : files) {
    const absl::StatusOr<ImportedModel> m = ReadHfConfigFile(std::string(kFolder) + "/" + file);
    const auto refused = kRefused.find(file);
    if (refused == kRefused.end()) {
      EXPECT_TRUE(m.ok()) << file << ": " << m.status();
      continue;
    }
    ASSERT_FALSE(m.ok()) << file;
    EXPECT_NE(m.status().message().find(refused->second), std::string::npos)
        << file << ": " << m.status();
  }
}

// Catalog models and their published configs. A sibling is another
// repository's copy (the base model's, or a re-upload): its cache geometry
// is the catalog model's, its max_position_embeddings need not be.
struct CatalogConfig {
  const char* name;
  const char* file;
  bool sibling;
};

const CatalogConfig kCatalogConfigs[] = {
    {"llama-2-7b", "llama-2-7b.json", false},
    {"llama-2-70b", "llama-2-70b.json", false},
    {"llama-3.1-8b", "llama-3.1-8b.json", false},
    {"llama-3.1-70b", "llama-3.1-70b.json", false},
    {"llama-3.1-405b", "llama-3.1-405b.json", false},
    {"mistral-7b-v0.1", "mistral-7b-v0.1.json", false},
    {"mistral-nemo-12b", "mistral-nemo-instruct-2407.json", true},
    {"mixtral-8x7b", "mixtral-8x7b-v0.1.json", false},
    {"qwen2.5-7b", "qwen2.5-7b-instruct.json", false},
    {"qwen2.5-72b", "qwen2.5-72b.json", true},
    {"qwen3-0.6b", "qwen3-0.6b.json", false},
    {"qwen3-1.7b", "qwen3-1.7b.json", false},
    {"qwen3-8b", "qwen3-8b.json", false},
    {"qwen3-14b", "qwen3-14b.json", false},
    {"qwen3-32b", "qwen3-32b.json", false},
    {"qwen3-235b-a22b", "qwen3-235b-a22b-instruct-2507.json", false},
    {"gemma-2-2b", "gemma-2-2b-unsloth.json", true},
    {"gemma-2-9b", "gemma-2-9b-unsloth.json", true},
    {"gemma-2-27b", "gemma-2-27b-unsloth.json", true},
    {"deepseek-v2-lite", "deepseek-v2-lite.json", false},
    {"deepseek-v3", "deepseek-v3.json", false},
    {"gpt-oss-20b", "gpt-oss-20b.json", false},
    {"gpt-oss-120b", "gpt-oss-120b.json", false},
};

TEST(PublishedConfigs, CatalogAgreesWithItsConfigs) {
  for (const auto& [name, file, sibling] : kCatalogConfigs) {
    const std::optional<kvmodel::ModelSpec> catalog = kvmodel::FindModel(name);
    ASSERT_TRUE(catalog.has_value()) << name;
    const absl::StatusOr<ImportedModel> read = ReadHfConfigFile(std::string(kFolder) + "/" + file);
    ASSERT_TRUE(read.ok()) << file << ": " << read.status();
    const kvmodel::ModelSpec config = read->Spec();
    EXPECT_EQ(config.attention.num_layers, catalog->attention.num_layers) << name;
    EXPECT_EQ(config.attention.num_query_heads, catalog->attention.num_query_heads) << name;
    if (!sibling) {
      EXPECT_EQ(config.max_context_tokens, catalog->max_context_tokens) << name;
    }
    EXPECT_EQ(kvmodel::ModelKvBytesPerToken(config), kvmodel::ModelKvBytesPerToken(*catalog))
        << name;
    EXPECT_EQ(kvmodel::ModelKvBytesPerTokenPastWindows(config),
              kvmodel::ModelKvBytesPerTokenPastWindows(*catalog))
        << name;
    for (const std::uint64_t tokens : {1u, 100u, 4096u, 8193u, 32768u}) {
      EXPECT_EQ(kvmodel::ModelKvCacheBytes(config, tokens),
                kvmodel::ModelKvCacheBytes(*catalog, tokens))
          << name << " at " << tokens;
    }
  }
}

// Published forms the reader now understands, each checked by hand.
std::uint64_t PerToken(const std::string& file) {
  const absl::StatusOr<ImportedModel> m = ReadHfConfigFile(std::string(kFolder) + "/" + file);
  EXPECT_TRUE(m.ok()) << file << ": " << m.status();
  return m.ok() ? kvmodel::ModelKvBytesPerToken(m->Spec()) : 0;
}

TEST(PublishedConfigs, LayerByLayerForms) {
  // block_configs: 49 of 80 blocks attend with 64 / n_heads_in_group 8 = 8
  // KV heads of 8192 / 64; 31 are no_op.
  EXPECT_EQ(PerToken("llama-3.3-nemotron-super-49b-v1.json"), 49u * 8 * 128 * 2 * 2);
  // Nemotron-H-4B: its Mamba inner size is 112 heads x 64 (not expand 2 x
  // hidden 3072); 4 of 52 layers attend with 8 KV heads of 128.
  const absl::StatusOr<ImportedModel> h =
      ReadHfConfigFile(std::string(kFolder) + "/nemotron-h-4b-base-8k.json");
  ASSERT_TRUE(h.ok()) << h.status();
  EXPECT_EQ(kvmodel::ModelKvBytesPerToken(h->Spec()), 4u * 8 * 128 * 2 * 2);
  const kvmodel::LayerMemory& mamba = kvmodel::LayerAt(h->Spec().layers, 0);
  EXPECT_EQ(std::uint64_t{mamba.state_heads} * mamba.state_v_dim, 112u * 64);
}

}  // namespace
