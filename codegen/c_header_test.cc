#include "codegen/c_header.h"

#include <cstdint>

#include "gtest/gtest.h"
#include "kvmodel/checked.h"

namespace kvtables::codegen {
namespace {

CHeader Example() {
  CHeader h;
  h.path = "generated/demo.h";
  h.prefix = "demo";
  h.banner = {"demo.h: a demo.", "", "GENERATED FILE."};
  h.constants = {{"schema_version", CType::kUint32, 1, "Row layout."}};
  h.tables = {{"row", "rows", "The rows.",
               {{"a", CType::kUint32, "first"}, {"b", CType::kUint64, "second"}},
               {{1, 2}, {3, std::uint64_t{1} << 40}}}};
  return h;
}

TEST(CHeaderTest, CommentTextCannotLeaveTheComment) {
  EXPECT_EQ(CommentText("llama-3.1-8b (meta-llama/Llama-3.1-8B)"),
            "llama-3.1-8b (meta-llama/Llama-3.1-8B)");
  EXPECT_EQ(CommentText("a*/\n#define X"), "a*\\x2f\\x0a#define X");
  EXPECT_EQ(CommentText("end\\"), "end\\x5c");  // no line splice
  EXPECT_EQ(CommentText("a /* b"), "a /\\x2a b");  // no nested comment
  EXPECT_EQ(CommentText("?\?/"), "\\x3f?/");     // no trigraph
  EXPECT_EQ(CommentText("\x1b[31m\xc3\xa9"), "\\x1b[31m\\xc3\\xa9");
}

TEST(CHeaderTest, BannerAndCommentsAreCommentText) {
  CHeader h = Example();
  h.banner = {"name */ int injected;"};
  h.constants[0].comment = "x */ int injected2; /*";
  const std::string text = RenderCHeader(h);
  EXPECT_EQ(text.find("*/ int injected"), std::string::npos);
  EXPECT_NE(text.find(" * name *\\x2f int injected;"), std::string::npos);
}

TEST(CHeaderTest, Guard) {
  EXPECT_EQ(IncludeGuard("generated/seed_vlm_kv.h"),
            "KVTABLES_GENERATED_SEED_VLM_KV_H_");
  EXPECT_EQ(MacroName("seed-vlm kv"), "SEED_VLM_KV");
  EXPECT_EQ(Identifier("llama-3.1-8b"), "llama_3_1_8b");
  EXPECT_EQ(Identifier("Gemma 3"), "Gemma_3");
}

TEST(CHeaderTest, RendersDataOnlyC) {
  EXPECT_EQ(RenderCHeader(Example()),
            "/*\n"
            " * demo.h: a demo.\n"
            " *\n"
            " * GENERATED FILE.\n"
            " */\n"
            "#ifndef KVTABLES_GENERATED_DEMO_H_\n"
            "#define KVTABLES_GENERATED_DEMO_H_\n"
            "\n"
            "#include <stddef.h>\n"
            "#include <stdint.h>\n"
            "\n"
            "/* Row layout. */\n"
            "#define DEMO_SCHEMA_VERSION 1u\n"
            "\n"
            "/* The rows. */\n"
            "#define DEMO_ROW_COUNT 2u\n"
            "typedef struct demo_row {\n"
            "  uint32_t a; /* first */\n"
            "  uint64_t b; /* second */\n"
            "} demo_row;\n"
            "static const demo_row demo_rows[DEMO_ROW_COUNT] = {\n"
            "    {1u, UINT64_C(2)},\n"
            "    {3u, UINT64_C(1099511627776)},\n"
            "};\n"
            "\n"
            "#endif /* KVTABLES_GENERATED_DEMO_H_ */\n");
}

TEST(CHeaderTest, RefusesToTruncate) {
  CHeader h = Example();
  h.tables[0].rows[0][0] = std::uint64_t{1} << 32;
  EXPECT_THROW(RenderCHeader(h), kvmodel::Overflow);
}

TEST(CHeaderTest, RefusesRaggedRows) {
  CHeader h = Example();
  h.tables[0].rows[1].pop_back();
  EXPECT_THROW(RenderCHeader(h), kvmodel::InvalidModel);
}

}  // namespace
}  // namespace kvtables::codegen
