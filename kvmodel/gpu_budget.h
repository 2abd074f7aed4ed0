// kvmodel/gpu_budget.h
//
// The memory vLLM leaves for its KV cache on one GPU, from what it measures
// when it starts (vllm/v1/worker/gpu_worker.py, determine_available_memory,
// vLLM 0.9 to 0.20):
//
//   requested  = total GPU memory x gpu_memory_utilization
//   KV memory  = requested - weights - activation peak - non-torch memory
//
// "total" is what the CUDA driver reports (torch.cuda.mem_get_info), the
// weights what vLLM logs as "Model loading took X GiB", the activation peak
// and non-torch memory what its profile run measured. CUDA graphs are
// captured after the cache is sized in this era, so their memory is not
// subtracted (record V9's log: 125.83 - 74.28 - 5.58 - 1.38 = 44.59 GiB
// available, its 2.37 GiB of CUDA graphs left out). The utilization is
// given in millionths and the product rounded down to a byte.
//
// Worked example (record V9, Qwen3-Next at TP 2 on an H200, in hundredths
// of a GiB as printed): 13,981 x 0.9 = 12,582.9, less 7,428 + 558 + 138
// leaves 4,458.9: "Available KV cache memory: 44.59 GiB".

#ifndef KVMODEL_GPU_BUDGET_H_
#define KVMODEL_GPU_BUDGET_H_

#include <cstdint>

#include "kvmodel/checked.h"

namespace kvmodel {

// VllmMemory is what vLLM measured on one GPU, in bytes.
struct VllmMemory {
  std::uint64_t gpu_total = 0;
  std::uint32_t utilization_millionths = 900'000;  // --gpu-memory-utilization
  std::uint64_t weights = 0;
  std::uint64_t activation_peak = 0;
  std::uint64_t non_torch = 0;
};

// VllmRequestedMemory() is total x utilization, rounded down to a byte.
constexpr std::uint64_t VllmRequestedMemory(const VllmMemory& m) {
  Require(m.utilization_millionths > 0 && m.utilization_millionths <= 1'000'000,
          "gpu_memory_utilization must be in (0, 1]");
  return CheckedMul(m.gpu_total / 1'000'000, m.utilization_millionths) +
         m.gpu_total % 1'000'000 * m.utilization_millionths / 1'000'000;
}

// VllmAvailableKvMemory() is the requested memory less what the model and
// its profile run use (see the file comment); none left is vLLM's refusal.
constexpr std::uint64_t VllmAvailableKvMemory(const VllmMemory& m) {
  const std::uint64_t used =
      CheckedAdd(CheckedAdd(m.weights, m.activation_peak), m.non_torch);
  const std::uint64_t requested = VllmRequestedMemory(m);
  Require(used < requested,
          "vLLM stops: the weights, activation peak and non-torch memory "
          "take all the memory gpu_memory_utilization allows (it stops with "
          "\"No available memory for the cache blocks\")");
  return requested - used;
}

namespace internal {

inline constexpr std::uint64_t kHundredthGiB = (std::uint64_t{1} << 30) / 100;

inline constexpr VllmMemory kQwen3NextTp2OnH200{
    .gpu_total = 13'981 * kHundredthGiB,
    .weights = 7'428 * kHundredthGiB,
    .activation_peak = 558 * kHundredthGiB,
    .non_torch = 138 * kHundredthGiB,
};

}  // namespace internal

static_assert(VllmRequestedMemory(internal::kQwen3NextTp2OnH200) ==
              13'981 * internal::kHundredthGiB * 9 / 10);
static_assert(VllmAvailableKvMemory(internal::kQwen3NextTp2OnH200) ==
              13'981 * internal::kHundredthGiB * 9 / 10 -
                  (7'428 + 558 + 138) * internal::kHundredthGiB);

}  // namespace kvmodel

#endif  // KVMODEL_GPU_BUDGET_H_
