#include "codegen/crop_table_output.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "kvmodel/crop_table.h"
#include "kvmodel/seed_vlm.h"

namespace kvtables::codegen {
namespace {

// A two-row table of the seed layout, checked by hand: grid 1x2 has 483
// image tokens, 493 prompt tokens; 122,880 bytes per token.
std::vector<kvmodel::CropRow> TwoRows() {
  auto spec = kvmodel::kSeedVlm;
  spec.grids = {2, 3, kvmodel::Orientations::kRowsAtMostCols};
  return kvmodel::CropTableRows(spec);
}

TEST(CropTableOutputTest, CsvCarriesExactBytesAndSeedDecimals) {
  const std::string csv = RenderCsv(CropTableColumns(TwoRows()));
  EXPECT_EQ(csv.substr(0, csv.find('\n')),
            "grid_h,grid_w,num_crops,image_tokens,cross_tokens,prompt_tokens,"
            "decode_steps,"
            "kv_bytes_per_token,kv_bytes_mean,kv_bytes_peak,kv_gib_normal,"
            "kv_gib_flash,eager_prefill_working_bytes,"
            "flash_prefill_working_bytes,eager_peak_bytes,flash_peak_bytes");
  // 1x2: mean 122,880 * 542.5 = 66,662,400; peak 122,880 * 593 =
  // 72,867,840; eager prefill 32 heads * 493^2 * 2 bytes = 15,555,136;
  // flash prefill 32 * 493 * 4 = 63,104.
  EXPECT_NE(csv.find("\n1,2,2,483,0,493,100,122880,66662400,72867840,0.0621,"
                     "0.0621,15555136,63104,"),
            std::string::npos)
      << csv;
}

TEST(CropTableOutputTest, MeanBytesAreExactDecimalsOrRefused) {
  // A tiny model whose one layer slides over 494 tokens: 1 KV head of one
  // f32 value, 8 bytes per token for K and V. Grid 1x2: a 493-token prompt.
  auto spec = kvmodel::kSeedVlm;
  spec.grids = {2, 2, kvmodel::Orientations::kRowsAtMostCols};
  spec.text_model.attention = {1, 1, 1, 1, 1, kvmodel::StorageFormat::kF32,
                               kvmodel::StorageFormat::kF32};
  spec.text_model.sliding_window_layers = 1;
  spec.text_model.sliding_window_tokens = 494;
  // K = 16: the cache holds 493, then 494 (capped) for 15 steps: 7,903
  // tokens over 16 steps, 8 * 7,903 / 16 = 3,951.5 bytes on average.
  spec.decode_steps = 16;
  const std::string csv =
      RenderCsv(CropTableColumns(kvmodel::CropTableRows(spec)));
  EXPECT_NE(csv.find(",8,3951.5,"), std::string::npos) << csv;
  // K = 7: 493 + 6 * 494 = 3,457 tokens over 7 steps: 8 * 3,457 / 7 bytes,
  // which no finite decimal writes exactly.
  spec.decode_steps = 7;
  EXPECT_THROW(CropTableColumns(kvmodel::CropTableRows(spec)),
               kvmodel::InvalidModel);
}

TEST(CropTableOutputTest, MarkdownHasTheSeedLayout) {
  const std::string md =
      RenderCropMarkdown(DescribeCropTable(kvmodel::kSeedVlm), TwoRows());
  EXPECT_NE(md.find("|2|1x2|483|100|0.0621|0.0621|\n"), std::string::npos)
      << md;
  EXPECT_NE(md.find("|3|1x3|583|100|0.0735|0.0735|\n"), std::string::npos);
  EXPECT_NE(md.find("GiB (2^30 bytes)"), std::string::npos);
}

TEST(CropTableOutputTest, HeaderNamesItsGeneratorAndUnits) {
  const std::string h = RenderCHeader(CropCHeader(
      DescribeCropTable(kvmodel::kSeedVlm), TwoRows(), "generated/x.h"));
  EXPECT_NE(h.find("GENERATED FILE, DO NOT EDIT"), std::string::npos);
  EXPECT_NE(h.find("bazel run //tools:regenerate"), std::string::npos);
  EXPECT_NE(h.find("#define SEED_VLM_KV_KV_BYTES_PER_TOKEN UINT64_C(122880)"),
            std::string::npos);
  EXPECT_NE(h.find("{1u, 2u, 2u, 483u, 493u, UINT64_C(72867840), "
                   "UINT64_C(66662400),"),
            std::string::npos)
      << h;
}

}  // namespace
}  // namespace kvtables::codegen
