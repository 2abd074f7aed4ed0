// expect: vLLM accepts a block size of 1, 8, 16, 32, 64, 128 or 256 tokens
#include "kvmodel/catalog.h"
#include "kvmodel/runtime_vllm.h"
constexpr kvmodel::VllmSettings kSettings{.max_model_len = 4096, .block_size = 24};
static_assert(kvmodel::VllmPageBytes(*kvmodel::FindModel("llama-3.1-8b"),
                                     kSettings) > 0);
