// kvmodel/llama_cpp_log.h
//
// The memory lines llama.cpp logs, as llama.cpp prints them. Its cache line
// (src/llama-kv-cache.cpp) is
//
//   llama_kv_cache: size = %7.2f MiB (%6u cells, %3d layers, %2u/%u seqs),
//                   K (%s): %7.2f MiB, V (%s): %7.2f MiB
//
// and its recurrent-state line (src/llama-memory-recurrent.cpp), with
// n_rs_seq = 0 (no snapshots for rollback) and no PLE row (P):
//
//   llama_memory_recurrent: size = %7.2f MiB (%6u cells, %3d layers,
//                   %2u seqs %2u rs_seq), R (f32): %7.2f MiB,
//                   S (f32): %7.2f MiB, P (f32): %7.2f MiB
//
// where each MiB figure is `(float)bytes / (1024.0f * 1024.0f)`: the byte
// count is first rounded to a float (24 significant bits, ties to even),
// then printed with %.2f, which rounds the exact binary value to two places
// (an exact tie goes to even). So
//
//   printed = round2(round24(bytes) / 2^20)
//
// Worked example: 421,134,336 bytes (401.625 MiB exactly, a float) is a
// tie and prints 401.62; 3,221,225,472 bytes prints 3072.00.

#ifndef KVMODEL_LLAMA_CPP_LOG_H_
#define KVMODEL_LLAMA_CPP_LOG_H_

#include <bit>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "kvmodel/runtime_llama_cpp.h"
#include "kvmodel/storage_format.h"

namespace kvmodel {

// FloatRounded() is `bytes` rounded to 24 significant bits, ties to even,
// as a conversion of a size_t to float does.
constexpr unsigned __int128 FloatRounded(std::uint64_t bytes) {
  const int width = std::bit_width(bytes);
  if (width <= 24) return bytes;
  const int shift = width - 24;
  std::uint64_t mantissa = bytes >> shift;
  const std::uint64_t rest = bytes & ((std::uint64_t{1} << shift) - 1);
  const std::uint64_t half = std::uint64_t{1} << (shift - 1);
  if (rest > half || (rest == half && (mantissa & 1) != 0)) ++mantissa;
  return static_cast<unsigned __int128>(mantissa) << shift;
}

// LlamaCppPrintedMiB() is the figure llama.cpp prints for `bytes`, in
// hundredths of a MiB (40.00 MiB is 4000).
constexpr std::uint64_t LlamaCppPrintedMiB(std::uint64_t bytes) {
  const unsigned __int128 scaled = FloatRounded(bytes) * 100;
  constexpr unsigned __int128 kMiB = 1 << 20;
  std::uint64_t hundredths = static_cast<std::uint64_t>(scaled / kMiB);
  const unsigned __int128 rest = scaled % kMiB;
  if (rest > kMiB / 2 || (rest == kMiB / 2 && (hundredths & 1) != 0)) {
    ++hundredths;
  }
  return hundredths;
}

static_assert(LlamaCppPrintedMiB(421'134'336) == 40162);
static_assert(LlamaCppPrintedMiB(3'221'225'472) == 307200);
static_assert(LlamaCppPrintedMiB(41'943'040) == 4000);

namespace internal {

// MiBField() prints hundredths of a MiB as "%7.2f" does.
inline std::string MiBField(std::uint64_t bytes) {
  const std::uint64_t h = LlamaCppPrintedMiB(bytes);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%4llu.%02llu",
                static_cast<unsigned long long>(h / 100),
                static_cast<unsigned long long>(h % 100));
  char padded[48];
  std::snprintf(padded, sizeof padded, "%7s", buf);
  return padded;
}

}  // namespace internal

// LlamaCppKvCacheLine() is the "llama_kv_cache: size = ..." line llama.cpp
// logs for cache `c` of a context with `n_seq_max` sequences.
inline std::string LlamaCppKvCacheLine(const LlamaCppCache& c,
                                       const LlamaCppSettings& s) {
  char buf[256];
  std::snprintf(
      buf, sizeof buf,
      "llama_kv_cache: size = %s MiB (%6llu cells, %3u layers, %2u/%u seqs), "
      "K (%s): %s MiB, V (%s): %s MiB",
      internal::MiBField(c.total_bytes()).c_str(),
      static_cast<unsigned long long>(c.cells_per_stream), c.layers,
      s.n_seq_max, c.streams, std::string(Info(s.type_k).name).c_str(),
      internal::MiBField(c.k_bytes).c_str(),
      std::string(Info(s.type_v).name).c_str(),
      internal::MiBField(c.v_bytes).c_str());
  return buf;
}

// LlamaCppRecurrentLine() is the "llama_memory_recurrent: size = ..." line
// llama.cpp logs for state `r` of a context with `n_seq_max` sequences.
inline std::string LlamaCppRecurrentLine(const LlamaCppRecurrent& r,
                                         const LlamaCppSettings& s) {
  char buf[256];
  std::snprintf(
      buf, sizeof buf,
      "llama_memory_recurrent: size = %s MiB (%6llu cells, %3u layers, %2u "
      "seqs  0 rs_seq), R (f32): %s MiB, S (f32): %s MiB, P (f32): %s MiB",
      internal::MiBField(r.total_bytes()).c_str(),
      static_cast<unsigned long long>(r.cells), r.model_layers, s.n_seq_max,
      internal::MiBField(r.r_bytes).c_str(),
      internal::MiBField(r.s_bytes).c_str(), internal::MiBField(0).c_str());
  return buf;
}

// LlamaCppLogLines() is every memory line llama.cpp logs for `a`, in its
// order: the full-attention (or latent) cache, DeepSeek-V3.2's indexer
// cache, the sliding-window one, then the recurrent state.
inline std::vector<std::string> LlamaCppLogLines(const LlamaCppAllocation& a,
                                                 const LlamaCppSettings& s) {
  std::vector<std::string> lines;
  if (a.base.layers > 0) lines.push_back(LlamaCppKvCacheLine(a.base, s));
  if (a.indexer.layers > 0) lines.push_back(LlamaCppKvCacheLine(a.indexer, s));
  if (a.swa.layers > 0) lines.push_back(LlamaCppKvCacheLine(a.swa, s));
  if (a.recurrent.recurrent_layers > 0) {
    lines.push_back(LlamaCppRecurrentLine(a.recurrent, s));
  }
  return lines;
}

}  // namespace kvmodel

#endif  // KVMODEL_LLAMA_CPP_LOG_H_
