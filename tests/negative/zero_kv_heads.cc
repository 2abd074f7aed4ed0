// expect: num_kv_heads must be positive
#include "kvmodel/attention.h"
constexpr kvmodel::AttentionGeometry kModel{32, 32, 0, 128, 128};
static_assert(kvmodel::KvBytesPerToken(kModel) > 0);
