#include "config/model_header.h"

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "codegen/c_header.h"
#include "kvmodel/storage_format.h"

namespace kvtables::config {
namespace {

// Enumerator names, in kvmodel::StorageFormat order.
constexpr std::string_view kFormatEnumerators[] = {
    "kF32",   "kF16",    "kBF16",    "kFp8E4M3", "kFp8E5M2", "kQ8_0",
    "kQ4_0",  "kQ4_1",   "kQ5_0",    "kQ5_1",    "kIq4Nl",   "kQ2_K",
    "kQ3_K",  "kQ4_K",   "kQ5_K",    "kQ6_K",    "kQ8_K",    "kIq1_S",
    "kIq1_M", "kIq2_Xxs", "kIq2_Xs", "kIq2_S",   "kIq3_Xxs", "kIq3_S",
    "kIq4_Xs", "kTq1_0", "kTq2_0",   "kMxfp4",
};
static_assert(std::size(kFormatEnumerators) == kvmodel::kStorageFormats.size());

std::string Format(kvmodel::StorageFormat format) {
  return "kvmodel::StorageFormat::" +
         std::string(kFormatEnumerators[static_cast<std::size_t>(format)]);
}

void Field(std::string& out, std::string_view name, std::uint64_t value) {
  out += "    ." + std::string(name) + " = " + std::to_string(value) + ",\n";
}

// Enumerator names, in kvmodel::LayerKind order.
constexpr std::string_view kKindEnumerators[] = {
    "kFull", "kSliding", "kChunked", "kCross", "kRecurrent", "kShared", "kNone",
};

// LayerRuns() is the definition of the model's per-layer array `name`.
std::string LayerRuns(const kvmodel::ModelSpec& m, const std::string& name) {
  std::string out = "inline constexpr kvmodel::LayerRun " + name + "[] = {\n";
  for (const kvmodel::LayerRun& run : m.layers) {
    const kvmodel::LayerMemory& l = run.layer;
    out += "    {" + std::to_string(run.count) + ", {kvmodel::LayerKind::" +
           std::string(kKindEnumerators[static_cast<std::size_t>(l.kind)]) + ", " +
           std::to_string(l.num_kv_heads) + ", " + std::to_string(l.k_head_dim) + ", " +
           std::to_string(l.v_head_dim) + ", " + std::to_string(l.window) + ", " +
           std::to_string(l.conv_kernel) + ", " + std::to_string(l.conv_channels) + ", " +
           std::to_string(l.state_heads) + ", " + std::to_string(l.state_k_dim) + ", " +
           std::to_string(l.state_v_dim) + ", " +
           std::to_string(l.source_layer) + "}},\n";
  }
  return out + "};\n";
}

}  // namespace

std::string CppStringLiteral(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 0x20 || u >= 0x7f || c == '?') {
      // Octal escapes take at most three digits, so the next character
      // cannot extend them; '?' is escaped against trigraphs.
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\%03o", u);
      out += buffer;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

namespace {

// The keywords of C++20 and C11 and C++'s alternative tokens: none may
// name a constant, a namespace or a macro of a generated header.
constexpr std::string_view kKeywords[] = {
    "alignas", "alignof", "and", "and_eq", "asm", "auto", "bitand", "bitor",
    "bool", "break", "case", "catch", "char", "char8_t", "char16_t",
    "char32_t", "class", "co_await", "co_return", "co_yield", "compl",
    "concept", "const", "consteval", "constexpr", "constinit", "const_cast",
    "continue", "decltype", "default", "delete", "do", "double",
    "dynamic_cast", "else", "enum", "explicit", "export", "extern", "false",
    "float", "for", "friend", "goto", "if", "inline", "int", "long",
    "mutable", "namespace", "new", "noexcept", "not", "not_eq", "nullptr",
    "operator", "or", "or_eq", "private", "protected", "public", "register",
    "reinterpret_cast", "requires", "restrict", "return", "short", "signed",
    "sizeof", "static", "static_assert", "static_cast", "struct", "switch",
    "template", "this", "thread_local", "throw", "true", "try", "typedef",
    "typeid", "typename", "union", "unsigned", "using", "virtual", "void",
    "volatile", "wchar_t", "while", "xor", "xor_eq", "_Alignas", "_Alignof",
    "_Atomic", "_Bool", "_Complex", "_Generic", "_Imaginary", "_Noreturn",
    "_Static_assert", "_Thread_local",
};

}  // namespace

std::string IdentifierProblem(std::string_view text) {
  if (text.empty()) return "is not a C++ identifier";
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    const bool digit = c >= '0' && c <= '9';
    if (!alpha && !(digit && i > 0)) return "is not a C++ identifier";
  }
  for (const std::string_view keyword : kKeywords) {
    if (text == keyword) return "is a C or C++ keyword";
  }
  const bool underscore_capital =
      text.size() > 1 && text[0] == '_' && text[1] >= 'A' && text[1] <= 'Z';
  if (underscore_capital || text.find("__") != std::string_view::npos) {
    return "is reserved to the implementation (a leading underscore and "
           "capital, or a double underscore)";
  }
  return "";
}

std::string RenderModelHeader(const kvmodel::ModelSpec& m,
                              const HeaderNames& names) {
  const kvmodel::AttentionGeometry& a = m.attention;
  std::string out;
  out += "// Generated by //tools:config_to_header from " + codegen::CommentText(names.input) +
         ". DO NOT EDIT.\n";
  out += "// Regenerate: bazel run //tools:config_to_header -- --config=<that "
         "file> --output=<this file>\n";
  out += "#ifndef " + names.include_guard + "\n";
  out += "#define " + names.include_guard + "\n\n";
  out += "#include \"kvmodel/model.h\"\n\n";
  out += "namespace " + names.name_space + " {\n\n";
  out += "// clang-format off\n";
  const std::string layers = names.constant + "Layers";
  if (m.per_layer()) out += LayerRuns(m, layers);
  out += "inline constexpr kvmodel::ModelSpec " + names.constant + "{\n";
  out += "    .name = " + CppStringLiteral(m.name) + ",\n";
  out += "    .family = " + CppStringLiteral(m.family) + ",\n";
  out += "    .hf_repo = " + CppStringLiteral(m.hf_repo) + ",\n";
  out += "    .source = " + CppStringLiteral(m.source) + ",\n";
  out += "    .attention = {" + std::to_string(a.num_layers) + ", " +
         std::to_string(a.num_query_heads) + ", " +
         std::to_string(a.num_kv_heads) + ", " + std::to_string(a.k_head_dim) +
         ", " + std::to_string(a.v_head_dim) + ", " + Format(a.k_format) +
         ", " + Format(a.v_format) + "},\n";
  Field(out, "sliding_window_layers", m.sliding_window_layers);
  Field(out, "sliding_window_tokens", m.sliding_window_tokens);
  Field(out, "cross_attention_layers", m.cross_attention_layers);
  Field(out, "cross_attention_tokens", m.cross_attention_tokens);
  Field(out, "no_cache_layers", m.no_cache_layers);
  if (m.per_layer()) out += "    .layers = " + layers + ",\n";
  out += "    .state_format = " + Format(m.state_format) + ",\n";
  Field(out, "kv_lora_rank", m.kv_lora_rank);
  Field(out, "qk_rope_head_dim", m.qk_rope_head_dim);
  Field(out, "indexer_head_dim", m.indexer_head_dim);
  Field(out, "parameters_total", m.parameters_total);
  Field(out, "parameters_active", m.parameters_active);
  Field(out, "max_context_tokens", m.max_context_tokens);
  out += "    .weights_format = " + Format(m.weights_format) + ",\n";
  out += "};\n";
  out += "// clang-format on\n\n";
  out += "static_assert((kvmodel::Validate(" + names.constant +
         "), true), \"the generated model must be valid\");\n\n";
  out += "}  // namespace " + names.name_space + "\n\n";
  out += "#endif  // " + names.include_guard + "\n";
  return out;
}

}  // namespace kvtables::config
