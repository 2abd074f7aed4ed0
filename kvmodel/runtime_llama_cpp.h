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
//               (each layer its own heads and sizes; with -fa off, V is
//               stored transposed and every V row is the widest layer's)
//   indexer     sparse attention (DeepSeek-V3.2): a second cache beside
//               the latent, one K row of the indexer head per layer-cell
//   recurrent   max(1, n_seq_max) cells of every recurrent layer's conv (R)
//               and state (S) values in f32 (llama_memory_recurrent), beside
//               the KV cache of the attention layers of a hybrid
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
// Chunked layers (Llama 4) use the sliding-window cache with n_swa = 8192.
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

// LlamaCppEra is the llama.cpp source a rule follows: kCurrent is
// kLlamaCppEra; kMlaWithV the builds before PR #19067 (January 2026), whose
// MLA caches also store a V row of kv_lora_rank values per layer-cell (record
// L11: DeepSeek-V3 at 16,384 cells, V 976.00 MiB). Builds before PR #16812
// (late 2025) also padded n_ctx to 32 cells with flash attention off, which
// is not modelled: kMlaWithV takes flash attention on only.
enum class LlamaCppEra : std::uint8_t { kMlaWithV, kCurrent };

constexpr std::string_view LlamaCppEraSource(LlamaCppEra era) {
  if (era == LlamaCppEra::kCurrent) return kLlamaCppEra;
  return "llama.cpp before PR #19067 (January 2026): MLA caches store K and a "
         "V row of kv_lora_rank values; flash attention on only";
}

// kLlamaCppMaxSequences is LLAMA_MAX_SEQ (src/llama-cparams.h).
inline constexpr std::uint32_t kLlamaCppMaxSequences = 256;

// kLlamaCppPadding is the cell padding of n_ctx and of the SWA cache.
inline constexpr std::uint64_t kLlamaCppPadding = 256;

// kLlamaCppChunk is the chunk of chunked attention: llama.cpp's Llama 4
// loader sets n_swa = 8192 whatever the model's attention_chunk_size
// (src/models/llama4.cpp), as Llama 4's published configs have it.
inline constexpr std::uint64_t kLlamaCppChunk = 8192;

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
  LlamaCppEra era = LlamaCppEra::kCurrent;
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

// LlamaCppRecurrent is llama.cpp's recurrent state, as its
// "llama_memory_recurrent: size = ..." line reports it: one cell of every
// recurrent layer's conv (R) and SSM (S) state per sequence, in f32.
struct LlamaCppRecurrent {
  std::uint64_t cells = 0;             // max(1, n_seq_max)
  std::uint32_t model_layers = 0;      // the line's "layers": all layers
  std::uint32_t recurrent_layers = 0;  // zero: no recurrent memory
  std::uint64_t r_bytes = 0;
  std::uint64_t s_bytes = 0;

  constexpr std::uint64_t total_bytes() const {
    return CheckedAdd(r_bytes, s_bytes);
  }
};

// LlamaCppAllocation is everything llama.cpp allocates for the model's
// memory: the KV caches and the recurrent state.
struct LlamaCppAllocation {
  LlamaCppCache base;  // full-attention layers (all layers of most models)
  LlamaCppCache swa;   // sliding-window layers; layers == 0 when none
  LlamaCppCache indexer;  // DeepSeek-V3.2's indexer keys; layers == 0 when none
  LlamaCppRecurrent recurrent;
  bool flash_attn_forced_on = false;  // auto turned on for a quantized V

  constexpr std::uint64_t k_bytes() const {
    return CheckedAdd(CheckedAdd(base.k_bytes, swa.k_bytes), indexer.k_bytes);
  }
  constexpr std::uint64_t v_bytes() const {
    return CheckedAdd(base.v_bytes, swa.v_bytes);
  }
  constexpr std::uint64_t total_bytes() const {
    return CheckedAdd(CheckedAdd(k_bytes(), v_bytes()),
                      recurrent.total_bytes());
  }
};

namespace internal {

// LlamaCppLayerCounts counts a model's layers as llama.cpp groups them.
struct LlamaCppLayerCounts {
  std::uint32_t full = 0;
  std::uint32_t windowed = 0;  // sliding and chunked
  std::uint32_t cross = 0;
  std::uint32_t recurrent = 0;
  std::uint64_t window = 0;    // the windowed layers' window (n_swa)
  std::uint64_t widest_v_row = 0;  // values: n_embd_v_gqa_max
};

constexpr LlamaCppLayerCounts CountLlamaCppLayers(const ModelSpec& m) {
  LlamaCppLayerCounts c;
  ForEachLayerRun(m, [&](const LayerRun& run) {
    const LayerMemory& l = run.layer;
    switch (l.kind) {
      case LayerKind::kFull: c.full += run.count; break;
      case LayerKind::kSliding:
      case LayerKind::kChunked: {
        const std::uint64_t window =
            l.kind == LayerKind::kChunked ? kLlamaCppChunk : l.window;
        Require(c.window == 0 || c.window == window,
                "llama.cpp has one sliding window per model (n_swa)");
        c.windowed += run.count;
        c.window = window;
        break;
      }
      case LayerKind::kCross: c.cross += run.count; break;
      case LayerKind::kRecurrent: c.recurrent += run.count; break;
      case LayerKind::kShared:
      case LayerKind::kNone: break;
    }
    c.widest_v_row = std::max<std::uint64_t>(
        c.widest_v_row, CheckedMul(l.num_kv_heads, l.v_head_dim));
  });
  return c;
}

}  // namespace internal

// LlamaCppUsesSwaCache() is whether llama.cpp gives `m` a separate
// sliding-window cache: only when windowed layers are mixed with full ones.
constexpr bool LlamaCppUsesSwaCache(const ModelSpec& m) {
  const internal::LlamaCppLayerCounts c = internal::CountLlamaCppLayers(m);
  return c.windowed > 0 && c.full > 0;
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

// RequireLlamaCppAcceptsHead() is the block check of one attention layer:
// with flash attention on or auto, each head must be whole blocks.
constexpr void RequireLlamaCppAcceptsHead(const ModelSpec& m,
                                          const LayerMemory& l,
                                          const LlamaCppSettings& s) {
  const std::uint32_t v_head = m.latent_attention() ? m.kv_lora_rank : l.v_head_dim;
  Require(l.k_head_dim % Info(s.type_k).block_elements == 0,
          "llama.cpp refuses a K cache type whose block does not divide the "
          "K head size with flash attention on (it stops with \"does not "
          "divide n_embd_head_k\")");
  Require(v_head % Info(s.type_v).block_elements == 0,
          "llama.cpp refuses a V cache type whose block does not divide the "
          "V head size with flash attention on (it stops with \"does not "
          "divide n_embd_head_v\")");
}

// RequireLlamaCppAccepts() stops where llama_init_from_model refuses.
constexpr void RequireLlamaCppAccepts(const ModelSpec& m,
                                      const LlamaCppLayerCounts& counts,
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
  Require(counts.cross == 0,
          "llama.cpp has no cross-attention (vision) KV cache");
  Require(!m.latent_attention() || s.type_k == s.type_v,
          "llama.cpp refuses different K and V cache types for a latent "
          "attention (MLA) model (it stops with \"model does not support "
          "different K\")");
  Require(!Quantized(s.type_v) || s.flash_attn != FlashAttention::kOff,
          "llama.cpp refuses a quantized V cache without flash attention "
          "(it stops with \"quantized V cache requires flash_attn\")");
  Require(s.era == LlamaCppEra::kCurrent || s.flash_attn == FlashAttention::kOn,
          "kvtables models llama.cpp before PR #19067 with flash attention on "
          "only (older builds padded the cache otherwise without it)");
  if (s.flash_attn == FlashAttention::kOff) return;
  ForEachLayerRun(m, [&](const LayerRun& run) {
    if (run.layer.attends()) RequireLlamaCppAcceptsHead(m, run.layer, s);
  });
}

// LlamaCppCacheRows are the K and V bytes per cell of one layer.
struct LlamaCppCacheRows {
  std::uint64_t k = 0;
  std::uint64_t v = 0;
};

// LlamaCppRows() is a layer's rows: K of its own width; V of its own width
// with flash attention, else (V stored transposed) of the widest layer's
// (llama-kv-cache.cpp, TAG_V_CACHE_VARIABLE); for MLA no V (PR #19067), or
// before it a V row of kv_lora_rank values.
constexpr LlamaCppCacheRows LlamaCppRows(const ModelSpec& m,
                                         const LlamaCppSettings& s,
                                         const LayerMemory& l,
                                         std::uint64_t widest_v_row) {
  const std::uint64_t k = StorageBytes(s.type_k, CheckedMul(l.num_kv_heads, l.k_head_dim));
  if (m.latent_attention()) {
    return {k, s.era == LlamaCppEra::kMlaWithV ? StorageBytes(s.type_v, m.kv_lora_rank) : 0};
  }
  const std::uint64_t v_values = s.flash_attn == FlashAttention::kOff
                                     ? widest_v_row
                                     : CheckedMul(l.num_kv_heads, l.v_head_dim);
  return {k, StorageBytes(s.type_v, v_values)};
}

// AddLlamaCppLayers() adds `run` to `cache` of `cells_per_stream` cells.
constexpr void AddLlamaCppLayers(LlamaCppCache& cache, const ModelSpec& m,
                                 const LlamaCppSettings& s, const LayerRun& run,
                                 std::uint64_t widest_v_row) {
  const LlamaCppCacheRows rows = LlamaCppRows(m, s, run.layer, widest_v_row);
  const std::uint64_t layer_cells = CheckedMul(
      CheckedMul(cache.cells_per_stream, cache.streams), run.count);
  cache.layers += run.count;
  cache.k_bytes = CheckedAdd(cache.k_bytes, CheckedMul(rows.k, layer_cells));
  cache.v_bytes = CheckedAdd(cache.v_bytes, CheckedMul(rows.v, layer_cells));
}

// AddLlamaCppState() adds a recurrent run: R and S rows of f32 per cell.
constexpr void AddLlamaCppState(LlamaCppRecurrent& state, const LayerRun& run) {
  const std::uint64_t cells = CheckedMul(state.cells, run.count);
  state.recurrent_layers += run.count;
  state.r_bytes = CheckedAdd(
      state.r_bytes,
      CheckedMul(StorageBytes(StorageFormat::kF32, ConvStateValues(run.layer)), cells));
  state.s_bytes = CheckedAdd(
      state.s_bytes,
      CheckedMul(StorageBytes(StorageFormat::kF32, SsmStateValues(run.layer)), cells));
}

}  // namespace internal

// LlamaCppKvCache() is llama.cpp's allocation for `m` under `s`; the model's
// own K/V formats are ignored (llama.cpp's are s.type_k and s.type_v).
constexpr LlamaCppAllocation LlamaCppKvCache(const ModelSpec& model,
                                             const LlamaCppSettings& s) {
  Validate(model);
  const internal::LlamaCppLayerCounts counts = internal::CountLlamaCppLayers(model);
  internal::RequireLlamaCppAccepts(model, counts, s);
  const ModelSpec m = WithKvFormats(model, s.type_k, s.type_v);
  const bool use_swa = counts.windowed > 0 && counts.full > 0;
  LlamaCppAllocation a;
  a.flash_attn_forced_on =
      internal::Quantized(s.type_v) && s.flash_attn == FlashAttention::kAuto;
  a.base = {LlamaCppCellsPerStream(s), LlamaCppStreams(s), 0, 0, 0};
  a.swa = {use_swa ? LlamaCppSwaCellsPerStream(s, counts.window) : 0,
           LlamaCppStreams(s), 0, 0, 0};
  a.indexer = {a.base.cells_per_stream, LlamaCppStreams(s), 0, 0, 0};
  if (m.indexer_head_dim > 0) {
    // llama_kv_cache_dsa: a second cache of one K head of the indexer's
    // head size per layer (src/llama-kv-cache-dsa.cpp).
    a.indexer.layers = m.attention.num_layers;
    a.indexer.k_bytes = CheckedMul(
        StorageBytes(s.type_k, m.indexer_head_dim),
        CheckedMul(CheckedMul(a.indexer.cells_per_stream, a.indexer.streams),
                   a.indexer.layers));
  }
  a.recurrent = {std::max<std::uint64_t>(1, s.n_seq_max), m.attention.num_layers,
                 0, 0, 0};
  ForEachLayerRun(m, [&](const LayerRun& run) {
    const LayerKind kind = run.layer.kind;
    if (kind == LayerKind::kRecurrent) {
      internal::AddLlamaCppState(a.recurrent, run);
    } else if (run.layer.attends()) {
      const bool windowed =
          kind == LayerKind::kSliding || kind == LayerKind::kChunked;
      internal::AddLlamaCppLayers(use_swa && windowed ? a.swa : a.base, m, s,
                                  run, counts.widest_v_row);
    }
  });
  return a;
}

}  // namespace kvmodel

#endif  // KVMODEL_RUNTIME_LLAMA_CPP_H_
