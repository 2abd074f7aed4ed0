// kvmodel/kv_cache.h
//
// The KV cache of a workload. A workload is `batch_size` sequences, each a
// prompt of `prompt_tokens` followed by a decode horizon of `decode_steps`
// generated tokens. Two figures matter:
//
//   peak occupancy  the cache at the end of the horizon, prompt + K tokens per
//                   sequence: what an arena must hold;
//   mean occupancy  the cache averaged over the decode steps k = 0 .. K-1,
//                   where step k reads a cache of prompt + k tokens per
//                   sequence: prompt + (K - 1) / 2 tokens on average.
//
//   PeakKvCacheBytes = batch * KvBytesPerToken * (prompt + K)
//   MeanKvCacheBytes = batch * KvBytesPerToken * (prompt + (K - 1) / 2)
//
// The mean may be a fraction of a byte, so it is an exact ByteFraction. With
// no decode steps both figures are the prompt's cache.
//
// Worked example (the tutorial seed): 524,288 bytes per token for a 4,096
// token context is 2 GiB per sequence; a batch of 8 is 16 GiB.

#ifndef KVMODEL_KV_CACHE_H_
#define KVMODEL_KV_CACHE_H_

#include <cstdint>

#include "kvmodel/attention.h"
#include "kvmodel/checked.h"
#include "kvmodel/units.h"

namespace kvmodel {

// Workload is what a deployment runs at once.
struct Workload {
  std::uint64_t prompt_tokens = 0;
  std::uint64_t decode_steps = 0;
  std::uint64_t batch_size = 1;
};

// Validate() rejects a workload with nothing in it.
constexpr void Validate(const Workload& w) {
  Require(w.batch_size > 0, "batch_size must be positive");
  Require(CheckedAdd(w.prompt_tokens, w.decode_steps) > 0,
          "a workload needs at least one token");
}

// PeakTokens() is the tokens per sequence at the end of the horizon.
constexpr std::uint64_t PeakTokens(const Workload& w) {
  Validate(w);
  return CheckedAdd(w.prompt_tokens, w.decode_steps);
}

// MeanTokens() is the tokens per sequence averaged over the decode steps,
// exactly: (2 * prompt + K - 1) / 2, or the prompt when K is zero.
constexpr ByteFraction MeanTokens(const Workload& w) {
  Validate(w);
  if (w.decode_steps == 0) return {w.prompt_tokens, 1};
  return {CheckedAdd(CheckedMul(2, w.prompt_tokens), w.decode_steps - 1), 2};
}

// KvBytes is a KV cache size with its key and value parts, and the
// recurrent state of models that keep one (kvmodel/layers.h).
struct KvBytes {
  std::uint64_t k_bytes = 0;
  std::uint64_t v_bytes = 0;
  std::uint64_t state_bytes = 0;

  constexpr std::uint64_t total() const {
    return CheckedAdd(CheckedAdd(k_bytes, v_bytes), state_bytes);
  }
  friend constexpr bool operator==(const KvBytes&, const KvBytes&) = default;
};

// KvCacheBytes() is the cache of `batch_size` sequences of `tokens` each.
constexpr KvBytes KvCacheBytes(const AttentionGeometry& g, std::uint64_t tokens,
                               std::uint64_t batch_size = 1) {
  const std::uint64_t cells = CheckedMul(tokens, batch_size);
  return {CheckedMul(KBytesPerToken(g), cells),
          CheckedMul(VBytesPerToken(g), cells), 0};
}

// PeakKvCacheBytes() is the cache at the end of the workload's horizon.
constexpr KvBytes PeakKvCacheBytes(const AttentionGeometry& g,
                                   const Workload& w) {
  return KvCacheBytes(g, PeakTokens(w), w.batch_size);
}

// MeanKvCacheBytes() is the cache averaged over the horizon, exactly.
constexpr ByteFraction MeanKvCacheBytes(const AttentionGeometry& g,
                                        const Workload& w) {
  const ByteFraction tokens = MeanTokens(w);
  const std::uint64_t per_sequence = KvCacheBytes(g, 1, w.batch_size).total();
  return {CheckedMul(per_sequence, tokens.numerator), tokens.denominator};
}

}  // namespace kvmodel

#endif  // KVMODEL_KV_CACHE_H_
