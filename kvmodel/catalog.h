// kvmodel/catalog.h
//
// The model catalog: real architectures with the parameters their published
// config.json gives, each citing its source (`ModelSpec::source`, the
// repository named in `hf_repo`). Head sizes are taken as published
// (`head_dim`) and derived from hidden_size / num_attention_heads only when a
// config gives nothing else; KV heads, sliding windows, cross-attention and
// latent (MLA) caches are modelled per layer kind (kvmodel/model.h).
//
// Parameter counts are the safetensors totals where a source states them,
// otherwise computed from the config's tensor shapes (embeddings, attention,
// MLP or experts, norms, untied output head); for mixture-of-experts models
// `parameters_active` counts the experts a token uses plus everything shared.
//
// Worked example: FindModel("llama-3.1-8b") has 32 layers, 8 KV heads of 128
// in bf16: 2 * 32 * 8 * 128 * 2 = 131,072 KV bytes per token.

#ifndef KVMODEL_CATALOG_H_
#define KVMODEL_CATALOG_H_

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

#include "kvmodel/model.h"

namespace kvmodel {

// kCatalog lists every catalog model, grouped by family.
// clang-format off
inline constexpr std::array kCatalog{
    ModelSpec{
        .name = "llama-2-7b",
        .family = "Llama 2",
        .hf_repo = "meta-llama/Llama-2-7b-hf",
        .source = "config.json: num_hidden_layers 32, num_attention_heads 32, no "
                  "num_key_value_heads (MHA), hidden_size 4096 (head 128), "
                  "max_position_embeddings 4096. Parameters computed from its tensor "
                  "shapes.",
        .attention = {32, 32, 32, 128, 128},
        .parameters_total = 6'738'415'616,
        .parameters_active = 6'738'415'616,
        .max_context_tokens = 4'096,
    },
    ModelSpec{
        .name = "llama-2-70b",
        .family = "Llama 2",
        .hf_repo = "meta-llama/Llama-2-70b-hf",
        .source = "config.json: num_hidden_layers 80, num_attention_heads 64, "
                  "num_key_value_heads 8, hidden_size 8192 (head 128). Parameters "
                  "computed from its tensor shapes.",
        .attention = {80, 64, 8, 128, 128},
        .parameters_total = 68'976'648'192,
        .parameters_active = 68'976'648'192,
        .max_context_tokens = 4'096,
    },
    ModelSpec{
        .name = "llama-3.1-8b",
        .family = "Llama 3",
        .hf_repo = "meta-llama/Llama-3.1-8B",
        .source = "config.json: num_hidden_layers 32, num_attention_heads 32, "
                  "num_key_value_heads 8, hidden_size 4096 (head 128), "
                  "max_position_embeddings 131072. Parameters computed from its "
                  "tensor shapes (8.03B).",
        .attention = {32, 32, 8, 128, 128},
        .parameters_total = 8'030'261'248,
        .parameters_active = 8'030'261'248,
        .max_context_tokens = 131'072,
    },
    ModelSpec{
        .name = "llama-3.1-70b",
        .family = "Llama 3",
        .hf_repo = "meta-llama/Llama-3.1-70B",
        .source = "config.json: num_hidden_layers 80, num_attention_heads 64, "
                  "num_key_value_heads 8, hidden_size 8192 (head 128). Parameters "
                  "computed from its tensor shapes.",
        .attention = {80, 64, 8, 128, 128},
        .parameters_total = 70'553'706'496,
        .parameters_active = 70'553'706'496,
        .max_context_tokens = 131'072,
    },
    ModelSpec{
        .name = "llama-3.1-405b",
        .family = "Llama 3",
        .hf_repo = "meta-llama/Llama-3.1-405B",
        .source = "Meta's llama-models sku_list (Llama 3.1 405B: dim 16384, n_layers "
                  "126, n_heads 128, n_kv_heads 8; head 128), matching the HF config. "
                  "Parameters computed from those shapes.",
        .attention = {126, 128, 8, 128, 128},
        .parameters_total = 405'853'388'800,
        .parameters_active = 405'853'388'800,
        .max_context_tokens = 131'072,
    },
    ModelSpec{
        .name = "llama-3.2-1b",
        .family = "Llama 3",
        .hf_repo = "meta-llama/Llama-3.2-1B",
        .source = "config.json: num_hidden_layers 16, num_attention_heads 32, "
                  "num_key_value_heads 8, head_dim 64, hidden_size 2048, tied "
                  "embeddings. Parameters computed from its tensor shapes.",
        .attention = {16, 32, 8, 64, 64},
        .parameters_total = 1'235'814'400,
        .parameters_active = 1'235'814'400,
        .max_context_tokens = 131'072,
    },
    ModelSpec{
        .name = "llama-3.2-3b",
        .family = "Llama 3",
        .hf_repo = "meta-llama/Llama-3.2-3B",
        .source = "config.json: num_hidden_layers 28, num_attention_heads 24, "
                  "num_key_value_heads 8, head_dim 128, hidden_size 3072, tied "
                  "embeddings. Parameters computed from its tensor shapes.",
        .attention = {28, 24, 8, 128, 128},
        .parameters_total = 3'212'749'824,
        .parameters_active = 3'212'749'824,
        .max_context_tokens = 131'072,
    },
    ModelSpec{
        .name = "llama-3.2-11b-vision",
        .family = "Llama 3",
        .hf_repo = "meta-llama/Llama-3.2-11B-Vision",
        .source = "config.json text_config: num_hidden_layers 40 including "
                  "cross_attention_layers [3, 8, 13, 18, 23, 28, 33, 38], "
                  "num_attention_heads 32, num_key_value_heads 8, hidden_size 4096; "
                  "vision_config: image_size 560, patch_size 14, max_num_tiles 4 "
                  "(1,601 tokens per tile with CLS, 6,404 per image). Parameters: "
                  "10,670,220,835 (NVIDIA's model card).",
        .attention = {40, 32, 8, 128, 128},
        .cross_attention_layers = 8,
        .cross_attention_tokens = 6404,
        .parameters_total = 10'670'220'835,
        .parameters_active = 10'670'220'835,
        .max_context_tokens = 131'072,
    },
    ModelSpec{
        .name = "llama-3.3-70b",
        .family = "Llama 3",
        .hf_repo = "meta-llama/Llama-3.3-70B-Instruct",
        .source = "config.json: num_hidden_layers 80, num_attention_heads 64, "
                  "num_key_value_heads 8, head_dim 128, hidden_size 8192. Parameters "
                  "computed from its tensor shapes.",
        .attention = {80, 64, 8, 128, 128},
        .parameters_total = 70'553'706'496,
        .parameters_active = 70'553'706'496,
        .max_context_tokens = 131'072,
    },
    ModelSpec{
        .name = "mistral-7b-v0.1",
        .family = "Mistral",
        .hf_repo = "mistralai/Mistral-7B-v0.1",
        .source = "config.json: num_hidden_layers 32, num_attention_heads 32, "
                  "num_key_value_heads 8, hidden_size 4096 (head 128), sliding_window "
                  "4096 on every layer. Parameters computed from its tensor shapes.",
        .attention = {32, 32, 8, 128, 128},
        .sliding_window_layers = 32,
        .sliding_window_tokens = 4096,
        .parameters_total = 7'241'732'096,
        .parameters_active = 7'241'732'096,
        .max_context_tokens = 32'768,
    },
    ModelSpec{
        .name = "mistral-7b-v0.3",
        .family = "Mistral",
        .hf_repo = "mistralai/Mistral-7B-v0.3",
        .source = "config.json: num_hidden_layers 32, num_attention_heads 32, "
                  "num_key_value_heads 8, hidden_size 4096 (head 128), sliding_window "
                  "null, vocab 32768. Parameters computed from its tensor shapes.",
        .attention = {32, 32, 8, 128, 128},
        .parameters_total = 7'248'023'552,
        .parameters_active = 7'248'023'552,
        .max_context_tokens = 32'768,
    },
    ModelSpec{
        .name = "mistral-nemo-12b",
        .family = "Mistral",
        .hf_repo = "mistralai/Mistral-Nemo-Base-2407",
        .source = "config.json: num_hidden_layers 40, num_attention_heads 32, "
                  "num_key_value_heads 8, head_dim 128 (not hidden_size 5120 / 32 = "
                  "160), max_position_embeddings 128000. Parameters computed from its "
                  "tensor shapes.",
        .attention = {40, 32, 8, 128, 128},
        .parameters_total = 12'247'782'400,
        .parameters_active = 12'247'782'400,
        .max_context_tokens = 128'000,
    },
    ModelSpec{
        .name = "mixtral-8x7b",
        .family = "Mistral",
        .hf_repo = "mistralai/Mixtral-8x7B-v0.1",
        .source = "config.json: num_hidden_layers 32, num_attention_heads 32, "
                  "num_key_value_heads 8, hidden_size 4096 (head 128), 8 experts, 2 "
                  "per token. Parameters (total, active) computed from its tensor "
                  "shapes.",
        .attention = {32, 32, 8, 128, 128},
        .parameters_total = 46'702'792'704,
        .parameters_active = 12'879'925'248,
        .max_context_tokens = 32'768,
    },
    ModelSpec{
        .name = "qwen2.5-0.5b",
        .family = "Qwen2.5",
        .hf_repo = "Qwen/Qwen2.5-0.5B",
        .source = "config.json: num_hidden_layers 24, num_attention_heads 14, "
                  "num_key_value_heads 2, hidden_size 896 (head 64), "
                  "use_sliding_window false. Parameters: 494,032,768 from its "
                  "safetensors.",
        .attention = {24, 14, 2, 64, 64},
        .parameters_total = 494'032'768,
        .parameters_active = 494'032'768,
        .max_context_tokens = 32'768,
    },
    ModelSpec{
        .name = "qwen2.5-7b",
        .family = "Qwen2.5",
        .hf_repo = "Qwen/Qwen2.5-7B-Instruct",
        .source = "config.json: num_hidden_layers 28, num_attention_heads 28, "
                  "num_key_value_heads 4, hidden_size 3584 (head 128), "
                  "use_sliding_window false. Parameters computed from its tensor "
                  "shapes.",
        .attention = {28, 28, 4, 128, 128},
        .parameters_total = 7'615'616'512,
        .parameters_active = 7'615'616'512,
        .max_context_tokens = 32'768,
    },
    ModelSpec{
        .name = "qwen2.5-72b",
        .family = "Qwen2.5",
        .hf_repo = "Qwen/Qwen2.5-72B-Instruct",
        .source = "config.json: num_hidden_layers 80, num_attention_heads 64, "
                  "num_key_value_heads 8, hidden_size 8192 (head 128), "
                  "use_sliding_window false. Parameters computed from its tensor "
                  "shapes.",
        .attention = {80, 64, 8, 128, 128},
        .parameters_total = 72'706'203'648,
        .parameters_active = 72'706'203'648,
        .max_context_tokens = 32'768,
    },
    ModelSpec{
        .name = "qwen3-0.6b",
        .family = "Qwen3",
        .hf_repo = "Qwen/Qwen3-0.6B",
        .source = "config.json: num_hidden_layers 28, num_attention_heads 16, "
                  "num_key_value_heads 8, head_dim 128 (not hidden_size 1024 / 16 = "
                  "64). Parameters computed from its tensor shapes.",
        .attention = {28, 16, 8, 128, 128},
        .parameters_total = 596'049'920,
        .parameters_active = 596'049'920,
        .max_context_tokens = 40'960,
    },
    ModelSpec{
        .name = "qwen3-1.7b",
        .family = "Qwen3",
        .hf_repo = "Qwen/Qwen3-1.7B",
        .source = "config.json: num_hidden_layers 28, num_attention_heads 16, "
                  "num_key_value_heads 8, head_dim 128, hidden_size 2048. Parameters "
                  "computed from its tensor shapes.",
        .attention = {28, 16, 8, 128, 128},
        .parameters_total = 1'720'574'976,
        .parameters_active = 1'720'574'976,
        .max_context_tokens = 40'960,
    },
    ModelSpec{
        .name = "qwen3-4b",
        .family = "Qwen3",
        .hf_repo = "Qwen/Qwen3-4B",
        .source = "config.json: num_hidden_layers 36, num_attention_heads 32, "
                  "num_key_value_heads 8, head_dim 128 (not hidden_size 2560 / 32 = "
                  "80). Parameters computed from its tensor shapes.",
        .attention = {36, 32, 8, 128, 128},
        .parameters_total = 4'022'468'096,
        .parameters_active = 4'022'468'096,
        .max_context_tokens = 40'960,
    },
    ModelSpec{
        .name = "qwen3-8b",
        .family = "Qwen3",
        .hf_repo = "Qwen/Qwen3-8B",
        .source = "config.json: num_hidden_layers 36, num_attention_heads 32, "
                  "num_key_value_heads 8, head_dim 128, hidden_size 4096. Parameters "
                  "computed from its tensor shapes.",
        .attention = {36, 32, 8, 128, 128},
        .parameters_total = 8'190'735'360,
        .parameters_active = 8'190'735'360,
        .max_context_tokens = 40'960,
    },
    ModelSpec{
        .name = "qwen3-14b",
        .family = "Qwen3",
        .hf_repo = "Qwen/Qwen3-14B",
        .source = "config.json: num_hidden_layers 40, num_attention_heads 40, "
                  "num_key_value_heads 8, head_dim 128, hidden_size 5120. Parameters: "
                  "14,768,307,200 from its safetensors.",
        .attention = {40, 40, 8, 128, 128},
        .parameters_total = 14'768'307'200,
        .parameters_active = 14'768'307'200,
        .max_context_tokens = 40'960,
    },
    ModelSpec{
        .name = "qwen3-32b",
        .family = "Qwen3",
        .hf_repo = "Qwen/Qwen3-32B",
        .source = "config.json: num_hidden_layers 64, num_attention_heads 64, "
                  "num_key_value_heads 8, head_dim 128 (not hidden_size 5120 / 64 = "
                  "80). Parameters computed from its tensor shapes.",
        .attention = {64, 64, 8, 128, 128},
        .parameters_total = 32'762'123'264,
        .parameters_active = 32'762'123'264,
        .max_context_tokens = 40'960,
    },
    ModelSpec{
        .name = "qwen3-235b-a22b",
        .family = "Qwen3",
        .hf_repo = "Qwen/Qwen3-235B-A22B-Instruct-2507",
        .source = "config.json: num_hidden_layers 94, num_attention_heads 64, "
                  "num_key_value_heads 4, head_dim 128, hidden_size 4096, 128 "
                  "experts, 8 per token, max_position_embeddings 262144. Parameters "
                  "(total, active) computed from its tensor shapes.",
        .attention = {94, 64, 4, 128, 128},
        .parameters_total = 235'093'634'560,
        .parameters_active = 22'190'763'520,
        .max_context_tokens = 262'144,
    },
    ModelSpec{
        .name = "gemma-2-2b",
        .family = "Gemma 2",
        .hf_repo = "google/gemma-2-2b",
        .source = "config.json: num_hidden_layers 26, num_attention_heads 8, "
                  "num_key_value_heads 4, head_dim 256, sliding_window 4096 on every "
                  "other layer (Gemma 2's modeling code). Parameters computed from "
                  "its tensor shapes.",
        .attention = {26, 8, 4, 256, 256},
        .sliding_window_layers = 13,
        .sliding_window_tokens = 4096,
        .parameters_total = 2'614'341'888,
        .parameters_active = 2'614'341'888,
        .max_context_tokens = 8'192,
    },
    ModelSpec{
        .name = "gemma-2-9b",
        .family = "Gemma 2",
        .hf_repo = "google/gemma-2-9b",
        .source = "config.json: num_hidden_layers 42, num_attention_heads 16, "
                  "num_key_value_heads 8, head_dim 256, sliding_window 4096 on every "
                  "other layer. Parameters computed from its tensor shapes.",
        .attention = {42, 16, 8, 256, 256},
        .sliding_window_layers = 21,
        .sliding_window_tokens = 4096,
        .parameters_total = 9'241'705'984,
        .parameters_active = 9'241'705'984,
        .max_context_tokens = 8'192,
    },
    ModelSpec{
        .name = "gemma-2-27b",
        .family = "Gemma 2",
        .hf_repo = "google/gemma-2-27b",
        .source = "config.json: num_hidden_layers 46, num_attention_heads 32, "
                  "num_key_value_heads 16, head_dim 128, sliding_window 4096 on every "
                  "other layer. Parameters computed from its tensor shapes.",
        .attention = {46, 32, 16, 128, 128},
        .sliding_window_layers = 23,
        .sliding_window_tokens = 4096,
        .parameters_total = 27'227'128'320,
        .parameters_active = 27'227'128'320,
        .max_context_tokens = 8'192,
    },
    ModelSpec{
        .name = "gemma-3-4b",
        .family = "Gemma 3",
        .hf_repo = "google/gemma-3-4b-it",
        .source = "config.json text_config: num_hidden_layers 34, sliding_window "
                  "1024; heads 8, KV heads 4, head_dim 256 and sliding_window_pattern "
                  "6 (5 local : 1 global, 29 + 5) from Gemma3TextConfig's defaults, "
                  "which the file relies on. Parameters: 4,300,079,472 from its "
                  "safetensors (vision tower included).",
        .attention = {34, 8, 4, 256, 256},
        .sliding_window_layers = 29,
        .sliding_window_tokens = 1024,
        .parameters_total = 4'300'079'472,
        .parameters_active = 4'300'079'472,
        .max_context_tokens = 131'072,
    },
    ModelSpec{
        .name = "gemma-3-27b",
        .family = "Gemma 3",
        .hf_repo = "google/gemma-3-27b-it",
        .source = "config.json text_config: num_hidden_layers 62, num_attention_heads "
                  "32, num_key_value_heads 16, head_dim 128, sliding_window 1024, "
                  "pattern 6 (52 local + 10 global). Parameters: 27,432,406,640 from "
                  "its safetensors (vision tower included).",
        .attention = {62, 32, 16, 128, 128},
        .sliding_window_layers = 52,
        .sliding_window_tokens = 1024,
        .parameters_total = 27'432'406'640,
        .parameters_active = 27'432'406'640,
        .max_context_tokens = 131'072,
    },
    ModelSpec{
        .name = "phi-2",
        .family = "Phi",
        .hf_repo = "microsoft/phi-2",
        .source = "config.json: num_hidden_layers 32, num_attention_heads 32, no "
                  "num_key_value_heads (MHA), hidden_size 2560 (head 80). Parameters "
                  "computed from its tensor shapes.",
        .attention = {32, 32, 32, 80, 80},
        .parameters_total = 2'779'683'840,
        .parameters_active = 2'779'683'840,
        .max_context_tokens = 2'048,
    },
    ModelSpec{
        .name = "phi-3-mini-4k",
        .family = "Phi",
        .hf_repo = "microsoft/Phi-3-mini-4k-instruct",
        .source = "config.json: num_hidden_layers 32, num_attention_heads 32, "
                  "num_key_value_heads 32, hidden_size 3072 (head 96), sliding_window "
                  "2047 on every layer. Parameters computed from its tensor shapes.",
        .attention = {32, 32, 32, 96, 96},
        .sliding_window_layers = 32,
        .sliding_window_tokens = 2047,
        .parameters_total = 3'821'079'552,
        .parameters_active = 3'821'079'552,
        .max_context_tokens = 4'096,
    },
    ModelSpec{
        .name = "phi-3.5-mini",
        .family = "Phi",
        .hf_repo = "microsoft/Phi-3.5-mini-instruct",
        .source = "config.json: num_hidden_layers 32, num_attention_heads 32, "
                  "num_key_value_heads 32, hidden_size 3072 (head 96); its "
                  "sliding_window 262144 exceeds the context and never applies. "
                  "Parameters computed from its tensor shapes.",
        .attention = {32, 32, 32, 96, 96},
        .parameters_total = 3'821'079'552,
        .parameters_active = 3'821'079'552,
        .max_context_tokens = 131'072,
    },
    ModelSpec{
        .name = "deepseek-v2-lite",
        .family = "DeepSeek",
        .hf_repo = "deepseek-ai/DeepSeek-V2-Lite",
        .source = "config.json: num_hidden_layers 27, num_attention_heads 16, "
                  "kv_lora_rank 512, qk_rope_head_dim 64 (multi-head latent "
                  "attention: 576 cached values per layer-token). Parameters (total, "
                  "active) computed from its tensor shapes.",
        .attention = {27, 16, 1, 576, 0},
        .kv_lora_rank = 512,
        .qk_rope_head_dim = 64,
        .parameters_total = 15'706'484'224,
        .parameters_active = 2'661'150'208,
        .max_context_tokens = 163'840,
    },
    ModelSpec{
        .name = "deepseek-v3",
        .family = "DeepSeek",
        .hf_repo = "deepseek-ai/DeepSeek-V3",
        .source = "config.json: num_hidden_layers 61 (the multi-token-prediction "
                  "layer is extra and not counted), num_attention_heads 128, "
                  "kv_lora_rank 512, qk_rope_head_dim 64. Parameters (total, active; "
                  "without the MTP layer) computed from its tensor shapes (671B).",
        .attention = {61, 128, 1, 576, 0},
        .kv_lora_rank = 512,
        .qk_rope_head_dim = 64,
        .parameters_total = 671'026'419'200,
        .parameters_active = 37'552'297'472,
        .max_context_tokens = 163'840,
    },
    ModelSpec{
        .name = "gpt-oss-20b",
        .family = "gpt-oss",
        .hf_repo = "openai/gpt-oss-20b",
        .source = "config.json: num_hidden_layers 24, num_attention_heads 64, "
                  "num_key_value_heads 8, head_dim 64, layer_types alternating "
                  "sliding_attention (window 128) and full_attention. Parameters "
                  "(total, active) computed from its tensor shapes (21B, 3.6B active "
                  "without embeddings).",
        .attention = {24, 64, 8, 64, 64},
        .sliding_window_layers = 12,
        .sliding_window_tokens = 128,
        .parameters_total = 20'914'757'184,
        .parameters_active = 4'187'440'704,
        .max_context_tokens = 131'072,
    },
    ModelSpec{
        .name = "gpt-oss-120b",
        .family = "gpt-oss",
        .hf_repo = "openai/gpt-oss-120b",
        .source = "NVIDIA Megatron-Bridge docs for gpt-oss-120b: 36 layers, 64 query "
                  "heads, 8 KV groups, KV channels 64, alternating sliding (128) and "
                  "full attention, 128 experts top-4. Parameters (total, active) "
                  "computed from those shapes (117B, 5.1B active).",
        .attention = {36, 64, 8, 64, 64},
        .sliding_window_layers = 18,
        .sliding_window_tokens = 128,
        .parameters_total = 116'829'156'672,
        .parameters_active = 5'711'982'912,
        .max_context_tokens = 131'072,
    },
    ModelSpec{
        .name = "falcon-7b",
        .family = "Falcon",
        .hf_repo = "tiiuae/falcon-7b",
        .source = "config.json: num_hidden_layers 32, num_attention_heads 71, "
                  "multi_query true (one KV head), hidden_size 4544 (head 64). "
                  "Parameters computed from its tensor shapes.",
        .attention = {32, 71, 1, 64, 64},
        .parameters_total = 6'921'720'704,
        .parameters_active = 6'921'720'704,
        .max_context_tokens = 2'048,
    },
    ModelSpec{
        .name = "smollm2-135m",
        .family = "SmolLM2",
        .hf_repo = "HuggingFaceTB/SmolLM2-135M",
        .source = "config.json: num_hidden_layers 30, num_attention_heads 9, "
                  "num_key_value_heads 3, hidden_size 576 (head 64). Parameters "
                  "computed from its tensor shapes.",
        .attention = {30, 9, 3, 64, 64},
        .parameters_total = 134'515'008,
        .parameters_active = 134'515'008,
        .max_context_tokens = 8'192,
    },
    ModelSpec{
        .name = "smollm2-360m",
        .family = "SmolLM2",
        .hf_repo = "HuggingFaceTB/SmolLM2-360M",
        .source = "config.json: num_hidden_layers 32, num_attention_heads 15, "
                  "num_key_value_heads 5, hidden_size 960 (head 64). Parameters "
                  "computed from its tensor shapes.",
        .attention = {32, 15, 5, 64, 64},
        .parameters_total = 361'821'120,
        .parameters_active = 361'821'120,
        .max_context_tokens = 8'192,
    },
    ModelSpec{
        .name = "smollm2-1.7b",
        .family = "SmolLM2",
        .hf_repo = "HuggingFaceTB/SmolLM2-1.7B",
        .source = "config.json: num_hidden_layers 24, num_attention_heads 32, "
                  "num_key_value_heads 32, hidden_size 2048 (head 64). Parameters "
                  "computed from its tensor shapes.",
        .attention = {24, 32, 32, 64, 64},
        .parameters_total = 1'711'376'384,
        .parameters_active = 1'711'376'384,
        .max_context_tokens = 8'192,
    },
};
// clang-format on

namespace internal {
constexpr bool CatalogIsValid() {
  for (std::size_t i = 0; i < kCatalog.size(); ++i) {
    Validate(kCatalog[i]);
    for (std::size_t j = 0; j < i; ++j) {
      if (kCatalog[i].name == kCatalog[j].name) return false;
    }
  }
  return true;
}
static_assert(CatalogIsValid(), "catalog model names must be unique");
}  // namespace internal

// FindModel() is the catalog model named `name`, or nullopt.
constexpr std::optional<ModelSpec> FindModel(std::string_view name) {
  for (const ModelSpec& model : kCatalog) {
    if (model.name == name) return model;
  }
  return std::nullopt;
}

}  // namespace kvmodel

#endif  // KVMODEL_CATALOG_H_
