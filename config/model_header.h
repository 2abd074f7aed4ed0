// config/model_header.h
//
// Renders a ModelSpec as a C++ header that defines it as a constant, so a
// model read from a config.json joins the compile-time model: its KV bytes,
// llama.cpp and vLLM allocations are then constant expressions like those of
// the catalog's models (kvmodel/catalog.h).
//
//   RenderModelHeader(spec, {"kMistral7BInstructV02", "my_models",
//                            "MY_MODELS_MISTRAL_H_", "mistral.json"})
//
// is a header with `inline constexpr kvmodel::ModelSpec kMistral7BInstructV02
// {...};` in namespace my_models, followed by a static_assert that the model
// is valid. Output is deterministic: no time stamps, no absolute paths.

#ifndef CONFIG_MODEL_HEADER_H_
#define CONFIG_MODEL_HEADER_H_

#include <string>
#include <string_view>

#include "kvmodel/model.h"

namespace kvtables::config {

// HeaderNames are the names a generated header uses.
struct HeaderNames {
  std::string constant;      // e.g. "kMyModel"
  std::string name_space;    // e.g. "kvmodel_models"
  std::string include_guard; // e.g. "MY_MODEL_H_"
  std::string input;         // the config file's name, for the banner
};

// CppStringLiteral() is `text` as a C++ string literal.
std::string CppStringLiteral(std::string_view text);

// IdentifierProblem() is why `text` cannot name something in a generated
// header ("is a C or C++ keyword", ...), or empty when it can: an ASCII
// identifier that is no keyword and not reserved.
std::string IdentifierProblem(std::string_view text);

// RenderModelHeader(): see the file comment.
std::string RenderModelHeader(const kvmodel::ModelSpec& spec,
                              const HeaderNames& names);

}  // namespace kvtables::config

#endif  // CONFIG_MODEL_HEADER_H_
