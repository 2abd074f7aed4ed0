// expect: num_kv_heads must divide tensor_parallel when ranks outnumber KV heads
#include "kvmodel/catalog.h"
#include "kvmodel/deployment.h"
// Qwen2.5 7B has 28 query heads and 4 KV heads: 7 ranks outnumber the KV
// heads but cannot each hold a replica of one.
static_assert(kvmodel::Memory({.model = *kvmodel::FindModel("qwen2.5-7b"),
                               .context_tokens = 1024,
                               .tensor_parallel = 7})
                  .total_bytes() > 0);
