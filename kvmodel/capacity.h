// kvmodel/capacity.h
//
// The largest count that fits a budget: the most tokens whose KV cache fits,
// the longest context or the largest batch that fits with the weights. Byte
// functions here are exact but not linear (llama.cpp pads cells to 256,
// vLLM counts whole blocks, sliding windows stop growing), so the answer is
// found by binary search over the exact byte function, which only has to be
// non-decreasing:
//
//   LargestFitting(limit, fits) = the largest n in [0, limit] with fits(n),
//                                 given fits(0) and fits non-increasing in n
//
// `fits` is evaluated O(log limit) times; n = 0 is returned when nothing
// fits. A byte function that overflows 64 bits does not fit: callers at run
// time wrap theirs (kvcalc does), and constant evaluation rejects it.
//
// Worked example: Llama 3.1 8B caches 131,072 bytes per token, so the most
// tokens in 1 GiB is 8,192: LargestFitting(1 << 20, [](n) { return n *
// 131072 <= 1 << 30; }) == 8192.

#ifndef KVMODEL_CAPACITY_H_
#define KVMODEL_CAPACITY_H_

#include <cstdint>

namespace kvmodel {

// LargestFitting(): see the file comment.
template <typename Fits>
constexpr std::uint64_t LargestFitting(std::uint64_t limit, Fits&& fits) {
  std::uint64_t lo = 0;  // fits(lo) holds
  std::uint64_t hi = limit;
  while (lo < hi) {
    const std::uint64_t mid = lo + (hi - lo) / 2 + 1;  // lo < mid <= hi
    if (fits(mid)) {
      lo = mid;
    } else {
      hi = mid - 1;
    }
  }
  return lo;
}

}  // namespace kvmodel

#endif  // KVMODEL_CAPACITY_H_
