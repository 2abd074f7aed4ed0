/* The seed VLM table as a C translation unit sees it (seed_vlm_kv_c.c is
 * compiled as C), so that the C++ test can compare it with the constexpr
 * table. */
#ifndef KVTABLES_GENERATED_SEED_VLM_KV_C_H_
#define KVTABLES_GENERATED_SEED_VLM_KV_C_H_

#include <stddef.h>

#include "generated/seed_vlm_kv.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The row count and rows as compiled in C. */
size_t seed_vlm_kv_c_row_count(void);
const seed_vlm_kv_row *seed_vlm_kv_c_rows(void);
/* seed_vlm_kv_find() as compiled in C. */
const seed_vlm_kv_row *seed_vlm_kv_c_find(uint32_t grid_h, uint32_t grid_w);
/* seed_vlm_kv_largest_fitting() as compiled in C. */
const seed_vlm_kv_row *seed_vlm_kv_c_largest_fitting(uint64_t budget_bytes);

#ifdef __cplusplus
}
#endif

#endif /* KVTABLES_GENERATED_SEED_VLM_KV_C_H_ */
