#include "gguf/gguf_model.h"

#include "gtest/gtest.h"
#include "kvmodel/catalog.h"
#include "kvmodel/model.h"
#include "kvmodel/runtime_llama_cpp.h"
#include "oracle/tiny_gguf.h"

namespace gguf {
namespace {

// Every catalog model llama.cpp runs, written as the converter would and
// read back, has the catalog's (published config's) cache geometry.
TEST(GgufModel, CatalogModelsReadBackWithTheirGeometry) {
  int checked = 0;
  for (const kvmodel::ModelSpec& m : kvmodel::kCatalog) {
    absl::StatusOr<File> file = oracle::TinyGguf(m);
    if (!file.ok()) continue;  // cross-attention: llama.cpp has none
    absl::StatusOr<GgufModel> read = ImportModel(*file, "x");
    ASSERT_TRUE(read.ok()) << m.name << ": " << read.status();
    const kvmodel::ModelSpec& got = read->model.shape;
    EXPECT_EQ(kvmodel::KBytesPerTokenPerLayer(got.attention),
              kvmodel::KBytesPerTokenPerLayer(m.attention)) << m.name;
    EXPECT_EQ(kvmodel::VBytesPerTokenPerLayer(got.attention),
              kvmodel::VBytesPerTokenPerLayer(m.attention)) << m.name;
    EXPECT_EQ(got.max_context_tokens, m.max_context_tokens) << m.name;
    // What llama.cpp allocates is the same: windows llama.cpp turns off
    // (Phi-3, an all-sliding llama) are off in the file's model too.
    kvmodel::LlamaCppSettings s;
    s.n_ctx = 32768;
    const kvmodel::LlamaCppAllocation from_file = kvmodel::LlamaCppKvCache(read->model.Spec(), s);
    const kvmodel::LlamaCppAllocation from_catalog = kvmodel::LlamaCppKvCache(m, s);
    EXPECT_EQ(from_file.base.total_bytes(), from_catalog.base.total_bytes()) << m.name;
    EXPECT_EQ(from_file.swa.total_bytes(), from_catalog.swa.total_bytes()) << m.name;
    EXPECT_EQ(from_file.swa.cells_per_stream, from_catalog.swa.cells_per_stream) << m.name;
    EXPECT_EQ(read->model.name, m.name);
    ++checked;
  }
  EXPECT_EQ(checked, 38);  // 39 models, less Llama 3.2 Vision
}

File WithTensors(std::vector<TensorInfo> tensors) {
  File f;
  f.metadata = {{"general.architecture", Value::String("llama")},
                {"llama.block_count", Value::U32(32)},
                {"llama.attention.head_count", Value::U32(32)},
                {"llama.attention.head_count_kv", Value::U32(8)},
                {"llama.embedding_length", Value::U32(4096)},
                {"llama.context_length", Value::U32(131072)}};
  f.tensors = std::move(tensors);
  return f;
}

TEST(GgufModel, WeightsAreTheSumOfTheTensorTable) {
  // By hand, from ggml's blocks: q4_K 144 bytes per 256 values, q6_K 210
  // per 256, f32 4 bytes.
  const File f = WithTensors({{"token_embd.weight", {4096, 32000}, GgmlType::kQ4_K, 0},
                              {"output.weight", {4096, 32000}, GgmlType::kQ6_K, 0},
                              {"output_norm.weight", {4096}, GgmlType::kF32, 0}});
  absl::StatusOr<GgufModel> m = ImportModel(f, "x");
  ASSERT_TRUE(m.ok()) << m.status();
  EXPECT_EQ(m->tensor_bytes, 73'728'000u + 107'520'000u + 16'384u);
  EXPECT_EQ(m->parameters, 2u * 4096 * 32000 + 4096);
  // The cache: 32 layers x 8 heads x 128 x 2 (K, V) x 2 bytes per token.
  EXPECT_EQ(kvmodel::KBytesPerTokenPerLayer(m->model.shape.attention), 8u * 128 * 2);
}

TEST(GgufModel, WhatItCannotModelIsAnErrorNamingIt) {
  File f = WithTensors({});
  f.metadata[0].second = Value::String("mamba2");
  EXPECT_EQ(ImportModel(f, "x").status().message(),
            "gguf: architecture 'mamba2': kvtables does not model its memory yet "
            "(recurrent, hybrid or not checked against llama.cpp)");
  f = WithTensors({});
  f.metadata[3].second = Value::I32Array({8, 8, 4, 8});
  EXPECT_EQ(ImportModel(f, "x").status().message(),
            "gguf: llama.attention.head_count_kv differs between layers: per-layer "
            "geometry is not modelled yet");
  f = WithTensors({});
  f.metadata.erase(f.metadata.begin() + 1);
  EXPECT_EQ(ImportModel(f, "x").status().message(), "gguf: no llama.block_count");
  f = WithTensors({});
  f.metadata[3].second = Value::U32(5);
  EXPECT_NE(ImportModel(f, "x").status().message().find("num_kv_heads must divide"),
            std::string::npos);
}

}  // namespace
}  // namespace gguf
