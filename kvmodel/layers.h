// kvmodel/layers.h
//
// A model's decoder layers, each with the memory it keeps. Layers come in
// runs of identical layers, in order (layer 0 first), and each layer is one
// of these kinds:
//
//   full       caches K and V of every token:      tokens x row bytes
//   sliding    caches the last `window` tokens:    min(tokens, window) x row
//   chunked    attends within chunks of `window` tokens (Llama 4): at most
//              one chunk, min(tokens, window) x row
//   cross      caches the image's vision tokens (Llama 3.2 Vision)
//   recurrent  keeps a fixed state per sequence, whatever the length: a
//              rolling convolution over the last conv_kernel - 1 inputs of
//              conv_channels values (the oldest column is shifted out) and
//              a recurrent state of state_heads matrices of state_k_dim x
//              state_v_dim (Mamba 2: heads x d_state x head size; gated
//              DeltaNet: value heads x key head x value head; LFM2's short
//              convolution: no state matrices)
//   shared     reads the cache of layer `source_layer`, an earlier caching
//              layer, and keeps none of its own (Gemma 3n, Gemma 4)
//   none       keeps nothing (an MLP-only layer of Nemotron-H)
//
// An attention layer's row is num_kv_heads x (k_head_dim K values and
// v_head_dim V values) in the model's K and V formats, so layers may differ
// in KV heads and head sizes (Gemma 4's global layers: 4 KV heads of 512
// where its sliding layers have 8 of 256).
//
// Worked example (granite-4.0-h-micro: 4 attention layers of 8 KV heads x
// 64 among 40, the other 36 Mamba 2 layers with a kernel of 4 over 4,096 +
// 2 x 128 = 4,352 channels, 13,056 values, and 64 heads of 128 x 64 =
// 524,288 state values): in f32 the state is 36 x 537,344 x 4 = 77,377,536
// bytes per sequence (73.79 MiB, as llama.cpp logs it), and in bf16 each
// token adds 4 x 8 x 64 x 2 x 2 = 8,192 bytes.

#ifndef KVMODEL_LAYERS_H_
#define KVMODEL_LAYERS_H_

#include <cstdint>
#include <span>

#include "kvmodel/checked.h"
#include "kvmodel/storage_format.h"

namespace kvmodel {

// LayerKind is what a layer keeps (see the file comment).
enum class LayerKind : std::uint8_t {
  kFull,
  kSliding,
  kChunked,
  kCross,
  kRecurrent,
  kShared,
  kNone,
};

// LayerMemory is one layer's memory geometry; fields a kind does not use
// stay zero.
struct LayerMemory {
  LayerKind kind = LayerKind::kFull;
  std::uint32_t num_kv_heads = 0;  // full, sliding, chunked, cross
  std::uint32_t k_head_dim = 0;
  std::uint32_t v_head_dim = 0;
  std::uint32_t window = 0;        // sliding: window; chunked: chunk
  std::uint32_t conv_kernel = 0;   // recurrent (see the file comment)
  std::uint32_t conv_channels = 0;
  std::uint32_t state_heads = 0;
  std::uint32_t state_k_dim = 0;
  std::uint32_t state_v_dim = 0;
  std::uint32_t source_layer = 0;  // shared: the layer whose cache it reads

  constexpr bool attends() const {
    return kind == LayerKind::kFull || kind == LayerKind::kSliding ||
           kind == LayerKind::kChunked || kind == LayerKind::kCross;
  }
  friend constexpr bool operator==(const LayerMemory&,
                                   const LayerMemory&) = default;
};

// LayerRun is `count` consecutive identical layers.
struct LayerRun {
  std::uint32_t count = 0;
  LayerMemory layer;
};

// LayerCount() is the number of layers in `runs`.
constexpr std::uint64_t LayerCount(std::span<const LayerRun> runs) {
  std::uint64_t n = 0;
  for (const LayerRun& run : runs) n = CheckedAdd(n, run.count);
  return n;
}

// LayerAt() is layer `index` of `runs` (which must hold it).
constexpr const LayerMemory& LayerAt(std::span<const LayerRun> runs,
                                     std::uint64_t index) {
  for (const LayerRun& run : runs) {
    if (index < run.count) return run.layer;
    index -= run.count;
  }
  Require(false, "layer index past the last layer");
  return runs.front().layer;
}

// ConvStateValues() and SsmStateValues() are a recurrent layer's state per
// sequence: (conv_kernel - 1) x conv_channels, and heads x k x v.
constexpr std::uint64_t ConvStateValues(const LayerMemory& l) {
  return l.conv_kernel == 0 ? 0 : CheckedMul(l.conv_kernel - 1, l.conv_channels);
}
constexpr std::uint64_t SsmStateValues(const LayerMemory& l) {
  return CheckedMul(CheckedMul(l.state_heads, l.state_k_dim), l.state_v_dim);
}
constexpr std::uint64_t RecurrentStateValues(const LayerMemory& l) {
  return CheckedAdd(ConvStateValues(l), SsmStateValues(l));
}

// Validate() rejects a layer no model can have, given the cache formats
// (a head must be a whole number of the format's blocks).
constexpr void Validate(const LayerMemory& l, StorageFormat k_format,
                        StorageFormat v_format) {
  if (l.attends()) {
    Require(l.num_kv_heads > 0, "an attention layer needs KV heads");
    Require(l.k_head_dim > 0, "an attention layer needs a K head size");
    Require(l.k_head_dim % Info(k_format).block_elements == 0,
            "k_head_dim must be a whole number of k_format blocks");
    Require(l.v_head_dim % Info(v_format).block_elements == 0,
            "v_head_dim must be a whole number of v_format blocks");
  } else {
    Require(l.num_kv_heads == 0 && l.k_head_dim == 0 && l.v_head_dim == 0,
            "only attention layers have KV heads");
  }
  const bool windowed =
      l.kind == LayerKind::kSliding || l.kind == LayerKind::kChunked;
  Require(windowed == (l.window > 0),
          "sliding and chunked layers need a window, other layers none");
  const bool recurrent = l.kind == LayerKind::kRecurrent;
  Require(recurrent == (RecurrentStateValues(l) > 0),
          "a recurrent layer needs a state, other layers none");
  Require(recurrent || (l.conv_kernel == 0 && l.conv_channels == 0 &&
                        l.state_heads == 0 && l.state_k_dim == 0 &&
                        l.state_v_dim == 0),
          "only recurrent layers have state dimensions");
  Require(l.kind == LayerKind::kShared || l.source_layer == 0,
          "only a shared layer names a source layer");
}

// ValidateLayers() checks every run and that each shared layer reads an
// earlier layer that keeps a cache of its own.
constexpr void ValidateLayers(std::span<const LayerRun> runs,
                              StorageFormat k_format, StorageFormat v_format) {
  Require(!runs.empty(), "a model needs layers");
  std::uint64_t index = 0;
  for (const LayerRun& run : runs) {
    Require(run.count > 0, "a run of layers must not be empty");
    Validate(run.layer, k_format, v_format);
    if (run.layer.kind == LayerKind::kShared) {
      Require(run.layer.source_layer < index,
              "a shared layer must read an earlier layer's cache");
      Require(LayerAt(runs, run.layer.source_layer).attends(),
              "a shared layer must read a layer that caches K and V");
    }
    index = CheckedAdd(index, run.count);
  }
}

// KRowBytes() and VRowBytes() are one attention layer's bytes per token.
constexpr std::uint64_t KRowBytes(const LayerMemory& l, StorageFormat f) {
  return CheckedMul(l.num_kv_heads, StorageBytes(f, l.k_head_dim));
}
constexpr std::uint64_t VRowBytes(const LayerMemory& l, StorageFormat f) {
  return CheckedMul(l.num_kv_heads, StorageBytes(f, l.v_head_dim));
}

namespace internal {
constexpr LayerMemory kMamba2{LayerKind::kRecurrent, 0, 0, 0, 0, 4, 4'352, 64, 128, 64, 0};
constexpr LayerMemory kGraniteAttention{LayerKind::kFull, 8, 64, 64, 0, 0, 0, 0, 0, 0, 0};
inline constexpr LayerRun kGraniteMicroLayers[] = {
    {5, kMamba2}, {1, kGraniteAttention}, {9, kMamba2}, {1, kGraniteAttention},
    {9, kMamba2}, {1, kGraniteAttention}, {9, kMamba2}, {1, kGraniteAttention},
    {4, kMamba2},
};
}  // namespace internal
static_assert(LayerCount(internal::kGraniteMicroLayers) == 40);
static_assert(36 * StorageBytes(StorageFormat::kF32,
                                RecurrentStateValues(LayerAt(
                                    internal::kGraniteMicroLayers, 0))) ==
              77'377'536);
static_assert(ConvStateValues(internal::kMamba2) == 13'056);
static_assert(SsmStateValues(internal::kMamba2) == 524'288);
static_assert(4 * (KRowBytes(LayerAt(internal::kGraniteMicroLayers, 5),
                             StorageFormat::kBF16) +
                   VRowBytes(LayerAt(internal::kGraniteMicroLayers, 5),
                             StorageFormat::kBF16)) ==
              8'192);

}  // namespace kvmodel

#endif  // KVMODEL_LAYERS_H_
