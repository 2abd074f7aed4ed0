/*
 * generated/models/all.h: every catalog model's header, and
 * KV_FOR_EACH_MODEL(X), which expands X(symbol, SYMBOL, "name") per
 * model: kv_<symbol>_rows, KV_<SYMBOL>_ROW_COUNT and the other
 * KV_<SYMBOL>_* constants are then that model's.
 *
 * GENERATED FILE, DO NOT EDIT. Generator: //codegen:kvgen.
 * Regenerate: bazel run //tools:regenerate
 */
#ifndef KVTABLES_GENERATED_MODELS_ALL_H_
#define KVTABLES_GENERATED_MODELS_ALL_H_

#include <stddef.h>
#include <stdint.h>


#include "generated/models/llama_2_7b.h"
#include "generated/models/llama_2_70b.h"
#include "generated/models/llama_3_1_8b.h"
#include "generated/models/llama_3_1_70b.h"
#include "generated/models/llama_3_1_405b.h"
#include "generated/models/llama_3_2_1b.h"
#include "generated/models/llama_3_2_3b.h"
#include "generated/models/llama_3_2_11b_vision.h"
#include "generated/models/llama_3_3_70b.h"
#include "generated/models/mistral_7b_v0_1.h"
#include "generated/models/mistral_7b_v0_3.h"
#include "generated/models/mistral_nemo_12b.h"
#include "generated/models/mixtral_8x7b.h"
#include "generated/models/qwen2_5_0_5b.h"
#include "generated/models/qwen2_5_7b.h"
#include "generated/models/qwen2_5_72b.h"
#include "generated/models/qwen3_0_6b.h"
#include "generated/models/qwen3_1_7b.h"
#include "generated/models/qwen3_4b.h"
#include "generated/models/qwen3_8b.h"
#include "generated/models/qwen3_14b.h"
#include "generated/models/qwen3_32b.h"
#include "generated/models/qwen3_235b_a22b.h"
#include "generated/models/gemma_2_2b.h"
#include "generated/models/gemma_2_9b.h"
#include "generated/models/gemma_2_27b.h"
#include "generated/models/gemma_3_4b.h"
#include "generated/models/gemma_3_27b.h"
#include "generated/models/phi_2.h"
#include "generated/models/phi_3_mini_4k.h"
#include "generated/models/phi_3_5_mini.h"
#include "generated/models/deepseek_v2_lite.h"
#include "generated/models/deepseek_v3.h"
#include "generated/models/gpt_oss_20b.h"
#include "generated/models/gpt_oss_120b.h"
#include "generated/models/falcon_7b.h"
#include "generated/models/smollm2_135m.h"
#include "generated/models/smollm2_360m.h"
#include "generated/models/smollm2_1_7b.h"

#define KV_FOR_EACH_MODEL(X) \
  X(llama_2_7b, LLAMA_2_7B, "llama-2-7b") \
  X(llama_2_70b, LLAMA_2_70B, "llama-2-70b") \
  X(llama_3_1_8b, LLAMA_3_1_8B, "llama-3.1-8b") \
  X(llama_3_1_70b, LLAMA_3_1_70B, "llama-3.1-70b") \
  X(llama_3_1_405b, LLAMA_3_1_405B, "llama-3.1-405b") \
  X(llama_3_2_1b, LLAMA_3_2_1B, "llama-3.2-1b") \
  X(llama_3_2_3b, LLAMA_3_2_3B, "llama-3.2-3b") \
  X(llama_3_2_11b_vision, LLAMA_3_2_11B_VISION, "llama-3.2-11b-vision") \
  X(llama_3_3_70b, LLAMA_3_3_70B, "llama-3.3-70b") \
  X(mistral_7b_v0_1, MISTRAL_7B_V0_1, "mistral-7b-v0.1") \
  X(mistral_7b_v0_3, MISTRAL_7B_V0_3, "mistral-7b-v0.3") \
  X(mistral_nemo_12b, MISTRAL_NEMO_12B, "mistral-nemo-12b") \
  X(mixtral_8x7b, MIXTRAL_8X7B, "mixtral-8x7b") \
  X(qwen2_5_0_5b, QWEN2_5_0_5B, "qwen2.5-0.5b") \
  X(qwen2_5_7b, QWEN2_5_7B, "qwen2.5-7b") \
  X(qwen2_5_72b, QWEN2_5_72B, "qwen2.5-72b") \
  X(qwen3_0_6b, QWEN3_0_6B, "qwen3-0.6b") \
  X(qwen3_1_7b, QWEN3_1_7B, "qwen3-1.7b") \
  X(qwen3_4b, QWEN3_4B, "qwen3-4b") \
  X(qwen3_8b, QWEN3_8B, "qwen3-8b") \
  X(qwen3_14b, QWEN3_14B, "qwen3-14b") \
  X(qwen3_32b, QWEN3_32B, "qwen3-32b") \
  X(qwen3_235b_a22b, QWEN3_235B_A22B, "qwen3-235b-a22b") \
  X(gemma_2_2b, GEMMA_2_2B, "gemma-2-2b") \
  X(gemma_2_9b, GEMMA_2_9B, "gemma-2-9b") \
  X(gemma_2_27b, GEMMA_2_27B, "gemma-2-27b") \
  X(gemma_3_4b, GEMMA_3_4B, "gemma-3-4b") \
  X(gemma_3_27b, GEMMA_3_27B, "gemma-3-27b") \
  X(phi_2, PHI_2, "phi-2") \
  X(phi_3_mini_4k, PHI_3_MINI_4K, "phi-3-mini-4k") \
  X(phi_3_5_mini, PHI_3_5_MINI, "phi-3.5-mini") \
  X(deepseek_v2_lite, DEEPSEEK_V2_LITE, "deepseek-v2-lite") \
  X(deepseek_v3, DEEPSEEK_V3, "deepseek-v3") \
  X(gpt_oss_20b, GPT_OSS_20B, "gpt-oss-20b") \
  X(gpt_oss_120b, GPT_OSS_120B, "gpt-oss-120b") \
  X(falcon_7b, FALCON_7B, "falcon-7b") \
  X(smollm2_135m, SMOLLM2_135M, "smollm2-135m") \
  X(smollm2_360m, SMOLLM2_360M, "smollm2-360m") \
  X(smollm2_1_7b, SMOLLM2_1_7B, "smollm2-1.7b")

#endif /* KVTABLES_GENERATED_MODELS_ALL_H_ */
