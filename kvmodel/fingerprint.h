// kvmodel/fingerprint.h
//
// A 64-bit fingerprint of model parameters, so that a deployer can check at
// build time that a generated table matches the model it ships. The
// fingerprint is FNV-1a (64-bit) over a canonical byte sequence: each integer
// parameter as 8 little-endian bytes, each name as its bytes followed by its
// length, in a fixed order that each Fingerprint() overload documents.
//
// Worked example: FNV-1a of no bytes is the offset basis
// 0xcbf29ce484222325; of the single byte 'a' it is 0xaf63dc4c8601ec8c.

#ifndef KVMODEL_FINGERPRINT_H_
#define KVMODEL_FINGERPRINT_H_

#include <cstdint>
#include <string_view>

#include "kvmodel/attention.h"
#include "kvmodel/crop_table.h"
#include "kvmodel/model.h"
#include "kvmodel/vision_layout.h"

namespace kvmodel {

// Fnv1a accumulates the FNV-1a hash of a byte sequence.
class Fnv1a {
 public:
  static constexpr std::uint64_t kOffsetBasis = 0xcbf29ce484222325;
  static constexpr std::uint64_t kPrime = 0x100000001b3;

  constexpr Fnv1a& Byte(std::uint8_t byte) {
    hash_ = (hash_ ^ byte) * kPrime;
    return *this;
  }
  constexpr Fnv1a& Integer(std::uint64_t value) {
    for (int i = 0; i < 8; ++i) Byte(static_cast<std::uint8_t>(value >> (8 * i)));
    return *this;
  }
  constexpr Fnv1a& Text(std::string_view text) {
    for (char c : text) Byte(static_cast<std::uint8_t>(c));
    return Integer(text.size());
  }
  constexpr std::uint64_t hash() const { return hash_; }

 private:
  std::uint64_t hash_ = kOffsetBasis;
};

// Fingerprint() of a geometry: layers, query heads, KV heads, K head size,
// V head size, K format, V format.
constexpr Fnv1a& Fingerprint(Fnv1a& h, const AttentionGeometry& g) {
  return h.Integer(g.num_layers)
      .Integer(g.num_query_heads)
      .Integer(g.num_kv_heads)
      .Integer(g.k_head_dim)
      .Integer(g.v_head_dim)
      .Integer(static_cast<std::uint64_t>(g.k_format))
      .Integer(static_cast<std::uint64_t>(g.v_format));
}

// Fingerprint() of a model: name, geometry, sliding layers and window,
// cross-attention layers and tokens, no-cache layers, kv_lora_rank,
// qk_rope_head_dim, parameters (total, active), max context.
constexpr Fnv1a& Fingerprint(Fnv1a& h, const ModelSpec& m) {
  h.Text(m.name);
  Fingerprint(h, m.attention);
  return h.Integer(m.sliding_window_layers)
      .Integer(m.sliding_window_tokens)
      .Integer(m.cross_attention_layers)
      .Integer(m.cross_attention_tokens)
      .Integer(m.no_cache_layers)
      .Integer(m.kv_lora_rank)
      .Integer(m.qk_rope_head_dim)
      .Integer(m.parameters_total)
      .Integer(m.parameters_active)
      .Integer(m.max_context_tokens);
}

// Fingerprint() of a layout: its kind, then its fields in declaration order.
constexpr Fnv1a& Fingerprint(Fnv1a& h, const TiledNewlineLayout& layout) {
  return h.Text("tiled_newline")
      .Integer(layout.global_rows)
      .Integer(layout.global_cols)
      .Integer(layout.global_row_newline)
      .Integer(layout.view_separator_tokens)
      .Integer(layout.crop_rows)
      .Integer(layout.crop_cols)
      .Integer(layout.crop_row_newline);
}

constexpr Fnv1a& Fingerprint(Fnv1a& h, const PerTileLayout& layout) {
  return h.Text("per_tile")
      .Integer(layout.tokens_per_tile)
      .Integer(layout.tile_extra_tokens)
      .Integer(layout.row_extra_tokens)
      .Integer(layout.global_tokens)
      .Integer(layout.global_only_when_tiled)
      .Integer(layout.wrapper_tokens);
}

constexpr Fnv1a& Fingerprint(Fnv1a& h, const FixedLayout& layout) {
  return h.Text("fixed").Integer(layout.tokens);
}

constexpr Fnv1a& Fingerprint(Fnv1a& h, const CrossAttentionLayout& layout) {
  return h.Text("cross_attention")
      .Integer(layout.tokens_per_tile)
      .Integer(layout.sequence_tokens)
      .Integer(layout.max_tiles);
}

// Fingerprint() of a crop-table spec: name, text model, layout, score
// format, text tokens, decode steps, batch size, grid range (min, max,
// orientations, max side).
template <typename Layout>
constexpr std::uint64_t Fingerprint(const CropTableSpec<Layout>& spec) {
  Fnv1a h;
  h.Text(spec.name);
  Fingerprint(h, spec.text_model);
  Fingerprint(h, spec.layout);
  return h.Integer(static_cast<std::uint64_t>(spec.score_format))
      .Integer(spec.text_tokens)
      .Integer(spec.decode_steps)
      .Integer(spec.batch_size)
      .Integer(spec.grids.min_crops)
      .Integer(spec.grids.max_crops)
      .Integer(static_cast<std::uint64_t>(spec.grids.orientations))
      .Integer(spec.grids.max_side)
      .hash();
}

}  // namespace kvmodel

#endif  // KVMODEL_FINGERPRINT_H_
