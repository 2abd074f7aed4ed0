// bench/runtime_sweep_benchmark.cc: the model's constexpr functions called at
// run time over 1,000,896 configurations: 39 catalog models x 4 KV format
// pairs x 8 batch sizes x 802 contexts (multiples of 256 from 256, clipped to
// the model's max_context_tokens). Inputs come from run-time vectors and
// every result goes through benchmark::DoNotOptimize, so nothing is folded.
// items_per_second is configurations per second on one core.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "benchmark/benchmark.h"
#include "bench/sweep_table.h"
#include "kvmodel/catalog.h"
#include "kvmodel/deployment.h"
#include "kvmodel/model.h"

namespace {

struct SweepInputs {
  std::vector<kvmodel::ModelSpec> models;
  std::vector<kvbench::SweepFormat> formats;
  std::vector<std::uint64_t> batches;
  std::vector<std::uint64_t> contexts;

  std::int64_t configurations() const {
    return static_cast<std::int64_t>(models.size() * formats.size() *
                                     batches.size() * contexts.size());
  }
};

const SweepInputs& Inputs() {
  static const SweepInputs* inputs = [] {
    auto* in = new SweepInputs;
    in->models.assign(kvmodel::kCatalog.begin(), kvmodel::kCatalog.end());
    in->formats.assign(kvbench::kSweepFormats.begin(),
                       kvbench::kSweepFormats.end());
    in->batches = {1, 2, 3, 4, 8, 16, 32, 64};
    for (std::uint64_t c = 1; c <= 802; ++c) in->contexts.push_back(256 * c);
    return in;
  }();
  return *inputs;
}

// Memory(): the whole per-device breakdown (weights, KV, working memory).
void BM_RunTimeSweep(benchmark::State& state) {
  const SweepInputs& in = Inputs();
  for (auto _ : state) {
    for (const kvmodel::ModelSpec& model : in.models) {
      for (const kvbench::SweepFormat& format : in.formats) {
        kvmodel::Deployment d;
        d.model = model;
        d.k_format = format.k;
        d.v_format = format.v;
        for (std::uint64_t batch : in.batches) {
          d.batch_size = batch;
          for (std::uint64_t context : in.contexts) {
            d.context_tokens = std::min(context, model.max_context_tokens);
            const kvmodel::MemoryBreakdown b = kvmodel::Memory(d);
            benchmark::DoNotOptimize(b);
          }
        }
      }
    }
  }
  state.SetItemsProcessed(state.iterations() * in.configurations());
}
BENCHMARK(BM_RunTimeSweep)->Unit(benchmark::kMillisecond);

// ModelKvCacheBytes(): the KV cache alone.
void BM_RunTimeSweepKvOnly(benchmark::State& state) {
  const SweepInputs& in = Inputs();
  for (auto _ : state) {
    for (const kvmodel::ModelSpec& model : in.models) {
      for (const kvbench::SweepFormat& format : in.formats) {
        const kvmodel::ModelSpec m =
            kvmodel::WithKvFormats(model, format.k, format.v);
        for (std::uint64_t batch : in.batches) {
          for (std::uint64_t context : in.contexts) {
            const kvmodel::KvBytes kv = kvmodel::ModelKvCacheBytes(
                m, std::min(context, m.max_context_tokens), batch);
            benchmark::DoNotOptimize(kv);
          }
        }
      }
    }
  }
  state.SetItemsProcessed(state.iterations() * in.configurations());
}
BENCHMARK(BM_RunTimeSweepKvOnly)->Unit(benchmark::kMillisecond);

// As kvmodel's tables do: validate once per model and format (KvPlan).
void BM_RunTimeSweepKvHoisted(benchmark::State& state) {
  const SweepInputs& in = Inputs();
  for (auto _ : state) {
    for (const kvmodel::ModelSpec& model : in.models) {
      for (const kvbench::SweepFormat& format : in.formats) {
        const kvmodel::ModelSpec m =
            kvmodel::WithKvFormats(model, format.k, format.v);
        const kvmodel::KvPlan plan = kvmodel::MakeKvPlan(m);
        for (std::uint64_t batch : in.batches) {
          for (std::uint64_t context : in.contexts) {
            const kvmodel::KvBytes kv = kvmodel::PlanKvCacheBytes(
                plan, std::min(context, m.max_context_tokens), batch);
            benchmark::DoNotOptimize(kv);
          }
        }
      }
    }
  }
  state.SetItemsProcessed(state.iterations() * in.configurations());
}
BENCHMARK(BM_RunTimeSweepKvHoisted)->Unit(benchmark::kMillisecond);

}  // namespace
