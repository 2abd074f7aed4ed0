// codegen/charts.h
//
// The charts kvgen draws from the constexpr tables (codegen/svg_chart.h
// renders them): KV cache against context for each model family, KV cache
// against crop grid for each vision-language model, and the share of
// weights, KV cache and working memory in each catalog model's total.

#ifndef CODEGEN_CHARTS_H_
#define CODEGEN_CHARTS_H_

#include <string>
#include <utility>
#include <vector>

#include "codegen/svg_chart.h"
#include "kvmodel/crop_table.h"
#include "kvmodel/model.h"

namespace kvtables::codegen {

// FamilyChartName() is "charts/kv_context_<family>.svg" for a family name.
std::string FamilyChartName(const std::string& family);

// CatalogFamilies() is every family of the catalog, in catalog order.
std::vector<std::string> CatalogFamilies();

// FamilyChart() is the 16-bit KV cache of one sequence against context for
// every catalog model of `family`.
LineChart FamilyChart(const std::string& family);

// CropChartName() is "charts/kv_crops_<model>.svg".
std::string CropChartName(const std::string& model);

// CropChart() is a vision-language model's peak KV cache by crop grid.
BarChart CropChart(const std::string& model,
                   const std::vector<kvmodel::CropRow>& rows);

// kMemoryChartName is the memory breakdown chart's name.
inline constexpr char kMemoryChartName[] = "charts/memory_breakdown.svg";

// MemoryChart() splits each catalog model's memory for one sequence of
// 32,768 tokens (or its max context, if shorter): Q4_K_M weights, 16-bit KV
// cache, flash-attention working memory.
ShareChart MemoryChart();

}  // namespace kvtables::codegen

#endif  // CODEGEN_CHARTS_H_
