// examples/firmware/budgets.h
//
// The KV-cache budgets the firmware example answers for, shared by the
// Cortex-M image (main.c) and the host program that computes the expected
// answers from the constexpr model (expected_choice.cc), so both answer the
// same questions. For each budget the image prints the largest crop grid of
// the seed VLM whose peak KV cache (kv_bytes_peak) fits it.
//
// Worked example: 200,000,000 bytes fits 3x4 (198,205,440 bytes) but not 1x13
// (208,035,840), so the answer is 3x4.

#ifndef KVTABLES_EXAMPLES_FIRMWARE_BUDGETS_H_
#define KVTABLES_EXAMPLES_FIRMWARE_BUDGETS_H_

#include <stdint.h>

#define FIRMWARE_BUDGET_COUNT 4u

// firmware_budgets_bytes: below the smallest grid (no grid fits), the worked
// example, exactly the largest grid's peak (the boundary is inclusive), and
// the largest 64-bit budget.
static const uint64_t firmware_budgets_bytes[FIRMWARE_BUDGET_COUNT] = {
    UINT64_C(50000000),
    UINT64_C(200000000),
    UINT64_C(404643840),
    UINT64_C(18446744073709551615),
};

#endif  // KVTABLES_EXAMPLES_FIRMWARE_BUDGETS_H_
