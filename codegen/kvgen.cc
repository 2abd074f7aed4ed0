// kvgen: writes kvtables' generated files from the constexpr tables.
//
//   kvgen OUT_DIR NAME...   writes OUT_DIR/NAME for each NAME
//   kvgen --list            prints every NAME it can generate, one per line
//
// The one list of outputs is generated/outputs.bzl; a test checks it against
// --list. Every file is rendered first and then written as one set
// (fileio/output_file.h): all or none, never half-written. An unknown NAME
// is an error, and nothing is written.

#include <cstdio>
#include <exception>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "boost/hana.hpp"
#include "codegen/catalog_output.h"
#include "codegen/charts.h"
#include "codegen/crop_table_output.h"
#include "codegen/text_table.h"
#include "fileio/output_file.h"
#include "kvmodel/catalog.h"
#include "kvmodel/catalog_table.h"
#include "kvmodel/crop_table.h"
#include "kvmodel/seed_vlm.h"
#include "kvmodel/vlm_catalog.h"

namespace kvtables::codegen {
namespace {

// The tables, evaluated by the compiler.
constexpr auto kSeedTable = kvmodel::CropTable<kvmodel::kSeedVlm>();
constexpr auto kCatalogTable = kvmodel::CatalogTable();
constexpr auto kVlmTables = kvmodel::VlmTables();

std::vector<kvmodel::CropRow> SeedRows() {
  return {kSeedTable.begin(), kSeedTable.end()};
}

// Every vision-language model's name and rows, walking the Hana tuples.
std::vector<std::pair<std::string, std::vector<kvmodel::CropRow>>> VlmRows() {
  std::vector<std::pair<std::string, std::vector<kvmodel::CropRow>>> tables;
  boost::hana::for_each(
      boost::hana::zip(kvmodel::kVlmCatalog, kVlmTables), [&](const auto& pair) {
        const auto& table = boost::hana::at_c<1>(pair);
        tables.emplace_back(std::string(boost::hana::at_c<0>(pair).name),
                            std::vector<kvmodel::CropRow>(table.begin(),
                                                          table.end()));
      });
  return tables;
}

using Renderer = std::function<std::string()>;

std::map<std::string, Renderer> Renderers() {
  const CropTableInfo seed = DescribeCropTable(kvmodel::kSeedVlm);
  std::map<std::string, Renderer> renderers = {
      {"seed_vlm_kv.h",
       [=] {
         return RenderCHeader(
             CropCHeader(seed, SeedRows(), "generated/seed_vlm_kv.h"));
       }},
      {"seed_vlm_kv.csv", [] { return RenderCsv(CropTableColumns(SeedRows())); }},
      {"seed_vlm_kv.md", [=] { return RenderCropMarkdown(seed, SeedRows()); }},
      {"catalog_kv.csv",
       [] {
         return RenderCsv(CatalogColumns(
             {kCatalogTable.begin(), kCatalogTable.end()}));
       }},
      {"vlm_kv.csv", [] { return RenderCsv(VlmColumns(VlmRows())); }},
  };
  for (const std::string& family : CatalogFamilies()) {
    renderers[FamilyChartName(family)] = [family] {
      return RenderSvg(FamilyChart(family));
    };
  }
  for (auto& [model, rows] : VlmRows()) {
    if (rows.size() < 2) continue;  // one grid: nothing to chart
    renderers[CropChartName(model)] = [model = model, rows = rows] {
      return RenderSvg(CropChart(model, rows));
    };
  }
  renderers[kMemoryChartName] = [] { return RenderSvg(MemoryChart()); };
  renderers["models/all.h"] = [] {
    return RenderCHeader(ModelsIndexHeader(
        {kvmodel::kCatalog.begin(), kvmodel::kCatalog.end()}));
  };
  for (std::size_t i = 0; i < kvmodel::kCatalog.size(); ++i) {
    renderers[ModelHeaderName(kvmodel::kCatalog[i])] = [i] {
      return RenderCHeader(ModelCHeader(kvmodel::kCatalog[i], kCatalogTable[i],
                                        kvmodel::ContextSweep(kvmodel::kCatalog[i])));
    };
  }
  return renderers;
}

int Main(int argc, char** argv) {
  const std::map<std::string, Renderer> renderers = Renderers();
  if (argc == 2 && std::string(argv[1]) == "--list") {
    for (const auto& [name, renderer] : renderers) {
      std::printf("%s\n", name.c_str());
    }
    return 0;
  }
  if (argc < 3) {
    std::fprintf(stderr, "kvgen: usage: kvgen OUT_DIR NAME... | kvgen --list\n");
    return 2;
  }
  const std::filesystem::path out_dir = argv[1];
  // Render everything first: an error leaves every output untouched.
  std::vector<fileio::Output> outputs;
  for (int i = 2; i < argc; ++i) {
    const auto renderer = renderers.find(argv[i]);
    if (renderer == renderers.end()) {
      std::fprintf(stderr, "kvgen: no generator for output '%s'\n", argv[i]);
      return 2;
    }
    const std::filesystem::path path = out_dir / argv[i];
    std::filesystem::create_directories(path.parent_path());
    outputs.push_back({path.string(), renderer->second(), 0});
  }
  if (const absl::Status written = fileio::WriteOutputs(outputs); !written.ok()) {
    std::fprintf(stderr, "kvgen: %s\n", std::string(written.message()).c_str());
    return 2;
  }
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
