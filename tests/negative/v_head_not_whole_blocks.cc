// expect: v_head_dim must be a whole number of v_format blocks
#include "kvmodel/attention.h"
constexpr kvmodel::AttentionGeometry kModel{
    32, 32, 8, 128, 80, kvmodel::StorageFormat::kF16,
    kvmodel::StorageFormat::kQ4_0};
static_assert(kvmodel::KvBytesPerToken(kModel) > 0);
