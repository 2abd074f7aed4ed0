// examples/bazel_consumer/seed_vlm_kv_c_test.c
//
// A C deployer's check of the generated header it takes from
// @kvtables//generated:seed_vlm_kv: the row layout it was written against
// (schema version 1, refused at compile time otherwise) and the figures it
// sizes its arena with, taken from kvtables' documentation: the seed table's
// first row (grid 1x2: 493 prompt tokens, peak 122,880 * (493 + 100) =
// 72,867,840 bytes, mean 66,662,400 bytes) and kvmodel/crop_solver.h's worked
// example (100,000,000 bytes fits 2x2 at most).

#include <stdint.h>
#include <stdio.h>

#include "generated/seed_vlm_kv.h"

#if SEED_VLM_KV_SCHEMA_VERSION != 1
#error "this consumer reads the row layout of schema version 1"
#endif

static int failures = 0;

static void Expect(int condition, const char* what) {
  if (!condition) {
    printf("FAIL: %s\n", what);
    ++failures;
  }
}

int main(void) {
  const seed_vlm_kv_row* first = seed_vlm_kv_find(1, 2);
  Expect(first == &seed_vlm_kv_rows[0], "1x2 is the first row");
  if (first != NULL) {
    Expect(first->prompt_tokens == 493u, "1x2 prompts 493 tokens");
    Expect(first->kv_bytes_peak == UINT64_C(72867840),
           "1x2 peaks at 72,867,840 bytes");
    Expect(first->kv_bytes_mean_ceil == UINT64_C(66662400),
           "1x2 averages 66,662,400 bytes");
  }
  Expect(seed_vlm_kv_find(2, 1) == NULL, "2x1 is not listed (H <= W only)");

  const seed_vlm_kv_row* fit = seed_vlm_kv_largest_fitting(UINT64_C(100000000));
  Expect(fit != NULL && fit->grid_h == 2u && fit->grid_w == 2u,
         "100,000,000 bytes fits 2x2 at most");
  Expect(seed_vlm_kv_largest_fitting(UINT64_C(72867840)) == first,
         "1x2's peak fits 1x2");
  Expect(seed_vlm_kv_largest_fitting(UINT64_C(72867839)) == NULL,
         "one byte less fits nothing");

  printf("%d failure(s)\n", failures);
  return failures == 0 ? 0 : 1;
}
