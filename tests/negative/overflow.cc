// expect: overflow: product does not fit in 64 bits
#include "kvmodel/kv_cache.h"
constexpr kvmodel::AttentionGeometry kModel{32, 32, 32, 128, 128};
// 2^19 bytes per token * 2^40 tokens * 2^10 sequences = 2^69 bytes.
static_assert(kvmodel::KvCacheBytes(kModel, std::uint64_t{1} << 40, 1 << 10)
                  .total() > 0);
