#include "fileio/input_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace kvtables::fileio {

InputFile::InputFile(InputFile&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)), size_(other.size_) {}

InputFile::~InputFile() {
  if (fd_ >= 0) ::close(fd_);
}

absl::StatusOr<InputFile> OpenInput(const std::string& path) {
  // O_NONBLOCK: opening a FIFO returns at once instead of waiting for a
  // writer, and the check below refuses it.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    return absl::NotFoundError(absl::StrCat(path, ": ", std::strerror(errno)));
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return absl::InvalidArgumentError(absl::StrCat(
        path, " is not a regular file (a directory, FIFO, socket or device)"));
  }
  // Reads of a regular file never block; clear the flag all the same.
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  return InputFile(fd, static_cast<std::uint64_t>(st.st_size));
}

absl::StatusOr<std::string> ReadInputText(const std::string& path,
                                          std::uint64_t max_bytes) {
  absl::StatusOr<InputFile> file = OpenInput(path);
  if (!file.ok()) return file.status();
  if (file->size() > max_bytes) {
    return absl::InvalidArgumentError(absl::StrCat(
        path, " is ", file->size(), " bytes, more than the ", max_bytes,
        " an input of this kind may be"));
  }
  std::string text;
  char chunk[1 << 16];
  for (;;) {
    const ssize_t n = ::read(file->fd(), chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return absl::DataLossError(absl::StrCat(path, ": ", std::strerror(errno)));
    if (n == 0) return text;
    if (text.size() + static_cast<std::size_t>(n) > max_bytes) {
      return absl::InvalidArgumentError(
          absl::StrCat(path, " grew past ", max_bytes, " bytes while read"));
    }
    text.append(chunk, static_cast<std::size_t>(n));
  }
}

InputStream::InputStream(const InputFile& file)
    : std::istream(nullptr), buffer_(file.fd()) {
  rdbuf(&buffer_);
}

InputStream::Buffer::int_type InputStream::Buffer::underflow() {
  if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
  ssize_t n;
  do {
    n = ::read(fd_, data_, sizeof data_);
  } while (n < 0 && errno == EINTR);
  if (n <= 0) return traits_type::eof();
  setg(data_, data_, data_ + n);
  return traits_type::to_int_type(*gptr());
}

}  // namespace kvtables::fileio
