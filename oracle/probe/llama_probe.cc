// oracle/probe/llama_probe.cc
//
// Runs cases in the real llama.cpp (the prebuilt CPU libllama of the pinned
// node-llama-cpp package, installed by tools/setup.sh) and prints what
// llama.cpp logged and the exact bytes of its memory breakdown. It is built
// by oracle/oracle_test.sh against that package's own headers, outside Bazel,
// since neither the headers nor the library are part of this repository.
//
// Input (stdin), one case a line, tab-separated:
//   id  model.gguf  n_ctx  n_seq_max  kv_unified  n_batch  n_ubatch
//   flash(auto|on|off)  type_k  type_v  swa_full  no_alloc
// Output, per case:
//   BEGIN id
//   LOG <every line llama.cpp logged>
//   BREAKDOWN model=<bytes> context=<bytes> compute=<bytes>
//   END ok | END refused (no context) | END load-failed (no model) |
//   END bad-case | END crashed <signal>
//
// Each case runs in a child process: a failed llama.cpp assertion aborts,
// and the parent reports it instead of dying with it.

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "llama-ext.h"
#include "llama.h"

namespace {

struct Case {
  std::string id, model;
  unsigned n_ctx = 0, n_seq = 1, n_batch = 2048, n_ubatch = 512;
  bool unified = false, swa_full = false, no_alloc = true;
  std::string flash, type_k, type_v;
};

std::string pending;

// Noisy() is a per-tensor or per-key loader line, which sizes nothing.
bool Noisy(const std::string& line) {
  for (const char* prefix : {"create_tensor:", "load_tensors: layer", "llama_model_loader:",
                             "print_info:", "load:", "llama_kv_cache: layer"}) {
    if (line.rfind(prefix, 0) == 0) return true;
  }
  return false;
}

void OnLog(ggml_log_level, const char* text, void*) {
  pending += text;
  std::size_t nl;
  while ((nl = pending.find('\n')) != std::string::npos) {
    const std::string line = pending.substr(0, nl);
    if (!Noisy(line)) std::printf("LOG %s\n", line.c_str());
    pending.erase(0, nl + 1);
  }
}

bool TypeOf(const std::string& name, ggml_type& out) {
  static const std::map<std::string, ggml_type> kTypes = {
      {"f32", GGML_TYPE_F32},   {"f16", GGML_TYPE_F16},
      {"bf16", GGML_TYPE_BF16}, {"q8_0", GGML_TYPE_Q8_0},
      {"q4_0", GGML_TYPE_Q4_0}, {"q4_1", GGML_TYPE_Q4_1},
      {"q5_0", GGML_TYPE_Q5_0}, {"q5_1", GGML_TYPE_Q5_1},
      {"iq4_nl", GGML_TYPE_IQ4_NL}};
  auto it = kTypes.find(name);
  if (it == kTypes.end()) return false;
  out = it->second;
  return true;
}

bool Parse(const std::string& line, Case& c) {
  std::istringstream in(line);
  int unified = 0, swa_full = 0, no_alloc = 0;
  in >> c.id >> c.model >> c.n_ctx >> c.n_seq >> unified >> c.n_batch >>
      c.n_ubatch >> c.flash >> c.type_k >> c.type_v >> swa_full >> no_alloc;
  c.unified = unified != 0;
  c.swa_full = swa_full != 0;
  c.no_alloc = no_alloc != 0;
  return static_cast<bool>(in);
}

llama_flash_attn_type FlashOf(const std::string& f) {
  if (f == "on") return LLAMA_FLASH_ATTN_TYPE_ENABLED;
  if (f == "off") return LLAMA_FLASH_ATTN_TYPE_DISABLED;
  return LLAMA_FLASH_ATTN_TYPE_AUTO;
}

// The child's exit codes: only a context llama.cpp would not create is a
// refusal; a model that does not load is the tiny GGUF's fault.
constexpr int kRefused = 2, kLoadFailed = 3, kBadCase = 4;

// RunCase() is the child: load, create the context, print, exit.
int RunCase(const Case& c) {
  llama_model_params mp = llama_model_default_params();
  mp.no_alloc = c.no_alloc;
  // No-allocation mode maps nothing; a real allocation maps the (sparse,
  // all-zero) file instead of reading it into RAM.
  mp.load_mode = c.no_alloc ? LLAMA_LOAD_MODE_NONE : LLAMA_LOAD_MODE_MMAP;
  llama_model* model = llama_model_load_from_file(c.model.c_str(), mp);
  if (model == nullptr) return kLoadFailed;
  llama_context_params cp = llama_context_default_params();
  cp.n_ctx = c.n_ctx;
  cp.n_seq_max = c.n_seq;
  cp.kv_unified = c.unified;
  cp.n_batch = c.n_batch;
  cp.n_ubatch = c.n_ubatch;
  cp.flash_attn_type = FlashOf(c.flash);
  cp.swa_full = c.swa_full;
  cp.n_threads = cp.n_threads_batch = 1;
  if (!TypeOf(c.type_k, cp.type_k) || !TypeOf(c.type_v, cp.type_v)) return kBadCase;
  llama_context* ctx = llama_init_from_model(model, cp);
  if (ctx == nullptr) return kRefused;
  std::size_t bytes[3] = {0, 0, 0};
  for (const auto& [buft, mb] : llama_get_memory_breakdown(ctx)) {
    bytes[0] += mb.model;
    bytes[1] += mb.context;
    bytes[2] += mb.compute;
  }
  std::printf("BREAKDOWN model=%zu context=%zu compute=%zu\n", bytes[0],
              bytes[1], bytes[2]);
  std::fflush(stdout);
  llama_free(ctx);
  llama_model_free(model);
  return 0;
}

void Run(const Case& c) {
  std::printf("BEGIN %s\n", c.id.c_str());
  std::fflush(stdout);
  const pid_t pid = fork();
  if (pid == 0) {
    const int rc = RunCase(c);
    std::fflush(stdout);
    _exit(rc);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  if (WIFEXITED(status)) {
    const int rc = WEXITSTATUS(status);
    std::printf("END %s\n", rc == 0          ? "ok"
                           : rc == kRefused    ? "refused"
                           : rc == kLoadFailed ? "load-failed"
                                               : "bad-case");
  } else {
    std::printf("END crashed %d\n", WIFSIGNALED(status) ? WTERMSIG(status) : -1);
  }
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: llama_probe BACKEND_DIR < cases.tsv\n");
    return 2;
  }
  ggml_backend_load_all_from_path(argv[1]);
  llama_log_set(OnLog, nullptr);
  llama_backend_init();
  std::string line;
  while (std::getline(std::cin, line)) {
    Case c;
    if (line.empty()) continue;
    if (!Parse(line, c)) {
      std::fprintf(stderr, "llama_probe: bad case line: %s\n", line.c_str());
      return 2;
    }
    Run(c);
  }
  llama_backend_free();
  return 0;
}
