// expect: tensor_parallel must divide the KV heads or be a multiple of them
#include "kvmodel/catalog.h"
#include "kvmodel/runtime_vllm.h"
// Qwen2.5-7B: 28 attention heads split over 14 ranks, but not its 4 KV heads.
constexpr kvmodel::VllmSettings kSettings{.max_model_len = 4096,
                                          .tensor_parallel = 14};
static_assert(kvmodel::VllmPageBytes(*kvmodel::FindModel("qwen2.5-7b"),
                                     kSettings) > 0);
