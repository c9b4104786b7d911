// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include <flowii/binary.hpp>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <system_error>

#include "common/ascii.hpp"

namespace flowii {
namespace {

std::string guess_content_type(std::string const& name) {
  auto dot = name.rfind('.');
  std::string ext = dot == std::string::npos ? "" : common::to_lower(name.substr(dot + 1));
  static constexpr std::pair<char const*, char const*> kTypes[] = {
      {"pdf", "application/pdf"},
      {"xml", "application/xml"},
      {"zip", "application/zip"},
      {"txt", "text/plain"},
      {"csv", "text/csv"},
      {"json", "application/json"},
      {"png", "image/png"},
      {"jpg", "image/jpeg"},
      {"jpeg", "image/jpeg"},
      {"gif", "image/gif"},
      {"html", "text/html"},
      {"doc", "application/msword"},
      {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
      {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
  };
  for (auto const& [e, type] : kTypes) {
    if (ext == e) return type;
  }
  return "application/octet-stream";
}

}  // namespace

Status Binary::write_to(std::string const& path) const {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) {
    return Status(ErrorCode::kInvalidArgument, "cannot open '" + path + "' for writing: " + std::strerror(errno));
  }
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) return Status(ErrorCode::kInvalidArgument, "writing '" + path + "' failed: " + std::strerror(errno));
  return {};
}

Result<FileUpload> FileUpload::from_path(std::string const& path, std::string content_type) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(ErrorCode::kInvalidArgument, "cannot read '" + path + "': " + std::strerror(errno));
  // A directory opens for reading on POSIX and then reads as nothing: not an empty file.
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return Status(ErrorCode::kInvalidArgument, "cannot read '" + path + "': " + std::strerror(EISDIR));
  }
  std::ostringstream buf;
  buf << in.rdbuf();
  FileUpload f;
  auto slash = path.find_last_of('/');
  f.name = slash == std::string::npos ? path : path.substr(slash + 1);
  f.content = std::move(buf).str();
  f.content_type = content_type.empty() ? guess_content_type(f.name) : std::move(content_type);
  return f;
}

}  // namespace flowii
