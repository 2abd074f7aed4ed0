// expect: vLLM refuses a tensor-parallel size that does not divide the attention heads
#include "kvmodel/catalog.h"
#include "kvmodel/runtime_vllm.h"
// Llama 3.1 8B's 32 attention heads do not split over 3 ranks.
constexpr kvmodel::VllmSettings kSettings{.max_model_len = 4096,
                                          .tensor_parallel = 3};
static_assert(kvmodel::VllmPageBytes(*kvmodel::FindModel("llama-3.1-8b"),
                                     kSettings) > 0);
