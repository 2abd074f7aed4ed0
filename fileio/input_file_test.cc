#include "fileio/input_file.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <string>

#include "gtest/gtest.h"

namespace kvtables::fileio {
namespace {

std::string Temp(const std::string& name) {
  const char* dir = std::getenv("TEST_TMPDIR");
  return std::string(dir != nullptr ? dir : "/tmp") + "/" + name;
}

TEST(InputFileTest, ReadsARegularFile) {
  const std::string path = Temp("small.json");
  std::ofstream(path) << "{\"a\": 1}";
  const absl::StatusOr<std::string> text = ReadInputText(path, kMaxConfigBytes);
  ASSERT_TRUE(text.ok()) << text.status();
  EXPECT_EQ(*text, "{\"a\": 1}");
  absl::StatusOr<InputFile> file = OpenInput(path);
  ASSERT_TRUE(file.ok());
  InputStream in(*file);
  std::string word;
  in >> word;
  EXPECT_EQ(word, "{\"a\":");
}

TEST(InputFileTest, RefusesWhatIsNotARegularFile) {
  // The worked example of the header: a device, read without bound, would
  // never end.
  EXPECT_EQ(ReadInputText("/dev/zero", kMaxConfigBytes).status().message(),
            "/dev/zero is not a regular file (a directory, FIFO, socket or device)");
  const char* dir = std::getenv("TEST_TMPDIR");
  const std::string folder = dir != nullptr ? dir : "/tmp";
  EXPECT_FALSE(ReadInputText(folder, kMaxConfigBytes).ok());
  // A FIFO with no writer: opened without blocking, then refused.
  const std::string fifo = Temp("fifo");
  ::unlink(fifo.c_str());
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  EXPECT_EQ(ReadInputText(fifo, kMaxConfigBytes).status().message(),
            fifo + " is not a regular file (a directory, FIFO, socket or device)");
  EXPECT_FALSE(OpenInput(Temp("missing")).ok());
}

TEST(InputFileTest, RefusesALargeFile) {
  const std::string path = Temp("large.json");
  std::ofstream(path) << std::string(100, ' ');
  EXPECT_EQ(ReadInputText(path, 99).status().message(),
            path + " is 100 bytes, more than the 99 an input of this kind may be");
  EXPECT_TRUE(ReadInputText(path, 100).ok());
}

}  // namespace
}  // namespace kvtables::fileio
