#include "oracle/tiny_gguf.h"

#include <cstdint>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace oracle {
namespace {

using gguf::GgmlType;
using gguf::TensorInfo;
using gguf::Value;

// Three specials, the 256 byte tokens and <|endoftext|>, which llama.cpp's
// vocabulary loader looks up for models named Phi-3.
constexpr std::uint64_t kVocab = 260;
constexpr std::uint64_t kFeedForward = 64;
// DeepSeek-V2/V3 query/key head without rope and value head (both 128 in
// both configs); they shape weights only, never the cache.
constexpr std::uint64_t kMlaNope = 128;
constexpr std::uint64_t kMlaValue = 128;
constexpr std::uint64_t kDeepSeekV3QLoraRank = 1536;

// Geometry is what the tensors' shapes need.
struct Geometry {
  std::uint64_t layers, embd, heads, kv_heads, head_k, head_v;
};

class Builder {
 public:
  Builder(std::string arch, gguf::File& file) : arch_(std::move(arch)), file_(file) {}

  void Meta(std::string_view key, Value v) {
    file_.metadata.emplace_back(absl::StrCat(arch_, ".", std::string(key)), std::move(v));
  }
  void Tensor(std::string name, std::vector<std::uint64_t> dims) {
    const GgmlType type = dims.size() == 1 ? GgmlType::kF32 : GgmlType::kF16;
    file_.tensors.push_back({std::move(name), std::move(dims), type, 0});
  }
  void Layer(int i, std::string_view what, std::vector<std::uint64_t> dims) {
    Tensor(absl::StrFormat("blk.%d.%s", i, std::string(what)), std::move(dims));
  }
  // F32Layer(): a state-space parameter, kept in f32 as converters do.
  void F32Layer(int i, std::string_view what, std::vector<std::uint64_t> dims) {
    file_.tensors.push_back({absl::StrFormat("blk.%d.%s", i, std::string(what)),
                             std::move(dims), GgmlType::kF32, 0});
  }
  const std::string& arch() const { return arch_; }

 private:
  std::string arch_;
  gguf::File& file_;
};

void AddVocabulary(gguf::File& file) {
  std::vector<std::string> tokens = {"<unk>", "<s>", "</s>"};
  std::vector<std::int32_t> types = {2, 3, 3};
  for (int b = 0; b < 256; ++b) {
    tokens.push_back(absl::StrFormat("<0x%02X>", b));
    types.push_back(6);
  }
  tokens.push_back("<|endoftext|>");
  types.push_back(3);
  file.metadata.emplace_back("tokenizer.ggml.model", Value::String("llama"));
  file.metadata.emplace_back("tokenizer.ggml.tokens", Value::StringArray(tokens));
  file.metadata.emplace_back("tokenizer.ggml.scores",
                             Value::F32Array(std::vector<float>(kVocab, 0.0f)));
  file.metadata.emplace_back("tokenizer.ggml.token_type", Value::I32Array(types));
  file.metadata.emplace_back("tokenizer.ggml.bos_token_id", Value::U32(1));
  file.metadata.emplace_back("tokenizer.ggml.eos_token_id", Value::U32(2));
}

void AddCommonMeta(Builder& b, const kvmodel::ModelSpec& m, const Geometry& g) {
  b.Meta("block_count", Value::U32(g.layers));
  b.Meta("context_length", Value::U32(static_cast<std::uint32_t>(m.max_context_tokens)));
  b.Meta("embedding_length", Value::U32(g.embd));
  if (b.arch() != "nemotron_h") b.Meta("feed_forward_length", Value::U32(kFeedForward));
  b.Meta("attention.head_count", Value::U32(g.heads));
  // granitehybrid, lfm2, gemma4 and nemotron_h give KV heads per layer.
  if (b.arch() != "granitehybrid" && b.arch() != "lfm2" && b.arch() != "gemma4" &&
      b.arch() != "nemotron_h") {
    b.Meta("attention.head_count_kv", Value::U32(g.kv_heads));
  }
  b.Meta("attention.key_length", Value::U32(g.head_k));
  b.Meta("attention.value_length", Value::U32(g.head_v));
  const bool layer_norm = b.arch() == "falcon" || b.arch() == "phi2";
  b.Meta(layer_norm ? "attention.layer_norm_epsilon" : "attention.layer_norm_rms_epsilon",
         Value::F32(1e-5f));
}

// Gemma 2 ties its output to the token embedding and loads no output.weight.
void AddEmbeddings(Builder& b, const Geometry& g, bool biased_norm) {
  b.Tensor("token_embd.weight", {g.embd, kVocab});
  b.Tensor("output_norm.weight", {g.embd});
  if (biased_norm) b.Tensor("output_norm.bias", {g.embd});
  if (b.arch() != "gemma2") b.Tensor("output.weight", {g.embd, kVocab});
}

// Separate Q, K, V and output projections: llama, qwen, gemma, phi3, gpt-oss.
void AddAttention(Builder& b, int i, const Geometry& g) {
  b.Layer(i, "attn_norm.weight", {g.embd});
  b.Layer(i, "attn_q.weight", {g.embd, g.heads * g.head_k});
  b.Layer(i, "attn_k.weight", {g.embd, g.kv_heads * g.head_k});
  b.Layer(i, "attn_v.weight", {g.embd, g.kv_heads * g.head_v});
  b.Layer(i, "attn_output.weight", {g.heads * g.head_v, g.embd});
}

void AddGatedFeedForward(Builder& b, int i, const Geometry& g) {
  b.Layer(i, "ffn_norm.weight", {g.embd});
  b.Layer(i, "ffn_gate.weight", {g.embd, kFeedForward});
  b.Layer(i, "ffn_up.weight", {g.embd, kFeedForward});
  b.Layer(i, "ffn_down.weight", {kFeedForward, g.embd});
}

void AddDenseLayers(Builder& b, const Geometry& g) {
  const bool qk_norm = b.arch() == "qwen3" || b.arch() == "gemma3";
  const bool post_norms = b.arch() == "gemma2" || b.arch() == "gemma3";
  for (int i = 0; i < static_cast<int>(g.layers); ++i) {
    AddAttention(b, i, g);
    if (qk_norm) {
      b.Layer(i, "attn_q_norm.weight", {g.head_k});
      b.Layer(i, "attn_k_norm.weight", {g.head_k});
    }
    if (b.arch() == "phi3") {
      b.Layer(i, "ffn_norm.weight", {g.embd});
      b.Layer(i, "ffn_up.weight", {g.embd, 2 * kFeedForward});
      b.Layer(i, "ffn_down.weight", {kFeedForward, g.embd});
    } else {
      AddGatedFeedForward(b, i, g);
    }
    if (post_norms) {
      b.Layer(i, "post_attention_norm.weight", {g.embd});
      b.Layer(i, "post_ffw_norm.weight", {g.embd});
    }
  }
}

// Fused QKV with layer-norm biases: falcon and phi2.
void AddFusedLayers(Builder& b, const Geometry& g) {
  const std::uint64_t kv = g.kv_heads * g.head_k;
  for (int i = 0; i < static_cast<int>(g.layers); ++i) {
    b.Layer(i, "attn_norm.weight", {g.embd});
    b.Layer(i, "attn_norm.bias", {g.embd});
    b.Layer(i, "attn_qkv.weight", {g.embd, g.embd + 2 * kv});
    b.Layer(i, "attn_output.weight", {g.embd, g.embd});
    b.Layer(i, "ffn_up.weight", {g.embd, kFeedForward});
    b.Layer(i, "ffn_down.weight", {kFeedForward, g.embd});
    if (b.arch() == "phi2") {
      b.Layer(i, "attn_qkv.bias", {g.embd + 2 * kv});
      b.Layer(i, "attn_output.bias", {g.embd});
      b.Layer(i, "ffn_up.bias", {kFeedForward});
      b.Layer(i, "ffn_down.bias", {g.embd});
    }
  }
  if (b.arch() == "phi2") b.Tensor("output.bias", {kVocab});
}

// gpt-oss: attention with sinks and output bias, a two-expert MoE.
void AddGptOssLayers(Builder& b, const Geometry& g) {
  constexpr std::uint64_t kExperts = 2;
  b.Meta("expert_count", Value::U32(kExperts));
  b.Meta("expert_used_count", Value::U32(1));
  b.Meta("expert_feed_forward_length", Value::U32(kFeedForward));
  for (int i = 0; i < static_cast<int>(g.layers); ++i) {
    AddAttention(b, i, g);
    b.Layer(i, "post_attention_norm.weight", {g.embd});
    b.Layer(i, "attn_sinks.weight", {g.heads});
    b.Layer(i, "attn_output.bias", {g.embd});
    b.Layer(i, "ffn_gate_inp.weight", {g.embd, kExperts});
    b.Layer(i, "ffn_gate_inp.bias", {kExperts});
    b.Layer(i, "ffn_gate_exps.weight", {g.embd, kFeedForward, kExperts});
    b.Layer(i, "ffn_up_exps.weight", {g.embd, kFeedForward, kExperts});
    b.Layer(i, "ffn_down_exps.weight", {kFeedForward, g.embd, kExperts});
    b.Layer(i, "ffn_gate_exps.bias", {kFeedForward, kExperts});
    b.Layer(i, "ffn_up_exps.bias", {kFeedForward, kExperts});
    b.Layer(i, "ffn_down_exps.bias", {g.embd, kExperts});
  }
}

// DeepSeek-V2/V3: multi-head latent attention, every layer dense (the
// experts do not size the cache).
void AddDeepSeekLayers(Builder& b, const kvmodel::ModelSpec& m, const Geometry& g) {
  const std::uint64_t rank = m.kv_lora_rank, rope = m.qk_rope_head_dim;
  const bool q_lora = m.attention.num_layers != 27;  // all but V2-Lite
  const std::uint64_t index = m.indexer_head_dim;
  if (index > 0) {  // deepseek32: the lightning indexer's keys and heads
    constexpr std::uint32_t kIndexerHeads = 4;
    b.Meta("attention.indexer.head_count", Value::U32(kIndexerHeads));
    b.Meta("attention.indexer.key_length", Value::U32(index));
    b.Meta("attention.indexer.top_k", Value::U32(64));
    b.Meta("expert_gating_func", Value::U32(2));  // sigmoid
    for (int i = 0; i < static_cast<int>(g.layers); ++i) {
      b.Layer(i, "indexer.k_norm.weight", {index});
      b.Layer(i, "indexer.k_norm.bias", {index});
      b.Layer(i, "indexer.proj.weight", {g.embd, kIndexerHeads});
      b.Layer(i, "indexer.attn_k.weight", {g.embd, index});
      b.Layer(i, "indexer.attn_q_b.weight", {kDeepSeekV3QLoraRank, kIndexerHeads * index});
    }
  }
  b.Meta("leading_dense_block_count", Value::U32(g.layers));
  b.Meta("attention.kv_lora_rank", Value::U32(rank));
  if (q_lora) b.Meta("attention.q_lora_rank", Value::U32(kDeepSeekV3QLoraRank));
  b.Meta("attention.key_length_mla", Value::U32(kMlaNope + rope));
  b.Meta("attention.value_length_mla", Value::U32(kMlaValue));
  b.Meta("expert_feed_forward_length", Value::U32(kFeedForward));
  b.Meta("expert_shared_count", Value::U32(0));
  b.Meta("rope.dimension_count", Value::U32(rope));
  const std::uint64_t q = g.heads * (kMlaNope + rope);
  for (int i = 0; i < static_cast<int>(g.layers); ++i) {
    b.Layer(i, "attn_norm.weight", {g.embd});
    b.Layer(i, "attn_kv_a_norm.weight", {rank});
    if (q_lora) {
      b.Layer(i, "attn_q_a_norm.weight", {kDeepSeekV3QLoraRank});
      b.Layer(i, "attn_q_a.weight", {g.embd, kDeepSeekV3QLoraRank});
      b.Layer(i, "attn_q_b.weight", {kDeepSeekV3QLoraRank, q});
    } else {
      b.Layer(i, "attn_q.weight", {g.embd, q});
    }
    b.Layer(i, "attn_kv_a_mqa.weight", {g.embd, rank + rope});
    b.Layer(i, "attn_k_b.weight", {kMlaNope, rank, g.heads});
    b.Layer(i, "attn_v_b.weight", {rank, kMlaValue, g.heads});
    b.Layer(i, "attn_output.weight", {g.heads * kMlaValue, g.embd});
    AddGatedFeedForward(b, i, g);
  }
}

// PerLayer is a per-layer model's layers, one entry per layer, and the
// recurrent geometry they share.
struct PerLayer {
  std::vector<kvmodel::LayerMemory> layers;
  kvmodel::LayerMemory state;  // the recurrent layers' (zero when none)
};

PerLayer PerLayerOf(const kvmodel::ModelSpec& m) {
  PerLayer p;
  kvmodel::ForEachLayerRun(m, [&](const kvmodel::LayerRun& run) {
    for (std::uint32_t i = 0; i < run.count; ++i) p.layers.push_back(run.layer);
    if (run.layer.kind == kvmodel::LayerKind::kRecurrent) p.state = run.layer;
  });
  return p;
}

// AddHeadCounts(): KV heads per layer, zero on the recurrent ones (how
// granitehybrid and lfm2 tell their layers apart).
void AddHeadCounts(Builder& b, const PerLayer& p) {
  std::vector<std::uint32_t> kv;
  for (const kvmodel::LayerMemory& l : p.layers) kv.push_back(l.num_kv_heads);
  b.Meta("attention.head_count_kv", Value::U32Array(kv));
}

// Mamba 2 / gated DeltaNet state as llama.cpp's ssm keys hold it: d_inner
// = heads x v, d_state = k, groups from the conv channels.
struct SsmKeys {
  std::uint64_t conv, inner, state, heads, groups;
};

SsmKeys SsmKeysOf(const kvmodel::LayerMemory& l) {
  const std::uint64_t inner = std::uint64_t{l.state_heads} * l.state_v_dim;
  return {l.conv_kernel, inner, l.state_k_dim, l.state_heads,
          (l.conv_channels - inner) / (2 * std::uint64_t{l.state_k_dim})};
}

void AddSsmMeta(Builder& b, const SsmKeys& k) {
  b.Meta("ssm.conv_kernel", Value::U32(k.conv));
  b.Meta("ssm.inner_size", Value::U32(k.inner));
  b.Meta("ssm.state_size", Value::U32(k.state));
  b.Meta("ssm.time_step_rank", Value::U32(k.heads));
  b.Meta("ssm.group_count", Value::U32(k.groups));
}

void AddQkv(Builder& b, int i, const Geometry& g, const kvmodel::LayerMemory& l,
            std::uint64_t q) {
  b.Layer(i, "attn_q.weight", {g.embd, q});
  b.Layer(i, "attn_k.weight", {g.embd, std::uint64_t{l.num_kv_heads} * l.k_head_dim});
  b.Layer(i, "attn_v.weight", {g.embd, std::uint64_t{l.num_kv_heads} * l.v_head_dim});
}

// AddMamba2Layer(): one Mamba 2 mixer (granitehybrid, nemotron_h).
void AddMamba2Layer(Builder& b, int i, const Geometry& g, const SsmKeys& k) {
  const std::uint64_t conv = k.inner + 2 * k.groups * k.state;
  b.Layer(i, "ssm_in.weight", {g.embd, 2 * k.inner + 2 * k.groups * k.state + k.heads});
  b.F32Layer(i, "ssm_conv1d.weight", {k.conv, conv});
  b.F32Layer(i, "ssm_conv1d.bias", {conv});  // optional, but the graph adds it
  b.F32Layer(i, "ssm_dt.bias", {k.heads});
  b.F32Layer(i, "ssm_a", {1, k.heads});
  b.F32Layer(i, "ssm_d", {1, k.heads});
  b.F32Layer(i, "ssm_norm.weight", {k.inner / k.groups, k.groups});
  b.Layer(i, "ssm_out.weight", {k.inner, g.embd});
}

// granitehybrid: Mamba 2 layers among attention layers, a dense FFN each.
void AddGraniteHybridLayers(Builder& b, const PerLayer& p, const Geometry& g) {
  const SsmKeys k = SsmKeysOf(p.state);
  AddSsmMeta(b, k);
  AddHeadCounts(b, p);
  for (int i = 0; i < static_cast<int>(p.layers.size()); ++i) {
    const kvmodel::LayerMemory& l = p.layers[i];
    b.Layer(i, "attn_norm.weight", {g.embd});
    if (l.attends()) {
      AddQkv(b, i, g, l, g.heads * g.head_k);
      b.Layer(i, "attn_output.weight", {g.heads * g.head_k, g.embd});
    } else {
      AddMamba2Layer(b, i, g, k);
    }
    AddGatedFeedForward(b, i, g);
  }
}

// nemotron_h: each layer one of a Mamba 2 mixer, attention, or an MLP
// (the layers that keep nothing), told apart by per-layer KV heads and
// feed-forward lengths.
void AddNemotronHLayers(Builder& b, const PerLayer& p, const Geometry& g) {
  const SsmKeys k = SsmKeysOf(p.state);
  AddSsmMeta(b, k);
  AddHeadCounts(b, p);
  std::vector<std::uint32_t> ff;
  for (const kvmodel::LayerMemory& l : p.layers) {
    ff.push_back(l.kind == kvmodel::LayerKind::kNone ? kFeedForward : 0);
  }
  b.Meta("feed_forward_length", Value::U32Array(ff));
  b.Meta("attention.layer_norm_epsilon", Value::F32(1e-5f));
  for (int i = 0; i < static_cast<int>(p.layers.size()); ++i) {
    const kvmodel::LayerMemory& l = p.layers[i];
    b.Layer(i, "attn_norm.weight", {g.embd});
    if (l.attends()) {
      AddQkv(b, i, g, l, g.heads * g.head_k);
      b.Layer(i, "attn_output.weight", {g.heads * g.head_k, g.embd});
    } else if (l.kind == kvmodel::LayerKind::kRecurrent) {
      AddMamba2Layer(b, i, g, k);
    } else {
      b.Layer(i, "ffn_up.weight", {g.embd, kFeedForward});
      b.Layer(i, "ffn_down.weight", {kFeedForward, g.embd});
    }
  }
}

// lfm2: short-convolution layers among attention layers with q/k norms.
void AddLfm2Layers(Builder& b, const PerLayer& p, const Geometry& g) {
  b.Meta("shortconv.l_cache", Value::U32(p.state.conv_kernel));
  AddHeadCounts(b, p);
  for (int i = 0; i < static_cast<int>(p.layers.size()); ++i) {
    const kvmodel::LayerMemory& l = p.layers[i];
    b.Layer(i, "attn_norm.weight", {g.embd});
    if (l.attends()) {
      b.Layer(i, "attn_q_norm.weight", {l.k_head_dim});
      b.Layer(i, "attn_k_norm.weight", {l.k_head_dim});
      AddQkv(b, i, g, l, g.embd);
      b.Layer(i, "attn_output.weight", {g.embd, g.embd});
    } else {
      b.Layer(i, "shortconv.conv.weight", {p.state.conv_kernel, g.embd});
      b.Layer(i, "shortconv.in_proj.weight", {g.embd, 3 * g.embd});
      b.Layer(i, "shortconv.out_proj.weight", {g.embd, g.embd});
    }
    AddGatedFeedForward(b, i, g);
  }
}

// qwen3next and qwen35: gated DeltaNet layers among gated attention
// layers; qwen3next's every layer a two-expert MoE with a shared expert,
// qwen35's a dense FFN, and its gates in two tensors (ssm_beta, ssm_alpha).
void AddGatedDeltaNetLayers(Builder& b, const PerLayer& p, const Geometry& g) {
  constexpr std::uint64_t kExperts = 2;
  const bool dense = b.arch() == "qwen35";
  const SsmKeys k = SsmKeysOf(p.state);
  AddSsmMeta(b, k);
  if (dense) {
    b.Meta("rope.dimension_sections", Value::I32Array({11, 11, 10, 0}));
  } else {
    b.Meta("expert_count", Value::U32(kExperts));
    b.Meta("expert_used_count", Value::U32(1));
    b.Meta("expert_feed_forward_length", Value::U32(kFeedForward));
    b.Meta("expert_shared_feed_forward_length", Value::U32(kFeedForward));
  }
  std::vector<std::uint32_t> recurrent;
  for (const kvmodel::LayerMemory& l : p.layers) recurrent.push_back(!l.attends());
  b.Meta("attention.recurrent_layers", Value::U32Array(recurrent));
  const std::uint64_t key_dim = k.state * k.groups, value_dim = k.state * k.heads;
  for (int i = 0; i < static_cast<int>(p.layers.size()); ++i) {
    const kvmodel::LayerMemory& l = p.layers[i];
    b.Layer(i, "attn_norm.weight", {g.embd});
    b.Layer(i, "post_attention_norm.weight", {g.embd});
    if (l.attends()) {
      AddQkv(b, i, g, l, 2 * g.heads * g.head_k);
      b.Layer(i, "attn_output.weight", {g.heads * g.head_k, g.embd});
      b.Layer(i, "attn_q_norm.weight", {g.head_k});
      b.Layer(i, "attn_k_norm.weight", {g.head_k});
    } else {
      b.Layer(i, "attn_qkv.weight", {g.embd, 2 * key_dim + value_dim});
      b.Layer(i, "attn_gate.weight", {g.embd, value_dim});
      b.F32Layer(i, "ssm_conv1d.weight", {k.conv, 2 * key_dim + value_dim});
      b.F32Layer(i, "ssm_dt.bias", {k.heads});
      b.F32Layer(i, "ssm_a", {k.heads});
      if (dense) {
        b.Layer(i, "ssm_beta.weight", {g.embd, k.heads});
        b.Layer(i, "ssm_alpha.weight", {g.embd, k.heads});
      } else {
        b.Layer(i, "ssm_ba.weight", {g.embd, 2 * k.heads});
      }
      b.F32Layer(i, "ssm_norm.weight", {k.state});
      b.Layer(i, "ssm_out.weight", {value_dim, g.embd});
    }
    if (dense) {
      b.Layer(i, "ffn_gate.weight", {g.embd, kFeedForward});
      b.Layer(i, "ffn_up.weight", {g.embd, kFeedForward});
      b.Layer(i, "ffn_down.weight", {kFeedForward, g.embd});
      continue;
    }
    b.Layer(i, "ffn_gate_inp.weight", {g.embd, kExperts});
    b.Layer(i, "ffn_down_exps.weight", {kFeedForward, g.embd, kExperts});
    b.Layer(i, "ffn_gate_exps.weight", {g.embd, kFeedForward, kExperts});
    b.Layer(i, "ffn_up_exps.weight", {g.embd, kFeedForward, kExperts});
    b.Layer(i, "ffn_gate_inp_shexp.weight", {g.embd});
    b.Layer(i, "ffn_gate_shexp.weight", {g.embd, kFeedForward});
    b.Layer(i, "ffn_up_shexp.weight", {g.embd, kFeedForward});
    b.Layer(i, "ffn_down_shexp.weight", {kFeedForward, g.embd});
  }
}

// gemma4: sliding layers with their own head size (key_length_swa) and
// full layers with theirs (key_length), KV heads per layer, and the last
// layers reading earlier layers' caches (shared_kv_layers).
void AddGemma4Layers(Builder& b, const PerLayer& p, const Geometry& g) {
  std::vector<std::uint32_t> swa;
  std::uint64_t window = 0, swa_head = 0, shared = 0;
  for (const kvmodel::LayerMemory& l : p.layers) {
    const bool sliding = l.kind == kvmodel::LayerKind::kSliding;
    swa.push_back(sliding);
    if (sliding) window = l.window, swa_head = l.k_head_dim;
    if (l.kind == kvmodel::LayerKind::kShared) ++shared;
  }
  // A shared layer takes its kind and geometry from the layer it reads.
  std::vector<kvmodel::LayerMemory> own = p.layers;
  for (std::size_t i = 0; i < own.size(); ++i) {
    if (own[i].kind == kvmodel::LayerKind::kShared) {
      own[i] = own[own[i].source_layer];
      swa[i] = own[i].kind == kvmodel::LayerKind::kSliding;
    }
  }
  std::vector<std::uint32_t> kv;
  for (const kvmodel::LayerMemory& l : own) kv.push_back(l.num_kv_heads);
  b.Meta("attention.head_count_kv", Value::U32Array(kv));
  b.Meta("attention.sliding_window_pattern", Value::U32Array(swa));
  b.Meta("attention.sliding_window", Value::U32(window));
  b.Meta("attention.key_length_swa", Value::U32(swa_head));
  b.Meta("attention.value_length_swa", Value::U32(swa_head));
  b.Meta("embedding_length_per_layer_input", Value::U32(0));
  if (shared > 0) b.Meta("attention.shared_kv_layers", Value::U32(shared));
  bool rope_freqs = false;
  for (int i = 0; i < static_cast<int>(own.size()); ++i) {
    const kvmodel::LayerMemory& l = own[i];
    const bool owns_kv = p.layers[i].kind != kvmodel::LayerKind::kShared;
    b.Layer(i, "attn_norm.weight", {g.embd});
    b.Layer(i, "attn_q.weight", {g.embd, g.heads * l.k_head_dim});
    if (owns_kv) {
      b.Layer(i, "attn_k.weight", {g.embd, std::uint64_t{l.num_kv_heads} * l.k_head_dim});
      b.Layer(i, "attn_v.weight", {g.embd, std::uint64_t{l.num_kv_heads} * l.v_head_dim});
      b.Layer(i, "attn_k_norm.weight", {l.k_head_dim});
    }
    b.Layer(i, "attn_output.weight", {g.heads * l.k_head_dim, g.embd});
    b.Layer(i, "attn_q_norm.weight", {l.k_head_dim});
    b.Layer(i, "post_attention_norm.weight", {g.embd});
    if (!swa[i] && !rope_freqs) {
      b.Tensor("rope_freqs.weight", {l.k_head_dim / 2});
      rope_freqs = true;
    }
    AddGatedFeedForward(b, i, g);
    b.Layer(i, "post_ffw_norm.weight", {g.embd});
  }
}

Geometry GeometryOf(const kvmodel::ModelSpec& m) {
  const kvmodel::AttentionGeometry& a = m.attention;
  const std::uint64_t head = m.latent_attention() ? kMlaValue : a.k_head_dim;
  Geometry g{a.num_layers, std::uint64_t{a.num_query_heads} * head,
             a.num_query_heads, a.num_kv_heads, a.k_head_dim, a.v_head_dim};
  // MLA as llama.cpp stores it: one KV head whose K is the latent plus the
  // rope part and whose V is the latent.
  if (m.latent_attention()) g.head_v = m.kv_lora_rank;
  return g;
}

// llama4: chunked layers with every period-th layer global (llama.cpp's
// sliding_window_pattern), every layer an MoE of two experts with a shared
// expert, as interleave_moe_layer_step 1 gives.
absl::Status AddLlama4Layers(Builder& b, const PerLayer& p, const Geometry& g) {
  constexpr std::uint64_t kExperts = 2;
  std::size_t period = 0;
  while (period < p.layers.size() && p.layers[period].kind != kvmodel::LayerKind::kFull) ++period;
  ++period;
  for (std::size_t i = 0; i < p.layers.size(); ++i) {
    const bool global = (i + 1) % period == 0;
    if (global != (p.layers[i].kind == kvmodel::LayerKind::kFull)) {
      return absl::UnimplementedError("llama.cpp's llama4 places global layers periodically only");
    }
  }
  b.Meta("attention.sliding_window_pattern", Value::U32(period));
  b.Meta("expert_count", Value::U32(kExperts));
  b.Meta("expert_used_count", Value::U32(1));
  b.Meta("expert_feed_forward_length", Value::U32(kFeedForward));
  b.Meta("interleave_moe_layer_step", Value::U32(1));
  for (int i = 0; i < static_cast<int>(p.layers.size()); ++i) {
    AddAttention(b, i, g);
    b.Layer(i, "ffn_norm.weight", {g.embd});
    b.Layer(i, "ffn_gate_inp.weight", {g.embd, kExperts});
    b.Layer(i, "ffn_gate_exps.weight", {g.embd, kFeedForward, kExperts});
    b.Layer(i, "ffn_down_exps.weight", {kFeedForward, g.embd, kExperts});
    b.Layer(i, "ffn_up_exps.weight", {g.embd, kFeedForward, kExperts});
    b.Layer(i, "ffn_gate_shexp.weight", {g.embd, kFeedForward});
    b.Layer(i, "ffn_down_shexp.weight", {kFeedForward, g.embd});
    b.Layer(i, "ffn_up_shexp.weight", {g.embd, kFeedForward});
  }
  return absl::OkStatus();
}

// Gemma4Head() is Gemma 4's key_length: its full layers' head size.
std::uint64_t Gemma4Head(const PerLayer& p, const Geometry& g) {
  for (const kvmodel::LayerMemory& l : p.layers) {
    if (l.kind == kvmodel::LayerKind::kFull) return l.k_head_dim;
  }
  return g.head_k;
}

// HybridEmbedding() is the hidden size a hybrid's state needs: llama.cpp
// sizes LFM2's convolution by it and asserts granite's d_inner is twice it.
std::uint64_t HybridEmbedding(std::string_view arch, const PerLayer& p,
                              const Geometry& g) {
  if (arch == "lfm2") return p.state.conv_channels;
  if (arch == "granitehybrid") return SsmKeysOf(p.state).inner / 2;
  return g.embd;
}

}  // namespace

absl::StatusOr<std::string> LlamaCppArchitecture(const kvmodel::ModelSpec& m) {
  if (m.cross_attention_layers > 0) {
    return absl::UnimplementedError(absl::StrCat(
        std::string(m.name), ": llama.cpp has no cross-attention (mllama) architecture"));
  }
  if (m.latent_attention()) {
    return std::string(m.indexer_head_dim > 0 ? "deepseek32" : "deepseek2");
  }
  // Catalog families and config.json model_types, as the converter maps
  // them (Mixtral and the Qwen3 MoE as their dense stand-ins: experts do
  // not size the cache).
  static const std::pair<std::string_view, std::string_view> kByFamily[] = {
      {"Llama 2", "llama"},   {"Llama 3", "llama"},     {"Mistral", "llama"},
      {"SmolLM2", "llama"},   {"llama", "llama"},       {"mistral", "llama"},
      {"mixtral", "llama"},   {"Qwen2.5", "qwen2"},     {"qwen2", "qwen2"},
      {"Qwen3", "qwen3"},     {"qwen3", "qwen3"},       {"qwen3_moe", "qwen3"},
      {"Gemma 2", "gemma2"},  {"gemma2", "gemma2"},     {"Gemma 3", "gemma3"},
      {"gemma3", "gemma3"},   {"gemma3_text", "gemma3"}, {"gpt-oss", "gpt-oss"},
      {"gpt_oss", "gpt-oss"}, {"Falcon", "falcon"},     {"falcon", "falcon"},
      {"phi", "phi2"},        {"phi3", "phi3"},       {"lfm2", "lfm2"},
      {"qwen3_next", "qwen3next"}, {"granitemoehybrid", "granitehybrid"},
      {"gemma4", "gemma4"},   {"gemma4_text", "gemma4"},
      {"llama4", "llama4"},   {"llama4_text", "llama4"},
      {"nemotron_h", "nemotron_h"}, {"qwen3_5_text", "qwen35"}, {"qwen3_5", "qwen35"},
  };
  if (m.name == "phi-2") return std::string("phi2");
  if (m.family == "Phi") return std::string("phi3");
  for (const auto& [family, arch] : kByFamily) {
    if (m.family == family) return std::string(arch);
  }
  return absl::UnimplementedError(absl::StrCat(
      std::string(m.name), ": no llama.cpp architecture known for family '",
      std::string(m.family), "'"));
}

absl::StatusOr<gguf::File> TinyGguf(const kvmodel::ModelSpec& m) {
  absl::StatusOr<std::string> arch = LlamaCppArchitecture(m);
  if (!arch.ok()) return arch.status();
  gguf::File file;
  file.metadata.emplace_back("general.architecture", Value::String(*arch));
  file.metadata.emplace_back("general.name", Value::String(std::string(m.name)));
  Geometry g = GeometryOf(m);
  const PerLayer per_layer = PerLayerOf(m);
  const bool hybrid = per_layer.state.kind == kvmodel::LayerKind::kRecurrent;
  if (hybrid) g.embd = HybridEmbedding(*arch, per_layer, g);
  if (*arch == "gemma4") g.head_k = g.head_v = Gemma4Head(per_layer, g);
  Builder b(*arch, file);
  AddCommonMeta(b, m, g);
  if (m.sliding_window_layers > 0) {
    b.Meta("attention.sliding_window", Value::U32(m.sliding_window_tokens));
  }
  AddVocabulary(file);
  const bool fused = *arch == "falcon" || *arch == "phi2";
  if (*arch == "lfm2") {
    b.Tensor("token_embd.weight", {g.embd, kVocab});
    b.Tensor("token_embd_norm.weight", {g.embd});
  } else {
    AddEmbeddings(b, g, fused);
  }
  if (hybrid && *arch == "granitehybrid") {
    AddGraniteHybridLayers(b, per_layer, g);
  } else if (hybrid && *arch == "nemotron_h") {
    AddNemotronHLayers(b, per_layer, g);
  } else if (hybrid && *arch == "lfm2") {
    AddLfm2Layers(b, per_layer, g);
  } else if (hybrid && (*arch == "qwen3next" || *arch == "qwen35")) {
    AddGatedDeltaNetLayers(b, per_layer, g);
  } else if (*arch == "gemma4") {
    AddGemma4Layers(b, per_layer, g);
  } else if (*arch == "llama4") {
    const absl::Status added = AddLlama4Layers(b, per_layer, g);
    if (!added.ok()) return added;
  } else if (hybrid || m.per_layer()) {
    return absl::UnimplementedError(absl::StrCat(
        std::string(m.name), ": no tiny GGUF for a per-layer ", *arch, " model"));
  } else if (fused) {
    AddFusedLayers(b, g);
  } else if (*arch == "gpt-oss") {
    AddGptOssLayers(b, g);
  } else if (*arch == "deepseek2" || *arch == "deepseek32") {
    AddDeepSeekLayers(b, m, g);
  } else {
    AddDenseLayers(b, g);
  }
  return file;
}

}  // namespace oracle
