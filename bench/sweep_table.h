// bench/sweep_table.h
//
// Tables the compile-cost benchmark builds in constant evaluation, all with
// the same rows and the same seven columns (SweepTableRow):
//
// * the catalog sweep (kind "real"): row i is catalog model i % 39, KV format
//   pair (i / 39) % 4 (bf16, fp8, f32, fp8 K with bf16 V: every format whose
//   block is one value, so every catalog head size is valid), and context
//   256 * (1 + k % (max_context_tokens / 256)) with k = i / 156: multiples of
//   256 up to the model's max, wrapping. Every cell comes from the model's own
//   functions (WithKvFormats, ModelKvCacheBytes, ModelKvBytesPerToken), with
//   their validation and checked arithmetic, exactly as kvmodel's tables do;
// * the floor (kind "floor"): the same seven columns, each a few integer
//   operations on the row index;
// * the hoisted sweep (kind "hoisted"): the catalog sweep's exact cells, with
//   each (model, format) pair validated and reduced to its per-layer-token
//   coefficients once (156 pairs: kvmodel::MakeKvPlan) instead of once per
//   row, as kvmodel's own tables are built (kvmodel/catalog_table.h).
//
// Worked example: row 2 is llama-3.1-8b in bf16 at 256 tokens: 33,554,432
// KV bytes (16,777,216 K + 16,777,216 V), 131,072 bytes per token.

#ifndef KVTABLES_BENCH_SWEEP_TABLE_H_
#define KVTABLES_BENCH_SWEEP_TABLE_H_

#include <array>
#include <cstddef>
#include <cstdint>

#include "kvmodel/catalog.h"
#include "kvmodel/model.h"
#include "kvmodel/storage_format.h"

namespace kvbench {

// SweepTableRow is one row of every benchmark table: seven fields.
struct SweepTableRow {
  std::uint32_t model_index = 0;   // into kvmodel::kCatalog
  std::uint32_t format_index = 0;  // into kSweepFormats
  std::uint64_t context_tokens = 0;
  std::uint64_t kv_k_bytes = 0;
  std::uint64_t kv_v_bytes = 0;
  std::uint64_t kv_bytes = 0;
  std::uint64_t kv_bytes_per_token = 0;
};

// SweepFormat is a K and a V storage format.
struct SweepFormat {
  kvmodel::StorageFormat k;
  kvmodel::StorageFormat v;
};

// kSweepFormats are the KV format pairs of the sweep.
inline constexpr std::array<SweepFormat, 4> kSweepFormats{{
    {kvmodel::StorageFormat::kBF16, kvmodel::StorageFormat::kBF16},
    {kvmodel::StorageFormat::kFp8E4M3, kvmodel::StorageFormat::kFp8E4M3},
    {kvmodel::StorageFormat::kF32, kvmodel::StorageFormat::kF32},
    {kvmodel::StorageFormat::kFp8E4M3, kvmodel::StorageFormat::kBF16},
}};

inline constexpr std::size_t kSweepPairs =
    kvmodel::kCatalog.size() * kSweepFormats.size();

// SweepModelIndex(), SweepFormatIndex(), SweepContextTokens(): row i's
// coordinates (see the file comment).
constexpr std::uint32_t SweepModelIndex(std::size_t i) {
  return static_cast<std::uint32_t>(i % kvmodel::kCatalog.size());
}
constexpr std::uint32_t SweepFormatIndex(std::size_t i) {
  return static_cast<std::uint32_t>((i / kvmodel::kCatalog.size()) %
                                    kSweepFormats.size());
}
constexpr std::uint64_t SweepContextTokens(std::uint64_t max_context_tokens,
                                           std::size_t i) {
  const std::uint64_t steps = max_context_tokens / 256;
  return 256 * (1 + (i / kSweepPairs) % steps);
}

// RealRow() is row i of the catalog sweep, through the model's functions.
constexpr SweepTableRow RealRow(std::size_t i) {
  const std::uint32_t model = SweepModelIndex(i);
  const std::uint32_t format = SweepFormatIndex(i);
  const kvmodel::ModelSpec spec =
      kvmodel::WithKvFormats(kvmodel::kCatalog[model], kSweepFormats[format].k,
                             kSweepFormats[format].v);
  const std::uint64_t tokens = SweepContextTokens(spec.max_context_tokens, i);
  const kvmodel::KvBytes kv = kvmodel::ModelKvCacheBytes(spec, tokens);
  return {model,       format,     tokens,
          kv.k_bytes,  kv.v_bytes, kv.total(),
          kvmodel::ModelKvBytesPerToken(spec)};
}

// FloorRow() is row i of the floor: the same columns, trivial arithmetic.
constexpr SweepTableRow FloorRow(std::size_t i) {
  const std::uint32_t model = SweepModelIndex(i);
  const std::uint32_t format = SweepFormatIndex(i);
  const std::uint64_t tokens = 256 * (1 + (i / kSweepPairs) % 512);
  const std::uint64_t k = tokens * (model + 1) * 64;
  const std::uint64_t v = tokens * (format + 1) * 32;
  return {model, format, tokens, k, v, k + v, (model + 1) * (format + 1) * 96};
}

// PairPlan is one (model, format) pair, validated once.
struct PairPlan {
  kvmodel::KvPlan plan;
  std::uint64_t kv_bytes_per_token = 0;
  std::uint64_t max_context_tokens = 0;
};

// HoistedPlans() validates each (model, format) pair once.
constexpr std::array<PairPlan, kSweepPairs> HoistedPlans() {
  std::array<PairPlan, kSweepPairs> plans{};
  for (std::size_t p = 0; p < kSweepPairs; ++p) {
    const kvmodel::ModelSpec m = kvmodel::WithKvFormats(
        kvmodel::kCatalog[SweepModelIndex(p)],
        kSweepFormats[SweepFormatIndex(p)].k,
        kSweepFormats[SweepFormatIndex(p)].v);
    plans[p] = {kvmodel::MakeKvPlan(m), kvmodel::ModelKvBytesPerToken(m),
                m.max_context_tokens};
  }
  return plans;
}

// HoistedRow() is RealRow(i), from the pair's precomputed plan.
constexpr SweepTableRow HoistedRow(const std::array<PairPlan, kSweepPairs>& plans,
                                   std::size_t i) {
  const PairPlan& pair = plans[i % kSweepPairs];
  const std::uint64_t tokens = SweepContextTokens(pair.max_context_tokens, i);
  const kvmodel::KvBytes kv = kvmodel::PlanKvCacheBytes(pair.plan, tokens);
  return {SweepModelIndex(i), SweepFormatIndex(i), tokens,       kv.k_bytes,
          kv.v_bytes,         kv.total(),          pair.kv_bytes_per_token};
}

enum class TableKind { kFloor, kReal, kHoisted };

// BuildTable() is the N-row table of `kind`.
template <TableKind kind, std::size_t N>
constexpr std::array<SweepTableRow, N> BuildTable() {
  std::array<SweepTableRow, N> rows{};
  if constexpr (kind == TableKind::kFloor) {
    for (std::size_t i = 0; i < N; ++i) rows[i] = FloorRow(i);
  } else if constexpr (kind == TableKind::kReal) {
    for (std::size_t i = 0; i < N; ++i) rows[i] = RealRow(i);
  } else {
    const std::array<PairPlan, kSweepPairs> plans = HoistedPlans();
    for (std::size_t i = 0; i < N; ++i) rows[i] = HoistedRow(plans, i);
  }
  return rows;
}

}  // namespace kvbench

#endif  // KVTABLES_BENCH_SWEEP_TABLE_H_
