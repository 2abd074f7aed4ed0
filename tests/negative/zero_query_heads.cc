// expect: num_query_heads must be positive
#include "kvmodel/attention.h"
constexpr kvmodel::AttentionGeometry kModel{32, 0, 8, 128, 128};
static_assert(kvmodel::KvBytesPerToken(kModel) > 0);
