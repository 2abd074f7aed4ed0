// libFuzzer target over the config.json reader: any bytes must give a model
// or a one-line error, never a crash, a sanitizer report or an exception
// escaping; a model read must evaluate under every runtime without
// crashing (errors are statuses). Built and run by
// tests/config_fuzz_test.sh with clang++ -fsanitize=fuzzer,address.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "config/hf_config.h"
#include "kvmodel/model.h"
#include "kvmodel/runtime_llama_cpp.h"
#include "kvmodel/runtime_vllm.h"
#include "kvmodel/status.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const absl::StatusOr<kvtables::config::ImportedModel> model =
      kvtables::config::ParseHfConfig(text, "fuzz");
  if (!model.ok()) {
    // An error is one line.
    if (model.status().message().find('\n') != std::string_view::npos) {
      std::abort();
    }
    return 0;
  }
  const kvmodel::ModelSpec m = model->Spec();
  (void)kvmodel::Evaluate([&] { return kvmodel::ModelKvBytesPerToken(m); });
  (void)kvmodel::Evaluate(
      [&] { return kvmodel::ModelKvCacheBytes(m, 4096, 2).total(); });
  (void)kvmodel::Evaluate([&] {
    kvmodel::LlamaCppSettings s;
    s.n_ctx = 4096;
    s.n_seq_max = 3;
    return kvmodel::LlamaCppKvCache(m, s).total_bytes();
  });
  (void)kvmodel::Evaluate([&] {
    kvmodel::VllmSettings s;
    s.max_model_len = 4096;
    s.tensor_parallel = 2;
    return kvmodel::VllmKvCacheBytes(m, s, 2);
  });
  return 0;
}
