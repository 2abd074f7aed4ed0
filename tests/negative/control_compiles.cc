// expect: compiles
// The control: the same shape of snippet with a valid model must compile, so
// that the other snippets fail for their stated reason and not for a broken
// include path or compiler flag.
#include "kvmodel/kv_cache.h"
constexpr kvmodel::AttentionGeometry kModel{32, 32, 8, 128, 128};
static_assert(kvmodel::KvBytesPerToken(kModel) == 131'072);
static_assert(kvmodel::PeakKvCacheBytes(kModel, {100, 10, 1}).total() ==
              110 * 131'072);
