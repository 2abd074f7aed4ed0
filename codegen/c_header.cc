#include "codegen/c_header.h"

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>

#include "kvmodel/checked.h"

namespace kvtables::codegen {

std::string Identifier(std::string_view text) {
  std::string out;
  for (char c : text) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                       (c >= '0' && c <= '9');
    out += alnum ? c : '_';
  }
  return out;
}

std::string MacroName(const std::string& text) {
  std::string out = Identifier(text);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

namespace {

const char* TypeName(CType type) {
  return type == CType::kUint32 ? "uint32_t" : "uint64_t";
}

std::string Hex(std::uint64_t value) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string text = "0x";
  for (int shift = 60; shift >= 0; shift -= 4) text += kDigits[(value >> shift) & 0xf];
  return text;
}

std::string Literal(CType type, std::uint64_t value, const std::string& what,
                    bool hex = false) {
  if (type == CType::kUint32) {
    if (value > std::numeric_limits<std::uint32_t>::max()) {
      throw kvmodel::Overflow("overflow: " + what + " = " +
                              std::to_string(value) +
                              " does not fit in uint32_t");
    }
    return std::to_string(value) + "u";
  }
  return "UINT64_C(" + (hex ? Hex(value) : std::to_string(value)) + ")";
}

}  // namespace

std::string CommentText(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const char next = i + 1 < text.size() ? text[i + 1] : '\0';
    const char prev = i > 0 ? text[i - 1] : '\0';
    const bool closes = (c == '/' && prev == '*') || (c == '*' && prev == '/');
    const bool trigraph = c == '?' && next == '?';
    if (c >= 0x20 && c < 0x7f && c != '\\' && !closes && !trigraph) {
      out.push_back(static_cast<char>(c));
    } else {
      static constexpr char kHex[] = "0123456789abcdef";
      out += {'\\', 'x', kHex[c >> 4], kHex[c & 15]};
    }
  }
  return out;
}

std::string IncludeGuard(const std::string& path) {
  return "KVTABLES_" + MacroName(path) + "_";
}

std::string RenderCHeader(const CHeader& header) {
  const std::string macro = MacroName(header.prefix);
  const std::string guard = IncludeGuard(header.path);
  std::string out = "/*\n";
  for (const std::string& line : header.banner) {
    out += line.empty() ? " *\n" : " * " + CommentText(line) + "\n";
  }
  out += " */\n";
  out += "#ifndef " + guard + "\n#define " + guard + "\n\n";
  out += "#include <stddef.h>\n#include <stdint.h>\n\n";

  for (const CConstant& constant : header.constants) {
    out += "/* " + CommentText(constant.comment) + " */\n";
    out += "#define " + macro + "_" + MacroName(constant.name) + " " +
           Literal(constant.type, constant.value, constant.name,
                   constant.hex) +
           "\n";
  }
  out += "\n";

  for (const CTable& table : header.tables) {
    const std::string type = header.prefix + "_" + table.row;
    const std::string count = macro + "_" + MacroName(table.row) + "_COUNT";
    out += "/* " + CommentText(table.comment) + " */\n";
    out += "#define " + count + " " +
           Literal(CType::kUint32, table.rows.size(), count) + "\n";
    out += "typedef struct " + type + " {\n";
    for (const CField& field : table.fields) {
      out += "  " + std::string(TypeName(field.type)) + " " + field.name +
             "; /* " + CommentText(field.comment) + " */\n";
    }
    out += "} " + type + ";\n";
    out += "static const " + type + " " + header.prefix + "_" + table.array +
           "[" + count + "] = {\n";
    for (const auto& row : table.rows) {
      if (row.size() != table.fields.size()) {
        throw kvmodel::InvalidModel(
            table.row + " has " + std::to_string(row.size()) +
            " values for " + std::to_string(table.fields.size()) + " fields");
      }
      out += "    {";
      for (std::size_t i = 0; i < row.size(); ++i) {
        if (i > 0) out += ", ";
        out += Literal(table.fields[i].type, row[i], table.fields[i].name);
      }
      out += "},\n";
    }
    out += "};\n\n";
  }
  out += header.functions;
  if (!header.functions.empty()) out += "\n";
  out += "#endif /* " + guard + " */\n";
  return out;
}

}  // namespace kvtables::codegen
