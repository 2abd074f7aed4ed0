#include "fileio/output_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace kvtables::fileio {
namespace {

absl::Status Failed(const std::string& what) {
  return absl::InternalError(absl::StrCat(what, ": ", std::strerror(errno)));
}

// Folder() is the path's folder with its slash ("" for the current one).
std::string Folder(const std::string& path) {
  const auto slash = path.find_last_of('/');
  return slash == std::string::npos ? "" : path.substr(0, slash + 1);
}

// Identity is a file's device and inode, when it exists.
struct Identity {
  bool exists = false;
  dev_t device = 0;
  ino_t inode = 0;
};

Identity IdentityOf(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return {};
  return {true, st.st_dev, st.st_ino};
}

absl::Status CheckOutput(const Output& out, const std::vector<Output>& all,
                         const std::vector<std::string>& inputs) {
  int named = 0;
  for (const Output& other : all) named += other.path == out.path;
  if (named > 1) return absl::InvalidArgumentError(out.path + " is named twice as an output");
  struct stat st {};
  if (::lstat(out.path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    return absl::InvalidArgumentError(
        out.path + " exists and is not a regular file (a symlink, device or folder): not replaced");
  }
  const Identity target = IdentityOf(out.path);
  for (const std::string& input : inputs) {
    const Identity in = IdentityOf(input);
    const bool same_file = target.exists && in.exists && target.device == in.device &&
                           target.inode == in.inode;
    if (input == out.path || same_file) {
      return absl::InvalidArgumentError(out.path + " is also an input of this run: not overwritten");
    }
  }
  return absl::OkStatus();
}

// WriteTemporary() writes `out` to a new file beside it; its name, or an error.
absl::Status WriteTemporary(const Output& out, std::string& temporary) {
  std::random_device seed;
  const std::string folder = Folder(out.path);
  const std::string base = out.path.substr(folder.size());
  for (int attempt = 0; attempt < 16; ++attempt) {
    temporary = absl::StrFormat("%s.%s.tmp.%08x", folder, base, seed());
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0 && errno == EEXIST) continue;
    if (fd < 0) return Failed("cannot create a temporary file for " + out.path);
    bool ok = ::fchmod(fd, 0644) == 0;
    for (std::size_t done = 0; ok && done < out.contents.size();) {
      const ssize_t n = ::write(fd, out.contents.data() + done, out.contents.size() - done);
      if (n < 0 && errno == EINTR) continue;
      ok = n > 0;
      if (ok) done += static_cast<std::size_t>(n);
    }
    if (ok && out.size > out.contents.size()) ok = ::ftruncate(fd, static_cast<off_t>(out.size)) == 0;
    ok = ok && ::fsync(fd) == 0;
    ok = (::close(fd) == 0) && ok;
    if (!ok) {
      const absl::Status failed = Failed("cannot write " + out.path);
      ::unlink(temporary.c_str());
      return failed;
    }
    return absl::OkStatus();
  }
  return absl::InternalError("cannot create a temporary file for " + out.path);
}

}  // namespace

absl::Status WriteOutputs(const std::vector<Output>& outputs,
                          const std::vector<std::string>& inputs) {
  for (const Output& out : outputs) {
    if (absl::Status s = CheckOutput(out, outputs, inputs); !s.ok()) return s;
  }
  std::vector<std::string> temporaries;
  for (const Output& out : outputs) {
    std::string temporary;
    absl::Status written = WriteTemporary(out, temporary);
    if (!written.ok()) {
      for (const std::string& t : temporaries) ::unlink(t.c_str());
      return written;
    }
    temporaries.push_back(temporary);
  }
  for (std::size_t i = 0; i < outputs.size(); ++i) {
    if (std::rename(temporaries[i].c_str(), outputs[i].path.c_str()) != 0) {
      const absl::Status failed = Failed("cannot rename into " + outputs[i].path);
      for (std::size_t j = i; j < temporaries.size(); ++j) ::unlink(temporaries[j].c_str());
      return failed;
    }
  }
  return absl::OkStatus();
}

}  // namespace kvtables::fileio
