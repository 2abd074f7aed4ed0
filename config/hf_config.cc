#include "config/hf_config.h"

#include <cstdint>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "config/hf_layers.h"
#include "config/json_fields.h"
#include "fileio/input_file.h"
#include "kvmodel/checked.h"
#include "kvmodel/model.h"
#include "nlohmann/json.hpp"

namespace kvtables::config {
namespace {

using Json = nlohmann::json;
using internal::Brief;
using internal::ConfigError;
using internal::Fail;
using internal::Fields;
using internal::OneLine;

std::uint32_t U32(std::uint64_t v) { return static_cast<std::uint32_t>(v); }

kvmodel::StorageFormat ParseDtype(const Fields& text, const Fields& root,
                                  std::vector<std::string>& notes) {
  std::optional<std::string> dtype;
  std::string key;
  for (const Fields* f : {&text, &root}) {
    for (const char* k : {"torch_dtype", "dtype"}) {
      if (!dtype) {
        dtype = f->OptionalString(k);
        if (dtype) key = f->Name(k);
      }
    }
  }
  if (!dtype) {
    notes.push_back("no torch_dtype: bfloat16 assumed");
    return kvmodel::StorageFormat::kBF16;
  }
  if (*dtype == "bfloat16") return kvmodel::StorageFormat::kBF16;
  if (*dtype == "float16") return kvmodel::StorageFormat::kF16;
  if (*dtype == "float32") return kvmodel::StorageFormat::kF32;
  Fail(key + " '" + OneLine(*dtype) +
       "' is not bfloat16, float16 or float32");
}

// WithoutNonFinite() is `text` with the bare NaN, Infinity and -Infinity
// that Python's json module writes for non-finite floats (Nemotron-H's
// time_step_limit) read as null, which strict JSON has no other way to
// hold. Strings are left as they are; `count` is how many were replaced.
std::string WithoutNonFinite(std::string_view text, int& count) {
  std::string out;
  out.reserve(text.size());
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      out += c;
      if (c == '\\' && i + 1 < text.size()) out += text[++i];
      if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    bool replaced = false;
    for (const std::string_view token : {"-Infinity", "Infinity", "NaN"}) {
      if (!replaced && text.substr(i, token.size()) == token) {
        out += "null";
        i += token.size() - 1;
        ++count;
        replaced = true;
      }
    }
    if (!replaced) out += c;
  }
  return out;
}

// RequireUtf8() names text that is UTF-16 or UTF-32 (a byte-order mark, or
// NUL bytes), which JSON parsers report only as a syntax error.
void RequireUtf8(std::string_view text) {
  const bool bom16 = text.size() >= 2 && ((text[0] == '\xff' && text[1] == '\xfe') ||
                                          (text[0] == '\xfe' && text[1] == '\xff'));
  if (bom16 || text.find('\0') != std::string_view::npos) {
    Fail("the file is UTF-16 or UTF-32 text (a byte-order mark or NUL bytes); "
         "config.json must be UTF-8");
  }
}

ImportedModel Parse(std::string_view raw_text, std::string_view name) {
  RequireUtf8(raw_text);
  int non_finite = 0;
  const std::string json_text = WithoutNonFinite(raw_text, non_finite);
  Json root;
  try {
    root = Json::parse(json_text.begin(), json_text.end());
  } catch (const Json::parse_error& e) {
    std::string what = e.what();
    const auto bracket = what.find("] ");
    if (bracket != std::string::npos) what = what.substr(bracket + 2);
    Fail("not valid JSON: " + OneLine(what));
  }
  if (!root.is_object()) Fail("the top level must be a JSON object");
  const Fields top(root, "");
  const Json* nested = top.Find("text_config");
  if (nested != nullptr && !nested->is_object()) {
    Fail("text_config must be an object, got " + Brief(*nested));
  }
  const Fields text = nested != nullptr ? Fields(*nested, "text_config.") : top;

  ImportedModel out;
  std::vector<std::string>& notes = out.notes;
  if (non_finite > 0) {
    notes.push_back(std::to_string(non_finite) +
                    " non-finite numbers (NaN, Infinity) read as null");
  }
  std::string model_type = text.OptionalString("model_type").value_or(
      top.OptionalString("model_type").value_or(""));
  out.family = model_type;
  out.hf_repo = top.OptionalString("_name_or_path").value_or("");
  out.name = !name.empty() ? std::string(name)
             : !out.hf_repo.empty() ? out.hf_repo
                                    : std::string("config");
  const bool gemma3 = model_type == "gemma3_text" || model_type == "gemma3";
  const bool gemma = model_type.rfind("gemma", 0) == 0;

  kvmodel::ModelSpec& m = out.shape;
  const std::uint64_t layers = text.OptionalUint("num_hidden_layers")
                                   .value_or(text.OptionalUint("n_layer").value_or(0));
  if (layers == 0) Fail(text.Name("num_hidden_layers") + " is missing");

  // Gemma 3's text configs are sparse: transformers' Gemma3TextConfig
  // defaults fill them (8 heads, 4 KV heads of 256, 131072 positions,
  // pattern 6).
  const auto with_default = [&](std::optional<std::uint64_t> v,
                                std::uint64_t fallback, const char* key) {
    if (v) return *v;
    notes.push_back(std::string(key) + " absent: Gemma3TextConfig's default " +
                    std::to_string(fallback));
    return fallback;
  };
  std::uint64_t heads = 0;
  if (gemma3) {
    heads = with_default(text.OptionalUint("num_attention_heads"), 8,
                         "num_attention_heads");
  } else {
    const auto h = text.OptionalUint("num_attention_heads");
    heads = h ? *h : text.OptionalUint("n_head").value_or(0);
    if (heads == 0) Fail(text.Name("num_attention_heads") + " is missing");
  }
  const auto hidden = text.OptionalUint("hidden_size");

  std::uint64_t kv_heads = 0;
  if (const auto kv = text.OptionalUint("num_key_value_heads")) {
    kv_heads = *kv;
  } else if (gemma3) {
    kv_heads = with_default(std::nullopt, 4, "num_key_value_heads");
  } else if (text.OptionalBool("multi_query").value_or(false)) {
    kv_heads = 1;
    notes.push_back("multi_query: one KV head");
  } else if (const auto kv2 = text.OptionalUint("num_kv_heads")) {
    kv_heads = *kv2;
  } else {
    kv_heads = heads;
    notes.push_back("no num_key_value_heads: every head is a KV head (MHA)");
  }
  if (heads % kv_heads != 0) {
    Fail(text.Name("num_key_value_heads") + " " + std::to_string(kv_heads) +
         " does not divide num_attention_heads " + std::to_string(heads));
  }

  // Latent attention (DeepSeek-V2/V3) caches no per-head K or V.
  const auto kv_lora = text.OptionalUint("kv_lora_rank");
  std::uint64_t head_dim = 0;
  if (kv_lora) {
    // The cache is the latent; per-head sizes do not matter.
  } else if (const auto hd = text.OptionalUint("head_dim")) {
    head_dim = *hd;
  } else if (const auto nemotron = text.OptionalUint("attention_head_dim")) {
    head_dim = *nemotron;  // Nemotron-H's name for it
  } else if (const auto megatron = text.OptionalUint("kv_channels")) {
    head_dim = *megatron;  // Megatron's (Nemotron, Minitron)
  } else if (gemma3) {
    head_dim = with_default(std::nullopt, 256, "head_dim");
  } else {
    if (!hidden) {
      Fail(text.Name("hidden_size") + " is missing (and there is no head_dim)");
    }
    if (*hidden % heads != 0) {
      Fail(text.Name("hidden_size") + " " + std::to_string(*hidden) +
           " is not a multiple of num_attention_heads " +
           std::to_string(heads) + " (and there is no head_dim)");
    }
    head_dim = *hidden / heads;
    notes.push_back("no head_dim: hidden_size / num_attention_heads = " +
                    std::to_string(head_dim));
  }

  std::optional<std::uint64_t> max_pos =
      text.OptionalUint("max_position_embeddings", std::uint64_t{1} << 40);
  if (!max_pos && gemma3) {
    max_pos = with_default(std::nullopt, 131072, "max_position_embeddings");
  } else if (!max_pos && model_type == "falcon") {
    max_pos = 2048;
    notes.push_back("no max_position_embeddings: FalconConfig's default 2048");
  } else if (!max_pos) {
    Fail(text.Name("max_position_embeddings") + " is missing");
  }
  m.max_context_tokens = *max_pos;

  if (!kv_lora && text.Has("index_head_dim")) {
    Fail(text.Name("index_head_dim") +
         ": an indexer cache without a latent (kv_lora_rank) cache is not "
         "modelled");
  }
  if (kv_lora) {
    const std::uint64_t rope = text.RequiredUint("qk_rope_head_dim");
    if (*kv_lora + rope > std::numeric_limits<std::uint32_t>::max()) {
      Fail(text.Name("kv_lora_rank") + " + qk_rope_head_dim is too large");
    }
    m.kv_lora_rank = U32(*kv_lora);
    m.qk_rope_head_dim = U32(rope);
    if (const auto index = text.OptionalUint("index_head_dim")) {
      m.indexer_head_dim = U32(*index);
      notes.push_back("sparse attention: an indexer key of " +
                      std::to_string(*index) + " values per layer-token");
    }
    m.attention = {U32(layers), U32(heads), 1, U32(*kv_lora + rope), 0};
    notes.push_back("multi-head latent attention: kv_lora_rank + "
                    "qk_rope_head_dim = " + std::to_string(*kv_lora + rope) +
                    " values per layer-token, no V");
  } else {
    m.attention = {U32(layers), U32(heads), U32(kv_heads), U32(head_dim),
                   U32(head_dim)};
  }

  // Layers that differ: recurrent state, their own geometry, sharing.
  const auto window = text.OptionalUint("sliding_window");
  if (!kv_lora) {
    out.layers = internal::ReadHfLayers(
        text, {layers, heads, kv_heads, head_dim, hidden.value_or(0), window.value_or(0)},
        notes);
  }

  // Sliding windows.
  const Json* layer_types = text.Find("layer_types");
  std::uint64_t sliding = 0;
  if (!out.layers.empty()) {
    // Counted layer by layer above.
  } else if (layer_types != nullptr) {
    if (!layer_types->is_array()) {
      Fail(text.Name("layer_types") + " must be a list, got " +
           Brief(*layer_types));
    }
    if (layer_types->size() != layers) {
      Fail(text.Name("layer_types") + " has " +
           std::to_string(layer_types->size()) + " entries for " +
           std::to_string(layers) + " num_hidden_layers");
    }
    for (const Json& kind : *layer_types) {
      if (kind == "sliding_attention") {
        ++sliding;
      } else if (kind != "full_attention") {
        Fail(text.Name("layer_types") + " entry " + Brief(kind) +
             " is not sliding_attention or full_attention");
      }
    }
  } else if (model_type == "gemma2") {
    sliding = (layers + 1) / 2;
    notes.push_back("Gemma 2: even layers slide (" + std::to_string(sliding) +
                    " of " + std::to_string(layers) + ")");
  } else if (gemma3) {
    std::uint64_t pattern = 6;
    if (const auto p = text.OptionalUint("sliding_window_pattern")) {
      pattern = *p;
    } else {
      notes.push_back("sliding_window_pattern absent: Gemma3TextConfig's "
                      "default 6");
    }
    sliding = layers - layers / pattern;
  } else if (window && text.OptionalBool("use_sliding_window") == false) {
    notes.push_back("use_sliding_window false: sliding_window ignored");
  } else if (window && *window >= m.max_context_tokens) {
    notes.push_back("sliding_window " + std::to_string(*window) +
                    " >= max_position_embeddings: never applies");
  } else if (window) {
    sliding = layers;
  }
  if (sliding > 0) {
    std::uint64_t w = 0;
    if (window) {
      w = *window;
    } else if (gemma3) {
      w = with_default(std::nullopt, 4096, "sliding_window");
    } else {
      Fail(text.Name("sliding_window") + " is missing for sliding layers");
    }
    m.sliding_window_layers = U32(sliding);
    m.sliding_window_tokens = U32(w);
  }

  // Cross-attention (Llama 3.2 Vision).
  if (const Json* cross = text.Find("cross_attention_layers")) {
    if (!cross->is_array()) {
      Fail(text.Name("cross_attention_layers") + " must be a list, got " +
           Brief(*cross));
    }
    if (cross->size() > layers) {
      Fail(text.Name("cross_attention_layers") +
           " lists more layers than num_hidden_layers");
    }
    m.cross_attention_layers = U32(cross->size());
    if (const Json* vision = top.Find("vision_config")) {
      if (!vision->is_object()) {
        Fail("vision_config must be an object, got " + Brief(*vision));
      }
      const Fields v(*vision, "vision_config.");
      const std::uint64_t image = v.RequiredUint("image_size");
      const std::uint64_t patch = v.RequiredUint("patch_size");
      const std::uint64_t tiles = v.RequiredUint("max_num_tiles");
      if (image % patch != 0) {
        Fail("vision_config.patch_size does not divide image_size");
      }
      const std::uint64_t side = image / patch;
      // Checked: hostile sizes must not wrap into a small token count.
      const unsigned __int128 tokens =
          static_cast<unsigned __int128>(tiles) *
          (static_cast<unsigned __int128>(side) * side + 1);
      if (tokens > std::numeric_limits<std::uint32_t>::max()) {
        Fail("vision_config: max_num_tiles x ((image_size / patch_size)^2 + 1) "
             "is too large: more than 2^32 vision tokens per image");
      }
      m.cross_attention_tokens = static_cast<std::uint64_t>(tokens);
      notes.push_back("cross-attention layers cache " +
                      std::to_string(m.cross_attention_tokens) +
                      " vision tokens per image");
    }
  }

  m.weights_format = ParseDtype(text, top, notes);

  // Parameters: a Llama-style dense decoder's shapes.
  const bool moe = text.Has("num_local_experts") || text.Has("num_experts") ||
                   text.Has("n_routed_experts");
  const auto vocab = text.OptionalUint("vocab_size");
  const auto intermediate = text.OptionalUint("intermediate_size");
  if (!moe && !kv_lora && m.cross_attention_layers == 0 && out.layers.empty() &&
      hidden && vocab && intermediate) {
    const bool tied = text.OptionalBool("tie_word_embeddings")
                          .value_or(top.OptionalBool("tie_word_embeddings")
                                        .value_or(gemma));
    const bool bias = text.OptionalBool("attention_bias")
                          .value_or(model_type == "qwen2");
    using kvmodel::CheckedAdd;
    using kvmodel::CheckedMul;
    const std::uint64_t q = CheckedMul(heads, head_dim);
    const std::uint64_t kv = CheckedMul(kv_heads, head_dim);
    const std::uint64_t qkvo = CheckedAdd(CheckedMul(2, q), CheckedMul(2, kv));
    std::uint64_t per_layer = CheckedMul(*hidden, qkvo);
    if (bias) per_layer = CheckedAdd(per_layer, CheckedAdd(q, CheckedMul(2, kv)));
    per_layer = CheckedAdd(per_layer, CheckedMul(3 * *hidden, *intermediate));
    per_layer = CheckedAdd(per_layer, 2 * *hidden);
    std::uint64_t total = CheckedMul(layers, per_layer);
    total = CheckedAdd(total, CheckedMul(tied ? 1 : 2, CheckedMul(*vocab, *hidden)));
    total = CheckedAdd(total, *hidden);
    m.parameters_total = total;
    m.parameters_active = total;
    out.parameters_estimated = true;
    notes.push_back("parameters estimated from shapes as a Llama-style "
                    "decoder: " + std::to_string(total));
  } else {
    notes.push_back("no parameter estimate for this architecture (pass "
                    "--parameters)");
  }

  out.source = "config.json";
  if (!model_type.empty()) out.source += " (model_type " + model_type + ")";
  for (const std::string& note : notes) out.source += "; " + note;

  // The geometry must be one the model accepts.
  kvmodel::Validate(out.Spec());
  return out;
}

}  // namespace

kvmodel::ModelSpec ImportedModel::Spec() const {
  kvmodel::ModelSpec spec = shape;
  spec.name = name;
  spec.family = family;
  spec.hf_repo = hf_repo;
  spec.source = source;
  spec.layers = layers;
  if (!parameters_estimated && spec.parameters_total == 0) {
    spec.parameters_total = 1;
    spec.parameters_active = 1;
  }
  return spec;
}

absl::StatusOr<ImportedModel> ParseHfConfig(std::string_view json_text,
                                            std::string_view name) {
  try {
    return Parse(json_text, name);
  } catch (const ConfigError& e) {
    return absl::InvalidArgumentError(e.what());
  } catch (const kvmodel::Error& e) {
    return absl::InvalidArgumentError("config.json: " + std::string(e.what()));
  } catch (const nlohmann::json::exception& e) {
    return absl::InvalidArgumentError(
        "config.json: " + OneLine(e.what()));
  }
}

absl::StatusOr<ImportedModel> ReadHfConfigFile(const std::string& path,
                                               std::string_view name) {
  const absl::StatusOr<std::string> text =
      fileio::ReadInputText(path, fileio::kMaxConfigBytes);
  if (!text.ok()) {
    return absl::Status(text.status().code(),
                        "cannot read config file " +
                            std::string(text.status().message()));
  }
  std::string model_name(name);
  absl::StatusOr<ImportedModel> model = ParseHfConfig(*text, model_name);
  if (!model.ok()) return model;
  if (name.empty() && model->hf_repo.empty()) {
    // A file named like the model ("gemma-2-2b.json") names it; a
    // downloaded config.json is named by the folder it sits in.
    const auto slash = path.find_last_of('/');
    std::string file = slash == std::string::npos ? path : path.substr(slash + 1);
    if (file.size() > 5 && file.substr(file.size() - 5) == ".json") {
      file.resize(file.size() - 5);
    }
    if (file != "config" && !file.empty()) {
      model->name = file;
    } else if (slash != std::string::npos) {
      std::string folder = path.substr(0, slash);
      const auto parent = folder.find_last_of('/');
      folder = parent == std::string::npos ? folder : folder.substr(parent + 1);
      if (!folder.empty() && folder != ".") model->name = folder;
    }
  }
  return model;
}

}  // namespace kvtables::config
