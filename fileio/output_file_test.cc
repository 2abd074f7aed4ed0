#include "fileio/output_file.h"

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace kvtables::fileio {
namespace {

// Folder() is a fresh folder of its own for each test.
std::string Folder(const std::string& name) {
  const char* dir = std::getenv("TEST_TMPDIR");
  const std::string folder = std::string(dir != nullptr ? dir : "/tmp") + "/" + name;
  ::mkdir(folder.c_str(), 0755);
  return folder;
}

std::string Read(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

int Entries(const std::string& folder) {
  int n = 0;
  DIR* dir = ::opendir(folder.c_str());
  while (const dirent* e = ::readdir(dir)) n += e->d_name[0] != '.' || e->d_name[1] > '.';
  ::closedir(dir);
  return n;
}

TEST(OutputFileTest, WritesASetWithMode644) {
  const std::string f = Folder("set");
  ::umask(077);
  ASSERT_TRUE(WriteOutputs({{f + "/a.h", "A", 0}, {f + "/b.csv", "B", 8}}).ok());
  EXPECT_EQ(Read(f + "/a.h"), "A");
  EXPECT_EQ(Read(f + "/b.csv"), std::string("B") + std::string(7, '\0'));
  struct stat st {};
  ASSERT_EQ(::stat((f + "/a.h").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0644u);
  EXPECT_EQ(Entries(f), 2);  // no temporary left
}

TEST(OutputFileTest, RefusesClashesAndWritesNone) {
  const std::string f = Folder("clash");
  // The header's worked example.
  EXPECT_EQ(WriteOutputs({{f + "/a.h", "x", 0}, {f + "/a.h", "y", 0}}).message(),
            f + "/a.h is named twice as an output");
  std::ofstream(f + "/config.json") << "{}";
  EXPECT_EQ(WriteOutputs({{f + "/ok.h", "x", 0}, {f + "/config.json", "y", 0}},
                         {f + "/config.json"})
                .message(),
            f + "/config.json is also an input of this run: not overwritten");
  // The same file by another name.
  ASSERT_EQ(::link((f + "/config.json").c_str(), (f + "/hard.json").c_str()), 0);
  EXPECT_FALSE(WriteOutputs({{f + "/hard.json", "y", 0}}, {f + "/config.json"}).ok());
  EXPECT_EQ(Read(f + "/config.json"), "{}");
  EXPECT_EQ(Entries(f), 2);  // config.json and its hard link: ok.h not written
}

TEST(OutputFileTest, NeverFollowsOrReplacesSpecialFiles) {
  const std::string f = Folder("special");
  std::ofstream(f + "/victim") << "keep";
  ASSERT_EQ(::symlink((f + "/victim").c_str(), (f + "/link.h").c_str()), 0);
  EXPECT_EQ(WriteOutputs({{f + "/link.h", "x", 0}}).message(),
            f + "/link.h exists and is not a regular file (a symlink, device or "
                "folder): not replaced");
  EXPECT_EQ(Read(f + "/victim"), "keep");
  EXPECT_FALSE(WriteOutputs({{"/dev/null", "x", 0}}).ok());
  EXPECT_FALSE(WriteOutputs({{f, "x", 0}}).ok());
  EXPECT_FALSE(WriteOutputs({{f + "/no/such/folder/a.h", "x", 0}}).ok());
}

}  // namespace
}  // namespace kvtables::fileio
