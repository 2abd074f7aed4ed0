#include "tools/command_line.h"

#include <string>

#include "absl/flags/commandlineflag.h"
#include "absl/flags/reflection.h"
#include "absl/strings/match.h"
#include "absl/strings/strip.h"
#include "absl/strings/string_view.h"

namespace kvtables {
namespace {

constexpr absl::string_view kBuiltins[] = {
    "help",     "helpfull", "helpshort", "helppackage", "version",
    "only_check_args", "flagfile", "fromenv", "tryfromenv", "undefok",
};

bool Builtin(absl::string_view name) {
  for (const absl::string_view builtin : kBuiltins) {
    if (name == builtin) return true;
  }
  return false;
}

bool IsBool(const absl::CommandLineFlag* flag) { return flag->IsOfType<bool>(); }

}  // namespace

std::string CommandLineProblem(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    absl::string_view arg = argv[i];
    if (arg == "--") return "";
    if (!absl::ConsumePrefix(&arg, "--") && !absl::ConsumePrefix(&arg, "-")) continue;
    const std::size_t equals = arg.find('=');
    const absl::string_view name = arg.substr(0, equals);
    const std::string shown = "--" + std::string(name);
    if (Builtin(name)) continue;
    absl::CommandLineFlag* flag = absl::FindCommandLineFlag(name);
    if (flag == nullptr && absl::StartsWith(name, "no") && equals == absl::string_view::npos) {
      const absl::CommandLineFlag* negated = absl::FindCommandLineFlag(name.substr(2));
      if (negated != nullptr && IsBool(negated)) continue;
    }
    if (flag == nullptr) return shown + " is not a flag (see --help)";
    std::string value;
    if (equals != absl::string_view::npos) {
      value = std::string(arg.substr(equals + 1));
    } else if (IsBool(flag)) {
      continue;
    } else if (i + 1 < argc) {
      value = argv[++i];  // "--flag value", as Abseil accepts it
    } else {
      return shown + " needs a value (" + shown + "=...)";
    }
    if (value.empty() && !IsBool(flag)) {
      return shown + " has an empty value (leave the flag out for its default)";
    }
    std::string error;
    if (!flag->ParseFrom(value, &error)) return shown + ": " + error;
  }
  return "";
}

std::string Printable(std::string_view text) {
  std::string out;
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '\\') {
      out += "\\\\";
    } else if (u < 0x20 || u >= 0x7f) {
      static constexpr char kHex[] = "0123456789abcdef";
      out += "\\x";
      out += kHex[u >> 4];
      out += kHex[u & 15];
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace kvtables
