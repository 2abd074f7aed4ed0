// kvcalc: the KV cache, weights and "will it fit" of a language model, as
// the analytic model, llama.cpp or vLLM would allocate it, to the byte.
//
//   bazel run //tools:kvcalc -- --model=llama-3.1-8b --context=32768
//   bazel run //tools:kvcalc -- --config=path/to/config.json --runtime=llama.cpp
//       --cache_type_k=q8_0 --cache_type_v=q8_0 --weights=Q4_K_M --budget=24GB
//   bazel run //tools:kvcalc -- --model=qwen3-14b --runtime=vllm --kv_budget=20GiB
//
// Every figure is exact integer arithmetic (kvmodel/); units are printed with
// the figure (GiB = 2^30 bytes, GB = 10^9 bytes). The whole output is built
// in memory and written at the end: a bad flag or a bad config prints one
// line "kvcalc: ..." naming it, exits with status 2 and writes nothing to
// stdout.

#include <cstdint>
#include <cstdio>
#include <exception>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_join.h"
#include "config/hf_config.h"
#include "gguf/gguf_model.h"
#include "kvmodel/capacity.h"
#include "kvmodel/catalog.h"
#include "kvmodel/checked.h"
#include "kvmodel/llama_cpp_log.h"
#include "kvmodel/model.h"
#include "kvmodel/runtime_llama_cpp.h"
#include "kvmodel/gpu_budget.h"
#include "kvmodel/runtime_vllm.h"
#include "kvmodel/status.h"
#include "kvmodel/storage_format.h"
#include "kvmodel/units.h"
#include "kvmodel/weights.h"
#include "tools/command_line.h"
#include "nlohmann/json.hpp"
#include "tools/kvcalc_flags.h"

ABSL_FLAG(std::string, model, "", "a catalog model (see --list_models)");
ABSL_FLAG(std::string, config, "",
          "a Hugging Face config.json (multimodal configs with a text_config "
          "too)");
ABSL_FLAG(std::string, gguf, "",
          "a GGUF file: its header and tensor table give the geometry and "
          "the exact weights (the tensor data are never read)");
ABSL_FLAG(bool, list_models, false, "list the catalog's models and exit");
ABSL_FLAG(std::string, parameters, "",
          "parameter count, for --weights (default: the catalog's, or an "
          "estimate from the config's shapes)");
ABSL_FLAG(std::string, runtime, "analytic", "analytic, llama.cpp or vllm");
ABSL_FLAG(std::string, runtime_version, "",
          "the vLLM release whose rules apply (e.g. 0.20 or v0.23.1); "
          "default: the newest modelled");
ABSL_FLAG(std::string, context, "",
          "tokens per sequence (default: the model's max_position_embeddings)");
ABSL_FLAG(std::string, batch, "1",
          "sequences held at once (llama.cpp's --parallel, vLLM's concurrent "
          "requests)");
ABSL_FLAG(std::string, images, "0",
          "images per sequence, for models with cross-attention layers "
          "(Llama 3.2 Vision): their vision tokens are cached in those layers");
ABSL_FLAG(std::string, kv_dtype, "",
          "K and V cache type: f32 f16 bf16 fp8 q8_0 q4_0 q4_1 q5_0 q5_1 "
          "iq4_nl (default: the model's dtype; llama.cpp: f16)");
ABSL_FLAG(std::string, cache_type_k, "", "K cache type (like --kv_dtype)");
ABSL_FLAG(std::string, cache_type_v, "", "V cache type (like --kv_dtype)");
ABSL_FLAG(std::optional<std::string>, flash_attn, std::nullopt,
          "llama.cpp: true, false or auto (default auto, as llama.cpp)");
ABSL_FLAG(bool, swa_full, false,
          "llama.cpp: full-size sliding-window cache (--swa-full)");
ABSL_FLAG(bool, kv_unified, false,
          "llama.cpp: one cache stream shared by all sequences (-kvu); "
          "default false, as with an explicit --parallel");
ABSL_FLAG(std::string, ubatch, "",
          "llama.cpp: physical batch, -ub (default 512)");
ABSL_FLAG(std::string, n_batch, "",
          "llama.cpp: logical batch, -b (default 2048); caps -ub");
ABSL_FLAG(std::string, block_size, "",
          "vLLM: tokens per block (default 16)");
ABSL_FLAG(std::string, max_num_batched_tokens, "",
          "vLLM: tokens per scheduler step, sizes sliding-window blocks "
          "(default 2048)");
ABSL_FLAG(std::string, tensor_parallel, "",
          "vLLM: tensor-parallel GPUs (default 1); figures are per GPU");
ABSL_FLAG(std::string, pipeline_parallel, "",
          "vLLM: pipeline stages (default 1); figures are per GPU of the "
          "stage with the most layers");
ABSL_FLAG(std::string, kv_budget, "",
          "memory for the KV cache (bytes, or with KiB MiB GiB TiB KB MB GB "
          "TB): the most tokens whose cache fits");
ABSL_FLAG(std::string, weights, "",
          "weight format: bf16, f16, q8_0, Q4_K_M (documented average), ...");
ABSL_FLAG(std::string, gpu_memory, "",
          "vLLM: the GPU's total memory as CUDA reports it; with "
          "--model_memory, --activation_peak and --non_torch_memory (as vLLM "
          "logs them) gives the KV budget instead of --kv_budget");
ABSL_FLAG(std::string, gpu_memory_utilization, "",
          "vLLM: the share of --gpu_memory it may use (default 0.9)");
ABSL_FLAG(std::string, model_memory, "",
          "vLLM: the weights' memory (\"Model loading took X GiB\")");
ABSL_FLAG(std::string, activation_peak, "",
          "vLLM: the profile run's peak activation memory");
ABSL_FLAG(std::string, non_torch_memory, "",
          "vLLM: the memory outside PyTorch's allocator");
ABSL_FLAG(std::string, budget, "",
          "memory for weights + KV cache (like --kv_budget): fits or not, "
          "the longest context and the largest batch that fit");
ABSL_FLAG(std::string, format, "table", "table, json, csv or markdown");

namespace kvtables {
namespace {

using kvmodel::ModelSpec;
using kvmodel::StorageFormat;

// Failure is a one-line message for the user.
struct Failure {
  std::string message;
};

[[noreturn]] void Fail(std::string message) { throw Failure{std::move(message)}; }

// Row is one figure of the output.
struct Row {
  std::string key;    // JSON / CSV key, with its unit
  std::string label;  // what a person reads
  nlohmann::ordered_json value;
  std::string text;   // the value as a person reads it
};

std::string Commas(std::uint64_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

// Bytes() is "1,073,741,824 bytes (1.00 GiB)", in the largest binary unit
// the figure reaches.
std::string Bytes(std::uint64_t bytes) {
  const kvmodel::ByteUnit unit = bytes >= kvmodel::kGiB   ? kvmodel::kGiBUnit
                                 : bytes >= kvmodel::kMiB ? kvmodel::kMiBUnit
                                                          : kvmodel::kKiBUnit;
  return Commas(bytes) + " bytes (" +
         kvmodel::FormatWithUnit({bytes, 1}, unit, 2) + ")";
}

// VllmEraFlag() is the era of --runtime_version's release, the newest
// modelled when the flag is empty.
kvmodel::VllmEra VllmEraFlag(const std::string& text) {
  if (text.empty()) return kvmodel::VllmEra::kV0_21;
  const absl::StatusOr<kvtables::Release> r = kvtables::ParseRelease("runtime_version", text);
  if (!r.ok()) Fail(std::string(r.status().message()));
  const std::optional<kvmodel::VllmEra> era = kvmodel::VllmEraOf(r->major, r->minor);
  if (!era) {
    Fail("--runtime_version: vLLM " + text + " is older than the releases "
         "kvtables models (0.9 onward)");
  }
  return *era;
}

// Count() is a positive integer flag no larger than `max`, or nullopt when
// the flag is not given.
std::optional<std::uint64_t> Count(
    const char* flag, const std::string& text,
    std::uint64_t max = std::numeric_limits<std::uint64_t>::max()) {
  if (text.empty()) return std::nullopt;
  const absl::StatusOr<std::uint64_t> value = ParseCount(flag, text);
  if (!value.ok()) Fail(std::string(value.status().message()));
  if (*value > max) {
    Fail("--" + std::string(flag) + ": " + text + " is too large (at most " +
         std::to_string(max) + ")");
  }
  return *value;
}

std::uint64_t ParseSize(const char* flag, const std::string& text) {
  const absl::StatusOr<std::uint64_t> value = ParseByteSize(flag, text);
  if (!value.ok()) Fail(std::string(value.status().message()));
  return *value;
}

constexpr std::uint64_t kU32Max = std::numeric_limits<std::uint32_t>::max();

StorageFormat KvFormat(const std::string& flag, const std::string& value) {
  const auto format = kvmodel::ParseStorageFormat(value);
  if (!format || !kvmodel::Info(*format).kv_cache_type) {
    Fail("--" + flag + ": '" + value +
         "' is not a KV cache type (f32 f16 bf16 fp8 q8_0 q4_0 q4_1 q5_0 "
         "q5_1 iq4_nl)");
  }
  return *format;
}

// Model is the model the flags name, with the strings it points to.
struct Model {
  std::optional<config::ImportedModel> imported;
  ModelSpec spec;
  std::string origin;
  bool parameters_known = true;
  std::string parameters_source;
  std::optional<std::uint64_t> file_weight_bytes;  // exact, from a GGUF
};

Model LoadModel() {
  const std::string name = absl::GetFlag(FLAGS_model);
  const std::string path = absl::GetFlag(FLAGS_config);
  const std::string gguf_path = absl::GetFlag(FLAGS_gguf);
  Model model;
  if (!name.empty() + !path.empty() + !gguf_path.empty() > 1) {
    Fail("--model, --config and --gguf contradict each other: give one");
  }
  if (!gguf_path.empty()) {
    absl::StatusOr<gguf::GgufModel> read = gguf::ReadModel(gguf_path);
    if (!read.ok()) Fail("--gguf: " + std::string(read.status().message()));
    model.imported = std::move(read->model);
    model.spec = model.imported->Spec();
    model.origin = "GGUF " + gguf_path + " (" + read->architecture + ")";
    model.parameters_source = "exact, from the file's tensor table";
    model.file_weight_bytes = read->tensor_bytes;
  } else if (!name.empty()) {
    const auto spec = kvmodel::FindModel(name);
    if (!spec) Fail("--model: unknown model '" + name + "' (see --list_models)");
    model.spec = *spec;
    model.origin = "catalog, " + std::string(spec->hf_repo);
    model.parameters_source = "catalog";
  } else if (!path.empty()) {
    absl::StatusOr<config::ImportedModel> imported =
        config::ReadHfConfigFile(path);
    if (!imported.ok()) Fail("--config: " + std::string(imported.status().message()));
    model.imported = std::move(*imported);
    model.spec = model.imported->Spec();
    model.origin = "config " + path;
    model.parameters_known = model.imported->parameters_estimated;
    model.parameters_source = model.parameters_known
                                  ? "estimated from the config's shapes"
                                  : "unknown";
  } else {
    Fail("give --model=NAME (see --list_models), --config=PATH or --gguf=PATH");
  }
  if (const auto p = Count("parameters", absl::GetFlag(FLAGS_parameters))) {
    model.spec.parameters_total = *p;
    model.spec.parameters_active = *p;
    model.parameters_known = true;
    model.parameters_source = "--parameters";
  }
  return model;
}

// WeightFormatText() says how exact a weight format's size is.
std::string WeightFormatText(const kvmodel::WeightFormat& w) {
  const std::string bits =
      kvmodel::FormatInUnit({w.bits_numerator, w.bits_denominator},
                            kvmodel::kByteUnit, w.documented_average ? 2 : 4);
  return std::string(w.name) + ", " + bits +
         (w.documented_average
              ? " bits/weight: llama.cpp's documented average, not exact"
              : " bits/weight");
}

enum class Runtime { kAnalytic, kLlamaCpp, kVllm };

// Workload is what the byte functions take besides the model.
struct Setup {
  Runtime runtime = Runtime::kAnalytic;
  StorageFormat k_format = StorageFormat::kBF16;
  StorageFormat v_format = StorageFormat::kBF16;
  kvmodel::LlamaCppSettings llama;
  kvmodel::VllmSettings vllm;
  std::uint64_t context = 0;
  std::uint64_t batch = 1;
  std::uint64_t cross_tokens = 0;  // vision tokens per sequence (--images)
};

// Fraction() is `millionths` as a decimal: 900000 is "0.9".
std::string Fraction(std::uint32_t millionths) {
  if (millionths >= 1'000'000) return "1";
  std::string digits = std::to_string(1'000'000 + millionths).substr(1);
  digits.erase(digits.find_last_not_of('0') + 1);
  return "0." + digits;
}

// GpuMemoryFlags() is the vLLM budget chain's terms (kvmodel/gpu_budget.h),
// when --gpu_memory is given; each of its terms is then required.
std::optional<kvmodel::VllmMemory> GpuMemoryFlags(const Setup& s, bool kv_budget) {
  const std::string total = absl::GetFlag(FLAGS_gpu_memory);
  const std::string util = absl::GetFlag(FLAGS_gpu_memory_utilization);
  if (total.empty()) {
    for (const auto& [flag, value] : {std::pair{"gpu_memory_utilization", util},
                                      {"model_memory", absl::GetFlag(FLAGS_model_memory)},
                                      {"activation_peak", absl::GetFlag(FLAGS_activation_peak)},
                                      {"non_torch_memory", absl::GetFlag(FLAGS_non_torch_memory)}}) {
      if (!value.empty()) Fail(std::string("--") + flag + " needs --gpu_memory");
    }
    return std::nullopt;
  }
  if (s.runtime != Runtime::kVllm) Fail("--gpu_memory applies to --runtime=vllm only");
  if (kv_budget) Fail("--gpu_memory and --kv_budget both give the KV budget: give one");
  if (s.vllm.era != kvmodel::VllmEra::kV0_9) {
    Fail("--gpu_memory: kvtables models vLLM's budget chain for 0.9 to 0.20 only "
         "(from 0.21 vLLM also profiles its CUDA graphs, a term not yet "
         "modelled): add --runtime_version=0.20, or give --kv_budget");
  }
  kvmodel::VllmMemory m;
  m.gpu_total = ParseSize("gpu_memory", total);
  if (!util.empty()) {
    const absl::StatusOr<std::uint32_t> u =
        kvtables::ParseMillionths("gpu_memory_utilization", util);
    if (!u.ok()) Fail(std::string(u.status().message()));
    m.utilization_millionths = *u;
  }
  const auto term = [](const char* flag, const std::string& text) {
    if (text.empty()) {
      Fail(std::string("--gpu_memory needs --") + flag +
           " (kvtables cannot estimate it: give the figure vLLM logs)");
    }
    return text == "0" ? std::uint64_t{0} : ParseSize(flag, text);
  };
  m.weights = term("model_memory", absl::GetFlag(FLAGS_model_memory));
  m.activation_peak = term("activation_peak", absl::GetFlag(FLAGS_activation_peak));
  m.non_torch = term("non_torch_memory", absl::GetFlag(FLAGS_non_torch_memory));
  return m;
}

// KvBytes() is the runtime's cache for `context` tokens x `batch` sequences.
kvmodel::KvBytes KvBytes(const ModelSpec& m, const Setup& s,
                         std::uint64_t context, std::uint64_t batch) {
  switch (s.runtime) {
    case Runtime::kAnalytic:
      return kvmodel::ModelKvCacheBytes(
          kvmodel::WithKvFormats(m, s.k_format, s.v_format), context, batch,
          s.cross_tokens);
    case Runtime::kLlamaCpp: {
      kvmodel::LlamaCppSettings llama = s.llama;
      llama.n_ctx = kvmodel::CheckedMul(context, batch);
      if (batch > std::numeric_limits<std::uint32_t>::max()) {
        kvmodel::internal::ArithmeticOverflowed("overflow: too many sequences");
      }
      llama.n_seq_max = static_cast<std::uint32_t>(batch);
      const kvmodel::LlamaCppAllocation a = kvmodel::LlamaCppKvCache(m, llama);
      return {a.k_bytes(), a.v_bytes(), a.recurrent.total_bytes()};
    }
    case Runtime::kVllm: {
      kvmodel::VllmSettings vllm = s.vllm;
      vllm.max_model_len = context;
      const std::uint64_t total = kvmodel::VllmKvCacheBytes(m, vllm, batch);
      // A hybrid's recurrent groups take one (padded) page per sequence.
      const kvmodel::VllmGroups groups = kvmodel::VllmLayerGroups(m);
      const std::uint64_t state = kvmodel::CheckedMul(
          kvmodel::CheckedMul(groups.state_groups, batch), kvmodel::VllmBlockBytes(m, vllm));
      // K's share of every attention page: K head / (K head + V head).
      const std::uint64_t k = m.attention.k_head_dim;
      const std::uint64_t kv = k + m.attention.v_head_dim;
      const std::uint64_t k_bytes = (total - state) / kv * k;
      return {k_bytes, total - state - k_bytes, state};
    }
  }
  return {};
}

// Fits() is `bytes() <= budget`, with a figure past 64 bits not fitting.
bool Fits(const std::function<std::uint64_t()>& bytes, std::uint64_t budget) {
  try {
    return bytes() <= budget;
  } catch (const kvmodel::Overflow&) {
    return false;
  }
}

std::string Render(const std::vector<Row>& rows, const std::string& format) {
  if (format == "json") {
    nlohmann::ordered_json object = nlohmann::ordered_json::object();
    for (const Row& row : rows) object[row.key] = row.value;
    return object.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  }
  if (format == "csv") {
    std::string keys, values;
    for (const Row& row : rows) {
      if (!keys.empty()) {
        keys += ',';
        values += ',';
      }
      keys += row.key;
      std::string v = row.value.is_string() ? row.value.get<std::string>()
                                            : row.value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      if (v.find_first_of(",\"\n") != std::string::npos) {
        std::string quoted = "\"";
        for (const char c : v) {
          if (c == '"') quoted += '"';
          quoted += c;
        }
        v = quoted + "\"";
      }
      values += v;
    }
    return keys + "\n" + values + "\n";
  }
  if (format == "markdown") {
    std::string out = "| quantity | value |\n|---|---|\n";
    for (const Row& row : rows) {
      std::string text = row.text;
      for (std::size_t i = 0; (i = text.find('|', i)) != std::string::npos;
           i += 2) {
        text.insert(i, "\\");
      }
      out += "| " + row.label + " | " + text + " |\n";
    }
    return out;
  }
  std::size_t width = 0;
  for (const Row& row : rows) width = std::max(width, row.label.size());
  std::string out;
  for (const Row& row : rows) {
    out += row.label + std::string(width + 2 - row.label.size(), ' ') +
           row.text + "\n";
  }
  return out;
}

std::string ListModels(const std::string& format) {
  std::vector<std::vector<Row>> tables;
  std::string out;
  if (format == "table") {
    out = "catalog models (KV bytes per token: bf16, every layer inside its "
          "window)\n";
  }
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  std::string csv = "name,hf_repo,kv_bytes_per_token,max_context_tokens\n";
  std::string md = "| name | hf_repo | KV bytes per token | max context |\n|---|---|---|---|\n";
  for (const ModelSpec& m : kvmodel::kCatalog) {
    const std::uint64_t per_token = kvmodel::ModelKvBytesPerToken(m);
    char line[256];
    std::snprintf(line, sizeof line, "  %-22s %-40s %10s B/token  %9s tokens\n",
                  std::string(m.name).c_str(), std::string(m.hf_repo).c_str(),
                  Commas(per_token).c_str(), Commas(m.max_context_tokens).c_str());
    out += line;
    list.push_back({{"name", m.name},
                    {"hf_repo", m.hf_repo},
                    {"kv_bytes_per_token", per_token},
                    {"max_context_tokens", m.max_context_tokens}});
    csv += std::string(m.name) + "," + std::string(m.hf_repo) + "," +
           std::to_string(per_token) + "," +
           std::to_string(m.max_context_tokens) + "\n";
    md += "| " + std::string(m.name) + " | " + std::string(m.hf_repo) +
          " | " + std::to_string(per_token) + " | " +
          std::to_string(m.max_context_tokens) + " |\n";
  }
  if (format == "json") return list.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  if (format == "csv") return csv;
  if (format == "markdown") return md;
  return out;
}

std::string Run() {
  const std::string format = absl::GetFlag(FLAGS_format);
  if (format != "table" && format != "json" && format != "csv" &&
      format != "markdown") {
    Fail("--format: '" + format + "' is not table, json, csv or markdown");
  }
  if (absl::GetFlag(FLAGS_list_models)) return ListModels(format);

  Model model = LoadModel();
  const ModelSpec& m = model.spec;

  Setup s;
  const std::string runtime = absl::GetFlag(FLAGS_runtime);
  if (runtime == "analytic") {
    s.runtime = Runtime::kAnalytic;
  } else if (runtime == "llama.cpp" || runtime == "llama_cpp" ||
             runtime == "llamacpp") {
    s.runtime = Runtime::kLlamaCpp;
  } else if (runtime == "vllm") {
    s.runtime = Runtime::kVllm;
  } else {
    Fail("--runtime: '" + runtime + "' is not analytic, llama.cpp or vllm");
  }
  const auto only_for = [&](bool set, const char* flag, Runtime wanted,
                            const char* name) {
    if (set && s.runtime != wanted) {
      Fail(std::string("--") + flag + " applies to --runtime=" + name +
           " only");
    }
  };
  only_for(absl::GetFlag(FLAGS_flash_attn).has_value(), "flash_attn",
           Runtime::kLlamaCpp, "llama.cpp");
  only_for(absl::GetFlag(FLAGS_swa_full), "swa_full",
           Runtime::kLlamaCpp, "llama.cpp");
  only_for(absl::GetFlag(FLAGS_kv_unified), "kv_unified",
           Runtime::kLlamaCpp, "llama.cpp");
  only_for(!absl::GetFlag(FLAGS_ubatch).empty(), "ubatch",
           Runtime::kLlamaCpp, "llama.cpp");
  only_for(!absl::GetFlag(FLAGS_n_batch).empty(), "n_batch",
           Runtime::kLlamaCpp, "llama.cpp");
  only_for(!absl::GetFlag(FLAGS_block_size).empty(), "block_size",
           Runtime::kVllm, "vllm");
  only_for(!absl::GetFlag(FLAGS_max_num_batched_tokens).empty(),
           "max_num_batched_tokens", Runtime::kVllm, "vllm");
  only_for(!absl::GetFlag(FLAGS_tensor_parallel).empty(), "tensor_parallel",
           Runtime::kVllm, "vllm");
  only_for(!absl::GetFlag(FLAGS_pipeline_parallel).empty(), "pipeline_parallel",
           Runtime::kVllm, "vllm");
  only_for(!absl::GetFlag(FLAGS_runtime_version).empty(), "runtime_version",
           Runtime::kVllm, "vllm");

  // Cache types.
  const std::string kv_dtype = absl::GetFlag(FLAGS_kv_dtype);
  const std::string type_k = absl::GetFlag(FLAGS_cache_type_k);
  const std::string type_v = absl::GetFlag(FLAGS_cache_type_v);
  if (!kv_dtype.empty() && (!type_k.empty() || !type_v.empty())) {
    Fail("--kv_dtype contradicts --cache_type_k/--cache_type_v: give one or "
         "the other");
  }
  StorageFormat default_format = m.weights_format;
  std::string format_note = "the model's dtype";
  if (s.runtime == Runtime::kLlamaCpp) {
    default_format = StorageFormat::kF16;
    format_note = "llama.cpp's default";
  } else if (default_format == StorageFormat::kF32 &&
             s.runtime == Runtime::kVllm) {
    default_format = StorageFormat::kBF16;
    format_note = "vLLM's auto dtype for a float32 model";
  }
  s.k_format = s.v_format = default_format;
  if (!kv_dtype.empty()) s.k_format = s.v_format = KvFormat("kv_dtype", kv_dtype);
  if (!type_k.empty()) s.k_format = KvFormat("cache_type_k", type_k);
  if (!type_v.empty()) s.v_format = KvFormat("cache_type_v", type_v);
  if (!kv_dtype.empty() || !type_k.empty() || !type_v.empty()) {
    format_note = "as given";
  }
  if (s.runtime == Runtime::kVllm && s.k_format != s.v_format) {
    Fail("--cache_type_k and --cache_type_v differ: vLLM stores K and V in "
         "one kv_cache_dtype");
  }

  // Workload.
  s.context = Count("context", absl::GetFlag(FLAGS_context))
                  .value_or(m.max_context_tokens);
  s.batch = Count("batch", absl::GetFlag(FLAGS_batch), kU32Max).value_or(1);
  if (const std::string images = absl::GetFlag(FLAGS_images); images != "0") {
    const std::uint64_t n = Count("images", images).value_or(0);
    if (m.cross_attention_layers == 0) {
      Fail("--images: the model has no cross-attention layers (its images' "
           "tokens, if any, are part of --context)");
    }
    if (s.runtime != Runtime::kAnalytic) {
      Fail("--images: only the analytic answer sizes a cross-attention cache "
           "(llama.cpp has none; vLLM's is not modelled)");
    }
    if (n > std::numeric_limits<std::uint64_t>::max() / m.cross_attention_tokens) {
      Fail("--images: " + images + " images of " +
           std::to_string(m.cross_attention_tokens) +
           " vision tokens overflow 64 bits");
    }
    s.cross_tokens = n * m.cross_attention_tokens;
  }

  // Runtime settings.
  s.llama.type_k = s.k_format;
  s.llama.type_v = s.v_format;
  if (const auto fa = absl::GetFlag(FLAGS_flash_attn)) {
    if (*fa == "true" || *fa == "on") {
      s.llama.flash_attn = kvmodel::FlashAttention::kOn;
    } else if (*fa == "false" || *fa == "off") {
      s.llama.flash_attn = kvmodel::FlashAttention::kOff;
    } else if (*fa != "auto") {
      Fail("--flash_attn: '" + *fa + "' is not true, false or auto");
    }
  }
  s.llama.swa_full = absl::GetFlag(FLAGS_swa_full);
  s.llama.kv_unified = absl::GetFlag(FLAGS_kv_unified);
  s.llama.n_ubatch = static_cast<std::uint32_t>(
      Count("ubatch", absl::GetFlag(FLAGS_ubatch), kU32Max).value_or(512));
  s.llama.n_batch = static_cast<std::uint32_t>(
      Count("n_batch", absl::GetFlag(FLAGS_n_batch), kU32Max).value_or(2048));
  s.vllm.block_size = static_cast<std::uint32_t>(
      Count("block_size", absl::GetFlag(FLAGS_block_size), kU32Max).value_or(16));
  s.vllm.max_num_batched_tokens =
      Count("max_num_batched_tokens", absl::GetFlag(FLAGS_max_num_batched_tokens))
          .value_or(2048);
  s.vllm.tensor_parallel = static_cast<std::uint32_t>(
      Count("tensor_parallel", absl::GetFlag(FLAGS_tensor_parallel), kU32Max)
          .value_or(1));
  s.vllm.pipeline_parallel = static_cast<std::uint32_t>(
      Count("pipeline_parallel", absl::GetFlag(FLAGS_pipeline_parallel), kU32Max)
          .value_or(1));
  s.vllm.kv_format = s.k_format;
  s.vllm.era = VllmEraFlag(absl::GetFlag(FLAGS_runtime_version));

  // Budgets and weights.
  std::optional<std::uint64_t> kv_budget;
  if (const std::string text = absl::GetFlag(FLAGS_kv_budget); !text.empty()) {
    kv_budget = ParseSize("kv_budget", text);
  }
  const std::optional<kvmodel::VllmMemory> gpu = GpuMemoryFlags(s, kv_budget.has_value());
  std::optional<std::uint64_t> budget;
  if (const std::string text = absl::GetFlag(FLAGS_budget); !text.empty()) {
    budget = ParseSize("budget", text);
  }
  const std::string weights_name = absl::GetFlag(FLAGS_weights);
  if (budget && weights_name.empty() && !model.file_weight_bytes) {
    Fail("--budget needs --weights (the weight format) or --gguf");
  }
  std::optional<kvmodel::WeightFormat> weights;
  if (!weights_name.empty()) {
    weights = kvmodel::ParseWeightFormat(weights_name);
    if (!weights) {
      Fail("--weights: unknown weight format '" + weights_name +
           "' (bf16, f16, q8_0, q6_k, Q4_K_M, ...)");
    }
    if (!model.parameters_known) {
      Fail("--weights: the config gives no parameter count for this "
           "architecture; pass --parameters");
    }
  }

  // The figures. Errors of the model (an impossible model, a rule the
  // runtime refuses, an overflow) become one line.
  std::vector<Row> rows;
  const auto add = [&](std::string key, std::string label,
                       nlohmann::ordered_json value, std::string text) {
    rows.push_back({std::move(key), std::move(label), std::move(value),
                    std::move(text)});
  };
  try {
    std::string runtime_name = "analytic";
    std::string rules = "KV bytes = layers x KV heads x (K + V head bytes) x "
                        "tokens, sliding layers capped at their window";
    if (m.per_layer()) {
      rules = "KV bytes = per layer, its KV heads x (K + V head bytes) x tokens, "
              "sliding and chunked layers capped at their window; recurrent "
              "layers a fixed state per sequence in f32";
    }
    if (s.runtime == Runtime::kLlamaCpp) {
      runtime_name = "llama.cpp";
      rules = std::string(kvmodel::kLlamaCppEra);
    } else if (s.runtime == Runtime::kVllm) {
      runtime_name = "vllm";
      rules = std::string(kvmodel::VllmEraSource(s.vllm.era));
    }
    add("model", "model", std::string(m.name),
        std::string(m.name) + " (" + model.origin + ")");
    add("runtime", "runtime", runtime_name, runtime_name);
    add("runtime_rules", "rules", rules, rules);
    add("context_tokens", "context",
        s.context, Commas(s.context) + " tokens per sequence x " +
                       Commas(s.batch) +
                       (s.batch == 1 ? " sequence" : " sequences"));
    add("batch_size", "batch", s.batch, Commas(s.batch));
    if (s.context > m.max_context_tokens) {
      add("context_note", "note", "context exceeds the model's maximum",
          "context exceeds the model's " + Commas(m.max_context_tokens) +
              "-token maximum");
    }
    const std::string k_name(kvmodel::Info(s.k_format).name);
    const std::string v_name(kvmodel::Info(s.v_format).name);
    add("k_format", "K cache type", k_name, k_name + " (" + format_note + ")");
    add("v_format", "V cache type", v_name, v_name + " (" + format_note + ")");

    const kvmodel::KvBytes cache = KvBytes(m, s, s.context, s.batch);
    std::uint64_t per_token = 0;
    if (s.runtime == Runtime::kVllm && s.vllm.pipeline_parallel > 1) {
      per_token = kvmodel::VllmBlockBytes(m, s.vllm) / s.vllm.block_size;
    } else if (s.runtime == Runtime::kVllm) {
      per_token = kvmodel::CheckedMul(
          kvmodel::VllmPageBytes(m, s.vllm) / kvmodel::VllmBlockSize(m, s.vllm),
          kvmodel::VllmAttentionLayers(m));
    } else {
      per_token = kvmodel::ModelKvBytesPerToken(
          kvmodel::WithKvFormats(m, s.k_format, s.v_format));
    }
    const std::string per_gpu =
        s.runtime == Runtime::kVllm &&
                (s.vllm.tensor_parallel > 1 || s.vllm.pipeline_parallel > 1)
            ? " per GPU"
            : "";
    add("kv_bytes_per_token", "KV per token" + per_gpu, per_token,
        Bytes(per_token));

    if (s.runtime == Runtime::kLlamaCpp) {
      kvmodel::LlamaCppSettings llama = s.llama;
      llama.n_ctx = s.context * s.batch;
      llama.n_seq_max = static_cast<std::uint32_t>(s.batch);
      const kvmodel::LlamaCppAllocation a = kvmodel::LlamaCppKvCache(m, llama);
      std::string flags = "-c " + std::to_string(llama.n_ctx) + " -np " +
                          std::to_string(s.batch) + " -ctk " + k_name +
                          " -ctv " + v_name + " -b " +
                          std::to_string(llama.n_batch) + " -ub " +
                          std::to_string(llama.n_ubatch);
      if (llama.kv_unified) flags += " -kvu";
      if (llama.swa_full) flags += " --swa-full";
      flags += llama.flash_attn == kvmodel::FlashAttention::kOn    ? " -fa on"
               : llama.flash_attn == kvmodel::FlashAttention::kOff ? " -fa off"
                                                                    : " -fa auto";
      add("llama_cpp_flags", "llama.cpp flags", flags, flags);
      const auto cache_row = [&](const char* key, const char* label,
                                 const kvmodel::LlamaCppCache& c) {
        add(key, label, c.total_bytes(),
            kvmodel::FormatWithUnit({c.total_bytes(), 1}, kvmodel::kMiBUnit, 2) +
                " (" + Commas(c.cells_per_stream) + " cells, " +
                std::to_string(c.layers) + " layers, " +
                std::to_string(llama.n_seq_max) + "/" +
                std::to_string(c.streams) + " seqs), K (" + k_name + "): " +
                kvmodel::FormatWithUnit({c.k_bytes, 1}, kvmodel::kMiBUnit, 2) +
                ", V (" + v_name + "): " +
                kvmodel::FormatWithUnit({c.v_bytes, 1}, kvmodel::kMiBUnit, 2));
      };
      if (a.swa.layers > 0) {
        cache_row("llama_cpp_full_cache_bytes", "llama.cpp full-attention cache",
                  a.base);
        cache_row("llama_cpp_swa_cache_bytes", "llama.cpp sliding-window cache",
                  a.swa);
      } else if (a.base.layers > 0) {
        cache_row("llama_cpp_cache_bytes", "llama.cpp cache", a.base);
      }
      if (a.indexer.layers > 0) {
        cache_row("llama_cpp_indexer_cache_bytes", "llama.cpp indexer cache", a.indexer);
      }
      if (a.recurrent.recurrent_layers > 0) {
        const kvmodel::LlamaCppRecurrent& r = a.recurrent;
        add("llama_cpp_recurrent_bytes", "llama.cpp recurrent state", r.total_bytes(),
            kvmodel::FormatWithUnit({r.total_bytes(), 1}, kvmodel::kMiBUnit, 2) +
                " (" + Commas(r.cells) + " cells, " +
                std::to_string(r.recurrent_layers) + " of " +
                std::to_string(r.model_layers) + " layers), R (f32): " +
                kvmodel::FormatWithUnit({r.r_bytes, 1}, kvmodel::kMiBUnit, 2) +
                ", S (f32): " +
                kvmodel::FormatWithUnit({r.s_bytes, 1}, kvmodel::kMiBUnit, 2));
      }
      const std::vector<std::string> lines = kvmodel::LlamaCppLogLines(a, llama);
      add("llama_cpp_log_lines", "llama.cpp logs", lines, absl::StrJoin(lines, "\n  "));
      if (a.flash_attn_forced_on) {
        add("flash_attn_note", "note", "flash attention turned on",
            "llama.cpp turns flash attention on (auto) because the V cache "
            "is quantized");
      }
      if (m.sliding_window_layers > 0 && !kvmodel::LlamaCppUsesSwaCache(m)) {
        add("swa_note", "note", "no sliding-window cache",
            "every layer slides: llama.cpp keeps a full cache for such "
            "models (no iSWA cache)");
      }
    } else if (s.runtime == Runtime::kVllm) {
      kvmodel::VllmSettings vllm = s.vllm;
      vllm.max_model_len = s.context;
      const std::uint64_t page = kvmodel::VllmPageBytes(m, vllm);
      const kvmodel::VllmGroups groups = kvmodel::VllmLayerGroups(m);
      const std::uint32_t block = kvmodel::VllmBlockSize(m, vllm);
      if (m.per_layer()) {
        const kvmodel::VllmHybridPages pages = kvmodel::VllmHybridPaging(m, vllm);
        const kvmodel::ByteFraction padding = pages.padding_percent();
        std::string line = "Setting attention block size to " + std::to_string(block) +
                           " tokens (the state page is " + Commas(pages.state_page_bytes) +
                           " bytes per sequence)";
        if (padding.numerator > 0) {
          line += "; padding mamba page size by " +
                  kvmodel::FormatInUnit(padding, kvmodel::kByteUnit, 2) + "%";
        }
        add("vllm_hybrid_block", "vLLM hybrid paging", block, line);
      }
      add("vllm_page_bytes", "vLLM page (one layer, one block)", page,
          Bytes(page) + ", block of " + std::to_string(block) +
              " tokens, " +
              std::to_string(kvmodel::VllmKvHeadsPerRank(m, vllm.tensor_parallel)) +
              " KV heads per GPU");
      add("vllm_kv_cache_groups", "vLLM KV cache groups", groups.groups(),
          std::to_string(groups.groups()) + " of " +
              std::to_string(groups.layers_per_group) + " layers");
      if (vllm.pipeline_parallel > 1) {
        const std::uint64_t most = kvmodel::VllmBlockBytes(m, vllm) / page;
        add("vllm_stage_layers", "vLLM pipeline stages", most,
            std::to_string(vllm.pipeline_parallel) + " stages; the largest holds " +
                std::to_string(most) + " layers, and its blocks are the engine's");
      }
      add("vllm_blocks_per_request", "vLLM blocks per request",
          kvmodel::VllmBlocksPerRequest(m, vllm),
          Commas(kvmodel::VllmBlocksPerRequest(m, vllm)));
    }
    add("kv_cache_bytes",
        (cache.state_bytes > 0 ? "KV cache + recurrent state" : "KV cache") + per_gpu,
        cache.total(),
        Bytes(cache.total()));
    add("kv_cache_k_bytes", "  K", cache.k_bytes, Bytes(cache.k_bytes));
    add("kv_cache_v_bytes", "  V", cache.v_bytes, Bytes(cache.v_bytes));
    if (cache.state_bytes > 0) {
      add("recurrent_state_bytes", "  recurrent state", cache.state_bytes,
          Bytes(cache.state_bytes) +
              (s.runtime == Runtime::kVllm
                   ? ", whatever the context: a page per sequence per group of "
                     "recurrent layers, in the model's dtype, padded to the "
                     "attention page"
                   : " in f32, whatever the context"));
    }
    if (m.cross_attention_layers > 0) {
      // The cross-attention layers' share: their vision tokens, no text.
      const ModelSpec formats = kvmodel::WithKvFormats(m, s.k_format, s.v_format);
      const std::uint64_t per_image =
          kvmodel::ModelKvCacheBytes(formats, 0, 1, m.cross_attention_tokens).total();
      if (s.cross_tokens > 0) {
        const std::uint64_t cross =
            kvmodel::ModelKvCacheBytes(formats, 0, s.batch, s.cross_tokens).total();
        add("cross_attention_bytes", "  of it, cross-attention", cross,
            Bytes(cross) + " (" + Commas(s.cross_tokens) + " vision tokens per sequence)");
      } else {
        add("cross_attention_note", "not counted", "cross-attention cache",
            "the cross-attention layers' cache of each image (--images=N): " +
                Bytes(per_image) + " per image per sequence");
      }
    }

    if (gpu) {
      const std::uint64_t requested = kvmodel::VllmRequestedMemory(*gpu);
      const std::uint64_t used = gpu->weights + gpu->activation_peak + gpu->non_torch;
      add("gpu_memory_bytes", "GPU memory", gpu->gpu_total, Bytes(gpu->gpu_total));
      add("vllm_requested_bytes", "vLLM's share", requested,
          Bytes(requested) + ", " + Fraction(gpu->utilization_millionths) +
              " of the GPU");
      add("vllm_non_kv_bytes", "less weights, activations, non-torch", used,
          Bytes(used) + " (as given; CUDA graphs are captured after the cache is sized)");
      kv_budget = kvmodel::VllmAvailableKvMemory(*gpu);
    }
    if (kv_budget) {
      add("kv_budget_bytes", "KV budget", *kv_budget, Bytes(*kv_budget));
      if (s.runtime == Runtime::kVllm) {
        kvmodel::VllmSettings vllm = s.vllm;
        vllm.max_model_len = s.context;
        const std::uint64_t blocks = kvmodel::VllmNumBlocks(m, vllm, *kv_budget);
        const std::uint64_t tokens = kvmodel::VllmCacheTokens(m, vllm, blocks);
        add("vllm_num_blocks", "vLLM blocks in KV budget", blocks, Commas(blocks));
        add("kv_capacity_tokens", "GPU KV cache size (vLLM's figure)", tokens,
            Commas(tokens) + " tokens");
        const std::uint64_t per_request = kvmodel::VllmBlocksPerRequest(m, vllm);
        const std::string concurrency = kvmodel::FormatInUnit(
            {blocks, per_request}, kvmodel::kByteUnit, 2);
        add("vllm_max_concurrency", "maximum concurrency", concurrency,
            concurrency + "x for " + Commas(s.context) + " tokens per request");
      } else {
        const std::uint64_t limit = m.max_context_tokens;
        const std::uint64_t tokens = kvmodel::LargestFitting(
            limit, [&](std::uint64_t c) {
              return Fits([&] { return KvBytes(m, s, c, s.batch).total(); },
                          *kv_budget);
            });
        add("kv_capacity_tokens",
            "most tokens in KV budget" +
                std::string(s.batch > 1 ? " (per sequence)" : ""),
            tokens,
            Commas(tokens) + " tokens" +
                (s.batch > 1 ? " per sequence x " + Commas(s.batch) : "") +
                (tokens == limit ? " (the model's maximum context)" : ""));
      }
    }

    if (weights || model.file_weight_bytes) {
      // --weights asks "what if it were stored as X"; without it a GGUF's
      // own tensors are the weights, exactly.
      const std::uint64_t weight_bytes =
          weights ? kvmodel::ModelWeightBytes(m, *weights) : *model.file_weight_bytes;
      add("parameters", "parameters", m.parameters_total,
          Commas(m.parameters_total) + " (" + model.parameters_source + ")");
      if (weights) {
        add("weights_format", "weights format", std::string(weights->name),
            WeightFormatText(*weights));
      } else {
        add("weights_format", "weights format", "file",
            "the file's own tensor types: exact, the sum over its tensor table");
      }
      add("weights_bytes", "weights", weight_bytes, Bytes(weight_bytes));
      const std::uint64_t total = kvmodel::CheckedAdd(weight_bytes, cache.total());
      add("total_bytes",
          cache.state_bytes > 0 ? "weights + KV cache + state" : "weights + KV cache",
          total, Bytes(total));
      if (budget) {
        add("budget_bytes", "budget", *budget, Bytes(*budget));
        const bool fits = total <= *budget;
        add("fits", "fits", fits,
            fits ? "yes, " + Bytes(*budget - total) + " to spare"
                 : "NO, " + Bytes(total - *budget) + " over");
        const auto fits_with = [&](std::uint64_t c, std::uint64_t b) {
          return Fits(
              [&] {
                return kvmodel::CheckedAdd(weight_bytes,
                                           KvBytes(m, s, c, b).total());
              },
              *budget);
        };
        const std::uint64_t longest = kvmodel::LargestFitting(
            m.max_context_tokens,
            [&](std::uint64_t c) { return fits_with(c, s.batch); });
        add("max_context_tokens_fitting", "longest context that fits",
            longest,
            Commas(longest) + " tokens" +
                (s.batch > 1 ? " per sequence x " + Commas(s.batch) : "") +
                (longest == m.max_context_tokens
                     ? " (the model's maximum context)"
                     : ""));
        // The search stops at the most sequences the runtime accepts.
        const std::uint64_t most_sequences =
            s.runtime == Runtime::kLlamaCpp ? kvmodel::kLlamaCppMaxSequences
                                            : std::numeric_limits<std::uint32_t>::max();
        const std::uint64_t largest = kvmodel::LargestFitting(
            most_sequences, [&](std::uint64_t b) { return fits_with(s.context, b); });
        add("max_batch_fitting", "largest batch that fits", largest,
            Commas(largest) + (largest == 1 ? " sequence" : " sequences") +
                " of " + Commas(s.context) + " tokens" +
                (s.runtime == Runtime::kLlamaCpp && largest == most_sequences
                     ? " (llama.cpp accepts no more)"
                     : ""));
        add("budget_note", "not counted",
            "activations, runtime buffers",
            "activations, compute buffers, CUDA graphs and the runtime itself");
      }
    }
  } catch (const kvmodel::Overflow& e) {
    // Name the flags whose values made a figure pass 64 bits.
    (void)e;
    Fail("overflow: with --context=" + std::to_string(s.context) + " and --batch=" +
         std::to_string(s.batch) + (s.cross_tokens > 0 ? " and --images" : "") +
         " the bytes do not fit in 64 bits");
  } catch (const kvmodel::Error& e) {
    Fail(e.what());
  }
  return Render(rows, format);
}

}  // namespace
}  // namespace kvtables

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "the KV cache, weights and \"will it fit\" of a language model, as the "
      "analytic model, llama.cpp or vLLM allocates it (exact bytes; GiB = "
      "2^30 bytes, GB = 10^9 bytes)");
  if (const std::string problem = kvtables::CommandLineProblem(argc, argv);
      !problem.empty()) {
    std::fprintf(stderr, "kvcalc: %s\n", kvtables::Printable(problem).c_str());
    return 2;
  }
  const std::vector<char*> rest = absl::ParseCommandLine(argc, argv);
  if (rest.size() > 1) {
    std::fprintf(stderr, "kvcalc: unexpected argument '%s' (flags are --name=value)\n",
                 rest[1]);
    return 2;
  }
  std::string out;
  try {
    out = kvtables::Run();
  } catch (const kvtables::Failure& f) {
    std::fprintf(stderr, "kvcalc: %s\n", kvtables::Printable(f.message).c_str());
    return 2;
  } catch (const std::exception& e) {
    // Never an abort: what escaped the checks is still one line and exit 2.
    std::fprintf(stderr, "kvcalc: %s\n", kvtables::Printable(e.what()).c_str());
    return 2;
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  if (std::fflush(stdout) != 0) {
    std::fprintf(stderr, "kvcalc: cannot write to stdout\n");
    return 1;
  }
  return 0;
}
