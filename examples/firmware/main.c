// examples/firmware/main.c
//
// A bare-metal Cortex-M3 consumer of the generated header
// generated/seed_vlm_kv.h: for each budget in budgets.h it picks the largest
// crop grid of the seed VLM whose peak KV cache fits, with the header's
// seed_vlm_kv_largest_fitting(), and reports the choice over semihosting:
//
//   largest grid fitting 200000000 bytes: 3x4 (kv_bytes_peak 198205440)
//   no grid fits 50000000 bytes
//
// Freestanding: no C library, no heap, no floating point, no mutable globals.
// The reset handler runs main() on the stack the vector table sets up.

#include <stddef.h>
#include <stdint.h>

#include "examples/firmware/budgets.h"
#include "examples/firmware/decimal.h"
#include "examples/firmware/semihosting.h"
#include "generated/seed_vlm_kv.h"

#if SEED_VLM_KV_SCHEMA_VERSION != 1
#error "main.c reads the row layout of schema version 1 (see generated/README.md)"
#endif

// LargestFitting() is the lookup whose instructions README.md counts; kept
// out of line so that its instructions have their own addresses.
__attribute__((noinline)) const seed_vlm_kv_row* LargestFitting(
    uint64_t budget_bytes) {
  return seed_vlm_kv_largest_fitting(budget_bytes);
}

static void WriteUint64(uint64_t value) {
  char text[DECIMAL_MAX_CHARS];
  DecimalFromUint64(value, text);
  SemihostingWrite(text);
}

static void ReportChoice(uint64_t budget_bytes) {
  const seed_vlm_kv_row* row = LargestFitting(budget_bytes);
  if (row == NULL) {
    SemihostingWrite("no grid fits ");
    WriteUint64(budget_bytes);
    SemihostingWrite(" bytes\n");
    return;
  }
  SemihostingWrite("largest grid fitting ");
  WriteUint64(budget_bytes);
  SemihostingWrite(" bytes: ");
  WriteUint64(row->grid_h);
  SemihostingWrite("x");
  WriteUint64(row->grid_w);
  SemihostingWrite(" (kv_bytes_peak ");
  WriteUint64(row->kv_bytes_peak);
  SemihostingWrite(")\n");
}

void Reset(void) __attribute__((noreturn));

void Reset(void) {
  for (unsigned i = 0; i < FIRMWARE_BUDGET_COUNT; ++i) {
    ReportChoice(firmware_budgets_bytes[i]);
  }
  SemihostingExit(0);
}

// The reset vector, placed right after the initial stack pointer by
// cortex_m3.ld. A Thumb function's address has bit 0 set, as the core needs.
__attribute__((section(".vectors.reset"), used)) void (*const kResetVector)(
    void) = Reset;
