#include "codegen/crop_table_output.h"

#include <cstdint>
#include <string>
#include <vector>

#include "kvmodel/checked.h"
#include "kvmodel/crop_solver.h"
#include "kvmodel/units.h"

namespace kvtables::codegen {
namespace {

using kvmodel::ByteFraction;
using kvmodel::CropRow;

std::string Bytes(std::uint64_t bytes) { return std::to_string(bytes); }

// An exact byte fraction as a decimal, with as many places as it needs: a
// mean over K decode steps terminates when K has no prime factor but 2 and 5
// (K = 100 or 256: at most a few places). Otherwise no finite decimal is
// exact, and this refuses rather than round.
std::string ExactBytes(ByteFraction value) {
  const std::uint64_t g = kvmodel::Gcd(value.numerator, value.denominator);
  const ByteFraction reduced{value.numerator / g, value.denominator / g};
  for (unsigned places = 0; places <= 18; ++places) {
    if (kvmodel::Pow10(places) % reduced.denominator == 0) {
      return kvmodel::FormatInUnit(reduced, kvmodel::kByteUnit, places);
    }
  }
  kvmodel::Require(false,
                   "the mean byte count has no exact decimal: use a decode "
                   "horizon whose only prime factors are 2 and 5");
  return "";
}

std::string GiB4(ByteFraction value) {
  return kvmodel::FormatInUnit(value, kvmodel::kGiBUnit, 4);
}

std::string GiB4(std::uint64_t bytes) { return GiB4(ByteFraction{bytes, 1}); }

std::string Grid(const CropRow& row) {
  return std::to_string(row.grid.rows) + "x" + std::to_string(row.grid.columns);
}

std::string Thousands(std::uint64_t value) {
  std::string digits = std::to_string(value);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) {
    digits.insert(static_cast<std::size_t>(i), ",");
  }
  return digits;
}

}  // namespace

std::string DescribeLayout(const kvmodel::TiledNewlineLayout& layout) {
  const auto newline = [](bool on) {
    return std::string(on ? " with a newline per token row" : "");
  };
  return "global view " + std::to_string(layout.global_rows) + "x" +
         std::to_string(layout.global_cols) + " tokens" +
         newline(layout.global_row_newline) + ", " +
         std::to_string(layout.view_separator_tokens) +
         " view separator token(s), crops of " +
         std::to_string(layout.crop_rows) + "x" +
         std::to_string(layout.crop_cols) + " tokens tiled" +
         newline(layout.crop_row_newline);
}

std::string DescribeLayout(const kvmodel::PerTileLayout& layout) {
  return std::to_string(layout.tokens_per_tile) + " tokens per tile + " +
         std::to_string(layout.tile_extra_tokens) + " tile marker(s), " +
         std::to_string(layout.row_extra_tokens) +
         " token(s) per row of tiles, a " +
         std::to_string(layout.global_tokens) + "-token global view" +
         (layout.global_only_when_tiled ? " when tiled" : "") + ", " +
         std::to_string(layout.wrapper_tokens) + " wrapper token(s)";
}

std::string DescribeLayout(const kvmodel::FixedLayout& layout) {
  return std::to_string(layout.tokens) + " tokens per image (one size)";
}

std::string DescribeLayout(const kvmodel::CrossAttentionLayout& layout) {
  return std::to_string(layout.sequence_tokens) +
         " placeholder token(s) in the sequence; " +
         std::to_string(layout.tokens_per_tile) +
         " vision tokens per tile (up to " + std::to_string(layout.max_tiles) +
         ") in the cross-attention layers";
}

TextTable CropTableColumns(const std::vector<CropRow>& rows) {
  TextTable table;
  table.columns = {
      {"grid_h", "H", true},
      {"grid_w", "W", true},
      {"num_crops", "Num crops", true},
      {"image_tokens", "Image tokens", true},
      {"cross_tokens", "Cross-attention tokens", true},
      {"prompt_tokens", "Prompt tokens", true},
      {"decode_steps", "Decode steps (K)", true},
      {"kv_bytes_per_token", "KV bytes per token", true},
      {"kv_bytes_mean", "KV bytes, mean over horizon", true},
      {"kv_bytes_peak", "KV bytes, peak (prompt + K)", true},
      {"kv_gib_normal", "KV GiB, mean, normal attention", true},
      {"kv_gib_flash", "KV GiB, mean, flash attention", true},
      {"eager_prefill_working_bytes", "Eager prefill working bytes", true},
      {"flash_prefill_working_bytes", "Flash prefill working bytes", true},
      {"eager_peak_bytes", "Peak bytes, eager", true},
      {"flash_peak_bytes", "Peak bytes, flash", true},
  };
  for (const CropRow& row : rows) {
    table.rows.push_back({
        std::to_string(row.grid.rows),
        std::to_string(row.grid.columns),
        std::to_string(row.grid.crops()),
        std::to_string(row.image_tokens),
        std::to_string(row.cross_tokens),
        std::to_string(row.prompt_tokens),
        std::to_string(row.decode_steps),
        Bytes(row.kv_bytes_per_token),
        ExactBytes(row.kv_mean),
        Bytes(row.kv_peak.total()),
        // The KV cache does not depend on the attention kernel.
        GiB4(row.kv_mean),
        GiB4(row.kv_mean),
        Bytes(row.eager_prefill_working_bytes),
        Bytes(row.flash_prefill_working_bytes),
        Bytes(row.eager_peak_bytes),
        Bytes(row.flash_peak_bytes),
    });
  }
  return table;
}

std::string RenderCropMarkdown(const CropTableInfo& info,
                               const std::vector<CropRow>& rows) {
  const kvmodel::AttentionGeometry& g = info.text_model.attention;
  std::string out =
      "KV-cache memory by input shape\n"
      "==============================\n\n";
  out += "Model `" + info.name + "`: " + std::to_string(g.num_layers) +
         " layers, " + std::to_string(g.num_query_heads) + " query heads, " +
         std::to_string(g.num_kv_heads) + " KV heads, K/V head size " +
         std::to_string(g.k_head_dim) + "/" + std::to_string(g.v_head_dim) +
         ", K/V stored as " + std::string(kvmodel::Info(g.k_format).name) +
         "/" + std::string(kvmodel::Info(g.v_format).name) + ": " +
         Thousands(info.kv_bytes_per_token) + " KV bytes per token. " +
         "Image tokens: " + info.layout + ". Prompt: image tokens + " +
         std::to_string(info.text_tokens) + " text tokens. Decode horizon K = " +
         std::to_string(info.decode_steps) + " steps; batch " +
         std::to_string(info.batch_size) + ".\n\n";
  out +=
      "\"Total KV-cache\" is the mean cache occupancy over the K decode "
      "steps (prompt + (K - 1) / 2 tokens per sequence), in GiB (2^30 "
      "bytes). The KV cache does not depend on the attention kernel, so the "
      "normal and flash columns agree; the kernels differ in working memory "
      "(second table).\n\n";

  TextTable seed;
  seed.columns = {
      {"num_crops", "Num crops", true},
      {"grid", "Crop grid (H×W)", false},
      {"image_tokens", "Image tokens (global + crops)", true},
      {"decode_steps", "Decode steps (K)", true},
      {"kv_gib_normal",
       "Total KV-cache (GiB, mean over horizon, normal attention)", true},
      {"kv_gib_flash",
       "Total KV-cache (GiB, mean over horizon, flash attention)", true},
  };
  for (const CropRow& row : rows) {
    seed.rows.push_back({std::to_string(row.grid.crops()), Grid(row),
                         std::to_string(row.image_tokens),
                         std::to_string(row.decode_steps), GiB4(row.kv_mean),
                         GiB4(row.kv_mean)});
  }
  out += RenderMarkdown(seed);

  out +=
      "\nPeak and working memory (GiB, 2^30 bytes). Peak KV is the cache at "
      "the end of the horizon (prompt + K tokens): the arena to reserve. "
      "Prefill working memory is one layer's attention scratch: eager "
      "attention holds the score matrix (query heads × prompt × prompt, in "
      "the compute format), flash attention only an fp32 log-sum-exp per "
      "query row and head. Peak is KV + working memory at the worse of "
      "prefill and the last decode step.\n\n";
  TextTable memory;
  memory.columns = {
      {"grid", "Crop grid (H×W)", false},
      {"prompt_tokens", "Prompt tokens", true},
      {"kv_gib_peak", "Peak KV-cache (GiB)", true},
      {"eager_prefill_working_gib", "Eager prefill working (GiB)", true},
      {"flash_prefill_working_gib", "Flash prefill working (GiB)", true},
      {"eager_peak_gib", "Peak, eager (GiB)", true},
      {"flash_peak_gib", "Peak, flash (GiB)", true},
  };
  for (const CropRow& row : rows) {
    memory.rows.push_back({Grid(row), std::to_string(row.prompt_tokens),
                           GiB4(row.kv_peak.total()),
                           GiB4(row.eager_prefill_working_bytes),
                           GiB4(row.flash_prefill_working_bytes),
                           GiB4(row.eager_peak_bytes),
                           GiB4(row.flash_peak_bytes)});
  }
  out += RenderMarkdown(memory);
  return out;
}

CHeader CropCHeader(const CropTableInfo& info, const std::vector<CropRow>& rows,
                    const std::string& path) {
  CHeader header;
  header.path = path;
  header.prefix = Identifier(info.name) + "_kv";
  const std::string& p = header.prefix;
  header.banner = {
      path + ": KV cache and attention memory of `" + info.name +
          "` by crop grid.",
      "",
      "GENERATED FILE, DO NOT EDIT. Generator: //codegen:kvgen, from the",
      "constexpr model in kvmodel/. Regenerate: bazel run //tools:regenerate",
      "",
      "Image tokens: " + info.layout + ".",
      "Prompt: image tokens + " + std::to_string(info.text_tokens) +
          " text tokens; decode horizon " + std::to_string(info.decode_steps) +
          " steps; batch " + std::to_string(info.batch_size) + ".",
      "Units: *_bytes fields are exact byte counts (1 GiB = 2^30 bytes);",
      "*_tokens fields are token counts. No floating point is needed.",
      "Lookups, O(log n): " + p + "_find(h, w) by grid, " + p +
          "_largest_fitting(budget_bytes)",
      "for the largest grid whose peak KV cache fits a budget.",
  };
  header.constants = {
      {"schema_version", CType::kUint32, kCropTableSchemaVersion,
       "Version of the row layout below."},
      {"fingerprint", CType::kUint64, info.fingerprint,
       "FNV-1a of the model and workload parameters (kvmodel/fingerprint.h).",
       true},
      {"kv_bytes_per_token", CType::kUint64, info.kv_bytes_per_token,
       "KV cache bytes one token occupies, all layers, K and V."},
      {"text_tokens", CType::kUint32, info.text_tokens,
       "Text tokens in every prompt."},
      {"decode_steps", CType::kUint32, info.decode_steps,
       "Decode horizon K."},
      {"batch_size", CType::kUint32, info.batch_size,
       "Sequences; byte figures cover all of them."},
  };
  CTable table{"row", "rows",
               "Rows ordered by num_crops, then grid_h.", {}, {}};
  table.fields = {
      {"grid_h", CType::kUint32, "crop grid rows"},
      {"grid_w", CType::kUint32, "crop grid columns"},
      {"num_crops", CType::kUint32, "grid_h * grid_w"},
      {"image_tokens", CType::kUint32, "image tokens in the prompt"},
      {"prompt_tokens", CType::kUint32, "image + text tokens"},
      {"kv_bytes_peak", CType::kUint64,
       "KV cache at prompt + K tokens: the arena to reserve"},
      {"kv_bytes_mean_ceil", CType::kUint64,
       "mean KV cache over the horizon, rounded up to a byte"},
      {"eager_prefill_working_bytes", CType::kUint64,
       "eager attention score matrix, one layer"},
      {"flash_prefill_working_bytes", CType::kUint64,
       "flash attention softmax statistics, one layer"},
      {"eager_peak_bytes", CType::kUint64, "peak KV + working, eager"},
      {"flash_peak_bytes", CType::kUint64, "peak KV + working, flash"},
  };
  for (const CropRow& row : rows) {
    table.rows.push_back({
        row.grid.rows,
        row.grid.columns,
        row.grid.crops(),
        row.image_tokens,
        row.prompt_tokens,
        row.kv_peak.total(),
        kvmodel::CeilDiv(row.kv_mean.numerator, row.kv_mean.denominator),
        row.eager_prefill_working_bytes,
        row.flash_prefill_working_bytes,
        row.eager_peak_bytes,
        row.flash_peak_bytes,
    });
  }
  CTable steps{"fitting_step", "fitting_steps",
               "Largest grid whose kv_bytes_peak fits a budget, as a step "
               "function: for budget B, the row of the last step with "
               "min_budget_bytes <= B (kvmodel/crop_solver.h).",
               {{"min_budget_bytes", CType::kUint64,
                 "smallest budget with this answer"},
                {"row", CType::kUint32, "index into the rows"}},
               {}};
  for (const kvmodel::FittingStep& step : kvmodel::LargestFittingSteps(rows)) {
    steps.rows.push_back({step.min_budget_bytes, step.row});
  }
  header.tables = {table, steps};
  const std::string macro = MacroName(p);
  header.functions =
      "/* " + p + "_find: the row of crop grid grid_h x grid_w, or NULL.\n"
      " * Binary search over (num_crops, grid_h): O(log n). */\n"
      "static inline const " + p + "_row *" + p +
      "_find(uint32_t grid_h, uint32_t grid_w) {\n"
      "  size_t lo = 0;\n"
      "  size_t hi = " + macro + "_ROW_COUNT;\n"
      "  const uint64_t crops = (uint64_t)grid_h * grid_w;\n"
      "  while (lo < hi) {\n"
      "    const size_t mid = lo + (hi - lo) / 2;\n"
      "    const " + p + "_row *row = &" + p + "_rows[mid];\n"
      "    if (row->num_crops < crops ||\n"
      "        (row->num_crops == crops && row->grid_h < grid_h)) {\n"
      "      lo = mid + 1;\n"
      "    } else {\n"
      "      hi = mid;\n"
      "    }\n"
      "  }\n"
      "  if (lo < " + macro + "_ROW_COUNT && " + p + "_rows[lo].grid_h == grid_h &&\n"
      "      " + p + "_rows[lo].grid_w == grid_w) {\n"
      "    return &" + p + "_rows[lo];\n"
      "  }\n"
      "  return NULL;\n"
      "}\n"
      "\n"
      "/* " + p + "_largest_fitting: the largest grid (most crops, then most\n"
      " * image tokens) whose kv_bytes_peak is at most budget_bytes, or NULL\n"
      " * when none fits. Binary search over the steps: O(log n). */\n"
      "static inline const " + p + "_row *" + p +
      "_largest_fitting(uint64_t budget_bytes) {\n"
      "  size_t lo = 0;\n"
      "  size_t hi = " + macro + "_FITTING_STEP_COUNT;\n"
      "  while (lo < hi) {\n"
      "    const size_t mid = lo + (hi - lo) / 2;\n"
      "    if (" + p + "_fitting_steps[mid].min_budget_bytes <= budget_bytes) {\n"
      "      lo = mid + 1;\n"
      "    } else {\n"
      "      hi = mid;\n"
      "    }\n"
      "  }\n"
      "  return lo == 0 ? NULL : &" + p + "_rows[" + p +
      "_fitting_steps[lo - 1].row];\n"
      "}\n";
  return header;
}

}  // namespace kvtables::codegen
