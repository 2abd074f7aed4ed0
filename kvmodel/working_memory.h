// kvmodel/working_memory.h
//
// Attention working memory: what attention needs beyond the KV cache while it
// runs. The KV cache does not depend on the attention kernel; this does.
//
//   eager ("normal") attention materializes the score matrix of one layer,
//     batch * query_heads * query_tokens * key_tokens * score_bytes,
//     with score_bytes the compute format's size (2 for bf16);
//   flash attention keeps its score tiles in on-chip memory and writes only
//     the softmax statistics (one fp32 log-sum-exp per query row) to device
//     memory: batch * query_heads * query_tokens * 4.
//
// Layers run one after another, so one layer's working memory is alive at a
// time. A workload's prefill runs prompt x prompt; each decode step runs one
// query against the whole cache. The peak of KV cache + working memory is the
// larger of the two phases:
//
//   prefill: KV(prompt)     + W(query = prompt, keys = prompt)
//   decode:  KV(prompt + K) + W(query = 1,      keys = prompt + K)
//
// per sequence, times the batch.
//
// Worked example: 32 query heads, a 1,000-token prompt, bf16 scores: eager
// prefill holds 32 * 1,000 * 1,000 * 2 = 64,000,000 bytes; flash holds
// 32 * 1,000 * 4 = 128,000 bytes.
//
// (Sliding-window layers are counted like full ones here: an eager kernel
// computes the whole score matrix and masks it.)

#ifndef KVMODEL_WORKING_MEMORY_H_
#define KVMODEL_WORKING_MEMORY_H_

#include <algorithm>
#include <cstdint>

#include "kvmodel/attention.h"
#include "kvmodel/checked.h"
#include "kvmodel/kv_cache.h"
#include "kvmodel/model.h"
#include "kvmodel/storage_format.h"

namespace kvmodel {

// AttentionKernel is how attention computes its scores.
enum class AttentionKernel : std::uint8_t {
  kEager,  // "normal": the full score matrix in device memory
  kFlash,  // tiled: only per-row softmax statistics in device memory
};

// kFlashStatisticBytes: one fp32 log-sum-exp per query row and head.
inline constexpr std::uint64_t kFlashStatisticBytes = 4;

// AttentionWorkingBytes() is one layer's working memory for `batch_size`
// sequences of `query_tokens` attending to `key_tokens`.
constexpr std::uint64_t AttentionWorkingBytes(const AttentionGeometry& g,
                                              AttentionKernel kernel,
                                              StorageFormat score_format,
                                              std::uint64_t query_tokens,
                                              std::uint64_t key_tokens,
                                              std::uint64_t batch_size) {
  Validate(g);
  const std::uint64_t rows =
      CheckedMul(CheckedMul(batch_size, g.num_query_heads), query_tokens);
  if (kernel == AttentionKernel::kFlash) {
    return CheckedMul(rows, kFlashStatisticBytes);
  }
  return CheckedMul(rows, StorageBytes(score_format, key_tokens));
}

// WorkingPeak is a workload's attention working memory and its peak.
struct WorkingPeak {
  std::uint64_t prefill_working_bytes = 0;  // one layer, during the prefill
  std::uint64_t peak_bytes = 0;             // KV + working, worse phase
};

// PeakMemory() is the peak of KV cache + one layer's working memory over the
// workload's prefill and its last decode step, for a model whose
// cross-attention layers hold `cross_tokens` vision tokens. A layer's keys are
// the sequence for self-attention and the vision tokens for
// cross-attention; the larger counts.
constexpr WorkingPeak PeakMemory(const ModelSpec& m, AttentionKernel kernel,
                                 StorageFormat score_format, const Workload& w,
                                 std::uint64_t cross_tokens = 0) {
  const std::uint64_t end = PeakTokens(w);
  const auto working = [&](std::uint64_t queries, std::uint64_t keys) {
    if (m.cross_attention_layers > 0) keys = std::max(keys, cross_tokens);
    return AttentionWorkingBytes(m.attention, kernel, score_format, queries,
                                 keys, w.batch_size);
  };
  WorkingPeak result;
  result.prefill_working_bytes = working(w.prompt_tokens, w.prompt_tokens);
  const std::uint64_t prefill = CheckedAdd(
      ModelKvCacheBytes(m, w.prompt_tokens, w.batch_size, cross_tokens).total(),
      result.prefill_working_bytes);
  const std::uint64_t decode = CheckedAdd(
      ModelKvCacheBytes(m, end, w.batch_size, cross_tokens).total(),
      working(1, end));
  result.peak_bytes = std::max(prefill, decode);
  return result;
}

}  // namespace kvmodel

#endif  // KVMODEL_WORKING_MEMORY_H_
