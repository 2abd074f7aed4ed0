#include "codegen/charts.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "codegen/c_header.h"
#include "kvmodel/catalog.h"
#include "kvmodel/catalog_table.h"
#include "kvmodel/deployment.h"
#include "kvmodel/weights.h"

namespace kvtables::codegen {
namespace {

// A lower-case file-name form of a name: "Gemma 3" -> "gemma_3".
std::string Slug(const std::string& name) {
  std::string slug = Identifier(name);
  for (char& c : slug) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return slug;
}

constexpr std::uint64_t kMemoryChartContext = 32768;

}  // namespace

std::string FamilyChartName(const std::string& family) {
  return "charts/kv_context_" + Slug(family) + ".svg";
}

std::vector<std::string> CatalogFamilies() {
  std::vector<std::string> families;
  for (const kvmodel::ModelSpec& m : kvmodel::kCatalog) {
    const std::string family(m.family);
    if (std::find(families.begin(), families.end(), family) == families.end()) {
      families.push_back(family);
    }
  }
  return families;
}

LineChart FamilyChart(const std::string& family) {
  LineChart chart{family + ": KV cache of one sequence, f16/bf16",
                  "context (tokens, log scale)", "KV cache (GiB, 2^30 bytes)",
                  {}};
  for (const kvmodel::ModelSpec& m : kvmodel::kCatalog) {
    if (m.family != family) continue;
    const kvmodel::Sweep sweep = kvmodel::ContextSweep(m);
    Series series{std::string(m.name), {}};
    for (std::size_t i = 0; i < sweep.count; ++i) {
      series.points.emplace_back(sweep.rows[i].context_tokens,
                                 sweep.rows[i].kv_bytes_16bit);
    }
    chart.series.push_back(std::move(series));
  }
  return chart;
}

std::string CropChartName(const std::string& model) {
  return "charts/kv_crops_" + Slug(model) + ".svg";
}

BarChart CropChart(const std::string& model,
                   const std::vector<kvmodel::CropRow>& rows) {
  BarChart chart{model + ": peak KV cache by crop grid (prompt + decode horizon)",
                 "crop grid (rows x columns)", "peak KV cache (GiB, 2^30 bytes)",
                 {}};
  for (const kvmodel::CropRow& row : rows) {
    chart.bars.emplace_back(
        std::to_string(row.grid.rows) + "x" + std::to_string(row.grid.columns),
        row.kv_peak.total());
  }
  return chart;
}

ShareChart MemoryChart() {
  ShareChart chart{
      "Memory per model, one 32,768-token sequence (or its max context)",
      {"weights (Q4_K_M average)", "KV cache (f16)", "working memory (flash)"},
      {}};
  for (const kvmodel::ModelSpec& m : kvmodel::kCatalog) {
    kvmodel::Deployment d;
    d.model = m;
    d.weights = *kvmodel::ParseWeightFormat("Q4_K_M");
    d.context_tokens = std::min(kMemoryChartContext, m.max_context_tokens);
    const kvmodel::MemoryBreakdown b = kvmodel::Memory(d);
    chart.bars.emplace_back(std::string(m.name),
                            std::vector<std::uint64_t>{
                                b.weights_bytes, b.kv_bytes(), b.working_bytes});
  }
  return chart;
}

}  // namespace kvtables::codegen
