// expect: tensor_parallel must divide num_kv_heads
#include "kvmodel/catalog.h"
#include "kvmodel/deployment.h"
// Qwen3 14B has 40 query heads and 8 KV heads: 5 ranks split the query heads
// but not the KV heads.
static_assert(kvmodel::Memory({.model = *kvmodel::FindModel("qwen3-14b"),
                               .context_tokens = 1024,
                               .tensor_parallel = 5})
                  .total_bytes() > 0);
