// kvmodel/vlm_catalog.h
//
// The vision-language catalog: each model's language backbone and its vision
// token layout, as data. Layouts differ in kind (kvmodel/vision_layout.h), so
// the catalog is a Boost.Hana tuple of CropTableSpec<Layout> of different
// types, walked with Hana's algorithms; VlmTables() evaluates every model's
// crop-grid table in constant evaluation.
//
// Each entry cites, in its text model's `source`, the published config and
// processor code its numbers come from; a value the config leaves to its
// library's defaults says so. Parameter counts are left unknown (0) where no
// source gave one: these tables size the KV cache and working memory, not the
// weights. Every table covers a 16-token text prompt and a 256-step decode
// horizon, batch 1.
//
// Worked example (Phi-3.5-vision, 4 x 4 crops): (16 + 1) * 144 + 1 +
// (4 + 1) * 12 = 2,509 image tokens, as its processor computes them.

#ifndef KVMODEL_VLM_CATALOG_H_
#define KVMODEL_VLM_CATALOG_H_

#include <cstddef>
#include <utility>

#include "boost/hana.hpp"
#include "kvmodel/catalog.h"
#include "kvmodel/crop_table.h"
#include "kvmodel/model.h"
#include "kvmodel/seed_vlm.h"
#include "kvmodel/storage_format.h"
#include "kvmodel/vision_layout.h"

namespace kvmodel {

namespace internal {

// A language backbone the catalog does not list on its own.
constexpr ModelSpec Backbone(std::string_view name, std::string_view family,
                             std::string_view hf_repo, std::string_view source,
                             AttentionGeometry attention,
                             std::uint64_t max_context_tokens) {
  ModelSpec m;
  m.name = name;
  m.family = family;
  m.hf_repo = hf_repo;
  m.source = source;
  m.attention = attention;
  m.max_context_tokens = max_context_tokens;
  return m;
}

// The MLA backbone of DeepSeek-VL2: one 576-value latent per layer-token.
constexpr ModelSpec DeepSeekVl2Backbone() {
  ModelSpec m = Backbone(
      "deepseek-vl2", "DeepSeek", "deepseek-ai/deepseek-vl2",
      "config.json language_config (deepseek_v2, no layer or head keys) "
      "with DeepseekV2Config's defaults: num_hidden_layers 30, "
      "num_attention_heads 32, use_mla true, kv_lora_rank 512, "
      "qk_rope_head_dim 64, max_position_embeddings 4096 in the file. "
      "Processor: 384-pixel tiles, patch 14, downsample 2 (14 x 14 tokens), "
      "a newline per row, one view separator; candidate_resolutions are "
      "the 23 grids of 1 to 9 tiles.",
      {30, 32, 1, 576, 0}, 4096);
  m.kv_lora_rank = 512;
  m.qk_rope_head_dim = 64;
  return m;
}

constexpr std::uint64_t kVlmTextTokens = 16;
constexpr std::uint64_t kVlmDecodeSteps = 256;

}  // namespace internal

// kVlmCatalog: the seed VLM, then every catalog vision-language model.
inline constexpr auto kVlmCatalog = boost::hana::make_tuple(
    kSeedVlm,
    CropTableSpec<FixedLayout>{
        .name = "llava-1.5-7b",
        .text_model = internal::Backbone(
            "llava-1.5-7b", "LLaVA", "llava-hf/llava-1.5-7b-hf",
            "config.json: text_config lmsys/vicuna-7b-v1.5 (LlamaConfig "
            "defaults: 32 layers, 32 heads, 32 KV heads, hidden 4096), "
            "max_position_embeddings 4096; vision_config image_size 336, "
            "patch_size 14: 24 x 24 = 576 image tokens (CLS dropped).",
            {32, 32, 32, 128, 128}, 4096),
        .layout = {.tokens = 576},
        .text_tokens = internal::kVlmTextTokens,
        .decode_steps = internal::kVlmDecodeSteps,
        .grids = {.min_crops = 1, .max_crops = 1},
    },
    CropTableSpec<TiledNewlineLayout>{
        .name = "llava-v1.6-mistral-7b",
        .text_model = internal::Backbone(
            "llava-v1.6-mistral-7b", "LLaVA", "llava-hf/llava-v1.6-mistral-7b-hf",
            "config.json: text_config Mistral-7B-Instruct-v0.2 (32 layers, "
            "32 heads, num_key_value_heads 8, hidden 4096, sliding_window "
            "null), max_position_embeddings 32768; anyres: a 24 x 24 base "
            "view, then 336-pixel tiles of 24 x 24 with a newline per row "
            "(image aspect equal to the grid's: no unpadding); "
            "image_grid_pinpoints 1x2, 2x1, 2x2, 1x3, 3x1.",
            {32, 32, 8, 128, 128}, 32768),
        .layout = {.global_rows = 24,
                   .global_cols = 24,
                   .global_row_newline = false,
                   .view_separator_tokens = 0,
                   .crop_rows = 24,
                   .crop_cols = 24,
                   .crop_row_newline = true},
        .text_tokens = internal::kVlmTextTokens,
        .decode_steps = internal::kVlmDecodeSteps,
        .grids = {.min_crops = 2,
                  .max_crops = 4,
                  .orientations = Orientations::kBoth,
                  .max_side = 3},
    },
    CropTableSpec<TiledNewlineLayout>{
        .name = "phi-3.5-vision",
        .text_model = internal::Backbone(
            "phi-3.5-vision", "Phi", "microsoft/Phi-3.5-vision-instruct",
            "config.json: num_hidden_layers 32, num_attention_heads 32, "
            "num_key_value_heads 32, hidden_size 3072 (head 96), "
            "max_position_embeddings 131072, sliding_window 262144 (never "
            "reached). Processor: 336-pixel crops of 12 x 12 tokens after "
            "merging, (h*w + 1) * 144 + 1 + (h + 1) * 12 tokens, num_crops "
            "up to 16.",
            {32, 32, 32, 96, 96}, 131072),
        .layout = {.global_rows = 12,
                   .global_cols = 12,
                   .global_row_newline = true,
                   .view_separator_tokens = 1,
                   .crop_rows = 12,
                   .crop_cols = 12,
                   .crop_row_newline = true},
        .text_tokens = internal::kVlmTextTokens,
        .decode_steps = internal::kVlmDecodeSteps,
        .grids = {.min_crops = 1,
                  .max_crops = 16,
                  .orientations = Orientations::kBoth},
    },
    CropTableSpec<PerTileLayout>{
        .name = "internvl2.5-2b",
        .text_model = internal::Backbone(
            "internvl2.5-2b", "InternVL", "OpenGVLab/InternVL2_5-2B",
            "config.json: llm_config internlm2_5-1_8b-chat "
            "(num_hidden_layers 24, num_attention_heads 16, "
            "num_key_value_heads 8, hidden_size 2048), force_image_size 448, "
            "patch 14, downsample_ratio 0.5: 256 tokens per tile, "
            "max_dynamic_patch 12, use_thumbnail, <img></img>.",
            {24, 16, 8, 128, 128}, 32768),
        .layout = {.tokens_per_tile = 256,
                   .global_tokens = 256,
                   .global_only_when_tiled = true,
                   .wrapper_tokens = 2},
        .text_tokens = internal::kVlmTextTokens,
        .decode_steps = internal::kVlmDecodeSteps,
        .grids = {.min_crops = 1,
                  .max_crops = 12,
                  .orientations = Orientations::kBoth},
    },
    CropTableSpec<PerTileLayout>{
        .name = "smolvlm-instruct",
        .text_model = internal::Backbone(
            "smolvlm-instruct", "SmolVLM", "HuggingFaceTB/SmolVLM-Instruct",
            "config.json: text_config SmolLM2-1.7B (24 layers, 32 heads, 32 "
            "KV heads, head 64), scale_factor 3: 81 tokens per 384-pixel "
            "tile, longest_edge 1536 (at most 4 x 4 tiles). Processor "
            "(Idefics3): each tile 2 marker tokens + 81, a newline per row, a "
            "global image of 81 + 3.",
            {24, 32, 32, 64, 64}, 16384),
        .layout = {.tokens_per_tile = 81,
                   .tile_extra_tokens = 2,
                   .row_extra_tokens = 1,
                   .global_tokens = 84,
                   .global_only_when_tiled = false,
                   .wrapper_tokens = 0},
        .text_tokens = internal::kVlmTextTokens,
        .decode_steps = internal::kVlmDecodeSteps,
        .grids = {.min_crops = 2,
                  .max_crops = 16,
                  .orientations = Orientations::kBoth,
                  .max_side = 4},
    },
    CropTableSpec<PerTileLayout>{
        .name = "qwen2-vl-7b",
        .text_model = internal::Backbone(
            "qwen2-vl-7b", "Qwen2-VL", "Qwen/Qwen2-VL-7B-Instruct",
            "config.json: num_hidden_layers 28, num_attention_heads 28, "
            "num_key_value_heads 4, hidden_size 3584, use_sliding_window "
            "false. Vision: patch 14, spatial_merge_size 2: (H/28) * (W/28) "
            "tokens + 2; a grid cell here is a 448 x 448-pixel region (256 "
            "tokens).",
            {28, 28, 4, 128, 128}, 32768),
        .layout = {.tokens_per_tile = 256, .wrapper_tokens = 2},
        .text_tokens = internal::kVlmTextTokens,
        .decode_steps = internal::kVlmDecodeSteps,
        .grids = {.min_crops = 1,
                  .max_crops = 16,
                  .orientations = Orientations::kBoth},
    },
    CropTableSpec<TiledNewlineLayout>{
        .name = "deepseek-vl2",
        .text_model = internal::DeepSeekVl2Backbone(),
        .layout = {.global_rows = 14,
                   .global_cols = 14,
                   .global_row_newline = true,
                   .view_separator_tokens = 1,
                   .crop_rows = 14,
                   .crop_cols = 14,
                   .crop_row_newline = true},
        .text_tokens = internal::kVlmTextTokens,
        .decode_steps = internal::kVlmDecodeSteps,
        .grids = {.min_crops = 1,
                  .max_crops = 9,
                  .orientations = Orientations::kBoth},
    },
    CropTableSpec<FixedLayout>{
        .name = "paligemma-3b-224",
        .text_model = internal::Backbone(
            "paligemma-3b-224", "PaliGemma", "google/paligemma-3b-pt-224",
            "config.json: text_config num_hidden_layers 18, "
            "num_attention_heads 8, num_key_value_heads 1, head_dim 256, "
            "max_position_embeddings 8192; num_image_tokens 256.",
            {18, 8, 1, 256, 256}, 8192),
        .layout = {.tokens = 256},
        .text_tokens = internal::kVlmTextTokens,
        .decode_steps = internal::kVlmDecodeSteps,
        .grids = {.min_crops = 1, .max_crops = 1},
    },
    CropTableSpec<CrossAttentionLayout>{
        .name = "llama-3.2-11b-vision",
        .text_model = *FindModel("llama-3.2-11b-vision"),
        .layout = {.tokens_per_tile = 1601,
                   .sequence_tokens = 1,
                   .max_tiles = 4},
        .text_tokens = internal::kVlmTextTokens,
        .decode_steps = internal::kVlmDecodeSteps,
        .grids = {.min_crops = 1,
                  .max_crops = 4,
                  .orientations = Orientations::kBoth},
    });

// kVlmCount is the number of vision-language models.
inline constexpr std::size_t kVlmCount =
    decltype(boost::hana::length(kVlmCatalog))::value;

namespace internal {
template <std::size_t I>
constexpr auto VlmTable() {
  constexpr auto spec = boost::hana::at_c<I>(kVlmCatalog);
  return CropTableArray<EnumerateGrids(spec.grids, nullptr)>(spec);
}
template <std::size_t... I>
constexpr auto VlmTables(std::index_sequence<I...>) {
  return boost::hana::make_tuple(VlmTable<I>()...);
}
}  // namespace internal

// VlmTables() is every model's crop-grid table, in catalog order, as a Hana
// tuple of std::arrays.
constexpr auto VlmTables() {
  return internal::VlmTables(std::make_index_sequence<kVlmCount>());
}

}  // namespace kvmodel

#endif  // KVMODEL_VLM_CATALOG_H_
