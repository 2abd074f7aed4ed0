#include "codegen/svg_chart.h"

#include <string>

#include "gtest/gtest.h"
#include "kvmodel/checked.h"
#include "kvmodel/units.h"

namespace kvtables::codegen {
namespace {

TEST(SvgChartTest, LinePointsAreExactPixels) {
  // Plot 90..600 wide, 50..370 high; y axis max 4 GiB.
  const LineChart chart{"t", "x", "y",
                        {{"a", {{256, 0}, {1024, 2 * kvmodel::kGiB},
                                {4096, 4 * kvmodel::kGiB}}}}};
  const std::string svg = RenderSvg(chart);
  // log2 spacing over 510 px: 256 -> x 90, 1024 -> 90 + 255, 4096 -> 600;
  // y 370, 210, 50.
  EXPECT_NE(svg.find("points=\"90,370 345,210 600,50\""), std::string::npos)
      << svg;
  EXPECT_NE(svg.find(">4.00</text>"), std::string::npos);  // top tick, GiB
  EXPECT_EQ(svg.rfind("</svg>\n"), svg.size() - 7);
}

TEST(SvgChartTest, BarsAndShares) {
  const BarChart bars{"t", "x", "y", {{"1x2", kvmodel::kGiB}, {"2x2", 2 * kvmodel::kGiB}}};
  const std::string b = RenderSvg(bars);
  // Two slots of 255 px; the 2 GiB bar reaches the top (y 50), 320 high.
  EXPECT_NE(b.find("y=\"50\" width=\"191\" height=\"320\""), std::string::npos) << b;
  const ShareChart share{"t", {"w", "kv"}, {{"m", {3 * kvmodel::kGiB, kvmodel::kGiB}}}};
  const std::string s = RenderSvg(share);
  // 450 px of bar: 3/4 weights (337 px), the rest KV; total 4.0 GiB.
  EXPECT_NE(s.find("x=\"150\" y=\"50\" width=\"337\""), std::string::npos) << s;
  EXPECT_NE(s.find(">4.0 GiB</text>"), std::string::npos);
}

TEST(SvgChartTest, EscapesTextAndRejectsEmptyCharts) {
  const BarChart bars{"a<b & c", "x", "y", {{"q", 1}}};
  EXPECT_NE(RenderSvg(bars).find("a&lt;b &amp; c"), std::string::npos);
  EXPECT_THROW(RenderSvg(BarChart{"t", "x", "y", {}}), kvmodel::InvalidModel);
  EXPECT_THROW(RenderSvg(LineChart{"t", "x", "y", {}}), kvmodel::InvalidModel);
}

}  // namespace
}  // namespace kvtables::codegen
