// codegen/crop_table_output.h
//
// The outputs of a crop-grid table (kvmodel/crop_table.h): CSV, Markdown in
// the seed table's layout, JSON, and a C header for deployers. Each takes the
// table's rows and a description of its spec and returns text.
//
// Every byte figure is printed as an exact integer; the GiB columns (2^30
// bytes, 4 decimals, as the seed prints them) are labelled as GiB.

#ifndef CODEGEN_CROP_TABLE_OUTPUT_H_
#define CODEGEN_CROP_TABLE_OUTPUT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "codegen/c_header.h"
#include "codegen/text_table.h"
#include "kvmodel/attention.h"
#include "kvmodel/crop_table.h"
#include "kvmodel/fingerprint.h"
#include "kvmodel/model.h"
#include "kvmodel/vision_layout.h"

namespace kvtables::codegen {

// kCropTableSchemaVersion is the version of the generated C header's row
// layout (docs: generated/README.md). Bump it with any change to the fields.
inline constexpr std::uint32_t kCropTableSchemaVersion = 1;

// CropTableInfo is what the outputs say about the spec behind a table.
struct CropTableInfo {
  std::string name;
  std::string layout;  // one line describing the vision token layout
  kvmodel::ModelSpec text_model;
  std::uint64_t kv_bytes_per_token = 0;
  std::uint64_t text_tokens = 0;
  std::uint64_t decode_steps = 0;
  std::uint64_t batch_size = 1;
  std::uint64_t fingerprint = 0;
};

// DescribeLayout() is a one-line description of a layout.
std::string DescribeLayout(const kvmodel::TiledNewlineLayout& layout);
std::string DescribeLayout(const kvmodel::PerTileLayout& layout);
std::string DescribeLayout(const kvmodel::FixedLayout& layout);
std::string DescribeLayout(const kvmodel::CrossAttentionLayout& layout);

// DescribeCropTable() is the info of a spec.
template <typename Layout>
CropTableInfo DescribeCropTable(const kvmodel::CropTableSpec<Layout>& spec) {
  return {std::string(spec.name),
          DescribeLayout(spec.layout),
          spec.text_model,
          kvmodel::ModelKvBytesPerToken(spec.text_model),
          spec.text_tokens,
          spec.decode_steps,
          spec.batch_size,
          kvmodel::Fingerprint(spec)};
}

// CropTableColumns() is the full table, one column per figure: what CSV and
// JSON carry.
TextTable CropTableColumns(const std::vector<kvmodel::CropRow>& rows);

// RenderCropMarkdown() is the seed table's layout (six columns, mean KV in
// GiB under normal and flash attention), then peak and working memory.
std::string RenderCropMarkdown(const CropTableInfo& info,
                               const std::vector<kvmodel::CropRow>& rows);

// CropCHeader() is the C header of a table; `path` is its repository path.
CHeader CropCHeader(const CropTableInfo& info,
                    const std::vector<kvmodel::CropRow>& rows,
                    const std::string& path);

}  // namespace kvtables::codegen

#endif  // CODEGEN_CROP_TABLE_OUTPUT_H_
