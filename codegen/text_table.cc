#include "codegen/text_table.h"

#include <cstddef>
#include <string>

namespace kvtables::codegen {
namespace {

std::string CsvCell(const std::string& cell) {
  if (cell.find_first_of(",\"\n") == std::string::npos) return cell;
  std::string quoted = "\"";
  for (char c : cell) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

std::string JsonString(const std::string& text) {
  std::string quoted = "\"";
  for (char c : text) {
    switch (c) {
      case '"':
        quoted += "\\\"";
        break;
      case '\\':
        quoted += "\\\\";
        break;
      case '\n':
        quoted += "\\n";
        break;
      default:
        quoted += c;
    }
  }
  return quoted + "\"";
}

}  // namespace

std::string RenderCsv(const TextTable& table) {
  std::string out;
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    if (c > 0) out += ',';
    out += CsvCell(table.columns[c].key);
  }
  out += '\n';
  for (const auto& row : table.rows) {
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (c > 0) out += ',';
      out += CsvCell(row[c]);
    }
    out += '\n';
  }
  return out;
}

std::string RenderMarkdown(const TextTable& table) {
  std::string out = "|";
  for (const Column& column : table.columns) out += column.label + "|";
  out += "\n|";
  for (std::size_t c = 0; c < table.columns.size(); ++c) out += " :---: |";
  out += '\n';
  for (const auto& row : table.rows) {
    out += '|';
    for (const std::string& cell : row) out += cell + "|";
    out += '\n';
  }
  return out;
}

std::string RenderJson(const TextTable& table) {
  if (table.rows.empty()) return "[]\n";
  std::string out = "[\n";
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    out += "  {";
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      if (c > 0) out += ", ";
      out += JsonString(table.columns[c].key) + ": ";
      out += table.columns[c].numeric ? table.rows[r][c]
                                      : JsonString(table.rows[r][c]);
    }
    out += r + 1 < table.rows.size() ? "},\n" : "}\n";
  }
  return out + "]\n";
}

}  // namespace kvtables::codegen
