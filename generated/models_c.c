#include "generated/models_c.h"

#include <string.h>

#include "generated/models/all.h"

/* Every model's rows, flattened, in one array, and where each model starts. */
#define KV_MODEL_TRIPLES(symbol, SYMBOL, name) +3 * KV_##SYMBOL##_ROW_COUNT
static uint64_t flat[0 KV_FOR_EACH_MODEL(KV_MODEL_TRIPLES)];

const uint64_t *kv_models_c_rows(const char *name, size_t *row_count) {
  size_t at = 0;
#define KV_MODEL_FIND(symbol, SYMBOL, model_name)                                   \
  {                                                                         \
    const size_t count = KV_##SYMBOL##_ROW_COUNT;                           \
    if (strcmp(name, model_name) == 0) {                                    \
      size_t i;                                                             \
      for (i = 0; i < count; ++i) {                                         \
        flat[at + 3 * i] = kv_##symbol##_rows[i].context_tokens;            \
        flat[at + 3 * i + 1] = kv_##symbol##_rows[i].kv_bytes_16bit;        \
        flat[at + 3 * i + 2] = kv_##symbol##_rows[i].kv_bytes_fp8;          \
      }                                                                     \
      *row_count = count;                                                   \
      return &flat[at];                                                     \
    }                                                                       \
    at += 3 * count;                                                        \
  }
  KV_FOR_EACH_MODEL(KV_MODEL_FIND)
#undef KV_MODEL_FIND
  *row_count = 0;
  return NULL;
}
