// oracle/matrix.h
//
// The oracle's matrix: every catalog model that llama.cpp can run (and any
// config.json given), under every setting of kSettings, with kvmodel's
// prediction for each case.
//
//   cases = supported models x settings
//
// A setting names llama.cpp's options (-c, --parallel, -kvu, -b, -ub, -fa,
// -ctk, -ctv, --swa-full) and whether the case really allocates (most do
// not: llama.cpp's no-allocation mode sizes every buffer without using RAM).
//
// Worked example: llama-3.1-8b under "default" (-c 4096, f16, one sequence)
// predicts one cache line, "llama_kv_cache: size =  512.00 MiB (  4096
// cells,  32 layers,  1/1 seqs), K (f16):  256.00 MiB, V (f16):  256.00 MiB",
// and 536,870,912 bytes of context memory.

#ifndef ORACLE_MATRIX_H_
#define ORACLE_MATRIX_H_

#include <cstdint>
#include <string>
#include <vector>

#include "kvmodel/model.h"
#include "kvmodel/runtime_llama_cpp.h"

namespace oracle {

// Setting is one column of the matrix. n_ctx 0 means the model's maximum.
struct Setting {
  const char* name;
  std::uint64_t n_ctx;
  kvmodel::LlamaCppSettings llama;  // its n_ctx is replaced per model
  bool allocate;                    // really allocate (small cases only)
};

const std::vector<Setting>& Settings();

// Case is one model under one setting, with kvmodel's prediction.
struct Case {
  std::string id;  // "<model>/<setting>"
  const kvmodel::ModelSpec* model;
  bool from_config = false;  // a config.json given to Matrix(), not the catalog
  const Setting* setting;
  kvmodel::LlamaCppSettings llama;
  bool refused = false;
  std::string refusal;              // kvmodel's reason when refused
  std::vector<std::string> lines;   // predicted "llama_kv_cache: size" lines
  std::uint64_t context_bytes = 0;  // predicted memory breakdown "context"
  std::uint64_t n_ctx = 0, n_ctx_seq = 0;
};

// Matrix() is every case: the catalog's models in order, then `configs`
// (models read from config.json files), each under every setting.
std::vector<Case> Matrix(const std::vector<kvmodel::ModelSpec>& configs = {});

}  // namespace oracle

#endif  // ORACLE_MATRIX_H_
