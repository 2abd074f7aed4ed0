// codegen/c_header.h
//
// A pure renderer of C headers for deployers that cannot run kvtables: data
// only, C99 that is also valid C++, `<stdint.h>` and `<stddef.h>` only, a
// path-based include guard, every symbol prefixed, every value an exact
// integer. A header holds constants (#defines), one typedef'd row struct and
// a `static const` array of rows, plus optional lookup functions written as
// `static inline` C.
//
// Rendering checks that every value fits its field's type and fails (with
// kvmodel::Overflow) rather than truncate.

#ifndef CODEGEN_C_HEADER_H_
#define CODEGEN_C_HEADER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kvtables::codegen {

// CType is the C type of a field or constant.
enum class CType { kUint32, kUint64 };

// CConstant is `#define <PREFIX>_<name> <value>` with a comment.
struct CConstant {
  std::string name;
  CType type = CType::kUint32;
  std::uint64_t value = 0;
  std::string comment;
  bool hex = false;  // print the value in hexadecimal (fingerprints)
};

// CField is one member of a table's struct.
struct CField {
  std::string name;
  CType type = CType::kUint32;
  std::string comment;
};

// CTable is `typedef struct <prefix>_<row> {...} <prefix>_<row>;` and
// `static const <prefix>_<row> <prefix>_<array>[<PREFIX>_<COUNT>]`, where
// <COUNT> is the upper-cased row name followed by "_COUNT".
struct CTable {
  std::string row;    // struct name after the prefix, e.g. "row"
  std::string array;  // array name after the prefix, e.g. "rows"
  std::string comment;
  std::vector<CField> fields;
  std::vector<std::vector<std::uint64_t>> rows;
};

// CHeader is everything one generated header says.
struct CHeader {
  std::string path;    // repository path, e.g. "generated/seed_vlm_kv.h"
  std::string prefix;  // symbol prefix, e.g. "seed_vlm_kv"
  std::vector<std::string> banner;  // lines of the opening comment
  std::vector<CConstant> constants;
  std::vector<CTable> tables;
  std::string functions;  // C code after the tables (lookups)
};

// RenderCHeader() is the header's text.
std::string RenderCHeader(const CHeader& header);

// Identifier() is `name` with every character that is not a letter or digit
// replaced by '_': "llama-3.1-8b" -> "llama_3_1_8b".
std::string Identifier(std::string_view name);

// MacroName() is Identifier() upper-cased, for the preprocessor:
// "seed-vlm kv" -> "SEED_VLM_KV".
std::string MacroName(const std::string& name);

// CommentText() is `text` made safe inside a C or C++ comment of one line:
// printable ASCII is kept, except that "*/" cannot close a comment (nor
// "/*" open one, which -Wcomment rejects), a
// backslash cannot splice the next line in and "??" cannot start a
// trigraph; those characters and every other byte (newlines, escape
// sequences, non-ASCII) become \xNN. Names and paths from a config.json
// are untrusted: "a*/\n#define X" -> "a*\x2f\x0a#define X".
std::string CommentText(std::string_view text);

// IncludeGuard() is the guard macro of a repository path:
// "generated/seed_vlm_kv.h" -> "KVTABLES_GENERATED_SEED_VLM_KV_H_".
std::string IncludeGuard(const std::string& path);

}  // namespace kvtables::codegen

#endif  // CODEGEN_C_HEADER_H_
