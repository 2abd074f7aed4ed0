// examples/firmware/decimal.h
//
// Decimal text of a 64-bit unsigned integer, for a Cortex-M3 image with no C
// library: no printf, no heap, and no 64-bit division (which the M3 lacks and
// which would need libgcc's __aeabi_uldivmod). Each digit is found by
// subtracting its power of ten, at most nine times per digit.
//
// Worked example: 246128640 is written as the ten bytes "246128640\0".

#ifndef KVTABLES_EXAMPLES_FIRMWARE_DECIMAL_H_
#define KVTABLES_EXAMPLES_FIRMWARE_DECIMAL_H_

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

// DECIMAL_MAX_CHARS: UINT64_MAX has 20 digits, plus the terminating NUL.
#define DECIMAL_MAX_CHARS 21u

// DecimalFromUint64() writes `value` in decimal, without leading zeros, and a
// terminating NUL to `out`, which holds DECIMAL_MAX_CHARS bytes. Returns the
// number of digits written.
unsigned DecimalFromUint64(uint64_t value, char out[DECIMAL_MAX_CHARS]);

#ifdef __cplusplus
}  // extern "C"
#endif

#endif  // KVTABLES_EXAMPLES_FIRMWARE_DECIMAL_H_
