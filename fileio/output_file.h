// fileio/output_file.h
//
// Writing generated files so that nothing is ever half-written, clobbered
// or redirected. WriteOutputs() writes a set of outputs, all or none:
//
//   1. refuses outputs that name the same file twice, or an input of the run
//      (the same path or the same file by device and inode), and an existing
//      output that is not a regular file (a symlink, a device, a folder:
//      never followed, never replaced);
//   2. writes each to a new temporary file in its target's folder, created
//      exclusively (O_CREAT | O_EXCL | O_NOFOLLOW), mode 0644 whatever the
//      umask, fsynced;
//   3. only when every temporary is complete, renames each over its target;
//      on any failure before that, removes every temporary and writes none.
//
// Worked example: WriteOutputs({{"a.h", "x"}, {"a.h", "y"}}, {}) is the
// error "a.h is named twice as an output", and nothing is written.

#ifndef FILEIO_OUTPUT_FILE_H_
#define FILEIO_OUTPUT_FILE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"

namespace kvtables::fileio {

// Output is one file to write: `contents`, then zeros up to `size` bytes
// when `size` is larger (a sparse tail: the GGUF writer's tensor data).
struct Output {
  std::string path;
  std::string contents;
  std::uint64_t size = 0;
};

// WriteOutputs(): see the file comment. `inputs` are the paths the run read.
absl::Status WriteOutputs(const std::vector<Output>& outputs,
                          const std::vector<std::string>& inputs = {});

}  // namespace kvtables::fileio

#endif  // FILEIO_OUTPUT_FILE_H_
