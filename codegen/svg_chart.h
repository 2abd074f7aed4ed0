// codegen/svg_chart.h
//
// Pure renderers of SVG charts: they take series of exact integer values and
// return SVG text. Pixel positions are computed with integer arithmetic, so
// the output is byte-identical on every machine; values are labelled in GiB
// (2^30 bytes), and the axis title says so.
//
//   LineChart: one polyline per series over x values spaced by log2(x)
//              (contexts of 256, 512, ... tokens are evenly spaced);
//   BarChart:  one bar per category;
//   ShareChart: one horizontal bar per category, split into parts by their
//              share of the category's total, the total printed beside it.

#ifndef CODEGEN_SVG_CHART_H_
#define CODEGEN_SVG_CHART_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace kvtables::codegen {

// Series is a named line of (x, y) points, x ascending and positive.
struct Series {
  std::string name;
  std::vector<std::pair<std::uint64_t, std::uint64_t>> points;
};

// LineChart: y values are bytes, x values tokens.
struct LineChart {
  std::string title;
  std::string x_label;
  std::string y_label;
  std::vector<Series> series;
};

// BarChart: one value in bytes per category label.
struct BarChart {
  std::string title;
  std::string x_label;
  std::string y_label;
  std::vector<std::pair<std::string, std::uint64_t>> bars;
};

// ShareChart: per category, parts in bytes (same order as part_names).
struct ShareChart {
  std::string title;
  std::vector<std::string> part_names;
  std::vector<std::pair<std::string, std::vector<std::uint64_t>>> bars;
};

std::string RenderSvg(const LineChart& chart);
std::string RenderSvg(const BarChart& chart);
std::string RenderSvg(const ShareChart& chart);

}  // namespace kvtables::codegen

#endif  // CODEGEN_SVG_CHART_H_
