#include "codegen/svg_chart.h"

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <string>

#include "kvmodel/checked.h"
#include "kvmodel/units.h"

namespace kvtables::codegen {
namespace {

constexpr std::uint64_t kWidth = 800;
constexpr std::uint64_t kLeft = 90;
constexpr std::uint64_t kRight = 200;  // room for the legend
constexpr std::uint64_t kTop = 50;
constexpr std::uint64_t kPlotHeight = 320;
constexpr std::uint64_t kPlotWidth = kWidth - kLeft - kRight;
constexpr int kTicks = 4;

// Eight colours that stay apart for common colour-vision deficiencies.
constexpr const char* kColours[] = {"#0072b2", "#e69f00", "#009e73", "#cc79a7",
                                    "#56b4e9", "#d55e00", "#f0e442", "#000000"};

const char* Colour(std::size_t i) { return kColours[i % std::size(kColours)]; }

std::string Escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string N(std::uint64_t value) { return std::to_string(value); }

std::string Text(std::uint64_t x, std::uint64_t y, const std::string& text,
                 const char* anchor = "start", const char* extra = "") {
  return "<text x=\"" + N(x) + "\" y=\"" + N(y) + "\" text-anchor=\"" +
         anchor + "\"" + extra + ">" + Escape(text) + "</text>\n";
}

std::string Open(std::uint64_t height, const std::string& title) {
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + N(kWidth) +
         "\" height=\"" + N(height) + "\" viewBox=\"0 0 " + N(kWidth) + " " +
         N(height) +
         "\" font-family=\"sans-serif\" font-size=\"12\">\n"
         "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n" +
         Text(kWidth / 2, 24, title, "middle", " font-size=\"16\"");
}

// A y position for `value` in [0, max], exact: bottom - value * height / max.
std::uint64_t Y(std::uint64_t value, std::uint64_t max) {
  return kTop + kPlotHeight - kvmodel::CheckedMul(value, kPlotHeight) / max;
}

// The y axis: gridlines and GiB labels at max * i / kTicks.
std::string YAxis(std::uint64_t max, const std::string& label) {
  std::string out;
  for (int i = 0; i <= kTicks; ++i) {
    const std::uint64_t value = max / kTicks * static_cast<std::uint64_t>(i);
    const std::uint64_t y = Y(value, max);
    out += "<line x1=\"" + N(kLeft) + "\" y1=\"" + N(y) + "\" x2=\"" +
           N(kLeft + kPlotWidth) + "\" y2=\"" + N(y) +
           "\" stroke=\"#dddddd\"/>\n";
    out += Text(kLeft - 6, y + 4,
                kvmodel::FormatInUnit({value, 1}, kvmodel::kGiBUnit, 2), "end");
  }
  out += "<line x1=\"" + N(kLeft) + "\" y1=\"" + N(kTop) + "\" x2=\"" +
         N(kLeft) + "\" y2=\"" + N(kTop + kPlotHeight) +
         "\" stroke=\"#000000\"/>\n";
  out += "<text transform=\"translate(20 " + N(kTop + kPlotHeight / 2) +
         ") rotate(-90)\" text-anchor=\"middle\">" + Escape(label) +
         "</text>\n";
  return out;
}

// The largest y, rounded up to a multiple of kTicks so ticks are exact.
std::uint64_t AxisMax(std::uint64_t max) {
  return std::max<std::uint64_t>(kvmodel::RoundUp(std::max<std::uint64_t>(max, 1), kTicks), kTicks);
}

// log2(x) in 1/1024ths, exact for powers of two, linear between them.
std::uint64_t Log2Fixed(std::uint64_t x) {
  const std::uint64_t whole = static_cast<std::uint64_t>(std::bit_width(x)) - 1;
  const std::uint64_t base = std::uint64_t{1} << whole;
  return whole * 1024 + (x - base) * 1024 / base;
}

std::string Legend(const std::vector<std::string>& names) {
  std::string out;
  std::uint64_t y = kTop + 10;
  for (std::size_t i = 0; i < names.size(); ++i, y += 18) {
    out += "<rect x=\"" + N(kLeft + kPlotWidth + 16) + "\" y=\"" + N(y - 9) +
           "\" width=\"12\" height=\"10\" fill=\"" + Colour(i) + "\"/>\n";
    out += Text(kLeft + kPlotWidth + 34, y, names[i]);
  }
  return out;
}

}  // namespace

std::string RenderSvg(const LineChart& chart) {
  std::uint64_t max_y = 0;
  std::uint64_t min_x = UINT64_MAX;
  std::uint64_t max_x = 0;
  std::vector<std::string> names;
  for (const Series& s : chart.series) {
    names.push_back(s.name);
    for (const auto& [x, y] : s.points) {
      kvmodel::Require(x > 0, "a line chart needs positive x values");
      max_y = std::max(max_y, y);
      min_x = std::min(min_x, x);
      max_x = std::max(max_x, x);
    }
  }
  kvmodel::Require(max_x > 0, "a line chart needs points");
  const std::uint64_t axis_max = AxisMax(max_y);
  const std::uint64_t lo = Log2Fixed(min_x);
  const std::uint64_t span = std::max<std::uint64_t>(Log2Fixed(max_x) - lo, 1);
  const auto x_px = [&](std::uint64_t x) {
    return kLeft + (Log2Fixed(x) - lo) * kPlotWidth / span;
  };
  const std::uint64_t height = kTop + kPlotHeight + 60;
  std::string out = Open(height, chart.title) + YAxis(axis_max, chart.y_label);
  // x ticks at every power of two that is in range.
  for (std::uint64_t x = std::bit_ceil(min_x); x <= max_x && x != 0; x *= 4) {
    out += Text(x_px(x), kTop + kPlotHeight + 18, N(x), "middle");
  }
  out += Text(kLeft + kPlotWidth / 2, kTop + kPlotHeight + 42, chart.x_label,
              "middle");
  for (std::size_t i = 0; i < chart.series.size(); ++i) {
    out += "<polyline fill=\"none\" stroke=\"" + std::string(Colour(i)) +
           "\" stroke-width=\"2\" points=\"";
    for (std::size_t p = 0; p < chart.series[i].points.size(); ++p) {
      const auto& [x, y] = chart.series[i].points[p];
      out += (p > 0 ? " " : "") + N(x_px(x)) + "," + N(Y(y, axis_max));
    }
    out += "\"/>\n";
  }
  return out + Legend(names) + "</svg>\n";
}

std::string RenderSvg(const BarChart& chart) {
  kvmodel::Require(!chart.bars.empty(), "a bar chart needs bars");
  std::uint64_t max_y = 0;
  for (const auto& bar : chart.bars) max_y = std::max(max_y, bar.second);
  const std::uint64_t axis_max = AxisMax(max_y);
  const std::uint64_t slot = kPlotWidth / chart.bars.size();
  const std::uint64_t height = kTop + kPlotHeight + 80;
  std::string out = Open(height, chart.title) + YAxis(axis_max, chart.y_label);
  for (std::size_t i = 0; i < chart.bars.size(); ++i) {
    const std::uint64_t x = kLeft + i * slot;
    const std::uint64_t y = Y(chart.bars[i].second, axis_max);
    out += "<rect x=\"" + N(x + slot / 8) + "\" y=\"" + N(y) + "\" width=\"" +
           N(std::max<std::uint64_t>(slot * 3 / 4, 1)) + "\" height=\"" +
           N(kTop + kPlotHeight - y) + "\" fill=\"" + Colour(0) + "\"/>\n";
    out += "<text transform=\"translate(" + N(x + slot / 2 + 4) + " " +
           N(kTop + kPlotHeight + 8) +
           ") rotate(90)\" font-size=\"10\">" + Escape(chart.bars[i].first) +
           "</text>\n";
  }
  out += Text(kLeft + kPlotWidth / 2, height - 8, chart.x_label, "middle");
  return out + "</svg>\n";
}

std::string RenderSvg(const ShareChart& chart) {
  kvmodel::Require(!chart.bars.empty(), "a share chart needs bars");
  constexpr std::uint64_t kBarHeight = 14;
  constexpr std::uint64_t kPitch = 18;
  constexpr std::uint64_t kLabel = 150;  // model names left of the bars
  const std::uint64_t width = kWidth - kLabel - kRight;
  const std::uint64_t height = kTop + kPitch * chart.bars.size() + 30;
  std::string out = Open(height, chart.title);
  for (std::size_t i = 0; i < chart.bars.size(); ++i) {
    const auto& [name, parts] = chart.bars[i];
    kvmodel::Require(parts.size() == chart.part_names.size(),
                     "every bar needs one value per part");
    std::uint64_t total = 0;
    for (std::uint64_t part : parts) total = kvmodel::CheckedAdd(total, part);
    kvmodel::Require(total > 0, "a share bar needs a positive total");
    const std::uint64_t y = kTop + i * kPitch;
    out += Text(kLabel - 6, y + 11, name, "end");
    std::uint64_t start = 0;  // cumulative bytes before this part
    for (std::size_t p = 0; p < parts.size(); ++p) {
      const std::uint64_t x0 = kLabel + kvmodel::CheckedMul(start, width) / total;
      start += parts[p];
      const std::uint64_t x1 = kLabel + kvmodel::CheckedMul(start, width) / total;
      out += "<rect x=\"" + N(x0) + "\" y=\"" + N(y) + "\" width=\"" +
             N(x1 - x0) + "\" height=\"" + N(kBarHeight) + "\" fill=\"" +
             Colour(p) + "\"/>\n";
    }
    out += Text(kLabel + width + 6, y + 11,
                kvmodel::FormatWithUnit({total, 1}, kvmodel::kGiBUnit, 1));
  }
  std::vector<std::string> names = chart.part_names;
  std::string legend;
  std::uint64_t x = 40;
  for (std::size_t p = 0; p < names.size(); ++p, x += 240) {
    legend += "<rect x=\"" + N(x) + "\" y=\"" + N(height - 20) +
              "\" width=\"12\" height=\"10\" fill=\"" + Colour(p) + "\"/>\n";
    legend += Text(x + 18, height - 11, names[p]);
  }
  return out + legend + "</svg>\n";
}

}  // namespace kvtables::codegen
