// expect: batch_size must be positive
#include "kvmodel/kv_cache.h"
constexpr kvmodel::AttentionGeometry kModel{32, 32, 8, 128, 128};
static_assert(kvmodel::PeakKvCacheBytes(kModel, {100, 10, 0}).total() > 0);
