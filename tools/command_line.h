// tools/command_line.h
//
// The tools' contract for a bad command line: one line naming the flag, on
// stderr, prefixed with the tool's name, and exit status 2 (Abseil's own
// parser prints other text and exits 1). CommandLineProblem() finds what
// Abseil would refuse before Abseil sees it:
//
//   --bogus=1        "--bogus is not a flag (see --help)"
//   --batch          "--batch needs a value (--batch=...)"   (non-bool flags)
//   --swa_full=maybe "--swa_full: <Abseil's reason>"
//   --context=       "--context has an empty value (leave the flag out ...)"
//
// and is empty when the command line parses. The text is raw: its printer
// makes it printable (Printable()). Abseil's built-in flags
// (--help and its kin, --version, --flagfile, ...) are left to Abseil.
//
// Worked example: for argv {"kvcalc", "--model=x", "--bogus"}, with
// --model defined, the problem is "--bogus is not a flag (see --help)".

#ifndef TOOLS_COMMAND_LINE_H_
#define TOOLS_COMMAND_LINE_H_

#include <string>
#include <string_view>

namespace kvtables {

// CommandLineProblem(): see the file comment.
std::string CommandLineProblem(int argc, char** argv);

// Printable() is `text` safe for one terminal line: control characters,
// DEL and bytes past ASCII as \xNN, backslashes doubled.
std::string Printable(std::string_view text);

}  // namespace kvtables

#endif  // TOOLS_COMMAND_LINE_H_
