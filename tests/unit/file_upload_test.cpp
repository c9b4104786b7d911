// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Files on disk: FileUpload::from_path reads exact bytes, names and types them, and reports
// unreadable paths as errors; Binary::write_to writes exact bytes, replaces, and reports failures.
#include <flowii/binary.hpp>

#include <gtest/gtest.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <ostream>
#include <string>
#include <system_error>

namespace flowii {
namespace {

namespace fs = std::filesystem;

/// Every byte value once, then NULs inside text: what a text-mode or C-string read would lose.
std::string all_bytes() {
  std::string bytes;
  for (int b = 0; b < 256; ++b) bytes += static_cast<char>(b);
  bytes += std::string("a\0b\0\0c\xff\xfe\r\n\x1a", 11);
  return bytes;
}

std::string read_file(fs::path const& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void write_file(fs::path const& path, std::string const& bytes) {
  std::ofstream(path, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

/// A fresh directory of this test's own under the system temp directory, removed afterwards.
class FilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "flowii-files-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr) << std::strerror(errno);
    dir_ = pattern;
  }
  void TearDown() override {
    std::error_code ec;
    if (!dir_.empty()) fs::remove_all(dir_, ec);
  }
  std::string path(char const* name) const { return (dir_ / name).string(); }

  fs::path dir_;
};

/// The error names the path and the operating system's reason.
void expect_error_naming(Status const& status, std::string const& path, int os_error) {
  EXPECT_FALSE(status.ok());
  EXPECT_NE(status.message().find(path), std::string::npos) << status.message();
  EXPECT_NE(status.message().find(std::strerror(os_error)), std::string::npos) << status.message();
}

// ---- FileUpload::from_path --------------------------------------------------------

TEST_F(FilesTest, FromPathReadsExactBytesIncludingNulAndHighBytes) {
  write_file(path("blob.bin"), all_bytes());
  auto upload = FileUpload::from_path(path("blob.bin"));
  ASSERT_TRUE(upload.ok()) << upload.status().to_string();
  EXPECT_EQ(upload->content, all_bytes());
  EXPECT_EQ(upload->content.size(), 267u);
  EXPECT_EQ(upload->name, "blob.bin");  // the base name, not the path
  EXPECT_EQ(upload->content_type, "application/octet-stream");
  EXPECT_EQ(upload->note, "");
}

TEST_F(FilesTest, FromPathReadsAnEmptyFile) {
  write_file(path("empty.txt"), "");
  auto upload = FileUpload::from_path(path("empty.txt"));
  ASSERT_TRUE(upload.ok()) << upload.status().to_string();
  EXPECT_EQ(upload->content, "");
  EXPECT_EQ(upload->content_type, "text/plain");
}

struct TypeCase {
  char const* file;
  char const* type;
};

void PrintTo(TypeCase const& c, std::ostream* os) { *os << c.file; }

class ContentType : public FilesTest, public ::testing::WithParamInterface<TypeCase> {};

TEST_P(ContentType, IsGuessedFromTheExtension) {
  write_file(path(GetParam().file), "x");
  auto upload = FileUpload::from_path(path(GetParam().file));
  ASSERT_TRUE(upload.ok()) << upload.status().to_string();
  EXPECT_EQ(upload->name, GetParam().file);
  EXPECT_EQ(upload->content_type, GetParam().type);
}

INSTANTIATE_TEST_SUITE_P(
    Extensions, ContentType,
    ::testing::Values(TypeCase{"offer.pdf", "application/pdf"}, TypeCase{"SCAN.PDF", "application/pdf"},
                      TypeCase{"pohoda.xml", "application/xml"}, TypeCase{"bundle.zip", "application/zip"},
                      TypeCase{"notes.txt", "text/plain"}, TypeCase{"rows.csv", "text/csv"},
                      TypeCase{"data.json", "application/json"}, TypeCase{"logo.png", "image/png"},
                      TypeCase{"photo.jpg", "image/jpeg"}, TypeCase{"photo.Jpeg", "image/jpeg"},
                      TypeCase{"anim.gif", "image/gif"}, TypeCase{"page.html", "text/html"},
                      TypeCase{"letter.doc", "application/msword"},
                      TypeCase{"sheet.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
                      TypeCase{"text.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
                      // Only the last extension counts; unknown or none is octet-stream.
                      TypeCase{"backup.tar.gz", "application/octet-stream"},
                      TypeCase{"pdf", "application/octet-stream"}, TypeCase{"Makefile", "application/octet-stream"},
                      TypeCase{"trailing.", "application/octet-stream"}),
    [](::testing::TestParamInfo<TypeCase> const& info) { return "Case" + std::to_string(info.index); });

TEST_F(FilesTest, FromPathUsesAGivenContentType) {
  write_file(path("offer.pdf"), "%PDF");
  auto upload = FileUpload::from_path(path("offer.pdf"), "application/x-custom");
  ASSERT_TRUE(upload.ok()) << upload.status().to_string();
  EXPECT_EQ(upload->content_type, "application/x-custom");
  EXPECT_EQ(upload->content, "%PDF");
}

TEST_F(FilesTest, FromPathOfAMissingFileIsAnErrorValue) {
  auto const missing = path("no-such-file.pdf");
  auto upload = FileUpload::from_path(missing);
  ASSERT_FALSE(upload.ok());
  expect_error_naming(upload.status(), missing, ENOENT);
}

TEST_F(FilesTest, FromPathOfADirectoryIsAnErrorValue) {
  // Opening a directory for reading succeeds on Linux; reading it must still not pass
  // for an empty file.
  auto upload = FileUpload::from_path(dir_.string());
  ASSERT_FALSE(upload.ok()) << "read a directory as " << upload->content.size() << " bytes";
  expect_error_naming(upload.status(), dir_.string(), EISDIR);
}

// ---- Binary::write_to ---------------------------------------------------------------

TEST_F(FilesTest, WriteToWritesExactBytes) {
  Binary binary{all_bytes(), "application/octet-stream", "blob.bin"};
  ASSERT_TRUE(binary.write_to(path("out.bin")).ok());
  EXPECT_EQ(read_file(path("out.bin")), all_bytes());
}

TEST_F(FilesTest, WriteToReplacesALongerFileEntirely) {
  write_file(path("out.bin"), std::string(4096, 'x'));
  Binary binary{std::string("ab\0c", 4), "", ""};
  ASSERT_TRUE(binary.write_to(path("out.bin")).ok());
  EXPECT_EQ(read_file(path("out.bin")), std::string("ab\0c", 4));
  EXPECT_EQ(fs::file_size(path("out.bin")), 4u);
}

TEST_F(FilesTest, WriteToWithNoBytesLeavesAnEmptyFile) {
  write_file(path("out.bin"), "old content");
  ASSERT_TRUE(Binary{}.write_to(path("out.bin")).ok());
  EXPECT_EQ(fs::file_size(path("out.bin")), 0u);
}

TEST_F(FilesTest, WriteToAMissingDirectoryFails) {
  auto const target = path("missing/out.bin");
  auto status = Binary{"data", "", ""}.write_to(target);
  expect_error_naming(status, target, ENOENT);
  EXPECT_FALSE(fs::exists(dir_ / "missing"));
}

TEST_F(FilesTest, WriteToADirectoryFailsAndLeavesItAlone) {
  write_file(path("keep.txt"), "kept");
  auto status = Binary{"data", "", ""}.write_to(dir_.string());
  expect_error_naming(status, dir_.string(), EISDIR);
  EXPECT_TRUE(fs::is_directory(dir_));
  EXPECT_EQ(read_file(path("keep.txt")), "kept");
}

}  // namespace
}  // namespace flowii
