// config/hf_config.h
//
// Reads a Hugging Face config.json into a kvmodel::ModelSpec: the fields
// that shape the KV cache, with the conventions of the transformers library
// made explicit.
//
//   layers        num_hidden_layers (of `text_config` when the file nests
//                 one, as multimodal configs do)
//   query heads   num_attention_heads
//   KV heads      num_key_value_heads; absent: 1 if multi_query (Falcon),
//                 else the query heads (multi-head attention)
//   head size     head_dim; absent: hidden_size / num_attention_heads, which
//                 must divide
//   sliding       layer_types (count of "sliding_attention"); else Gemma 2:
//                 every other layer; Gemma 3: all but every
//                 sliding_window_pattern-th (default 6); else sliding_window
//                 on every layer, unless use_sliding_window is false (Qwen2)
//                 or the window is no shorter than max_position_embeddings
//   latent (MLA)  kv_lora_rank + qk_rope_head_dim values, one head, no V
//   per layer     recurrent, MLP-only and shared layers, and layers of
//                 their own geometry (config/hf_layers.h)
//   cross-attn    cross_attention_layers (Llama 3.2 Vision), caching the
//                 vision tokens: tiles x ((image_size / patch_size)^2 + 1)
//   dtype         torch_dtype or dtype (bfloat16 when absent)
//
// config.json has no parameter count. For a dense Llama-style decoder
// (q, k, v, o projections, a gated MLP, two norms per layer, embeddings and
// an output head unless tied) the count is estimated from the shapes, and
// says so; mixture-of-experts and latent-attention configs get none.
//
// Worked example: Llama 3.1 8B's config (32 layers, 32 heads, 8 KV heads,
// hidden 4096, intermediate 14336, vocab 128256, untied) reads as 32 x 8 x
// 128 KV geometry and 8,030,261,248 estimated parameters.
//
// Every problem is an error naming the field: "config.json:
// num_key_value_heads must be positive, got -1".

#ifndef CONFIG_HF_CONFIG_H_
#define CONFIG_HF_CONFIG_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "kvmodel/model.h"

namespace kvtables::config {

// ImportedModel is a model read from a config.json. It owns the strings the
// ModelSpec's string_views point to: use Spec(), and keep the ImportedModel
// alive while the spec is in use.
struct ImportedModel {
  std::string name;
  std::string family;   // the config's model_type
  std::string hf_repo;  // _name_or_path, when the file has one
  std::string source;   // what was read, and every assumption made
  std::vector<std::string> notes;  // the assumptions, one per line
  bool parameters_estimated = false;  // else unknown: shape.parameters_* == 0
  kvmodel::ModelSpec shape;  // without strings or layers
  // Layer by layer, when the layers differ (config/hf_layers.h); else empty
  // and `shape` counts its layers by kind.
  std::vector<kvmodel::LayerRun> layers;

  // Spec() is `shape` with its strings and layers pointing into this object. With an
  // unknown parameter count the spec carries 1 (check parameters_estimated).
  kvmodel::ModelSpec Spec() const;
};

// ParseHfConfig() reads the text of a config.json. `name` names the model.
absl::StatusOr<ImportedModel> ParseHfConfig(std::string_view json_text,
                                            std::string_view name);

// ReadHfConfigFile() reads a config.json from `path`; the model's name is
// `name`, or the file's _name_or_path, or its parent folder's name.
absl::StatusOr<ImportedModel> ReadHfConfigFile(const std::string& path,
                                               std::string_view name = {});

}  // namespace kvtables::config

#endif  // CONFIG_HF_CONFIG_H_
