// expect: tensor_parallel must divide the KV heads or be a multiple of them
#include "kvmodel/catalog.h"
#include "kvmodel/runtime_vllm.h"
constexpr kvmodel::VllmSettings kSettings{.max_model_len = 4096,
                                          .tensor_parallel = 3};
static_assert(kvmodel::VllmPageBytes(*kvmodel::FindModel("llama-3.1-8b"),
                                     kSettings) > 0);
