#include "config/hf_config.h"

#include <string>

#include "gtest/gtest.h"
#include "kvmodel/catalog.h"
#include "kvmodel/model.h"

namespace kvtables::config {
namespace {

using kvmodel::AttentionGeometry;
using kvmodel::FindModel;
using kvmodel::ModelKvBytesPerToken;
using kvmodel::StorageFormat;

ImportedModel Load(const std::string& file) {
  absl::StatusOr<ImportedModel> model =
      ReadHfConfigFile("tests/testdata/" + file);
  EXPECT_TRUE(model.ok()) << file << ": " << model.status();
  return model.ok() ? *model : ImportedModel{};
}

// The header's worked example: Llama 3.1 8B, and the parameter count the
// catalog computed independently from the same shapes.
TEST(HfConfigTest, Llama31_8B) {
  const ImportedModel m = Load("llama-3.1-8b.json");
  EXPECT_EQ(m.Spec().attention, (AttentionGeometry{32, 32, 8, 128, 128}));
  EXPECT_TRUE(m.parameters_estimated);
  EXPECT_EQ(m.Spec().parameters_total, 8'030'261'248u);
  EXPECT_EQ(m.Spec().max_context_tokens, 131072u);
  EXPECT_EQ(m.Spec().weights_format, StorageFormat::kBF16);
  EXPECT_EQ(m.name, "meta-llama/Llama-3.1-8B");  // _name_or_path
}

// Qwen2.5 0.5B: biased q/k/v, tied embeddings; its safetensors hold
// 494,032,768 parameters. use_sliding_window false: no sliding layers.
TEST(HfConfigTest, Qwen25_0_5B) {
  const ImportedModel m = Load("qwen2.5-0.5b.json");
  EXPECT_EQ(m.Spec().attention, (AttentionGeometry{24, 14, 2, 64, 64}));
  EXPECT_EQ(m.Spec().sliding_window_layers, 0u);
  EXPECT_EQ(m.Spec().parameters_total, 494'032'768u);
  EXPECT_EQ(m.name, "qwen2.5-0.5b");  // the file's name
}

TEST(HfConfigTest, Gemma2EveryOtherLayerSlides) {
  const ImportedModel m = Load("gemma-2-2b.json");
  EXPECT_EQ(m.Spec().attention, (AttentionGeometry{26, 8, 4, 256, 256}));
  EXPECT_EQ(m.Spec().sliding_window_layers, 13u);
  EXPECT_EQ(m.Spec().sliding_window_tokens, 4096u);
  EXPECT_EQ(m.Spec().weights_format, StorageFormat::kF32);
}

// Gemma 3 4B's config nests a sparse text_config; transformers' defaults
// give 8 heads, 4 KV heads of 256 and a 5:1 pattern: 29 local + 5 global.
TEST(HfConfigTest, Gemma3TextConfigDefaults) {
  const ImportedModel m = Load("gemma-3-4b-it.json");
  EXPECT_EQ(m.Spec().attention, (AttentionGeometry{34, 8, 4, 256, 256}));
  EXPECT_EQ(m.Spec().sliding_window_layers, 29u);
  EXPECT_EQ(m.Spec().sliding_window_tokens, 1024u);
  EXPECT_EQ(m.Spec().max_context_tokens, 131072u);
}

TEST(HfConfigTest, LayerTypes) {
  const ImportedModel gpt = Load("gpt-oss-20b.json");
  EXPECT_EQ(gpt.Spec().attention, (AttentionGeometry{24, 64, 8, 64, 64}));
  EXPECT_EQ(gpt.Spec().sliding_window_layers, 12u);
  EXPECT_EQ(gpt.Spec().sliding_window_tokens, 128u);
  EXPECT_FALSE(gpt.parameters_estimated);  // mixture of experts
  const ImportedModel gemma = Load("gemma-3-270m.json");
  EXPECT_EQ(gemma.Spec().sliding_window_layers, 15u);
  EXPECT_EQ(gemma.Spec().full_attention_layers(), 3u);
}

TEST(HfConfigTest, SlidingWindowOnEveryLayer) {
  const ImportedModel m = Load("mistral-7b-v0.1.json");
  EXPECT_EQ(m.Spec().sliding_window_layers, 32u);
  EXPECT_EQ(m.Spec().sliding_window_tokens, 4096u);
  EXPECT_EQ(Load("mistral-7b-instruct-v0.2.json").Spec().sliding_window_layers,
            0u);  // sliding_window null
}

TEST(HfConfigTest, LatentAttention) {
  const ImportedModel m = Load("deepseek-v3.json");
  EXPECT_EQ(m.Spec().attention, (AttentionGeometry{61, 128, 1, 576, 0}));
  EXPECT_EQ(m.Spec().kv_lora_rank, 512u);
  EXPECT_EQ(m.Spec().qk_rope_head_dim, 64u);
  EXPECT_FALSE(m.parameters_estimated);
}

TEST(HfConfigTest, FalconMultiQuery) {
  const ImportedModel m = Load("falcon-7b.json");
  EXPECT_EQ(m.Spec().attention, (AttentionGeometry{32, 71, 1, 64, 64}));
  EXPECT_EQ(m.Spec().max_context_tokens, 2048u);
}

TEST(HfConfigTest, CrossAttention) {
  const ImportedModel m = Load("llama-3.2-11b-vision.json");
  EXPECT_EQ(m.Spec().attention, (AttentionGeometry{40, 32, 8, 128, 128}));
  EXPECT_EQ(m.Spec().cross_attention_layers, 8u);
  EXPECT_EQ(m.Spec().cross_attention_tokens, 6404u);  // 4 x (40^2 + 1)
}

// The imported geometry caches what the catalog (researched separately)
// says each model caches per token.
TEST(HfConfigTest, AgreesWithCatalog) {
  const std::pair<const char*, const char*> pairs[] = {
      {"llama-3.1-8b.json", "llama-3.1-8b"},
      {"llama-3.1-70b.json", "llama-3.1-70b"},
      {"llama-2-7b.json", "llama-2-7b"},
      {"qwen3-14b.json", "qwen3-14b"},
      {"qwen3-4b.json", "qwen3-4b"},
      {"qwen2.5-7b-instruct.json", "qwen2.5-7b"},
      {"gemma-2-2b.json", "gemma-2-2b"},
      {"gemma-3-4b-it.json", "gemma-3-4b"},
      {"gpt-oss-20b.json", "gpt-oss-20b"},
      {"deepseek-v3.json", "deepseek-v3"},
      {"falcon-7b.json", "falcon-7b"},
      {"mistral-7b-v0.1.json", "mistral-7b-v0.1"},
      {"phi-3-mini-4k-instruct.json", "phi-3-mini-4k"},
      {"llama-3.2-11b-vision.json", "llama-3.2-11b-vision"},
  };
  for (const auto& [file, name] : pairs) {
    const ImportedModel m = Load(file);
    const kvmodel::ModelSpec c = *FindModel(name);
    EXPECT_EQ(ModelKvBytesPerToken(m.Spec()), ModelKvBytesPerToken(c)) << file;
    EXPECT_EQ(m.Spec().sliding_window_layers, c.sliding_window_layers) << file;
    EXPECT_EQ(m.Spec().cross_attention_tokens, c.cross_attention_tokens) << file;
  }
  // Where the catalog computed parameters from the same shapes.
  EXPECT_EQ(Load("llama-3.1-70b.json").Spec().parameters_total,
            FindModel("llama-3.1-70b")->parameters_total);
  EXPECT_EQ(Load("llama-2-7b.json").Spec().parameters_total,
            FindModel("llama-2-7b")->parameters_total);
}

// Hybrid and per-layer configs: bytes per token and the recurrent state
// per sequence (f32, as llama.cpp keeps it), each computed by hand from the
// published fields.
TEST(HfConfigTest, Qwen3NextLayerByLayer) {
  // 48 layers, full_attention_interval 4: 12 attend with 2 KV heads of
  // 256; 36 gated DeltaNet layers: kernel 4 over 2 x 16 x 128 + 32 x 128
  // channels, 32 value heads of 128 x 128.
  const ImportedModel m = Load("qwen3-next-80b-a3b-thinking.json");
  const kvmodel::ModelSpec spec = m.Spec();
  ASSERT_TRUE(spec.per_layer());
  EXPECT_EQ(ModelKvBytesPerToken(spec), 12u * 2 * 256 * 2 * 2);
  EXPECT_EQ(kvmodel::ModelStateBytesPerSequence(spec),
            36u * (3 * (2 * 16 * 128 + 32 * 128) + 32 * 128 * 128) * 4);
  EXPECT_EQ(kvmodel::LayerAt(spec.layers, 3).kind, kvmodel::LayerKind::kFull);
  EXPECT_EQ(kvmodel::LayerAt(spec.layers, 4).kind, kvmodel::LayerKind::kRecurrent);
}

TEST(HfConfigTest, Lfm2ShortConvolution) {
  // full_attn_idxs: 6 of 16 layers attend, 8 KV heads of 1536 / 24; the
  // other 10 keep conv_L_cache - 1 = 2 columns of 1536.
  const ImportedModel m = Load("lfm2-700m.json");  // owns the layers
  const kvmodel::ModelSpec spec = m.Spec();
  EXPECT_EQ(ModelKvBytesPerToken(spec), 6u * 8 * 64 * 2 * 2);
  EXPECT_EQ(kvmodel::ModelStateBytesPerSequence(spec), 10u * 2 * 1536 * 4);
  EXPECT_EQ(kvmodel::LayerAt(spec.layers, 2).kind, kvmodel::LayerKind::kFull);
}

TEST(HfConfigTest, GraniteHybridMamba2) {
  // 36 Mamba 2 layers: kernel 4 over 2 x 2048 + 2 x 128 channels, 64 heads
  // of 128 x 64; 4 attention layers of 8 KV heads of 2048 / 32. The state is
  // the 73.79 MiB llama.cpp logs for one sequence.
  const ImportedModel m = Load("granite-4.0-h-micro-base.json");  // owns the layers
  const kvmodel::ModelSpec spec = m.Spec();
  EXPECT_EQ(ModelKvBytesPerToken(spec), 4u * 8 * 64 * 2 * 2);
  EXPECT_EQ(kvmodel::ModelStateBytesPerSequence(spec), 77'377'536u);
}

TEST(HfConfigTest, Gemma4GlobalLayers) {
  // 25 sliding layers of 8 KV heads of 256 (window 1024), 5 full layers of
  // num_global_key_value_heads 2 of global_head_dim 512.
  const ImportedModel m = Load("gemma-4-26b-a4b.json");  // owns the layers
  const kvmodel::ModelSpec spec = m.Spec();
  EXPECT_EQ(ModelKvBytesPerToken(spec), 25u * 8 * 256 * 4 + 5u * 2 * 512 * 4);
  EXPECT_EQ(kvmodel::ModelKvBytesPerTokenPastWindows(spec), 5u * 2 * 512 * 4);
  EXPECT_EQ(kvmodel::ModelStateBytesPerSequence(spec), 0u);
  EXPECT_EQ(kvmodel::LayerAt(spec.layers, 0).window, 1024u);
}

TEST(HfConfigTest, Gemma4SharedLayers) {
  // 42 layers, every 6th full; num_kv_shared_layers 18: layers 24..41 read
  // the last own layer of their kind, 22 (sliding) or 23 (full). Own
  // caches: 20 sliding layers of 2 x 256 and 4 full layers of 2 x 512.
  const ImportedModel m = Load("gemma-4-e4b-it.json");
  const kvmodel::ModelSpec spec = m.Spec();
  EXPECT_EQ(kvmodel::LayerAt(spec.layers, 24).kind, kvmodel::LayerKind::kShared);
  EXPECT_EQ(kvmodel::LayerAt(spec.layers, 24).source_layer, 22u);
  EXPECT_EQ(kvmodel::LayerAt(spec.layers, 29).source_layer, 23u);
  EXPECT_EQ(kvmodel::LayerAt(spec.layers, 41).source_layer, 23u);
  EXPECT_EQ(ModelKvBytesPerToken(spec), 20u * 2 * 256 * 4 + 4u * 2 * 512 * 4);
}

TEST(HfConfigTest, Llama4ChunkedAttention) {
  // attention_chunk_size 8192 and no no_rope_layers: Llama4TextConfig's
  // default makes every 4th layer global (NoPE), the other 36 chunked; 8
  // KV heads of 128 on every layer.
  const ImportedModel m = Load("llama-4-scout-17b-16e.json");
  const kvmodel::ModelSpec spec = m.Spec();
  EXPECT_EQ(kvmodel::LayerAt(spec.layers, 0).kind, kvmodel::LayerKind::kChunked);
  EXPECT_EQ(kvmodel::LayerAt(spec.layers, 0).window, 8192u);
  EXPECT_EQ(kvmodel::LayerAt(spec.layers, 3).kind, kvmodel::LayerKind::kFull);
  EXPECT_EQ(ModelKvBytesPerToken(spec), 48u * 8 * 128 * 4);
  EXPECT_EQ(kvmodel::ModelKvBytesPerTokenPastWindows(spec), 12u * 8 * 128 * 4);
  EXPECT_EQ(kvmodel::ModelKvCacheBytes(spec, 100000).total(),
            (12ull * 100000 + 36ull * 8192) * 8 * 128 * 4);
}

TEST(HfConfigTest, NemotronHPattern) {
  // hybrid_override_pattern: 54 Mamba 2 layers (M), 10 attention (*), 54
  // MLP layers (-) that keep nothing; the published file holds a bare
  // Infinity (time_step_limit), read as null. Mamba 2: kernel 4 over 2 x
  // 8192 + 2 x 8 x 256 channels, 256 x 16384 state values.
  const ImportedModel m = Load("nemotron-h-56b-base-8k.json");
  const kvmodel::ModelSpec spec = m.Spec();
  EXPECT_NE(m.source.find("1 non-finite numbers"), std::string::npos) << m.source;
  EXPECT_EQ(kvmodel::LayerAt(spec.layers, 1).kind, kvmodel::LayerKind::kNone);
  EXPECT_EQ(ModelKvBytesPerToken(spec), 10u * 8 * 128 * 4);
  EXPECT_EQ(kvmodel::ModelStateBytesPerSequence(spec),
            54ull * (3 * (16384 + 2 * 8 * 256) + 256 * 16384) * 4);
}

TEST(HfConfigTest, NonFiniteNumbersOutsideStringsOnly) {
  const absl::StatusOr<ImportedModel> m = ParseHfConfig(
      R"({"num_hidden_layers": 2, "num_attention_heads": 4, "hidden_size": 256,
          "max_position_embeddings": 1024, "x": [-Infinity, NaN],
          "_name_or_path": "Infinity \" NaN"})", "t");
  ASSERT_TRUE(m.ok()) << m.status();
  EXPECT_EQ(m->hf_repo, "Infinity \" NaN");
}

TEST(HfConfigTest, DeepSeekV32Indexer) {
  // 61 layers of a 512 + 64 latent, and beside it the lightning indexer's
  // key of index_head_dim 128 per layer-token (bf16).
  const ImportedModel m = Load("deepseek-v3.2.json");
  EXPECT_EQ(m.Spec().indexer_head_dim, 128u);
  EXPECT_EQ(ModelKvBytesPerToken(m.Spec()), 61u * (576 + 128) * 2);
}

std::string Error(const std::string& json) {
  const absl::StatusOr<ImportedModel> m = ParseHfConfig(json, "t");
  EXPECT_FALSE(m.ok()) << json;
  const std::string message(m.status().message());
  EXPECT_EQ(message.find('\n'), std::string::npos) << message;
  return message;
}

constexpr char kGood[] =
    R"({"num_hidden_layers": 2, "num_attention_heads": 4,
        "num_key_value_heads": 2, "hidden_size": 256,
        "max_position_embeddings": 1024})";

TEST(HfConfigTest, GoodMinimal) {
  const absl::StatusOr<ImportedModel> m = ParseHfConfig(kGood, "t");
  ASSERT_TRUE(m.ok()) << m.status();
  EXPECT_EQ(m->Spec().attention, (AttentionGeometry{2, 4, 2, 64, 64}));
  EXPECT_FALSE(m->parameters_estimated);  // no vocab or intermediate size
}

TEST(HfConfigTest, VisionTokensDoNotWrap) {
  // (2^32 - 1) x ((2^32 - 1)^2 + 1) is past 64 bits: refused, never wrapped.
  EXPECT_EQ(Error(R"({"text_config": {"num_hidden_layers": 2, "num_attention_heads": 4,
      "hidden_size": 256, "max_position_embeddings": 1024, "cross_attention_layers": [1]},
      "vision_config": {"image_size": 4294967295, "patch_size": 1, "max_num_tiles": 4294967295}})"),
            "config.json: vision_config: max_num_tiles x ((image_size / patch_size)^2 + 1) "
            "is too large: more than 2^32 vision tokens per image");
}

TEST(HfConfigTest, BadLayers) {
  const std::string head =
      R"({"num_hidden_layers": 2, "num_attention_heads": 4, "num_key_value_heads": 2,
          "hidden_size": 256, "max_position_embeddings": 1024, )";
  EXPECT_EQ(Error(head + R"("layer_types": ["attention", "rwkv"]})"),
            "config.json: layer_types entry \"rwkv\" is not a layer kind kvtables "
            "knows (full_attention, attention, sliding_attention, chunked_attention, "
            "linear_attention, mamba, conv)");
  EXPECT_EQ(Error(head + R"("layer_types": ["mamba"]})"),
            "config.json: layer_types has 1 entries for 2 num_hidden_layers");
  EXPECT_EQ(Error(head + R"("layer_types": ["attention", "mamba"]})"),
            "config.json: mamba_d_state is missing (a recurrent layer's state "
            "cannot be sized without it)");
  EXPECT_EQ(Error(head + R"("hybrid_override_pattern": "M?"})"),
            "config.json: hybrid_override_pattern has '?', not one of M (mamba), "
            "* (attention), - (MLP), E (MoE)");
  EXPECT_EQ(Error(head + R"("use_cla": true, "cla_share_factor": 2})"),
            "config.json: use_cla: cross-layer KV sharing is not modelled");
  EXPECT_EQ(Error(head + R"("attn_type_list": [1, 0]})"),
            "config.json: attn_type_list entry 0: lightning (linear) attention "
            "layers are not modelled");
  EXPECT_EQ(Error(head + R"("block_configs": [{"attention": {"n_heads_in_group": 3}},
      {"attention": {"no_op": true}}]})"),
            "config.json: block_configs[0].attention.n_heads_in_group 3 does not "
            "divide num_attention_heads 4");
  EXPECT_EQ(Error(head + R"("block_configs": [{"attention": {}}]})"),
            "config.json: block_configs must be a list of 2 blocks");
  EXPECT_EQ(Error(head + R"("index_head_dim": 128})"),
            "config.json: index_head_dim: an indexer cache without a latent "
            "(kv_lora_rank) cache is not modelled");
  EXPECT_EQ(Error(head + R"("num_kv_shared_layers": 2})"),
            "config.json: num_kv_shared_layers must be below num_hidden_layers");
  const std::string mamba = head + R"("layer_types": ["mamba", "attention"], "mamba_d_conv": 4, )";
  EXPECT_EQ(Error(mamba + R"("mamba_d_state": 16, "mamba_n_heads": 3, "mamba_expand": 1})"),
            "config.json: mamba_n_heads 3 does not divide the inner size 256");
  EXPECT_EQ(Error(mamba + R"("mamba_d_state": 4294967295, "mamba_n_heads": 1, "mamba_expand": 1})"),
            "config.json: mamba_d_state is too large: 8589934846");
  EXPECT_EQ(Error(head + R"("layer_types": ["conv", "attention"], "conv_L_cache": 1})"),
            "config.json: conv_L_cache: a convolution kernel needs at least 2 taps");
}

TEST(HfConfigTest, BadInput) {
  EXPECT_EQ(Error(R"({"num_hidden_layers": 2,)").rfind(
                "config.json: not valid JSON: parse error", 0),
            0u);
  EXPECT_EQ(Error(""). rfind("config.json: not valid JSON", 0), 0u);
  EXPECT_EQ(Error("[1, 2]"), "config.json: the top level must be a JSON object");
  EXPECT_EQ(Error(R"({"num_attention_heads": 4, "hidden_size": 256,
                      "max_position_embeddings": 8})"),
            "config.json: num_hidden_layers is missing");
  EXPECT_EQ(Error(R"({"num_hidden_layers": 2, "num_attention_heads": 0,
                      "hidden_size": 256, "max_position_embeddings": 8})"),
            "config.json: num_attention_heads must be positive, got 0");
  EXPECT_EQ(Error(R"({"num_hidden_layers": 2, "num_attention_heads": 4,
                      "num_key_value_heads": -1, "hidden_size": 256,
                      "max_position_embeddings": 8})"),
            "config.json: num_key_value_heads must be positive, got -1");
  EXPECT_EQ(Error(R"({"num_hidden_layers": 2.5, "num_attention_heads": 4})"),
            "config.json: num_hidden_layers must be a positive integer, got 2.5");
  EXPECT_EQ(Error(R"({"num_hidden_layers": "32", "num_attention_heads": 4})"),
            "config.json: num_hidden_layers must be a positive integer, got \"32\"");
  EXPECT_EQ(Error(R"({"num_hidden_layers": 2, "hidden_size": 256})"),
            "config.json: num_attention_heads is missing");
  EXPECT_EQ(Error(R"({"num_hidden_layers": 4294967296})"),
            "config.json: num_hidden_layers is too large: 4294967296");
  EXPECT_EQ(Error(R"({"num_hidden_layers": 2, "num_attention_heads": 32,
                      "num_key_value_heads": 3, "hidden_size": 4096,
                      "max_position_embeddings": 8})"),
            "config.json: num_key_value_heads 3 does not divide "
            "num_attention_heads 32");
  EXPECT_EQ(Error(R"({"num_hidden_layers": 2, "num_attention_heads": 71,
                      "hidden_size": 4545, "max_position_embeddings": 8})"),
            "config.json: hidden_size 4545 is not a multiple of "
            "num_attention_heads 71 (and there is no head_dim)");
  EXPECT_EQ(Error(R"({"num_hidden_layers": 2, "num_attention_heads": 4,
                      "hidden_size": 256})"),
            "config.json: max_position_embeddings is missing");
  EXPECT_EQ(Error(R"({"text_config": [], "num_hidden_layers": 2})"),
            "config.json: text_config must be an object, got []");
  EXPECT_EQ(Error(R"({"text_config": {"num_hidden_layers": 2,
                      "num_attention_heads": 4, "max_position_embeddings": 8}})"),
            "config.json: text_config.hidden_size is missing (and there is no "
            "head_dim)");
  EXPECT_EQ(Error(R"({"num_hidden_layers": 2, "num_attention_heads": 4,
                      "hidden_size": 256, "max_position_embeddings": 8,
                      "layer_types": ["full_attention"]})"),
            "config.json: layer_types has 1 entries for 2 num_hidden_layers");
  EXPECT_EQ(Error(R"({"num_hidden_layers": 2, "num_attention_heads": 4,
                      "hidden_size": 256, "max_position_embeddings": 8,
                      "layer_types": ["full_attention", "mamba"]})"),
            "config.json: mamba_d_state is missing (a recurrent layer's state "
            "cannot be sized without it)");
  EXPECT_EQ(Error(R"({"num_hidden_layers": 2, "num_attention_heads": 4,
                      "hidden_size": 256, "max_position_embeddings": 8,
                      "layer_types": ["full_attention", "sliding_attention"]})"),
            "config.json: sliding_window is missing for sliding layers");
  EXPECT_EQ(Error(R"({"num_hidden_layers": 2, "num_attention_heads": 4,
                      "hidden_size": 256, "max_position_embeddings": 8,
                      "torch_dtype": "int4"})"),
            "config.json: torch_dtype 'int4' is not bfloat16, float16 or "
            "float32");
  EXPECT_EQ(Error(R"({"num_hidden_layers": 2, "num_attention_heads": 4,
                      "hidden_size": 256, "max_position_embeddings": 8,
                      "kv_lora_rank": 512})"),
            "config.json: qk_rope_head_dim is missing");
  EXPECT_EQ(Error(R"({"num_hidden_layers": 2, "num_attention_heads": 4,
                      "hidden_size": 256, "max_position_embeddings": 8,
                      "multi_query": "yes"})"),
            "config.json: multi_query must be true or false, got \"yes\"");
  // Shapes whose parameter count overflows 64 bits.
  EXPECT_EQ(Error(R"({"num_hidden_layers": 4294967295,
                      "num_attention_heads": 1, "hidden_size": 4294967295,
                      "intermediate_size": 4294967295, "vocab_size": 4294967295,
                      "max_position_embeddings": 8})"),
            "config.json: overflow: product does not fit in 64 bits");
}

// Found by hand while fuzzing: a value nested a million levels deep
// crashed the error message (printing it recursed); now it is only named.
TEST(HfConfigTest, DeeplyNestedValue) {
  const std::string deep = std::string(1'000'000, '[') + std::string(1'000'000, ']');
  EXPECT_EQ(Error(R"({"text_config": )" + deep + "}"),
            "config.json: text_config must be an object, got a list of 1");
  EXPECT_EQ(Error(R"({"num_hidden_layers": )" + deep + "}"),
            "config.json: num_hidden_layers must be a positive integer, got a "
            "list of 1");
}

TEST(HfConfigTest, MissingFile) {
  const absl::StatusOr<ImportedModel> m =
      ReadHfConfigFile("tests/testdata/no-such-file.json");
  EXPECT_EQ(m.status().message(),
            "cannot read config file tests/testdata/no-such-file.json: No such "
            "file or directory");
  // Not a regular file: refused before reading (/dev/zero has no end).
  EXPECT_EQ(ReadHfConfigFile("/dev/zero").status().message(),
            "cannot read config file /dev/zero is not a regular file (a "
            "directory, FIFO, socket or device)");
}

}  // namespace
}  // namespace kvtables::config
