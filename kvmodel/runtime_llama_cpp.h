// kvmodel/runtime_llama_cpp.h
//
// How llama.cpp allocates a model's KV cache, to the byte. llama.cpp does not
// allocate "tokens x bytes per token": it allocates cells, padded, per stream,
// in one cache for full-attention layers and (for models that interleave
// sliding-window and full layers) a second, smaller one for the sliding
// layers. The era modelled is kLlamaCppEra; its rules:
//
//   n_ctx       = -c rounded up to a multiple of 256
//   unified     cells per stream = n_ctx,                        1 stream
//   otherwise   cells per stream = PAD(n_ctx / n_seq_max, 256),  n_seq_max streams
//   n_ubatch    = min(-ub, min(-c, -b))  (the logical batch caps the micro-batch)
//   SWA layers  cells per stream = PAD(min(cells, n_swa * (unified ? n_seq_max
//               : 1) + n_ubatch), 256), or `cells` with --swa-full
//   per layer   K bytes = row(type_k, n_head_kv * head_k) * cells * streams
//               V bytes = row(type_v, n_head_kv * head_v) * cells * streams
//
// where row(t, n) is n values in t's blocks (q8_0: 34 bytes per 32 values,
// kvmodel/storage_format.h). Multi-head latent attention (DeepSeek-V2/V3)
// caches one K row of kv_lora_rank + qk_rope_head_dim = 576 values per layer
// and no V (the V-less cache of PR #19067). llama.cpp refuses, and so does
// this model (an InvalidModel error saying so):
//   - a quantized V cache with flash attention off (auto turns it on);
//   - with flash attention on or auto, a quantized K (or V) whose head size
//     is not a whole number of the type's blocks (with it off, only the
//     row of all KV heads must be whole blocks: q8_0 K at head 80 works);
//   - MLA with different K and V cache types;
//   - more than 256 sequences (LLAMA_MAX_SEQ).
//
// llama.cpp uses the sliding-window cache only for architectures that mix
// sliding and full layers (Gemma 2/3, gpt-oss, ...). A model whose every layer
// slides (Mistral 7B v0.1, Phi-3) gets full caches there: llama.cpp's llama
// architecture has no sliding window and its Phi-3 loader says "Phi SWA is
// currently disabled" (a Phi-3-mini log prints n_swa = 0).
//
// Worked example (gpt-oss-20b, 12 full + 12 sliding layers of 8 KV heads x 64,
// window 128, f16, -c 131072, one sequence, n_ubatch 512): full cache 131,072
// cells x 12 layers x 2 x 1,024 bytes = 3,072 MiB; sliding cache
// PAD(min(131072, 128 + 512), 256) = 768 cells, 768 x 12 x 2 x 1,024 bytes =
// 18 MiB: what llama.cpp printed (tests/runtime_logs_test.cc, record L3).

#ifndef KVMODEL_RUNTIME_LLAMA_CPP_H_
#define KVMODEL_RUNTIME_LLAMA_CPP_H_

#include <algorithm>
#include <cstdint>
#include <string_view>

#include "kvmodel/checked.h"
#include "kvmodel/model.h"
#include "kvmodel/storage_format.h"

namespace kvmodel {

// kLlamaCppEra names the llama.cpp source whose rules this header follows.
// Older eras padded n_ctx to 32 without flash attention (before PR #16812)
// and stored a 512-value V row for MLA models (before PR #19067); logs from
// those eras reproduce only where the rules agree (see runtime_logs_test.cc).
inline constexpr std::string_view kLlamaCppEra =
    "llama.cpp 80fb11ac (2026-09-12, the source of node-llama-cpp 3.21.1's "
    "prebuilt libllama, checked by the oracle in oracle/); includes PR #16812 "
    "(n_ctx padded to 256 per stream) and PR #19067 (MLA caches K only)";

// kLlamaCppMaxSequences is LLAMA_MAX_SEQ (src/llama-cparams.h).
inline constexpr std::uint32_t kLlamaCppMaxSequences = 256;

// kLlamaCppPadding is the cell padding of n_ctx and of the SWA cache.
inline constexpr std::uint64_t kLlamaCppPadding = 256;

// FlashAttention is llama.cpp's --flash-attn setting.
enum class FlashAttention : std::uint8_t { kAuto, kOn, kOff };

// LlamaCppSettings are the llama.cpp options that size the cache.
struct LlamaCppSettings {
  std::uint64_t n_ctx = 0;       // -c: cells for all sequences together
  std::uint32_t n_seq_max = 1;   // --parallel
  bool kv_unified = false;       // -kvu: one stream shared by all sequences
  std::uint32_t n_batch = 2048;  // -b: the logical batch
  std::uint32_t n_ubatch = 512;  // -ub
  FlashAttention flash_attn = FlashAttention::kAuto;
  bool swa_full = false;  // --swa-full
  StorageFormat type_k = StorageFormat::kF16;  // -ctk
  StorageFormat type_v = StorageFormat::kF16;  // -ctv
};

// LlamaCppCache is one of llama.cpp's caches (the full-attention one or the
// sliding-window one), as its "llama_kv_cache: size = ..." line reports it.
struct LlamaCppCache {
  std::uint64_t cells_per_stream = 0;  // the line's "cells"
  std::uint32_t streams = 0;           // the n in "a/n seqs"
  std::uint32_t layers = 0;
  std::uint64_t k_bytes = 0;
  std::uint64_t v_bytes = 0;

  constexpr std::uint64_t total_bytes() const {
    return CheckedAdd(k_bytes, v_bytes);
  }
};

// LlamaCppAllocation is everything llama.cpp allocates for the KV cache.
struct LlamaCppAllocation {
  LlamaCppCache base;  // full-attention layers (all layers of most models)
  LlamaCppCache swa;   // sliding-window layers; layers == 0 when none
  bool flash_attn_forced_on = false;  // auto turned on for a quantized V

  constexpr std::uint64_t k_bytes() const {
    return CheckedAdd(base.k_bytes, swa.k_bytes);
  }
  constexpr std::uint64_t v_bytes() const {
    return CheckedAdd(base.v_bytes, swa.v_bytes);
  }
  constexpr std::uint64_t total_bytes() const {
    return CheckedAdd(k_bytes(), v_bytes());
  }
};

// LlamaCppUsesSwaCache() is whether llama.cpp gives `m` a separate
// sliding-window cache: only when sliding layers are mixed with full ones.
constexpr bool LlamaCppUsesSwaCache(const ModelSpec& m) {
  return m.sliding_window_layers > 0 && m.full_attention_layers() > 0;
}

// LlamaCppCellsPerStream() is the cells of each stream of the full cache.
constexpr std::uint64_t LlamaCppCellsPerStream(const LlamaCppSettings& s) {
  Require(s.n_ctx > 0, "context must be positive");
  Require(s.n_seq_max > 0, "llama.cpp needs at least one sequence");
  const std::uint64_t n_ctx = RoundUp(s.n_ctx, kLlamaCppPadding);
  if (s.kv_unified) return n_ctx;
  Require(n_ctx / s.n_seq_max > 0,
          "llama.cpp: n_ctx_seq == 0 (more sequences than context cells)");
  return RoundUp(n_ctx / s.n_seq_max, kLlamaCppPadding);
}

// LlamaCppStreams() is 1 for a unified cache, else one per sequence.
constexpr std::uint32_t LlamaCppStreams(const LlamaCppSettings& s) {
  return s.kv_unified ? 1 : s.n_seq_max;
}

// LlamaCppContextCells() is llama.cpp's n_ctx: all streams' cells.
constexpr std::uint64_t LlamaCppContextCells(const LlamaCppSettings& s) {
  return s.kv_unified ? LlamaCppCellsPerStream(s)
                      : CheckedMul(LlamaCppCellsPerStream(s), s.n_seq_max);
}

// LlamaCppUbatch() is the micro-batch llama.cpp runs: -ub, capped by the
// logical batch, which is capped by the requested context.
constexpr std::uint64_t LlamaCppUbatch(const LlamaCppSettings& s) {
  Require(s.n_ubatch > 0 && s.n_batch > 0, "batch and ubatch must be positive");
  return std::min<std::uint64_t>(s.n_ubatch, std::min<std::uint64_t>(s.n_ctx, s.n_batch));
}

// LlamaCppSwaCellsPerStream() is the cells of each stream of the
// sliding-window cache of a model with window `n_swa`.
constexpr std::uint64_t LlamaCppSwaCellsPerStream(const LlamaCppSettings& s,
                                                  std::uint64_t n_swa) {
  const std::uint64_t base = LlamaCppCellsPerStream(s);
  if (s.swa_full) return base;
  const std::uint64_t wanted = CheckedAdd(
      CheckedMul(n_swa, s.kv_unified ? s.n_seq_max : 1), LlamaCppUbatch(s));
  return RoundUp(std::min(base, wanted), kLlamaCppPadding);
}

namespace internal {

constexpr bool Quantized(StorageFormat f) { return Info(f).block_elements > 1; }

// RequireLlamaCppAccepts() stops where llama_init_from_model refuses.
constexpr void RequireLlamaCppAccepts(const ModelSpec& m,
                                      const LlamaCppSettings& s) {
  Require(s.n_seq_max <= kLlamaCppMaxSequences,
          "llama.cpp refuses more than 256 sequences (it stops with "
          "\"n_seq_max must be <= 256\")");
  Require(Info(s.type_k).kv_cache_type && Info(s.type_v).kv_cache_type,
          "llama.cpp cannot store a KV cache in that format");
  Require(Info(s.type_k).block_bytes != 1 || Info(s.type_k).block_elements != 1,
          "llama.cpp has no fp8 KV cache type (use f16, bf16, q8_0, ...)");
  Require(Info(s.type_v).block_bytes != 1 || Info(s.type_v).block_elements != 1,
          "llama.cpp has no fp8 KV cache type (use f16, bf16, q8_0, ...)");
  Require(m.cross_attention_layers == 0,
          "llama.cpp has no cross-attention (vision) KV cache");
  Require(!m.latent_attention() || s.type_k == s.type_v,
          "llama.cpp refuses different K and V cache types for a latent "
          "attention (MLA) model (it stops with \"model does not support "
          "different K\")");
  Require(!Quantized(s.type_v) || s.flash_attn != FlashAttention::kOff,
          "llama.cpp refuses a quantized V cache without flash attention "
          "(it stops with \"quantized V cache requires flash_attn\")");
  if (s.flash_attn == FlashAttention::kOff) return;
  const std::uint32_t v_head =
      m.latent_attention() ? m.kv_lora_rank : m.attention.v_head_dim;
  Require(m.attention.k_head_dim % Info(s.type_k).block_elements == 0,
          "llama.cpp refuses a K cache type whose block does not divide the "
          "K head size with flash attention on (it stops with \"does not "
          "divide n_embd_head_k\")");
  Require(v_head % Info(s.type_v).block_elements == 0,
          "llama.cpp refuses a V cache type whose block does not divide the "
          "V head size with flash attention on (it stops with \"does not "
          "divide n_embd_head_v\")");
}

constexpr LlamaCppCache LlamaCppCacheOf(const ModelSpec& m,
                                        const LlamaCppSettings& s,
                                        std::uint32_t layers,
                                        std::uint64_t cells_per_stream) {
  const std::uint64_t k_row = StorageBytes(
      s.type_k, CheckedMul(m.attention.num_kv_heads, m.attention.k_head_dim));
  const std::uint64_t v_row = StorageBytes(
      s.type_v, CheckedMul(m.attention.num_kv_heads, m.attention.v_head_dim));
  const std::uint32_t streams = LlamaCppStreams(s);
  const std::uint64_t layer_cells =
      CheckedMul(CheckedMul(cells_per_stream, streams), layers);
  return {cells_per_stream, streams, layers, CheckedMul(k_row, layer_cells),
          CheckedMul(v_row, layer_cells)};
}

}  // namespace internal

// LlamaCppKvCache() is llama.cpp's allocation for `m` under `s`; the model's
// own K/V formats are ignored (llama.cpp's are s.type_k and s.type_v).
constexpr LlamaCppAllocation LlamaCppKvCache(const ModelSpec& model,
                                             const LlamaCppSettings& s) {
  Validate(model.attention);
  internal::RequireLlamaCppAccepts(model, s);
  const ModelSpec m = WithKvFormats(model, s.type_k, s.type_v);
  const bool v_quantized = internal::Quantized(s.type_v);
  LlamaCppAllocation a;
  a.flash_attn_forced_on = v_quantized && s.flash_attn == FlashAttention::kAuto;
  const std::uint64_t cells = LlamaCppCellsPerStream(s);
  const std::uint32_t caching_layers =
      m.attention.num_layers - m.cross_attention_layers - m.no_cache_layers;
  if (LlamaCppUsesSwaCache(m)) {
    a.base = internal::LlamaCppCacheOf(m, s, m.full_attention_layers(), cells);
    a.swa = internal::LlamaCppCacheOf(
        m, s, m.sliding_window_layers,
        LlamaCppSwaCellsPerStream(s, m.sliding_window_tokens));
  } else {
    a.base = internal::LlamaCppCacheOf(m, s, caching_layers, cells);
    a.swa = {0, LlamaCppStreams(s), 0, 0, 0};
  }
  return a;
}

}  // namespace kvmodel

#endif  // KVMODEL_RUNTIME_LLAMA_CPP_H_
