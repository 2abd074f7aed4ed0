#include "oracle/matrix.h"

#include "absl/strings/str_cat.h"
#include "gguf/gguf.h"
#include "kvmodel/catalog.h"
#include "kvmodel/llama_cpp_log.h"
#include "kvmodel/status.h"
#include "oracle/tiny_gguf.h"

namespace oracle {
namespace {

using kvmodel::FlashAttention;
using kvmodel::LlamaCppSettings;
using kvmodel::StorageFormat;

LlamaCppSettings With(std::uint32_t n_seq, bool unified, std::uint32_t n_batch,
                      std::uint32_t n_ubatch, FlashAttention fa,
                      StorageFormat k, StorageFormat v, bool swa_full) {
  LlamaCppSettings s;
  s.n_seq_max = n_seq;
  s.kv_unified = unified;
  s.n_batch = n_batch;
  s.n_ubatch = n_ubatch;
  s.flash_attn = fa;
  s.type_k = k;
  s.type_v = v;
  s.swa_full = swa_full;
  return s;
}

constexpr FlashAttention kAuto = FlashAttention::kAuto;
constexpr FlashAttention kOn = FlashAttention::kOn;
constexpr FlashAttention kOff = FlashAttention::kOff;
constexpr StorageFormat kF16 = StorageFormat::kF16;
constexpr StorageFormat kBF16 = StorageFormat::kBF16;
constexpr StorageFormat kQ8 = StorageFormat::kQ8_0;
constexpr StorageFormat kQ4 = StorageFormat::kQ4_0;

void Predict(Case& c) {
  absl::StatusOr<kvmodel::LlamaCppAllocation> a = kvmodel::Evaluate(
      [&] { return kvmodel::LlamaCppKvCache(*c.model, c.llama); });
  if (!a.ok()) {
    c.refused = true;
    c.refusal = std::string(a.status().message());
    return;
  }
  c.lines = kvmodel::LlamaCppLogLines(*a, c.llama);
  c.context_bytes = a->total_bytes();
  c.n_ctx = kvmodel::LlamaCppContextCells(c.llama);
  c.n_ctx_seq = kvmodel::LlamaCppCellsPerStream(c.llama);
}

// A case that really allocates maps its tiny model's file, which llama.cpp
// reads whole (zeros of a sparse file, but page cache all the same), and
// allocates its cache: both stay small.
constexpr std::uint64_t kMaxAllocatedFile = std::uint64_t{9} << 29;  // 4.5 GiB
constexpr std::uint64_t kMaxAllocatedCache = std::uint64_t{2} << 30;

bool SmallEnoughToAllocate(const kvmodel::ModelSpec& m, const Case& c) {
  absl::StatusOr<gguf::File> file = TinyGguf(m);
  if (!file.ok()) return false;
  absl::StatusOr<std::uint64_t> data = gguf::LayOut(*file);
  return data.ok() && *data < kMaxAllocatedFile &&
         c.context_bytes < kMaxAllocatedCache;
}

}  // namespace

const std::vector<Setting>& Settings() {
  static const std::vector<Setting> kSettings = {
      {"default", 4096, With(1, false, 2048, 512, kAuto, kF16, kF16, false), false},
      {"max-context", 0, With(1, false, 2048, 512, kAuto, kF16, kF16, false), false},
      {"q8_0-fa", 8192, With(1, false, 2048, 512, kOn, kQ8, kQ8, false), false},
      {"q4_0-fa-max", 0, With(1, false, 2048, 512, kOn, kQ4, kQ4, false), false},
      {"fa-off", 8192, With(1, false, 2048, 512, kOff, kF16, kF16, false), false},
      {"4-seqs", 16384, With(4, false, 2048, 512, kAuto, kF16, kF16, false), false},
      {"4-seqs-unified", 16384, With(4, true, 2048, 512, kAuto, kF16, kF16, false), false},
      {"ctx-10000-3-seqs", 10000, With(3, false, 2048, 512, kAuto, kF16, kF16, false), false},
      {"swa-full", 8192, With(1, false, 2048, 512, kAuto, kF16, kF16, true), false},
      {"ubatch-2048", 8192, With(1, false, 2048, 2048, kAuto, kF16, kF16, false), false},
      {"batch-256-ubatch-512", 8192, With(1, false, 256, 512, kAuto, kF16, kF16, false), false},
      {"ctx-300", 300, With(1, false, 2048, 512, kAuto, kF16, kF16, false), false},
      {"q8_0-k-fa-off", 8192, With(1, false, 2048, 512, kOff, kQ8, kF16, false), false},
      {"q8_0-k-f16-v", 8192, With(1, false, 2048, 512, kOn, kQ8, kF16, false), false},
      {"q4_0-v-fa-off", 8192, With(1, false, 2048, 512, kOff, kF16, kQ4, false), false},
      {"bf16-2-seqs", 32768, With(2, false, 2048, 512, kOn, kBF16, kBF16, false), false},
      {"257-seqs", 65792, With(257, false, 2048, 512, kAuto, kF16, kF16, false), false},
      {"allocated", 2048, With(1, false, 2048, 512, kAuto, kF16, kF16, false), true},
  };
  return kSettings;
}

namespace {

void AddCases(const kvmodel::ModelSpec& m, bool from_config, std::vector<Case>& cases) {
  if (!LlamaCppArchitecture(m).ok()) return;
  for (const Setting& s : Settings()) {
    Case c;
    c.id = absl::StrCat(from_config ? "config:" : "", std::string(m.name), "/", s.name);
    c.model = &m;
    c.from_config = from_config;
    c.setting = &s;
    c.llama = s.llama;
    c.llama.n_ctx = s.n_ctx == 0 ? m.max_context_tokens : s.n_ctx;
    Predict(c);
    if (s.allocate && !SmallEnoughToAllocate(m, c)) continue;
    cases.push_back(std::move(c));
  }
}

}  // namespace

std::vector<Case> Matrix(const std::vector<kvmodel::ModelSpec>& configs) {
  std::vector<Case> cases;
  for (const kvmodel::ModelSpec& m : kvmodel::kCatalog) AddCases(m, false, cases);
  for (const kvmodel::ModelSpec& m : configs) AddCases(m, true, cases);
  return cases;
}

}  // namespace oracle
