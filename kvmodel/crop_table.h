// kvmodel/crop_table.h
//
// Crop-grid tables: for a vision-language model, one row per crop grid with
// the image's tokens, the KV cache over a decode horizon, and the attention
// working memory under eager and flash attention.
//
// A row's workload is one prompt of image tokens + text tokens, followed by
// `decode_steps` generated tokens, for `batch_size` sequences:
//
//   image_tokens  = ImageTokens(layout, grid)       (kvmodel/vision_layout.h)
//   cross_tokens  = CrossAttentionTokens(layout, grid), held by
//                   cross-attention layers
//   prompt_tokens = image_tokens + text_tokens
//   kv_peak       = the model's cache at prompt + K tokens (kvmodel/model.h)
//   kv_mean       = its mean over the decode steps, exact
//   working and peak memory per kernel              (kvmodel/working_memory.h)

//
// Worked example (the seed table's first row, see kvmodel/seed_vlm.h): grid
// 1x2, 483 image tokens + 10 text tokens, K = 100, 122,880 bytes per token:
// kv_mean = 122,880 * (493 + 49.5) = 66,662,400 bytes = 0.0621 GiB.
//
// CropTable<kSpec>() evaluates a whole table in constant evaluation as a
// std::array; CropTableRows(spec) evaluates the same rows at run time.

#ifndef KVMODEL_CROP_TABLE_H_
#define KVMODEL_CROP_TABLE_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "kvmodel/attention.h"
#include "kvmodel/checked.h"
#include "kvmodel/kv_cache.h"
#include "kvmodel/model.h"
#include "kvmodel/storage_format.h"
#include "kvmodel/units.h"
#include "kvmodel/vision_layout.h"
#include "kvmodel/working_memory.h"

namespace kvmodel {

// CropTableSpec is a vision-language model and the workload its table covers.
template <typename Layout>
struct CropTableSpec {
  std::string_view name;
  ModelSpec text_model;
  Layout layout;
  StorageFormat score_format = StorageFormat::kBF16;
  std::uint64_t text_tokens = 0;
  std::uint64_t decode_steps = 0;
  std::uint64_t batch_size = 1;
  GridRange grids;
};

// CropRow is one row of a crop-grid table. Byte counts cover the batch.
struct CropRow {
  CropGrid grid;
  std::uint64_t image_tokens = 0;
  std::uint64_t cross_tokens = 0;
  std::uint64_t prompt_tokens = 0;
  std::uint64_t decode_steps = 0;
  std::uint64_t kv_bytes_per_token = 0;
  KvBytes kv_peak;
  ByteFraction kv_mean;
  std::uint64_t eager_prefill_working_bytes = 0;
  std::uint64_t flash_prefill_working_bytes = 0;
  std::uint64_t eager_peak_bytes = 0;
  std::uint64_t flash_peak_bytes = 0;
};

// ComputeCropRow() is the row of one grid.
template <typename Layout>
constexpr CropRow ComputeCropRow(const CropTableSpec<Layout>& spec,
                                 CropGrid grid) {
  const ModelSpec& m = spec.text_model;
  CropRow row;
  row.grid = grid;
  row.image_tokens = ImageTokens(spec.layout, grid);
  row.cross_tokens = CrossAttentionTokens(spec.layout, grid);
  row.prompt_tokens = CheckedAdd(row.image_tokens, spec.text_tokens);
  row.decode_steps = spec.decode_steps;
  const Workload w{row.prompt_tokens, spec.decode_steps, spec.batch_size};
  Require(PeakTokens(w) <= m.max_context_tokens,
          "prompt + decode steps exceed max_context_tokens");
  row.kv_bytes_per_token = ModelKvBytesPerToken(m);
  row.kv_peak = ModelKvCacheBytes(m, PeakTokens(w), w.batch_size,
                                  row.cross_tokens);
  row.kv_mean = ModelMeanKvCacheBytes(m, w, row.cross_tokens);
  const WorkingPeak eager = PeakMemory(m, AttentionKernel::kEager,
                                       spec.score_format, w, row.cross_tokens);
  const WorkingPeak flash = PeakMemory(m, AttentionKernel::kFlash,
                                       spec.score_format, w, row.cross_tokens);
  row.eager_prefill_working_bytes = eager.prefill_working_bytes;
  row.flash_prefill_working_bytes = flash.prefill_working_bytes;
  row.eager_peak_bytes = eager.peak_bytes;
  row.flash_peak_bytes = flash.peak_bytes;
  return row;
}

// CropTableArray() is the table of `spec` as an array of its N rows, in
// constant evaluation; N must be EnumerateGrids(spec.grids, nullptr).
template <std::size_t N, typename Layout>
constexpr std::array<CropRow, N> CropTableArray(
    const CropTableSpec<Layout>& spec) {
  Require(EnumerateGrids(spec.grids, nullptr) == N,
          "table size differs from the grid count of the spec");
  std::array<CropGrid, N> grids{};
  EnumerateGrids(spec.grids, grids.data());
  std::array<CropRow, N> rows{};
  for (std::size_t i = 0; i < N; ++i) rows[i] = ComputeCropRow(spec, grids[i]);
  return rows;
}

// CropTable() is the whole table of a spec, in constant evaluation.
template <const auto& kSpec>
constexpr auto CropTable() {
  return CropTableArray<EnumerateGrids(kSpec.grids, nullptr)>(kSpec);
}

// CropTableRows() is the same table, evaluated at run time.
template <typename Layout>
std::vector<CropRow> CropTableRows(const CropTableSpec<Layout>& spec) {
  std::vector<CropGrid> grids(EnumerateGrids(spec.grids, nullptr));
  EnumerateGrids(spec.grids, grids.data());
  std::vector<CropRow> rows;
  rows.reserve(grids.size());
  for (const CropGrid& grid : grids) rows.push_back(ComputeCropRow(spec, grid));
  return rows;
}

}  // namespace kvmodel

#endif  // KVMODEL_CROP_TABLE_H_
