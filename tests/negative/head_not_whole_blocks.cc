// expect: k_head_dim must be a whole number of k_format blocks
#include "kvmodel/attention.h"
constexpr kvmodel::AttentionGeometry kModel{
    32, 32, 8, 80, 80, kvmodel::StorageFormat::kQ8_0,
    kvmodel::StorageFormat::kF16};
static_assert(kvmodel::KvBytesPerToken(kModel) > 0);
