#include "config/hf_layers.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kvmodel/checked.h"
#include "kvmodel/layers.h"

namespace kvtables::config::internal {
namespace {

using kvmodel::CheckedAdd;
using kvmodel::CheckedMul;
using kvmodel::LayerKind;
using kvmodel::LayerMemory;
using kvmodel::LayerRun;

// Kind is a layer as a config names it, before its geometry is known.
enum class Kind { kFull, kSliding, kChunked, kLinear, kMamba, kConv, kNone };

bool Recurrent(Kind k) {
  return k == Kind::kLinear || k == Kind::kMamba || k == Kind::kConv;
}

Kind KindNamed(const Json& entry, const std::string& field) {
  if (entry == "full_attention" || entry == "attention") return Kind::kFull;
  if (entry == "sliding_attention") return Kind::kSliding;
  if (entry == "chunked_attention") return Kind::kChunked;
  if (entry == "linear_attention") return Kind::kLinear;
  if (entry == "mamba") return Kind::kMamba;
  if (entry == "conv") return Kind::kConv;
  Fail(field + " entry " + Brief(entry) +
       " is not a layer kind kvtables knows (full_attention, attention, "
       "sliding_attention, chunked_attention, linear_attention, mamba, conv)");
}

std::vector<Kind> KindsFromList(const Fields& text, const char* key,
                                std::uint64_t layers) {
  const Json& list = *text.Find(key);
  if (!list.is_array()) Fail(text.Name(key) + " must be a list, got " + Brief(list));
  if (list.size() != layers) {
    Fail(text.Name(key) + " has " + std::to_string(list.size()) +
         " entries for " + std::to_string(layers) + " num_hidden_layers");
  }
  std::vector<Kind> kinds;
  for (const Json& entry : list) kinds.push_back(KindNamed(entry, text.Name(key)));
  return kinds;
}

std::vector<Kind> KindsFromIndices(const Fields& text, std::uint64_t layers) {
  const Json& list = *text.Find("full_attn_idxs");
  const std::string name = text.Name("full_attn_idxs");
  if (!list.is_array()) Fail(name + " must be a list, got " + Brief(list));
  std::vector<Kind> kinds(layers, Kind::kConv);
  for (const Json& entry : list) {
    if (!entry.is_number_unsigned() || entry.get<std::uint64_t>() >= layers) {
      Fail(name + " entry " + Brief(entry) + " is not a layer index below " +
           std::to_string(layers));
    }
    kinds[entry.get<std::uint64_t>()] = Kind::kFull;
  }
  return kinds;
}

std::vector<Kind> KindsFromPattern(const Fields& text, std::uint64_t layers) {
  const std::string pattern = *text.OptionalString("hybrid_override_pattern");
  const std::string name = text.Name("hybrid_override_pattern");
  if (pattern.size() != layers) {
    Fail(name + " has " + std::to_string(pattern.size()) + " layers for " +
         std::to_string(layers) + " num_hidden_layers");
  }
  std::vector<Kind> kinds;
  for (const char c : pattern) {
    if (c == 'M') {
      kinds.push_back(Kind::kMamba);
    } else if (c == '*') {
      kinds.push_back(Kind::kFull);
    } else if (c == '-' || c == 'E') {
      kinds.push_back(Kind::kNone);
    } else {
      Fail(name + " has '" + OneLine(std::string(1, c)) +
           "', not one of M (mamba), * (attention), - (MLP), E (MoE)");
    }
  }
  return kinds;
}

// KindsFromChunks() is Llama 4's: layers that use RoPE attend within
// chunks, the rest (NoPE) attend globally. no_rope_layers lists 1 for RoPE
// layers; without it (or with it empty, as Llama-4-Scout-17B-16E publishes
// it), transformers' Llama4TextConfig default: every
// no_rope_layer_interval-th layer (4) is NoPE.
std::vector<Kind> KindsFromChunks(const Fields& text, std::uint64_t layers,
                                  std::vector<std::string>& notes) {
  std::vector<Kind> kinds;
  const Json* list = text.Find("no_rope_layers");
  if (list != nullptr && !(list->is_array() && list->empty())) {
    const std::string name = text.Name("no_rope_layers");
    if (!list->is_array() || list->size() != layers) {
      Fail(name + " must be a list of " + std::to_string(layers) + " entries");
    }
    for (const Json& entry : *list) {
      if (entry != 0 && entry != 1) Fail(name + " entry " + Brief(entry) + " is not 0 or 1");
      kinds.push_back(entry == 1 ? Kind::kChunked : Kind::kFull);
    }
    return kinds;
  }
  const std::uint64_t interval = text.OptionalUint("no_rope_layer_interval").value_or(4);
  for (std::uint64_t i = 0; i < layers; ++i) {
    kinds.push_back((i + 1) % interval == 0 ? Kind::kFull : Kind::kChunked);
  }
  notes.push_back("no no_rope_layers: every " + std::to_string(interval) +
                  "th layer attends globally, the rest in chunks "
                  "(Llama4TextConfig's default)");
  return kinds;
}

// Kinds() is every layer's kind, or empty when the config lists none.
std::vector<Kind> Kinds(const Fields& text, std::uint64_t layers,
                        std::vector<std::string>& notes) {
  if (text.Has("layer_types")) return KindsFromList(text, "layer_types", layers);
  if (text.Has("layers_block_type")) {
    return KindsFromList(text, "layers_block_type", layers);
  }
  if (text.Has("hybrid_override_pattern")) return KindsFromPattern(text, layers);
  if (text.Has("full_attn_idxs")) return KindsFromIndices(text, layers);
  if (text.Has("attention_chunk_size")) return KindsFromChunks(text, layers, notes);
  if (const auto n = text.OptionalUint("full_attention_interval")) {
    std::vector<Kind> kinds(layers, Kind::kLinear);
    for (std::uint64_t i = *n - 1; i < layers; i += *n) kinds[i] = Kind::kFull;
    notes.push_back("full_attention_interval " + std::to_string(*n) +
                    ": every " + std::to_string(*n) +
                    "th layer attends, the rest are linear attention");
    return kinds;
  }
  return {};
}

// FirstUint() is the first of `keys` the config has.
std::optional<std::uint64_t> FirstUint(const Fields& text,
                                       std::initializer_list<const char*> keys) {
  for (const char* key : keys) {
    if (const auto v = text.OptionalUint(key)) return v;
  }
  return std::nullopt;
}

std::uint64_t RequiredOf(const Fields& text,
                         std::initializer_list<const char*> keys) {
  if (const auto v = FirstUint(text, keys)) return *v;
  Fail(text.Name(*keys.begin()) + " is missing (a recurrent layer's state "
       "cannot be sized without it)");
}

std::uint32_t U32(std::uint64_t v, const std::string& field) {
  if (v > 0xffffffffu) Fail(field + " is too large: " + std::to_string(v));
  return static_cast<std::uint32_t>(v);
}

// State() is a recurrent layer: a kernel over `channels`, and `heads`
// state matrices of k x v.
LayerMemory State(std::uint64_t kernel, std::uint64_t channels,
                  std::uint64_t heads, std::uint64_t k, std::uint64_t v,
                  const std::string& field) {
  if (kernel < 2) Fail(field + ": a convolution kernel needs at least 2 taps");
  LayerMemory l;
  l.kind = LayerKind::kRecurrent;
  l.conv_kernel = U32(kernel, field);
  l.conv_channels = U32(channels, field);
  l.state_heads = U32(heads, field);
  l.state_k_dim = U32(k, field);
  l.state_v_dim = U32(v, field);
  kvmodel::RecurrentStateValues(l);  // throws kvmodel::Error on overflow
  return l;
}

// MambaState(): Mamba 2, d_inner = heads x head size (as transformers'
// NemotronH and GraniteMoeHybrid have it; Granite's expand x hidden_size
// equals it), or expand x hidden_size where no head size is given.
LayerMemory MambaState(const Fields& text, const HfAttention& a) {
  const std::string field = text.Name("mamba_d_state");
  const std::uint64_t d_state = RequiredOf(text, {"mamba_d_state", "ssm_state_size"});
  const std::uint64_t d_conv = RequiredOf(text, {"mamba_d_conv", "conv_kernel"});
  const std::uint64_t groups = FirstUint(text, {"mamba_n_groups", "n_groups"}).value_or(1);
  const std::uint64_t heads = RequiredOf(text, {"mamba_n_heads", "mamba_num_heads"});
  const auto head = FirstUint(text, {"mamba_d_head", "mamba_head_dim"});
  std::uint64_t inner = 0;
  if (head) {
    inner = CheckedMul(heads, *head);  // Nemotron-H's expand does not give it
  } else {
    const std::uint64_t expand = RequiredOf(text, {"mamba_expand", "expand"});
    if (a.hidden == 0) Fail(text.Name("hidden_size") + " is missing");
    inner = CheckedMul(expand, a.hidden);
  }
  if (inner % heads != 0) {
    Fail(text.Name("mamba_n_heads") + " " + std::to_string(heads) +
         " does not divide the inner size " + std::to_string(inner));
  }
  const std::uint64_t channels =
      CheckedAdd(inner, CheckedMul(2, CheckedMul(groups, d_state)));
  return State(d_conv, channels, heads, d_state, inner / heads, field);
}

// LinearState(): gated DeltaNet (Qwen3-Next): a convolution over queries,
// keys and values; one key x value state per value head.
LayerMemory LinearState(const Fields& text) {
  const std::string field = text.Name("linear_conv_kernel_dim");
  const std::uint64_t kernel = text.RequiredUint("linear_conv_kernel_dim");
  const std::uint64_t k_heads = text.RequiredUint("linear_num_key_heads");
  const std::uint64_t k_dim = text.RequiredUint("linear_key_head_dim");
  const std::uint64_t v_heads = text.RequiredUint("linear_num_value_heads");
  const std::uint64_t v_dim = text.RequiredUint("linear_value_head_dim");
  const std::uint64_t channels = CheckedAdd(CheckedMul(2, CheckedMul(k_heads, k_dim)),
                                            CheckedMul(v_heads, v_dim));
  return State(kernel, channels, v_heads, k_dim, v_dim, field);
}

// ConvState(): LFM2's short convolution over the hidden state.
LayerMemory ConvState(const Fields& text, const HfAttention& a) {
  const std::uint64_t cache = text.RequiredUint("conv_L_cache");
  if (a.hidden == 0) Fail(text.Name("hidden_size") + " is missing");
  return State(cache, a.hidden, 0, 0, 0, text.Name("conv_L_cache"));
}

LayerMemory Attention(LayerKind kind, std::uint64_t kv_heads,
                      std::uint64_t head_dim, std::uint64_t window) {
  LayerMemory l;
  l.kind = kind;
  l.num_kv_heads = static_cast<std::uint32_t>(kv_heads);
  l.k_head_dim = static_cast<std::uint32_t>(head_dim);
  l.v_head_dim = static_cast<std::uint32_t>(head_dim);
  l.window = static_cast<std::uint32_t>(window);
  return l;
}

// Global() is the full layers' geometry: Gemma 4 gives them their own.
LayerMemory Global(const Fields& text, const HfAttention& a,
                   std::vector<std::string>& notes) {
  const auto head = text.OptionalUint("global_head_dim");
  const auto heads = text.OptionalUint("num_global_key_value_heads");
  if (head || heads) {
    notes.push_back("full-attention layers: " +
                    std::to_string(heads.value_or(a.kv_heads)) +
                    " KV heads of " + std::to_string(head.value_or(a.head_dim)));
  }
  return Attention(LayerKind::kFull, heads.value_or(a.kv_heads),
                   head.value_or(a.head_dim), 0);
}

LayerMemory LayerOf(Kind kind, const Fields& text, const HfAttention& a,
                    const LayerMemory& global) {
  switch (kind) {
    case Kind::kFull: return global;
    case Kind::kSliding:
      if (a.window == 0) Fail(text.Name("sliding_window") + " is missing for sliding layers");
      return Attention(LayerKind::kSliding, a.kv_heads, a.head_dim, a.window);
    case Kind::kChunked:
      return Attention(LayerKind::kChunked, a.kv_heads, a.head_dim,
                       text.RequiredUint("attention_chunk_size"));
    case Kind::kLinear: return LinearState(text);
    case Kind::kMamba: return MambaState(text, a);
    case Kind::kConv: return ConvState(text, a);
    case Kind::kNone: break;
  }
  LayerMemory none;
  none.kind = LayerKind::kNone;
  return none;
}

// Shared() is layer `i` reading the last earlier layer of its kind.
LayerMemory Shared(const std::vector<LayerMemory>& layers, std::uint64_t i,
                   std::uint64_t first_shared, const std::string& field) {
  for (std::uint64_t j = first_shared; j-- > 0;) {
    if (layers[j].kind == layers[i].kind) {
      LayerMemory l;
      l.kind = LayerKind::kShared;
      l.source_layer = static_cast<std::uint32_t>(j);
      return l;
    }
  }
  Fail(field + ": layer " + std::to_string(i) +
       " has no earlier layer of its kind to share a cache with");
}

void ApplySharing(const Fields& text, std::vector<LayerMemory>& layers,
                  std::vector<std::string>& notes) {
  const auto shared = text.OptionalCount("num_kv_shared_layers");
  if (!shared) return;
  const std::string field = text.Name("num_kv_shared_layers");
  if (*shared >= layers.size()) Fail(field + " must be below num_hidden_layers");
  const std::uint64_t first = layers.size() - *shared;
  for (std::uint64_t i = first; i < layers.size(); ++i) {
    if (!layers[i].attends()) Fail(field + ": layer " + std::to_string(i) + " does not attend");
    layers[i] = Shared(layers, i, first, field);
  }
  notes.push_back("the last " + std::to_string(*shared) +
                  " layers share earlier layers' caches");
}

std::vector<LayerRun> Runs(const std::vector<LayerMemory>& layers) {
  std::vector<LayerRun> runs;
  for (const LayerMemory& l : layers) {
    if (!runs.empty() && runs.back().layer == l) {
      ++runs.back().count;
    } else {
      runs.push_back({1, l});
    }
  }
  return runs;
}

// RefuseUnmodelled() stops at fields that change memory in ways not
// modelled, rather than let them pass unread.
void RefuseUnmodelled(const Fields& text) {
  if (text.OptionalBool("use_cla").value_or(false)) {
    Fail(text.Name("use_cla") + ": cross-layer KV sharing is not modelled");
  }
  if (const Json* list = text.Find("attn_type_list")) {
    if (!list->is_array()) Fail(text.Name("attn_type_list") + " must be a list");
    for (const Json& entry : *list) {
      if (entry != 1) {
        Fail(text.Name("attn_type_list") + " entry " + Brief(entry) +
             ": lightning (linear) attention layers are not modelled");
      }
    }
  }
}

// NasLayers() is a block_configs model's layers (Nemotron NAS, DeciLM):
// per layer, attention with heads / n_heads_in_group KV heads, or none
// (no_op, replace_with_linear).
std::vector<LayerMemory> NasLayers(const Fields& text, const HfAttention& a) {
  const Json& list = *text.Find("block_configs");
  const std::string name = text.Name("block_configs");
  if (!list.is_array() || list.size() != a.layers) {
    Fail(name + " must be a list of " + std::to_string(a.layers) + " blocks");
  }
  std::vector<LayerMemory> layers;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string at = name + "[" + std::to_string(i) + "].attention";
    if (!list[i].is_object() || !list[i].contains("attention") ||
        !list[i]["attention"].is_object()) {
      Fail(at + " is missing");
    }
    const Fields attention(list[i]["attention"], at + ".");
    if (attention.Find("window_length") != nullptr) {
      Fail(at + ".window_length: windowed NAS attention is not modelled");
    }
    if (attention.OptionalBool("no_op").value_or(false) ||
        attention.OptionalBool("replace_with_linear").value_or(false)) {
      LayerMemory none;
      none.kind = LayerKind::kNone;
      layers.push_back(none);
      continue;
    }
    const std::uint64_t group = attention.RequiredUint("n_heads_in_group");
    if (a.heads % group != 0) {
      Fail(at + ".n_heads_in_group " + std::to_string(group) +
           " does not divide num_attention_heads " + std::to_string(a.heads));
    }
    layers.push_back(Attention(LayerKind::kFull, a.heads / group, a.head_dim, 0));
  }
  return layers;
}

}  // namespace

std::vector<LayerRun> ReadHfLayers(const Fields& text, const HfAttention& a,
                                   std::vector<std::string>& notes) {
  RefuseUnmodelled(text);
  if (text.Has("block_configs")) {
    notes.push_back("block_configs: KV heads and no-op layers per block");
    return Runs(NasLayers(text, a));
  }
  const std::vector<Kind> kinds = Kinds(text, a.layers, notes);
  const LayerMemory global = Global(text, a, notes);
  const bool own_global = global.num_kv_heads != a.kv_heads || global.k_head_dim != a.head_dim;
  bool differs = false;  // beyond full and sliding layers of one geometry
  for (const Kind k : kinds) {
    differs = differs || Recurrent(k) || k == Kind::kNone || k == Kind::kChunked;
  }
  if (!differs && !own_global && !text.OptionalCount("num_kv_shared_layers")) {
    return {};
  }
  std::vector<LayerMemory> layers;
  for (std::uint64_t i = 0; i < a.layers; ++i) {
    layers.push_back(LayerOf(kinds.empty() ? Kind::kFull : kinds[i], text, a, global));
  }
  ApplySharing(text, layers, notes);
  return Runs(layers);
}

}  // namespace kvtables::config::internal
