#include "codegen/text_table.h"

#include "gtest/gtest.h"

namespace kvtables::codegen {
namespace {

TextTable Example() {
  return {{{"grid", "Crop grid", false}, {"kv_bytes", "KV (bytes)", true}},
          {{"1x2", "66662400"}, {"2x2", "86016000"}}};
}

TEST(TextTableTest, Csv) {
  EXPECT_EQ(RenderCsv(Example()),
            "grid,kv_bytes\n1x2,66662400\n2x2,86016000\n");
}

TEST(TextTableTest, CsvQuotesSpecialCells) {
  const TextTable t{{{"a", "A", false}}, {{"x,y"}, {"say \"hi\""}}};
  EXPECT_EQ(RenderCsv(t), "a\n\"x,y\"\n\"say \"\"hi\"\"\"\n");
}

TEST(TextTableTest, Markdown) {
  EXPECT_EQ(RenderMarkdown(Example()),
            "|Crop grid|KV (bytes)|\n| :---: | :---: |\n|1x2|66662400|\n"
            "|2x2|86016000|\n");
}

TEST(TextTableTest, Json) {
  EXPECT_EQ(RenderJson(Example()),
            "[\n  {\"grid\": \"1x2\", \"kv_bytes\": 66662400},\n"
            "  {\"grid\": \"2x2\", \"kv_bytes\": 86016000}\n]\n");
  EXPECT_EQ(RenderJson({{{"a", "A", false}}, {}}), "[]\n");
  const TextTable escaped{{{"a", "A", false}}, {{"q\"\\\n"}}};
  EXPECT_EQ(RenderJson(escaped), "[\n  {\"a\": \"q\\\"\\\\\\n\"}\n]\n");
}

}  // namespace
}  // namespace kvtables::codegen
