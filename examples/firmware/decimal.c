// examples/firmware/decimal.c: see decimal.h.

#include "examples/firmware/decimal.h"

#include <stdint.h>

unsigned DecimalFromUint64(uint64_t value, char out[DECIMAL_MAX_CHARS]) {
  static const uint64_t kPowersOfTen[] = {
      UINT64_C(10000000000000000000), UINT64_C(1000000000000000000),
      UINT64_C(100000000000000000),   UINT64_C(10000000000000000),
      UINT64_C(1000000000000000),     UINT64_C(100000000000000),
      UINT64_C(10000000000000),       UINT64_C(1000000000000),
      UINT64_C(100000000000),         UINT64_C(10000000000),
      UINT64_C(1000000000),           UINT64_C(100000000),
      UINT64_C(10000000),             UINT64_C(1000000),
      UINT64_C(100000),               UINT64_C(10000),
      UINT64_C(1000),                 UINT64_C(100),
      UINT64_C(10),                   UINT64_C(1),
  };
  unsigned length = 0;
  for (unsigned i = 0; i < sizeof(kPowersOfTen) / sizeof(kPowersOfTen[0]); ++i) {
    char digit = '0';
    while (value >= kPowersOfTen[i]) {
      value -= kPowersOfTen[i];
      ++digit;
    }
    // Leading zeros are skipped; the last digit is always written, so zero
    // prints as "0".
    if (digit != '0' || length > 0 || kPowersOfTen[i] == 1) out[length++] = digit;
  }
  out[length] = '\0';
  return length;
}
