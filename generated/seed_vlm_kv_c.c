#include "generated/seed_vlm_kv_c.h"

size_t seed_vlm_kv_c_row_count(void) { return SEED_VLM_KV_ROW_COUNT; }

const seed_vlm_kv_row *seed_vlm_kv_c_rows(void) { return seed_vlm_kv_rows; }

const seed_vlm_kv_row *seed_vlm_kv_c_find(uint32_t grid_h, uint32_t grid_w) {
  return seed_vlm_kv_find(grid_h, grid_w);
}

const seed_vlm_kv_row *seed_vlm_kv_c_largest_fitting(uint64_t budget_bytes) {
  return seed_vlm_kv_largest_fitting(budget_bytes);
}
