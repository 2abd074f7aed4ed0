// llama_oracle: the matrix of oracle/matrix.h against the real llama.cpp.
//
//   llama_oracle plan DIR [CONFIG.json...]
//       writes DIR/<model>.gguf for every model of the matrix (the catalog's
//       and those of the config.json files named, which later arguments
//       of compare must name again) and
//       DIR/cases.tsv, the probe's input (oracle/probe/llama_probe.cc)
//   llama_oracle compare PROBE_OUTPUT OBSERVED_TSV [CONFIG.json...]
//       compares what llama.cpp printed with kvmodel's predictions, case by
//       case and field by field; prints each difference with both lines,
//       the conformance table (family x setting) and the summary line
//       "llama.cpp oracle: N cases, E exact, D differ"; writes every
//       observed memory line (compute buffers included) to OBSERVED_TSV.
//       Exits 1 when any case differs.

#include <algorithm>
#include <cstdio>
#include <deque>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "config/hf_config.h"
#include "fileio/output_file.h"
#include "gguf/gguf.h"
#include "kvmodel/catalog.h"
#include "kvmodel/storage_format.h"
#include "oracle/matrix.h"
#include "oracle/tiny_gguf.h"

namespace {

std::string_view FlashName(kvmodel::FlashAttention f) {
  switch (f) {
    case kvmodel::FlashAttention::kOn: return "on";
    case kvmodel::FlashAttention::kOff: return "off";
    case kvmodel::FlashAttention::kAuto: return "auto";
  }
  return "auto";
}

// WriteWhole() writes `text` to `path` whole (fileio/output_file.h), so a
// failed run leaves no half-written file.
bool WriteWhole(const std::string& path, const std::string& text) {
  const absl::Status written = kvtables::fileio::WriteOutputs({{path, text, 0}});
  if (written.ok()) return true;
  std::fprintf(stderr, "llama_oracle: %s\n", std::string(written.message()).c_str());
  return false;
}

std::string GgufPath(const std::string& dir, const oracle::Case& c) {
  return absl::StrCat(dir, "/", c.from_config ? "config-" : "", std::string(c.model->name), ".gguf");
}

// Configs are the models of the config.json files named on the command
// line, each named by its file's stem; `imported` keeps their strings.
struct Configs {
  std::deque<kvtables::config::ImportedModel> imported;
  std::vector<kvmodel::ModelSpec> specs;
};

bool ReadConfigs(const std::vector<std::string>& paths, Configs& out) {
  for (const std::string& path : paths) {
    std::string stem = path.substr(path.find_last_of('/') + 1);
    stem = stem.substr(0, stem.rfind(".json"));
    absl::StatusOr<kvtables::config::ImportedModel> m =
        kvtables::config::ReadHfConfigFile(path, stem);
    if (!m.ok()) {
      std::fprintf(stderr, "llama_oracle: %s\n", std::string(m.status().message()).c_str());
      return false;
    }
    out.imported.push_back(*std::move(m));
    out.specs.push_back(out.imported.back().Spec());
  }
  return true;
}

int Plan(const std::string& dir, const std::vector<kvmodel::ModelSpec>& configs) {
  std::set<std::string> written;
  std::ostringstream tsv;
  for (const oracle::Case& c : oracle::Matrix(configs)) {
    const kvmodel::ModelSpec& m = *c.model;
    if (written.insert(GgufPath(dir, c)).second) {
      absl::StatusOr<gguf::File> file = oracle::TinyGguf(m);
      absl::Status s = file.ok() ? gguf::Write(GgufPath(dir, c), *file) : file.status();
      if (!s.ok()) {
        std::fprintf(stderr, "llama_oracle: %s\n", std::string(s.message()).c_str());
        return 2;
      }
    }
    const kvmodel::LlamaCppSettings& l = c.llama;
    tsv << c.id << '\t' << GgufPath(dir, c) << '\t' << l.n_ctx << '\t'
        << l.n_seq_max << '\t' << l.kv_unified << '\t' << l.n_batch << '\t'
        << l.n_ubatch << '\t' << FlashName(l.flash_attn) << '\t'
        << kvmodel::Info(l.type_k).name << '\t' << kvmodel::Info(l.type_v).name
        << '\t' << l.swa_full << '\t' << !c.setting->allocate << '\n';
  }
  return WriteWhole(absl::StrCat(dir, "/cases.tsv"), tsv.str()) ? 0 : 2;
}

// Observed is what the probe printed for one case.
struct Observed {
  std::string end;  // "ok", "refused", "load-failed", "bad-case", "crashed N"
  std::vector<std::string> log, cache_lines, memory_lines;
  std::string error;  // the last line llama.cpp logged as an error
  std::uint64_t n_ctx = 0, n_ctx_seq = 0, context = 0, compute = 0;
  bool has_breakdown = false;
};

std::uint64_t FieldAfter(absl::string_view line, absl::string_view key) {
  std::size_t at = line.find(key);
  std::uint64_t v = 0;
  if (at == absl::string_view::npos) return 0;
  absl::string_view rest = line.substr(at + key.size());
  (void)absl::SimpleAtoi(rest.substr(0, rest.find(' ')), &v);
  return v;
}

void ReadLog(absl::string_view log, Observed& o) {
  o.log.emplace_back(log);
  if (absl::StartsWith(log, "llama_kv_cache: size =") ||
      absl::StartsWith(log, "llama_memory_recurrent: size =")) {
    o.cache_lines.emplace_back(log);
  }
  if (absl::StrContains(log, "buffer size") || absl::StrContains(log, "size =")) {
    o.memory_lines.emplace_back(log);
  }
  // "llama_context: n_ctx_seq             = 4096", not the warning
  // "llama_context: n_ctx_seq (4096) < n_ctx_train (...)".
  const bool value_line = !absl::StrContains(log, "(");
  if (value_line && absl::StartsWith(log, "llama_context: n_ctx ")) {
    o.n_ctx = FieldAfter(log, "= ");
  }
  if (value_line && absl::StartsWith(log, "llama_context: n_ctx_seq ")) {
    o.n_ctx_seq = FieldAfter(log, "= ");
  }
  if (absl::StrContains(log, "error") || absl::StrContains(log, "failed")) {
    o.error = std::string(log);
  }
}

std::map<std::string, Observed> ReadProbe(const std::string& path) {
  std::map<std::string, Observed> all;
  std::ifstream in(path);
  std::string line;
  Observed* cur = nullptr;
  while (std::getline(in, line)) {
    absl::string_view l = line;
    if (absl::StartsWith(l, "BEGIN ")) {
      cur = &all[std::string(l.substr(6))];
    } else if (cur == nullptr) {
      continue;
    } else if (absl::StartsWith(l, "LOG ")) {
      ReadLog(l.substr(4), *cur);
    } else if (absl::StartsWith(l, "BREAKDOWN ")) {
      cur->context = FieldAfter(l, "context=");
      cur->compute = FieldAfter(l, "compute=");
      cur->has_breakdown = true;
    } else if (absl::StartsWith(l, "END ")) {
      cur->end = std::string(l.substr(4));
      cur = nullptr;
    }
  }
  return all;
}

// SameReason() is whether llama.cpp logged the message kvmodel's refusal
// quotes ("... (it stops with \"...\")"); a refusal without a quote
// matches nothing, so it cannot pass for llama.cpp's.
bool SameReason(const std::string& refusal, const Observed& o) {
  const std::size_t open = refusal.find('"');
  const std::size_t close = refusal.find('"', open + 1);
  if (open == std::string::npos || close == std::string::npos) return false;
  const std::string quoted = refusal.substr(open + 1, close - open - 1);
  return std::any_of(o.log.begin(), o.log.end(),
                     [&](const std::string& line) { return absl::StrContains(line, quoted); });
}

// Differences() lists how `o` differs from the prediction of `c`.
std::vector<std::string> Differences(const oracle::Case& c, const Observed& o) {
  std::vector<std::string> d;
  if (c.refused) {
    if (o.end != "refused") {
      d.push_back(absl::StrCat("kvmodel refuses (", c.refusal, ") but llama.cpp ended ", o.end));
    } else if (!SameReason(c.refusal, o)) {
      d.push_back(absl::StrCat("kvmodel refuses because ", c.refusal,
                               "\n    llama.cpp refused with: ", o.error));
    }
    return d;
  }
  if (o.end != "ok") {
    d.push_back(absl::StrCat("llama.cpp ended ", o.end, ": ", o.error));
    return d;
  }
  const std::size_t n = std::max(c.lines.size(), o.cache_lines.size());
  for (std::size_t i = 0; i < n; ++i) {
    const std::string want = i < c.lines.size() ? c.lines[i] : "(none)";
    const std::string got = i < o.cache_lines.size() ? o.cache_lines[i] : "(none)";
    if (want != got) d.push_back(absl::StrCat("kvmodel:   ", want, "\n    llama.cpp: ", got));
  }
  if (c.n_ctx != o.n_ctx || c.n_ctx_seq != o.n_ctx_seq) {
    d.push_back(absl::StrCat("n_ctx/n_ctx_seq: kvmodel ", c.n_ctx, "/", c.n_ctx_seq,
                             ", llama.cpp ", o.n_ctx, "/", o.n_ctx_seq));
  }
  if (!o.has_breakdown || o.context != c.context_bytes) {
    d.push_back(absl::StrCat("context bytes: kvmodel ", c.context_bytes,
                             ", llama.cpp ", o.context));
  }
  return d;
}

// Row() is the case's row of the conformance table: its catalog family, or
// "config.json (<model_type>)" for a model read from a config.json.
std::string Row(const oracle::Case& c) {
  const std::string family(c.model->family);
  return c.from_config ? absl::StrCat("config.json (", family, ")") : family;
}

void PrintTable(const std::vector<oracle::Case>& cases,
                const std::map<std::string, std::pair<int, int>>& cells) {
  std::vector<std::string> families;
  for (const oracle::Case& c : cases) {
    if (std::find(families.begin(), families.end(), Row(c)) == families.end()) {
      families.push_back(Row(c));
    }
  }
  std::printf("\n| family |");
  for (const oracle::Setting& s : oracle::Settings()) std::printf(" %s |", s.name);
  std::printf("\n|---|");
  for (std::size_t i = 0; i < oracle::Settings().size(); ++i) std::printf("---|");
  std::printf("\n");
  for (const std::string& f : families) {
    std::printf("| %s |", f.c_str());
    for (const oracle::Setting& s : oracle::Settings()) {
      auto cell = cells.find(absl::StrCat(f, "|", s.name));
      if (cell == cells.end()) {
        std::printf(" - |");  // e.g. too large to allocate for real
      } else {
        std::printf(" %d/%d |", cell->second.first, cell->second.second);
      }
    }
    std::printf("\n");
  }
  std::printf("\n");
}

// PrintLeftOut() names the models that are not in the matrix, and why.
void PrintLeftOut(const std::vector<kvmodel::ModelSpec>& configs) {
  std::vector<const kvmodel::ModelSpec*> all;
  for (const kvmodel::ModelSpec& m : kvmodel::kCatalog) all.push_back(&m);
  for (const kvmodel::ModelSpec& m : configs) all.push_back(&m);
  for (const kvmodel::ModelSpec* m : all) {
    absl::StatusOr<std::string> arch = oracle::LlamaCppArchitecture(*m);
    if (!arch.ok()) std::printf("not in the matrix: %s\n", std::string(arch.status().message()).c_str());
  }
}

void WriteObserved(std::ostringstream& out, const oracle::Case& c, const Observed& o) {
  out << c.id << "\tend\t" << o.end << '\n';
  if (o.has_breakdown) {
    out << c.id << "\tbreakdown\tcontext=" << o.context << " compute=" << o.compute << '\n';
  }
  for (const std::string& l : o.memory_lines) out << c.id << "\tlog\t" << l << '\n';
  if (!o.error.empty()) out << c.id << "\terror\t" << o.error << '\n';
}

int Compare(const std::string& probe_output, const std::string& observed_tsv,
            const std::vector<kvmodel::ModelSpec>& configs) {
  const std::vector<oracle::Case> cases = oracle::Matrix(configs);
  const std::map<std::string, Observed> observed = ReadProbe(probe_output);
  std::map<std::string, std::pair<int, int>> cells;
  std::ostringstream data;
  int exact = 0, differ = 0, refusals = 0;
  for (const oracle::Case& c : cases) {
    auto it = observed.find(c.id);
    Observed none;
    none.end = "missing (the probe printed nothing for it)";
    const Observed& o = it == observed.end() ? none : it->second;
    const std::vector<std::string> d = Differences(c, o);
    auto& cell = cells[absl::StrCat(Row(c), "|", c.setting->name)];
    ++cell.second;
    WriteObserved(data, c, o);
    if (d.empty()) {
      ++exact;
      ++cell.first;
      refusals += c.refused;
      continue;
    }
    ++differ;
    std::printf("DIFFERS %s\n", c.id.c_str());
    for (const std::string& line : d) std::printf("    %s\n", line.c_str());
  }
  PrintTable(cases, cells);
  PrintLeftOut(configs);
  std::printf("(%d of the exact cases are refusals matched by llama.cpp refusals)\n", refusals);
  std::printf("llama.cpp oracle: %zu cases, %d exact, %d differ\n", cases.size(), exact, differ);
  return WriteWhole(observed_tsv, data.str()) && differ == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  Configs configs;
  if (args.size() >= 2 && args[0] == "plan") {
    if (!ReadConfigs({args.begin() + 2, args.end()}, configs)) return 2;
    return Plan(args[1], configs.specs);
  }
  if (args.size() >= 3 && args[0] == "compare") {
    if (!ReadConfigs({args.begin() + 3, args.end()}, configs)) return 2;
    return Compare(args[1], args[2], configs.specs);
  }
  std::fprintf(stderr,
               "usage: llama_oracle plan DIR [CONFIG.json...] | "
               "compare PROBE_OUTPUT OBSERVED_TSV [CONFIG.json...]\n");
  return 2;
}
