// codegen/text_table.h
//
// Pure renderers of a table of text cells: CSV, Markdown and JSON. They take
// rows and return text; they do no arithmetic. Output is deterministic: rows
// in the given order, LF line endings, a final newline.
//
//   TextTable t{{{"grid", "Crop grid", false}, {"kv_bytes", "KV (bytes)", true}},
//               {{"1x2", "66662400"}}};
//   RenderCsv(t)  == "grid,kv_bytes\n1x2,66662400\n"
//   RenderJson(t) == "[\n  {\"grid\": \"1x2\", \"kv_bytes\": 66662400}\n]\n"

#ifndef CODEGEN_TEXT_TABLE_H_
#define CODEGEN_TEXT_TABLE_H_

#include <string>
#include <vector>

namespace kvtables::codegen {

// Column names a table column: `key` in CSV and JSON, `label` in Markdown;
// `numeric` cells are JSON numbers, other cells JSON strings.
struct Column {
  std::string key;
  std::string label;
  bool numeric = false;
};

// TextTable is columns and rows of already formatted cells.
struct TextTable {
  std::vector<Column> columns;
  std::vector<std::vector<std::string>> rows;
};

// RenderCsv() is a header row of keys, then one line per row. Cells holding
// a comma, a quote or a newline are quoted.
std::string RenderCsv(const TextTable& table);

// RenderMarkdown() is a Markdown table with centred columns, labelled by
// Column::label.
std::string RenderMarkdown(const TextTable& table);

// RenderJson() is a JSON array with one object per row, keyed by Column::key.
std::string RenderJson(const TextTable& table);

}  // namespace kvtables::codegen

#endif  // CODEGEN_TEXT_TABLE_H_
