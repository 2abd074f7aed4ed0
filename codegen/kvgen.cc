// kvgen: writes kvtables' generated files from the constexpr tables.
//
//   kvgen OUTPUT...
//
// Each OUTPUT is a path whose file name selects what is written (the one list
// of outputs is generated/outputs.bzl): seed_vlm_kv.h, seed_vlm_kv.csv,
// seed_vlm_kv.md. Every file is written to a temporary name beside it and
// renamed into place, so a failure leaves no half-written output. An unknown
// name is an error, and nothing is written.

#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "codegen/crop_table_output.h"
#include "codegen/text_table.h"
#include "kvmodel/crop_table.h"
#include "kvmodel/seed_vlm.h"

namespace kvtables::codegen {
namespace {

// The seed table, evaluated by the compiler.
constexpr auto kSeedTable = kvmodel::CropTable<kvmodel::kSeedVlm>();

std::vector<kvmodel::CropRow> SeedRows() {
  return {kSeedTable.begin(), kSeedTable.end()};
}

using Renderer = std::function<std::string()>;

std::map<std::string, Renderer> Renderers() {
  const CropTableInfo seed = DescribeCropTable(kvmodel::kSeedVlm);
  return {
      {"seed_vlm_kv.h",
       [=] {
         return RenderCHeader(
             CropCHeader(seed, SeedRows(), "generated/seed_vlm_kv.h"));
       }},
      {"seed_vlm_kv.csv", [] { return RenderCsv(CropTableColumns(SeedRows())); }},
      {"seed_vlm_kv.md", [=] { return RenderCropMarkdown(seed, SeedRows()); }},
  };
}

void WriteAtomically(const std::filesystem::path& path,
                     const std::string& text) {
  const std::filesystem::path temporary = path.string() + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) throw std::runtime_error("cannot write " + temporary.string());
  }
  std::filesystem::rename(temporary, path);
}

int Main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "kvgen: usage: kvgen OUTPUT...\n");
    return 2;
  }
  const std::map<std::string, Renderer> renderers = Renderers();
  // Render everything first: an error leaves every output untouched.
  std::vector<std::pair<std::filesystem::path, std::string>> outputs;
  for (int i = 1; i < argc; ++i) {
    const std::filesystem::path path = argv[i];
    const auto renderer = renderers.find(path.filename().string());
    if (renderer == renderers.end()) {
      std::fprintf(stderr, "kvgen: no generator for output '%s'\n", argv[i]);
      return 2;
    }
    outputs.emplace_back(path, renderer->second());
  }
  for (const auto& [path, text] : outputs) WriteAtomically(path, text);
  return 0;
}

}  // namespace
}  // namespace kvtables::codegen

int main(int argc, char** argv) {
  try {
    return kvtables::codegen::Main(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "kvgen: %s\n", e.what());
    return 1;
  }
}
