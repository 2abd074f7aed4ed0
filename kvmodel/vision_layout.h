// kvmodel/vision_layout.h
//
// Vision token layouts: how many tokens an image occupies in the language
// model's sequence, as a function of the crop grid it is cut into. Each
// layout is its own type with two functions, so tables of models with
// different layouts are walked as a heterogeneous tuple (kvmodel/vlm_catalog.h):
//
//   ImageTokens(layout, grid)          tokens the image puts in the sequence;
//   CrossAttentionTokens(layout, grid) vision tokens held by cross-attention
//                                      layers instead (0 for most layouts).
//
// TiledNewlineLayout is the "global view + local tiles" layout of
// DeepSeek-VL2-style models. An image is resized to a global thumbnail and
// also cut into an H x W grid of crops:
//
//   global view   global_rows x global_cols patch tokens, each row closed by
//                 a newline token when global_row_newline is set;
//   separators    view_separator_tokens between the global and local views;
//   local crops   each crop is crop_rows x crop_cols patch tokens; the crops
//                 tile into (H * crop_rows) token rows of (W * crop_cols)
//                 tokens, each row closed by a newline when crop_row_newline
//                 is set.
//
//   ImageTokens(H, W) = global_rows * (global_cols + nl_g)
//                     + view_separator_tokens
//                     + H * crop_rows * (W * crop_cols + nl_c)
//
// Orientation matters: with newlines, 2x3 and 3x2 differ.
//
// Worked example (the seed table's layout): a 16 x 16 global view with
// newlines (272 tokens), one separator, 10 x 10 crops with newlines:
// ImageTokens(1, 2) = 272 + 1 + 10 * (20 + 1) = 483.
//
// Crop grids are enumerated by EnumerateGrids(): every H x W whose crop count
// H * W lies in [min_crops, max_crops] (and whose sides are at most max_side,
// when set), ordered by crop count, then by H; either both orientations or
// only H <= W.

#ifndef KVMODEL_VISION_LAYOUT_H_
#define KVMODEL_VISION_LAYOUT_H_

#include <cstddef>
#include <cstdint>

#include "kvmodel/checked.h"

namespace kvmodel {

// CropGrid is H rows by W columns of crops.
struct CropGrid {
  std::uint32_t rows = 0;     // H
  std::uint32_t columns = 0;  // W

  constexpr std::uint32_t crops() const { return rows * columns; }
  friend constexpr bool operator==(const CropGrid&, const CropGrid&) = default;
};

// TiledNewlineLayout: see the file comment.
struct TiledNewlineLayout {
  std::uint32_t global_rows = 0;
  std::uint32_t global_cols = 0;
  bool global_row_newline = false;
  std::uint32_t view_separator_tokens = 0;
  std::uint32_t crop_rows = 0;
  std::uint32_t crop_cols = 0;
  bool crop_row_newline = false;
};

// Validate() rejects a layout with empty crops.
constexpr void Validate(const TiledNewlineLayout& layout) {
  Require(layout.crop_rows > 0 && layout.crop_cols > 0,
          "crop_rows and crop_cols must be positive");
}

// ImageTokens() is the image's tokens for `grid`.
constexpr std::uint64_t ImageTokens(const TiledNewlineLayout& layout,
                                    CropGrid grid) {
  Validate(layout);
  Require(grid.rows > 0 && grid.columns > 0,
          "a crop grid needs at least one row and one column");
  const std::uint64_t global = CheckedMul(
      layout.global_rows,
      CheckedAdd(layout.global_cols, layout.global_row_newline ? 1 : 0));
  const std::uint64_t local = CheckedMul(
      CheckedMul(grid.rows, layout.crop_rows),
      CheckedAdd(CheckedMul(grid.columns, layout.crop_cols),
                 layout.crop_row_newline ? 1 : 0));
  return CheckedAdd(CheckedAdd(global, layout.view_separator_tokens), local);
}

// CrossAttentionTokens() of a tiled layout: none, the tokens are in the
// sequence.
constexpr std::uint64_t CrossAttentionTokens(const TiledNewlineLayout&,
                                             CropGrid) {
  return 0;
}

// PerTileLayout: each tile of the H x W grid becomes `tokens_per_tile` tokens
// plus `tile_extra_tokens` (tile markers), each row of tiles adds
// `row_extra_tokens` (a newline), a global thumbnail adds `global_tokens`
// (only when the image has more than one tile, if `global_only_when_tiled`),
// and `wrapper_tokens` open and close the image:
//
//   ImageTokens = wrapper + [global] + H * (W * (tokens_per_tile + tile_extra)
//                                            + row_extra)
//
// InternVL2.5: 256 per 448-pixel tile, a thumbnail when tiled, <img></img>:
// 2 x 2 tiles = 2 + 256 + 4 * 256 = 1,282 tokens.
struct PerTileLayout {
  std::uint32_t tokens_per_tile = 0;
  std::uint32_t tile_extra_tokens = 0;
  std::uint32_t row_extra_tokens = 0;
  std::uint32_t global_tokens = 0;
  bool global_only_when_tiled = false;
  std::uint32_t wrapper_tokens = 0;
};

constexpr std::uint64_t ImageTokens(const PerTileLayout& layout,
                                    CropGrid grid) {
  Require(layout.tokens_per_tile > 0, "tokens_per_tile must be positive");
  Require(grid.rows > 0 && grid.columns > 0,
          "a crop grid needs at least one row and one column");
  const bool global = !layout.global_only_when_tiled || grid.crops() > 1;
  const std::uint64_t row = CheckedAdd(
      CheckedMul(grid.columns,
                 CheckedAdd(layout.tokens_per_tile, layout.tile_extra_tokens)),
      layout.row_extra_tokens);
  return CheckedAdd(
      CheckedAdd(layout.wrapper_tokens, global ? layout.global_tokens : 0),
      CheckedMul(grid.rows, row));
}

constexpr std::uint64_t CrossAttentionTokens(const PerTileLayout&, CropGrid) {
  return 0;
}

// FixedLayout: every image is resized to one size and becomes a fixed number
// of tokens (LLaVA-1.5: 576; PaliGemma 224: 256); only the 1 x 1 grid exists.
struct FixedLayout {
  std::uint32_t tokens = 0;
};

constexpr std::uint64_t ImageTokens(const FixedLayout& layout, CropGrid grid) {
  Require(layout.tokens > 0, "a fixed layout needs tokens");
  Require(grid.rows == 1 && grid.columns == 1,
          "a fixed layout has only the 1x1 grid");
  return layout.tokens;
}

constexpr std::uint64_t CrossAttentionTokens(const FixedLayout&, CropGrid) {
  return 0;
}

// CrossAttentionLayout: the image stays out of the sequence except for
// `sequence_tokens` placeholder(s); its vision tokens, `tokens_per_tile` per
// tile, are keys and values of the cross-attention layers (Llama 3.2
// Vision: 560-pixel tiles of 40 x 40 patches + a class token = 1,601; one
// <|image|> token in the text). `max_tiles` bounds the grid.
struct CrossAttentionLayout {
  std::uint32_t tokens_per_tile = 0;
  std::uint32_t sequence_tokens = 0;
  std::uint32_t max_tiles = 0;
};

constexpr std::uint64_t ImageTokens(const CrossAttentionLayout& layout,
                                    CropGrid grid) {
  Require(grid.rows > 0 && grid.columns > 0 &&
              grid.crops() <= layout.max_tiles,
          "a cross-attention layout has 1 .. max_tiles tiles");
  return layout.sequence_tokens;
}

constexpr std::uint64_t CrossAttentionTokens(
    const CrossAttentionLayout& layout, CropGrid grid) {
  ImageTokens(layout, grid);
  return CheckedMul(layout.tokens_per_tile, grid.crops());
}

// Orientations says which of H x W and W x H a grid range lists.
enum class Orientations : std::uint8_t {
  kBoth,             // 2x3 and 3x2
  kRowsAtMostCols,   // only H <= W, as the seed table lists them
};

// GridRange selects crop grids by crop count.
struct GridRange {
  std::uint32_t min_crops = 1;
  std::uint32_t max_crops = 1;
  Orientations orientations = Orientations::kRowsAtMostCols;
  std::uint32_t max_side = 0;  // most crops along either side; 0: no limit
};

// Validate() rejects an empty or upside-down range.
constexpr void Validate(const GridRange& range) {
  Require(range.min_crops > 0, "min_crops must be positive");
  Require(range.min_crops <= range.max_crops,
          "min_crops must not exceed max_crops");
  Require(range.max_crops <= 4096, "max_crops must be at most 4096");
}

// EnumerateGrids() writes the range's grids to `out` (when not null) in
// order and returns how many there are; call it with nullptr to count.
constexpr std::size_t EnumerateGrids(const GridRange& range, CropGrid* out) {
  Validate(range);
  std::size_t count = 0;
  for (std::uint32_t crops = range.min_crops; crops <= range.max_crops;
       ++crops) {
    for (std::uint32_t rows = 1; rows <= crops; ++rows) {
      if (crops % rows != 0) continue;
      const std::uint32_t columns = crops / rows;
      if (range.orientations == Orientations::kRowsAtMostCols &&
          rows > columns) {
        continue;
      }
      if (range.max_side != 0 &&
          (rows > range.max_side || columns > range.max_side)) {
        continue;
      }
      if (out != nullptr) out[count] = {rows, columns};
      ++count;
    }
  }
  return count;
}

}  // namespace kvmodel

#endif  // KVMODEL_VISION_LAYOUT_H_
