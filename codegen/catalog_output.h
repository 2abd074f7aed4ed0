// codegen/catalog_output.h
//
// The outputs of the model catalog's tables (kvmodel/catalog_table.h): the
// catalog CSV (one row per model), one small C header per model with its
// context sweep, and the CSV of every vision-language model's crop table.
// Each takes rows and returns text or a CHeader.

#ifndef CODEGEN_CATALOG_OUTPUT_H_
#define CODEGEN_CATALOG_OUTPUT_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "codegen/c_header.h"
#include "codegen/text_table.h"
#include "kvmodel/catalog_table.h"
#include "kvmodel/crop_table.h"
#include "kvmodel/model.h"

namespace kvtables::codegen {

// kModelHeaderSchemaVersion is the version of the per-model headers' layout
// (generated/README.md). Bump it with any change to their fields.
inline constexpr std::uint32_t kModelHeaderSchemaVersion = 1;

// CatalogColumns() is the catalog CSV: model, family, source repository,
// geometry, bytes per token, weights per format, KV at each sweep context.
TextTable CatalogColumns(const std::vector<kvmodel::CatalogRow>& rows);

// ModelHeaderName() is a model's header path under generated/:
// "llama-3.1-8b" -> "models/llama_3_1_8b.h".
std::string ModelHeaderName(const kvmodel::ModelSpec& model);

// ModelCHeader() is the C header of one model and its sweep; `path` is its
// repository path (default: generated/ + ModelHeaderName(model)).
CHeader ModelCHeader(const kvmodel::ModelSpec& model,
                     const kvmodel::CatalogRow& row,
                     const kvmodel::Sweep& sweep, std::string path = "");

// ModelsIndexHeader() is generated/models/all.h: it includes every model
// header and defines KV_FOR_EACH_MODEL(X), which expands
// X(symbol, SYMBOL, "name") once per model, so that C and C++ code can walk every model's rows.
CHeader ModelsIndexHeader(const std::vector<kvmodel::ModelSpec>& models);

// VlmColumns() is the CSV of several crop tables, each row led by its model.
TextTable VlmColumns(
    const std::vector<std::pair<std::string, std::vector<kvmodel::CropRow>>>&
        tables);

}  // namespace kvtables::codegen

#endif  // CODEGEN_CATALOG_OUTPUT_H_
