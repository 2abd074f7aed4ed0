// expect: llama.cpp refuses a quantized V cache without flash attention
#include "kvmodel/catalog.h"
#include "kvmodel/runtime_llama_cpp.h"
constexpr kvmodel::LlamaCppSettings kSettings{
    .n_ctx = 4096,
    .flash_attn = kvmodel::FlashAttention::kOff,
    .type_v = kvmodel::StorageFormat::kQ8_0,
};
static_assert(kvmodel::LlamaCppKvCache(*kvmodel::FindModel("llama-3.1-8b"),
                                       kSettings)
                  .total_bytes() > 0);
