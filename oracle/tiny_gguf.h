// oracle/tiny_gguf.h
//
// A catalog model as a tiny GGUF that llama.cpp loads: the model's memory
// geometry (layers, query and KV heads, K and V head sizes, sliding window
// and its layer pattern, latent rank) in the metadata that llama.cpp's
// converter (convert_hf_to_gguf.py) writes for the model's architecture,
// and tiny shapes for everything that does not size memory (a 260-token
// vocabulary of bytes and specials, a 64-wide feed-forward, all-zero tensors, no experts).
// llama.cpp sizes its KV cache from the geometry alone, so for the cache
// this file is the model.
//
//   architecture   catalog families
//   llama          Llama 2/3, Mistral, Mixtral (dense stand-in), SmolLM2
//   qwen2 / qwen3  Qwen2.5 / Qwen3 (the MoE as a dense stand-in)
//   gemma2/gemma3  Gemma 2 (window every 2nd layer) / 3 (5 of every 6)
//   phi3           Phi-3 (llama.cpp turns its sliding window off)
//   deepseek2      DeepSeek-V2/V3: multi-head latent attention, stored as
//                  1 KV head of kv_lora_rank + rope values, no V
//   gpt-oss        gpt-oss: window every 2nd layer, attention sinks
//   falcon / phi2  Falcon / Phi-2 (fused QKV with biases)
//
// Worked example: llama-3.1-8b becomes architecture `llama` with
// block_count 32, head_count 32, head_count_kv 8, key_length and
// value_length 128, embedding_length 32 * 128 = 4096.

#ifndef ORACLE_TINY_GGUF_H_
#define ORACLE_TINY_GGUF_H_

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "gguf/gguf.h"
#include "kvmodel/model.h"

namespace oracle {

// LlamaCppArchitecture() is the llama.cpp architecture the converter picks
// for `m`, or an error for a model llama.cpp cannot run (cross-attention).
absl::StatusOr<std::string> LlamaCppArchitecture(const kvmodel::ModelSpec& m);

// TinyGguf() is the tiny GGUF of `m` (see the file comment).
absl::StatusOr<gguf::File> TinyGguf(const kvmodel::ModelSpec& m);

}  // namespace oracle

#endif  // ORACLE_TINY_GGUF_H_
