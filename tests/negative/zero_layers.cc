// expect: num_layers must be positive
#include "kvmodel/attention.h"
constexpr kvmodel::AttentionGeometry kModel{0, 32, 8, 128, 128};
static_assert(kvmodel::KvBytesPerToken(kModel) > 0);
