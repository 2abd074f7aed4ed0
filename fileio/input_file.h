// fileio/input_file.h
//
// Opening an input a user names (a config.json, a GGUF file), which may be
// hostile: only a regular file is read, it is opened without blocking (a
// FIFO would otherwise wait forever for a writer), and a text input is read
// up to a bound (/dev/zero or a 10 GB "config" must not exhaust memory):
//
//   OpenInput(path)               a regular file, or an error naming why not
//   ReadInputText(path, max)      its whole text, if at most `max` bytes
//   InputStream                   an std::istream over an opened input, for
//                                 readers that take only what they need (the
//                                 GGUF header of a multi-gigabyte file)
//
// Worked example: ReadInputText("/dev/zero", kMaxConfigBytes) is the error
// "/dev/zero is not a regular file (a directory, FIFO, socket or device)".

#ifndef FILEIO_INPUT_FILE_H_
#define FILEIO_INPUT_FILE_H_

#include <cstddef>
#include <cstdint>
#include <istream>
#include <streambuf>
#include <string>

#include "absl/status/statusor.h"

namespace kvtables::fileio {

// kMaxConfigBytes bounds a config.json: the largest published ones are a
// few kilobytes; 64 MiB leaves room for any honest file.
inline constexpr std::uint64_t kMaxConfigBytes = std::uint64_t{64} << 20;

// InputFile owns an open file descriptor of a regular file.
class InputFile {
 public:
  explicit InputFile(int fd, std::uint64_t size) : fd_(fd), size_(size) {}
  InputFile(InputFile&& other) noexcept;
  InputFile& operator=(InputFile&&) = delete;
  ~InputFile();

  int fd() const { return fd_; }
  std::uint64_t size() const { return size_; }

 private:
  int fd_;
  std::uint64_t size_;
};

// OpenInput() opens `path` for reading if it is a regular file.
absl::StatusOr<InputFile> OpenInput(const std::string& path);

// ReadInputText() is the whole of `path`, a regular file of at most
// `max_bytes` bytes.
absl::StatusOr<std::string> ReadInputText(const std::string& path,
                                          std::uint64_t max_bytes);

// InputStream reads an InputFile through a small buffer.
class InputStream : public std::istream {
 public:
  explicit InputStream(const InputFile& file);

 private:
  class Buffer : public std::streambuf {
   public:
    explicit Buffer(int fd) : fd_(fd) {}

   protected:
    int_type underflow() override;

   private:
    int fd_;
    char data_[1 << 16];
  };
  Buffer buffer_;
};

}  // namespace kvtables::fileio

#endif  // FILEIO_INPUT_FILE_H_
