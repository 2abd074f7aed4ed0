// kvtables: prints a vision-language model's KV cache and attention memory
// for every crop grid, evaluated through the same constexpr functions the
// generated tables come from.
//
//   bazel run //tools:kvtables                       # the seed table, Markdown
//   bazel run //tools:kvtables -- --max_crops=9 --orientations=both --format=csv
//   bazel run //tools:kvtables -- --preset=internvl2.5-2b --list_presets
//
// Every figure is exact; GiB columns say GiB (2^30 bytes). A bad flag value
// prints one line naming it and exits with status 2, with nothing on stdout.

#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/status/statusor.h"
#include "boost/hana.hpp"
#include "codegen/crop_table_output.h"
#include "codegen/text_table.h"
#include "kvmodel/crop_table.h"
#include "kvmodel/status.h"
#include "kvmodel/vlm_catalog.h"

ABSL_FLAG(std::string, preset, "seed-vlm",
          "vision-language model (--list_presets lists them)");
ABSL_FLAG(bool, list_presets, false, "list the presets and exit");
ABSL_FLAG(std::optional<std::uint32_t>, min_crops, std::nullopt,
          "smallest crop count (default: the preset's)");
ABSL_FLAG(std::optional<std::uint32_t>, max_crops, std::nullopt,
          "largest crop count (default: the preset's)");
ABSL_FLAG(std::string, orientations, "",
          "h_le_w (only H <= W, as the seed lists grids) or both "
          "(default: the preset's)");
ABSL_FLAG(std::optional<std::uint64_t>, decode_steps, std::nullopt,
          "decode horizon K (default: the preset's)");
ABSL_FLAG(std::optional<std::uint64_t>, text_tokens, std::nullopt,
          "text tokens in the prompt (default: the preset's)");
ABSL_FLAG(std::optional<std::uint64_t>, batch, std::nullopt,
          "sequences (default: the preset's)");
ABSL_FLAG(std::string, format, "markdown", "markdown, csv or json");

namespace kvtables {
namespace {

int Fail(const std::string& message) {
  std::fprintf(stderr, "kvtables: %s\n", message.c_str());
  return 2;
}

// Applies the flags to a preset's spec, whatever its layout type.
template <typename Spec>
void ApplyFlags(Spec& spec) {
  if (const auto v = absl::GetFlag(FLAGS_min_crops)) spec.grids.min_crops = *v;
  if (const auto v = absl::GetFlag(FLAGS_max_crops)) spec.grids.max_crops = *v;
  const std::string orientations = absl::GetFlag(FLAGS_orientations);
  if (orientations == "both") {
    spec.grids.orientations = kvmodel::Orientations::kBoth;
  } else if (orientations == "h_le_w") {
    spec.grids.orientations = kvmodel::Orientations::kRowsAtMostCols;
  }
  if (const auto v = absl::GetFlag(FLAGS_decode_steps)) spec.decode_steps = *v;
  if (const auto v = absl::GetFlag(FLAGS_text_tokens)) spec.text_tokens = *v;
  if (const auto v = absl::GetFlag(FLAGS_batch)) spec.batch_size = *v;
}

template <typename Spec>
std::string Render(const Spec& spec, const std::string& format) {
  const std::vector<kvmodel::CropRow> rows = kvmodel::CropTableRows(spec);
  if (format == "csv") return codegen::RenderCsv(codegen::CropTableColumns(rows));
  if (format == "json") return codegen::RenderJson(codegen::CropTableColumns(rows));
  return codegen::RenderCropMarkdown(codegen::DescribeCropTable(spec), rows);
}

int Main() {
  if (absl::GetFlag(FLAGS_list_presets)) {
    std::string names;
    boost::hana::for_each(kvmodel::kVlmCatalog, [&](const auto& preset) {
      names += std::string(preset.name) + "\n";
    });
    std::fwrite(names.data(), 1, names.size(), stdout);
    return 0;
  }
  const std::string orientations = absl::GetFlag(FLAGS_orientations);
  if (!orientations.empty() && orientations != "both" &&
      orientations != "h_le_w") {
    return Fail("--orientations: '" + orientations +
                "' is not h_le_w or both");
  }
  const std::string format = absl::GetFlag(FLAGS_format);
  if (format != "markdown" && format != "csv" && format != "json") {
    return Fail("--format: '" + format + "' is not markdown, csv or json");
  }
  const std::string preset = absl::GetFlag(FLAGS_preset);
  std::optional<absl::StatusOr<std::string>> text;
  boost::hana::for_each(kvmodel::kVlmCatalog, [&](const auto& candidate) {
    if (candidate.name != preset) return;
    auto spec = candidate;
    ApplyFlags(spec);
    text = kvmodel::Evaluate([&] { return Render(spec, format); });
  });
  if (!text) {
    return Fail("--preset: unknown preset '" + preset +
                "' (--list_presets lists them)");
  }
  if (!text->ok()) return Fail(std::string(text->status().message()));
  std::fwrite((*text)->data(), 1, (*text)->size(), stdout);
  return std::fflush(stdout) == 0 ? 0 : Fail("cannot write to stdout");
}

}  // namespace
}  // namespace kvtables

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "prints a vision-language model's KV cache and attention memory for "
      "every crop grid (exact bytes; GiB = 2^30 bytes)");
  absl::ParseCommandLine(argc, argv);
  return kvtables::Main();
}
