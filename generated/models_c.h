/* Every model header's rows as a C translation unit sees them
 * (models_c.c is compiled as C), for models_rows_test.cc. */
#ifndef KVTABLES_GENERATED_MODELS_C_H_
#define KVTABLES_GENERATED_MODELS_C_H_

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The rows of the model called `name` as compiled in C, flattened to
 * (context_tokens, kv_bytes_16bit, kv_bytes_fp8) triples; NULL for an
 * unknown name. */
const uint64_t *kv_models_c_rows(const char *name, size_t *row_count);

#ifdef __cplusplus
}
#endif

#endif /* KVTABLES_GENERATED_MODELS_C_H_ */
