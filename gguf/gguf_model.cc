#include "gguf/gguf_model.h"

#include <set>

#include "absl/strings/str_cat.h"
#include "kvmodel/model.h"
#include "kvmodel/status.h"

namespace gguf {
namespace {

// The architectures whose memory kvtables models, all checked against the
// real llama.cpp by the oracle (oracle/), and their default window period
// (0: no sliding window).
struct Architecture {
  const char* name;
  std::uint32_t swa_period;
};
constexpr Architecture kArchitectures[] = {
    {"llama", 0}, {"qwen2", 0},  {"qwen3", 0},   {"qwen3moe", 0},
    {"phi2", 0},  {"phi3", 0},   {"falcon", 0},  {"deepseek2", 0},
    {"gemma2", 2}, {"gemma3", 6}, {"gpt-oss", 2},
};

class Metadata {
 public:
  Metadata(const File& file, std::string arch) : file_(file), arch_(std::move(arch)) {}

  // Number() is the scalar `key` (prefixed with the architecture when
  // `own`); a per-layer array whose entries are all equal counts as one.
  absl::StatusOr<std::uint64_t> Number(std::string_view key, bool own = true) const {
    const std::string full = own ? absl::StrCat(arch_, ".", std::string(key)) : std::string(key);
    const Value* v = file_.Find(full);
    if (v == nullptr) return absl::NotFoundError(absl::StrCat("gguf: no ", full));
    if (v->type == ValueType::kString || v->numbers.empty() ||
        (v->type == ValueType::kArray && v->element_type == ValueType::kString)) {
      return absl::InvalidArgumentError(absl::StrCat("gguf: ", full, " is not a number"));
    }
    const ValueType t = v->type == ValueType::kArray ? v->element_type : v->type;
    if (t == ValueType::kF32 || t == ValueType::kF64) {
      return absl::InvalidArgumentError(absl::StrCat("gguf: ", full, " is not an integer"));
    }
    if (std::set<std::uint64_t>(v->numbers.begin(), v->numbers.end()).size() != 1) {
      return absl::UnimplementedError(absl::StrCat(
          "gguf: ", full, " differs between layers: per-layer geometry is not modelled yet"));
    }
    return v->numbers[0];
  }

  absl::StatusOr<std::uint64_t> NumberOr(std::string_view key, std::uint64_t fallback) const {
    absl::StatusOr<std::uint64_t> n = Number(key);
    if (absl::IsNotFound(n.status())) return fallback;
    return n;
  }

 private:
  const File& file_;
  std::string arch_;
};

// SlidingLayers() counts the layers il with il % period < period - 1.
std::uint32_t SlidingLayers(std::uint32_t layers, std::uint32_t period) {
  if (period == 0) return 0;
  std::uint32_t n = 0;
  for (std::uint32_t il = 0; il < layers; ++il) n += il % period < period - 1;
  return n;
}

absl::Status Weights(const File& file, GgufModel& out) {
  unsigned __int128 bytes = 0, params = 0;
  for (const TensorInfo& t : file.tensors) {
    absl::StatusOr<std::uint64_t> b = TensorBytes(t);
    if (!b.ok()) return b.status();
    unsigned __int128 n = 1;
    for (std::uint64_t d : t.dims) n *= d;  // TensorBytes kept the bytes < 2^63
    bytes += *b;
    params += n;
    if ((bytes >> 64) != 0 || (params >> 64) != 0) {
      return absl::InvalidArgumentError("gguf: the tensors' total size overflows 64 bits");
    }
  }
  out.tensor_bytes = static_cast<std::uint64_t>(bytes);
  out.parameters = static_cast<std::uint64_t>(params);
  return absl::OkStatus();
}

// Geometry() fills `spec` from the metadata of architecture `a`.
absl::Status Geometry(const Metadata& md, const Architecture& a, kvmodel::ModelSpec& spec) {
  absl::StatusOr<std::uint64_t> layers = md.Number("block_count");
  absl::StatusOr<std::uint64_t> heads = md.Number("attention.head_count");
  absl::StatusOr<std::uint64_t> embd = md.Number("embedding_length");
  absl::StatusOr<std::uint64_t> ctx = md.Number("context_length");
  for (const auto* s : {&layers, &heads, &embd, &ctx}) {
    if (!s->ok()) return s->status();
  }
  if (*heads == 0) return absl::InvalidArgumentError("gguf: attention.head_count is 0");
  absl::StatusOr<std::uint64_t> kv = md.NumberOr("attention.head_count_kv", *heads);
  absl::StatusOr<std::uint64_t> k = md.NumberOr("attention.key_length", *embd / *heads);
  absl::StatusOr<std::uint64_t> v = md.NumberOr("attention.value_length", *embd / *heads);
  absl::StatusOr<std::uint64_t> rank = md.NumberOr("attention.kv_lora_rank", 0);
  absl::StatusOr<std::uint64_t> window = md.NumberOr("attention.sliding_window", 0);
  absl::StatusOr<std::uint64_t> period = md.NumberOr("attention.sliding_window_pattern", a.swa_period);
  for (const auto* s : {&kv, &k, &v, &rank, &window, &period}) {
    if (!s->ok()) return s->status();
  }
  for (const auto* s : {&layers, &heads, &kv, &k, &v, &rank, &window, &period}) {
    if (**s > 0xffffffffu) {
      return absl::InvalidArgumentError(absl::StrCat("gguf: a count of ", **s, " does not fit 32 bits"));
    }
  }
  const auto u32 = [](std::uint64_t n) { return static_cast<std::uint32_t>(n); };
  spec.attention = {u32(*layers), u32(*heads), u32(*kv), u32(*k), u32(*v)};
  spec.max_context_tokens = *ctx;
  // llama.cpp caches a latent (MLA) only when the file has the MLA head
  // sizes (converted for it); older DeepSeek GGUFs cache full K and V.
  absl::StatusOr<std::uint64_t> k_mla = md.NumberOr("attention.key_length_mla", 0);
  if (!k_mla.ok()) return k_mla.status();
  if (*rank > 0 && *k_mla > 0) {  // K = latent + rope, no V
    absl::StatusOr<std::uint64_t> rope = md.Number("rope.dimension_count");
    if (!rope.ok()) return rope.status();
    if (*rope > *k) return absl::InvalidArgumentError("gguf: rope.dimension_count exceeds key_length");
    spec.kv_lora_rank = u32(*rank);
    spec.qk_rope_head_dim = u32(*rope);
    spec.attention.v_head_dim = 0;
  }
  if (*window > 0 && std::string_view(a.name) != "phi3") {
    spec.sliding_window_tokens = u32(*window);
    spec.sliding_window_layers = SlidingLayers(spec.attention.num_layers, u32(*period));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<GgufModel> ImportModel(const File& file, std::string_view name) {
  const Value* arch = file.Find("general.architecture");
  if (arch == nullptr || arch->type != ValueType::kString) {
    return absl::InvalidArgumentError("gguf: no general.architecture string");
  }
  GgufModel out;
  out.architecture = arch->strings[0];
  const Architecture* a = nullptr;
  for (const Architecture& known : kArchitectures) {
    if (out.architecture == known.name) a = &known;
  }
  if (a == nullptr) {
    return absl::UnimplementedError(absl::StrCat(
        "gguf: architecture '", out.architecture,
        "': kvtables does not model its memory yet (recurrent, hybrid or not checked against llama.cpp)"));
  }
  if (absl::Status s = Weights(file, out); !s.ok()) return s;
  kvmodel::ModelSpec& spec = out.model.shape;
  if (absl::Status s = Geometry(Metadata(file, out.architecture), *a, spec); !s.ok()) return s;
  spec.parameters_total = spec.parameters_active = out.parameters;
  const absl::Status valid = kvmodel::Evaluate([&] {
    kvmodel::Validate(spec);
    return 0;
  }).status();
  if (!valid.ok()) return absl::InvalidArgumentError(absl::StrCat("gguf: ", valid.message()));
  const Value* general_name = file.Find("general.name");
  out.model.name = general_name != nullptr && general_name->type == ValueType::kString
                       ? general_name->strings[0]
                       : std::string(name);
  out.model.family = out.architecture;
  out.model.parameters_estimated = true;
  out.model.source = absl::StrCat("GGUF header (architecture ", out.architecture,
                                  "): geometry from its metadata, weights from its ",
                                  file.tensors.size(), " tensors");
  return out;
}

absl::StatusOr<GgufModel> ReadModel(const std::string& path) {
  absl::StatusOr<File> file = Read(path);
  if (!file.ok()) return file.status();
  std::string stem = path.substr(path.find_last_of('/') + 1);
  stem = stem.substr(0, stem.rfind(".gguf"));
  return ImportModel(*file, stem);
}

}  // namespace gguf
