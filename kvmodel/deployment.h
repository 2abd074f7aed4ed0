// kvmodel/deployment.h
//
// The whole memory picture of a deployment, per device:
//
//   total = weights + KV cache + attention working memory + runtime overhead
//
// * Weights: parameters x bits per weight (kvmodel/weights.h), split evenly
//   across `tensor_parallel` ranks and rounded up to a byte.
// * KV cache: the model's cache (kvmodel/model.h) for `batch_size` sequences
//   of `context_tokens`, with each rank holding its share of the KV heads:
//   kv_heads / tp when tp divides kv_heads; one replicated head per rank when
//   kv_heads divides tp (more ranks than KV heads); a latent (MLA) cache is
//   replicated on every rank. Other splits are rejected.
// * Working memory: one layer's attention scratch (kvmodel/working_memory.h)
//   for a prefill chunk of `prefill_chunk_tokens` queries (0: the whole
//   context at once) against the whole context, with the rank's query heads.
// * Runtime overhead: what the runtime itself takes (CUDA context, graphs,
//   allocator slack). It is the caller's figure, printed as its own line;
//   kvtables does not guess it.
//
// Worked example: Llama 3.1 8B (8,030,261,248 parameters, 32 layers, 32 query
// and 8 KV heads of 128) in bf16 with a bf16 cache, 8,192 tokens, batch 1,
// flash attention, no overhead, one device: weights 16,060,522,496 bytes;
// KV 131,072 * 8,192 = 1,073,741,824 bytes; flash working memory
// 32 * 8,192 * 4 = 1,048,576 bytes; total 17,135,312,896 bytes.
//
// LongestContext() and LargestBatch() invert it: the most context tokens (or
// sequences) whose total fits a budget, by binary search over the exact,
// monotone total.

#ifndef KVMODEL_DEPLOYMENT_H_
#define KVMODEL_DEPLOYMENT_H_

#include <algorithm>
#include <cstdint>
#include <optional>

#include "kvmodel/capacity.h"
#include "kvmodel/checked.h"
#include "kvmodel/model.h"
#include "kvmodel/storage_format.h"
#include "kvmodel/weights.h"
#include "kvmodel/working_memory.h"

namespace kvmodel {

// Deployment is a model and how it is run.
struct Deployment {
  ModelSpec model;
  WeightFormat weights = WeightFormatOf(StorageFormat::kBF16);
  StorageFormat k_format = StorageFormat::kBF16;
  StorageFormat v_format = StorageFormat::kBF16;
  std::uint64_t context_tokens = 0;
  std::uint64_t batch_size = 1;
  bool with_image = false;  // cross-attention layers hold one image
  AttentionKernel kernel = AttentionKernel::kFlash;
  StorageFormat score_format = StorageFormat::kBF16;
  std::uint64_t prefill_chunk_tokens = 0;  // 0: the whole context at once
  std::uint32_t tensor_parallel = 1;
  std::uint64_t runtime_overhead_bytes = 0;
};

// MemoryBreakdown is one device's memory, exactly.
struct MemoryBreakdown {
  std::uint64_t weights_bytes = 0;
  std::uint64_t kv_k_bytes = 0;
  std::uint64_t kv_v_bytes = 0;
  std::uint64_t working_bytes = 0;
  std::uint64_t overhead_bytes = 0;

  constexpr std::uint64_t kv_bytes() const {
    return CheckedAdd(kv_k_bytes, kv_v_bytes);
  }
  constexpr std::uint64_t total_bytes() const {
    return CheckedAdd(CheckedAdd(weights_bytes, kv_bytes()),
                      CheckedAdd(working_bytes, overhead_bytes));
  }
};

// RankKvHeads() is the KV heads one of `tp` ranks holds (see above).
constexpr std::uint32_t RankKvHeads(const ModelSpec& m, std::uint32_t tp) {
  Require(tp > 0, "tensor_parallel must be positive");
  const std::uint32_t kv = m.attention.num_kv_heads;
  if (m.latent_attention()) return kv;
  if (kv >= tp) {
    Require(kv % tp == 0, "tensor_parallel must divide num_kv_heads");
    return kv / tp;
  }
  Require(tp % kv == 0,
          "num_kv_heads must divide tensor_parallel when ranks outnumber KV "
          "heads");
  return 1;
}

// RankModel() is the model as one rank of `tp` sees it: its share of query
// and KV heads.
constexpr ModelSpec RankModel(ModelSpec m, std::uint32_t tp) {
  Require(tp > 0, "tensor_parallel must be positive");
  Require(m.attention.num_query_heads % tp == 0,
          "tensor_parallel must divide num_query_heads");
  m.attention.num_kv_heads = RankKvHeads(m, tp);
  m.attention.num_query_heads /= tp;
  return m;
}

// Memory() is one device's breakdown.
constexpr MemoryBreakdown Memory(const Deployment& d) {
  Require(d.context_tokens > 0, "context_tokens must be positive");
  Require(d.batch_size > 0, "batch_size must be positive");
  Require(d.context_tokens <= d.model.max_context_tokens,
          "context_tokens exceeds max_context_tokens");
  const ModelSpec rank =
      RankModel(WithKvFormats(d.model, d.k_format, d.v_format),
                d.tensor_parallel);
  MemoryBreakdown b;
  b.weights_bytes =
      CeilDiv(ModelWeightBytes(d.model, d.weights), d.tensor_parallel);
  const KvBytes kv =
      ModelKvCacheBytes(rank, d.context_tokens, d.batch_size,
                        d.with_image ? d.model.cross_attention_tokens : 0);
  b.kv_k_bytes = kv.k_bytes;
  b.kv_v_bytes = kv.v_bytes;
  const std::uint64_t queries =
      d.prefill_chunk_tokens == 0
          ? d.context_tokens
          : std::min(d.prefill_chunk_tokens, d.context_tokens);
  b.working_bytes =
      AttentionWorkingBytes(rank.attention, d.kernel, d.score_format, queries,
                            d.context_tokens, d.batch_size);
  b.overhead_bytes = d.runtime_overhead_bytes;
  return b;
}

namespace internal {

// The largest n in [1, limit] for which the monotone `fits` holds
// (LargestFitting of kvmodel/capacity.h), or nullopt when 1 does not fit.
template <typename Fits>
constexpr std::optional<std::uint64_t> LargestFittingOrNone(std::uint64_t limit,
                                                            Fits fits) {
  const std::uint64_t n = LargestFitting(limit, fits);
  return n == 0 ? std::nullopt : std::optional<std::uint64_t>(n);
}

}  // namespace internal

// LongestContext() is the most context tokens per sequence (up to the model's
// max_context_tokens) whose total fits `budget_bytes`, or nullopt.
constexpr std::optional<std::uint64_t> LongestContext(Deployment d,
                                                      std::uint64_t budget_bytes) {
  return internal::LargestFittingOrNone(
      d.model.max_context_tokens, [&](std::uint64_t tokens) {
        d.context_tokens = tokens;
        return Memory(d).total_bytes() <= budget_bytes;
      });
}

// LargestBatch() is the most sequences (up to `limit`) of d.context_tokens
// whose total fits `budget_bytes`, or nullopt.
constexpr std::optional<std::uint64_t> LargestBatch(
    Deployment d, std::uint64_t budget_bytes,
    std::uint64_t limit = std::uint64_t{1} << 32) {
  // Everything but weights and overhead grows linearly with the batch, so no
  // batch above budget / (one sequence's share) + 1 can fit; searching only
  // up to there keeps every total the search computes from overflowing.
  d.batch_size = 1;
  const MemoryBreakdown one = Memory(d);
  const std::uint64_t per_sequence = CheckedAdd(one.kv_bytes(), one.working_bytes);
  if (per_sequence > 0) limit = std::min(limit, budget_bytes / per_sequence + 1);
  return internal::LargestFittingOrNone(limit, [&](std::uint64_t batch) {
    d.batch_size = batch;
    return Memory(d).total_bytes() <= budget_bytes;
  });
}

}  // namespace kvmodel

#endif  // KVMODEL_DEPLOYMENT_H_
