// config_to_header: writes a Hugging Face config.json as a C++ header that
// defines the model as a constexpr kvmodel::ModelSpec, so a model that is
// not in the catalog joins the compile-time model (config/model_header.h).
//
//   bazel run //tools:config_to_header -- --config=$PWD/config.json
//       --output=$PWD/my_model.h --constant=kMyModel --namespace=my_models
//
// With --c_header=PATH it also writes the model's C header for deployers, the
// same layout as generated/models/*.h (codegen/catalog_output.h): the model
// joins the generated headers as well as the compile-time model.
//
// The headers are written as a set by fileio/output_file.h (a temporary file
// next to each, renamed over it only when both are complete),
// so a reader never sees half a header; both are rendered before either is
// written. Errors: one line "config_to_header: ...", status 2, no file
// written.

#include <exception>
#include <cstdio>
#include <optional>
#include <array>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "config/hf_config.h"
#include "codegen/c_header.h"
#include "codegen/catalog_output.h"
#include "config/model_header.h"
#include "fileio/output_file.h"
#include "tools/command_line.h"
#include "kvmodel/catalog_table.h"
#include "kvmodel/status.h"
#include "tools/kvcalc_flags.h"

ABSL_FLAG(std::string, config, "", "the config.json to read");
ABSL_FLAG(std::string, output, "", "the header to write");
ABSL_FLAG(std::string, name, "",
          "the model's name (default: _name_or_path, else the file's name)");
ABSL_FLAG(std::string, constant, "kModel", "the C++ constant to define");
ABSL_FLAG(std::string, namespace, "kvmodel_models", "the C++ namespace");
ABSL_FLAG(std::string, include_guard, "",
          "the include guard (default: from the constant's name)");
ABSL_FLAG(std::string, c_header, "",
          "also write the model's C header (context sweep) to this path");
ABSL_FLAG(std::string, parameters, "",
          "parameter count (required when the config gives no estimate)");

namespace {

int Fail(const std::string& message) {
  // Every message is made printable here, at the one place it is written.
  std::fprintf(stderr, "config_to_header: %s\n", kvtables::Printable(message).c_str());
  return 2;
}

std::string BaseName(const std::string& path) {
  const auto slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

int Main() {
  const std::string path = absl::GetFlag(FLAGS_config);
  const std::string output = absl::GetFlag(FLAGS_output);
  if (path.empty()) return Fail("--config is required");
  if (output.empty()) return Fail("--output is required");
  const std::string constant = absl::GetFlag(FLAGS_constant);
  const std::string name_space = absl::GetFlag(FLAGS_namespace);
  for (const auto& [flag, value] : {std::pair<const char*, std::string>{"--constant", constant},
                                     {"--namespace", name_space}}) {
    const std::string problem = kvtables::config::IdentifierProblem(value);
    if (!problem.empty()) {
      return Fail(std::string(flag) + ": '" + value + "' " + problem);
    }
  }
  std::string guard = absl::GetFlag(FLAGS_include_guard);
  if (guard.empty()) {
    guard = "KVMODEL_MODELS_";
    for (const char c : constant) {
      guard += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    }
    guard += "_H_";
  }
  if (const std::string problem = kvtables::config::IdentifierProblem(guard);
      !problem.empty()) {
    return Fail("--include_guard: '" + guard + "' " + problem);
  }

  absl::StatusOr<kvtables::config::ImportedModel> model =
      kvtables::config::ReadHfConfigFile(path, absl::GetFlag(FLAGS_name));
  if (!model.ok()) return Fail("--config: " + std::string(model.status().message()));
  kvmodel::ModelSpec spec = model->Spec();
  std::string source(spec.source);
  if (const std::string p = absl::GetFlag(FLAGS_parameters); !p.empty()) {
    const absl::StatusOr<std::uint64_t> count = kvtables::ParseCount("parameters", p);
    if (!count.ok()) return Fail(std::string(count.status().message()));
    spec.parameters_total = spec.parameters_active = *count;
    source += "; parameters_total from --parameters";
    spec.source = source;
  } else if (!model->parameters_estimated) {
    return Fail("--parameters is required: the config gives no parameter "
                "estimate for this architecture");
  }
  const std::string text = kvtables::config::RenderModelHeader(
      spec, {constant, name_space, guard, BaseName(path)});
  std::vector<kvtables::fileio::Output> outputs = {{output, text, 0}};
  if (const std::string c_header = absl::GetFlag(FLAGS_c_header);
      !c_header.empty()) {
    const absl::StatusOr<std::string> c_text = kvmodel::Evaluate([&] {
      return kvtables::codegen::RenderCHeader(kvtables::codegen::ModelCHeader(
          spec, kvmodel::ComputeModelRow(spec), kvmodel::ContextSweep(spec),
          c_header));
    });
    if (!c_text.ok()) return Fail("--c_header: " + std::string(c_text.status().message()));
    outputs.push_back({c_header, *c_text, 0});
  }
  // Both headers or neither; never over the config it read.
  if (const absl::Status written = kvtables::fileio::WriteOutputs(outputs, {path});
      !written.ok()) {
    return Fail(std::string(written.message()));
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "writes a Hugging Face config.json as a constexpr kvmodel::ModelSpec "
      "header");
  if (const std::string problem = kvtables::CommandLineProblem(argc, argv);
      !problem.empty()) {
    return Fail(problem);
  }
  absl::ParseCommandLine(argc, argv);
  try {
    return Main();
  } catch (const std::exception& e) {
    return Fail(e.what());
  }
}
