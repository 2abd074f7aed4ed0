#include "codegen/catalog_output.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "codegen/crop_table_output.h"
#include "kvmodel/catalog.h"
#include "kvmodel/fingerprint.h"

namespace kvtables::codegen {
namespace {

std::string Number(std::uint64_t value) { return std::to_string(value); }

}  // namespace

TextTable CatalogColumns(const std::vector<kvmodel::CatalogRow>& rows) {
  TextTable table;
  table.columns = {
      {"model", "Model", false},
      {"family", "Family", false},
      {"hf_repo", "Source repository", false},
      {"num_layers", "Layers", true},
      {"full_attention_layers", "Full-attention layers", true},
      {"sliding_window_layers", "Sliding-window layers", true},
      {"sliding_window_tokens", "Window (tokens)", true},
      {"cross_attention_layers", "Cross-attention layers", true},
      {"num_query_heads", "Query heads", true},
      {"num_kv_heads", "KV heads", true},
      {"k_head_dim", "K head size", true},
      {"v_head_dim", "V head size", true},
      {"parameters_total", "Parameters", true},
      {"parameters_active", "Active parameters", true},
      {"max_context_tokens", "Max context (tokens)", true},
      {"kv_bytes_per_token_16bit", "KV bytes per token (f16/bf16)", true},
      {"kv_bytes_per_token_fp8", "KV bytes per token (fp8)", true},
      {"kv_bytes_per_token_past_windows",
       "KV bytes per token past windows (f16/bf16)", true},
      {"weights_bytes_bf16", "Weights, bf16 (bytes)", true},
      {"weights_bytes_fp8", "Weights, fp8 (bytes)", true},
      {"weights_bytes_q8_0", "Weights, q8_0 (bytes)", true},
      {"weights_bytes_q4_k_m_avg", "Weights, Q4_K_M average (bytes)", true},
  };
  for (std::uint64_t context : kvmodel::kSweepContexts) {
    table.columns.push_back({"kv_bytes_at_" + Number(context),
                             "KV at " + Number(context) + " tokens (bytes)",
                             true});
  }
  for (const kvmodel::CatalogRow& row : rows) {
    const kvmodel::ModelSpec& m = kvmodel::kCatalog[row.model_index];
    std::vector<std::string> cells = {
        std::string(m.name),
        std::string(m.family),
        std::string(m.hf_repo),
        Number(m.attention.num_layers),
        Number(m.full_attention_layers()),
        Number(m.sliding_window_layers),
        Number(m.sliding_window_tokens),
        Number(m.cross_attention_layers),
        Number(m.attention.num_query_heads),
        Number(m.attention.num_kv_heads),
        Number(m.attention.k_head_dim),
        Number(m.attention.v_head_dim),
        Number(m.parameters_total),
        Number(m.parameters_active),
        Number(m.max_context_tokens),
        Number(row.kv_bytes_per_token_16bit),
        Number(row.kv_bytes_per_token_fp8),
        Number(row.kv_bytes_per_token_past_windows),
        Number(row.weights_bytes_bf16),
        Number(row.weights_bytes_fp8),
        Number(row.weights_bytes_q8_0),
        Number(row.weights_bytes_q4_k_m),
    };
    // A context beyond the model's limit has no figure: an empty cell.
    for (std::uint64_t bytes : row.kv_bytes_at) {
      cells.push_back(bytes == 0 ? "" : Number(bytes));
    }
    table.rows.push_back(std::move(cells));
  }
  return table;
}

std::string ModelHeaderName(const kvmodel::ModelSpec& model) {
  return "models/" + Identifier(model.name) + ".h";
}

CHeader ModelCHeader(const kvmodel::ModelSpec& m,
                     const kvmodel::CatalogRow& row,
                     const kvmodel::Sweep& sweep, std::string path) {
  CHeader header;
  header.path = path.empty() ? "generated/" + ModelHeaderName(m) : path;
  header.prefix = "kv_" + Identifier(m.name);
  const std::string& p = header.prefix;
  const std::string macro = MacroName(p);
  header.banner = {
      header.path + ": KV cache of `" + std::string(m.name) + "` (" +
          std::string(m.hf_repo) + ") by context length.",
      "",
      "GENERATED FILE, DO NOT EDIT. Generator: //codegen:kvgen (catalog",
      "models) or //tools:config_to_header --c_header (a config.json).",
      "Regenerate: bazel run //tools:regenerate",
      "",
      "Units: *_bytes are exact byte counts for one sequence; *_tokens are",
      "token counts. 16bit = f16 or bf16 cache, fp8 = one byte per value.",
      "Lookups, O(log n): " + p + "_at_least(tokens), the first row with at",
      "least that many tokens; " + p + "_longest_fitting(budget_bytes), the",
      "longest context whose 16-bit cache fits.",
  };
  header.constants = {
      {"schema_version", CType::kUint32, kModelHeaderSchemaVersion,
       "Version of the row layout below."},
      {"fingerprint", CType::kUint64,
       [&] {
         kvmodel::Fnv1a h;
         return kvmodel::Fingerprint(h, m).hash();
       }(),
       "FNV-1a of the model's parameters (kvmodel/fingerprint.h).", true},
      {"num_layers", CType::kUint32, m.attention.num_layers, "Decoder layers."},
      {"num_kv_heads", CType::kUint32, m.attention.num_kv_heads,
       "KV heads per layer (1 for a latent cache)."},
      {"max_context_tokens", CType::kUint64, m.max_context_tokens,
       "Longest context the model supports."},
      {"kv_bytes_per_token_16bit", CType::kUint64,
       row.kv_bytes_per_token_16bit,
       "KV bytes of one token inside every window, f16/bf16."},
      {"kv_bytes_per_token_fp8", CType::kUint64, row.kv_bytes_per_token_fp8,
       "KV bytes of one token inside every window, fp8."},
      {"weights_bytes_bf16", CType::kUint64, row.weights_bytes_bf16,
       "Weights in bf16."},
      {"weights_bytes_q8_0", CType::kUint64, row.weights_bytes_q8_0,
       "Weights in q8_0 (8.5 bits per weight)."},
  };
  CTable table{"row", "rows", "Context sweep: 256, 512, ... and the maximum.",
               {{"context_tokens", CType::kUint64, "tokens in the sequence"},
                {"kv_bytes_16bit", CType::kUint64, "KV cache, f16/bf16"},
                {"kv_bytes_fp8", CType::kUint64, "KV cache, fp8"}},
               {}};
  for (std::size_t i = 0; i < sweep.count; ++i) {
    table.rows.push_back({sweep.rows[i].context_tokens,
                          sweep.rows[i].kv_bytes_16bit,
                          sweep.rows[i].kv_bytes_fp8});
  }
  header.tables = {table};
  // Both lookups are binary searches: rows grow in tokens and in bytes.
  header.functions =
      "/* " + p + "_at_least: the first row with context_tokens >= tokens,\n"
      " * or NULL past the last. O(log n). */\n"
      "static inline const " + p + "_row *" + p +
      "_at_least(uint64_t tokens) {\n"
      "  size_t lo = 0;\n"
      "  size_t hi = " + macro + "_ROW_COUNT;\n"
      "  while (lo < hi) {\n"
      "    const size_t mid = lo + (hi - lo) / 2;\n"
      "    if (" + p + "_rows[mid].context_tokens < tokens) {\n"
      "      lo = mid + 1;\n"
      "    } else {\n"
      "      hi = mid;\n"
      "    }\n"
      "  }\n"
      "  return lo < " + macro + "_ROW_COUNT ? &" + p + "_rows[lo] : NULL;\n"
      "}\n"
      "\n"
      "/* " + p + "_longest_fitting: the last row whose kv_bytes_16bit is at\n"
      " * most budget_bytes, or NULL. O(log n). */\n"
      "static inline const " + p + "_row *" + p +
      "_longest_fitting(uint64_t budget_bytes) {\n"
      "  size_t lo = 0;\n"
      "  size_t hi = " + macro + "_ROW_COUNT;\n"
      "  while (lo < hi) {\n"
      "    const size_t mid = lo + (hi - lo) / 2;\n"
      "    if (" + p + "_rows[mid].kv_bytes_16bit <= budget_bytes) {\n"
      "      lo = mid + 1;\n"
      "    } else {\n"
      "      hi = mid;\n"
      "    }\n"
      "  }\n"
      "  return lo == 0 ? NULL : &" + p + "_rows[lo - 1];\n"
      "}\n";
  return header;
}

CHeader ModelsIndexHeader(const std::vector<kvmodel::ModelSpec>& models) {
  CHeader header;
  header.path = "generated/models/all.h";
  header.prefix = "kv_models";
  header.banner = {
      "generated/models/all.h: every catalog model's header, and",
      "KV_FOR_EACH_MODEL(X), which expands X(symbol, SYMBOL, \"name\") per",
      "model: kv_<symbol>_rows, KV_<SYMBOL>_ROW_COUNT and the other",
      "KV_<SYMBOL>_* constants are then that model's.",
      "",
      "GENERATED FILE, DO NOT EDIT. Generator: //codegen:kvgen.",
      "Regenerate: bazel run //tools:regenerate",
  };
  std::string includes;
  std::string macro = "#define KV_FOR_EACH_MODEL(X)";
  for (const kvmodel::ModelSpec& m : models) {
    includes += "#include \"generated/" + ModelHeaderName(m) + "\"\n";
    macro += " \\\n  X(" + Identifier(m.name) + ", " + MacroName(Identifier(m.name)) +
             ", \"" + std::string(m.name) + "\")";
  }
  header.functions = includes + "\n" + macro + "\n";
  return header;
}

TextTable VlmColumns(
    const std::vector<std::pair<std::string, std::vector<kvmodel::CropRow>>>&
        tables) {
  TextTable out;
  for (const auto& [model, rows] : tables) {
    TextTable one = CropTableColumns(rows);
    if (out.columns.empty()) {
      out.columns = one.columns;
      out.columns.insert(out.columns.begin(), {"model", "Model", false});
    }
    for (std::vector<std::string>& cells : one.rows) {
      cells.insert(cells.begin(), model);
      out.rows.push_back(std::move(cells));
    }
  }
  return out;
}

}  // namespace kvtables::codegen
