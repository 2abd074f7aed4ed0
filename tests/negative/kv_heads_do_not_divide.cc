// expect: num_kv_heads must divide num_query_heads
#include "kvmodel/attention.h"
constexpr kvmodel::AttentionGeometry kModel{32, 32, 3, 128, 128};
static_assert(kvmodel::KvBytesPerToken(kModel) > 0);
