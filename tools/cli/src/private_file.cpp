// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include "private_file.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace flowii::cli {
namespace {

bool write_all(int fd, std::string const& text) {
  std::size_t done = 0;
  while (done < text.size()) {
    ssize_t const n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

}  // namespace

std::string replace_private_file(std::string const& path, std::string const& text) {
  // Beside it, so that the rename stays within one file system. mkstemp creates
  // the file with mode 0600 and never opens an existing one.
  auto const name_at = path.rfind('/') + 1;  // 0 without a slash
  std::string temporary = path.substr(0, name_at) + "." + path.substr(name_at) + "-XXXXXX";
  int const fd = ::mkstemp(temporary.data());
  if (fd < 0) return "cannot write " + path + ": cannot create a new file beside it: " + std::strerror(errno);
  bool written = ::fchmod(fd, 0600) == 0 && write_all(fd, text) && ::fsync(fd) == 0;
  std::string why = written ? std::string() : std::strerror(errno);
  if (::close(fd) != 0 && written) {
    written = false;
    why = std::strerror(errno);
  }
  if (written && ::rename(temporary.c_str(), path.c_str()) != 0) {
    written = false;
    why = std::strerror(errno);
  }
  if (written) return {};
  ::unlink(temporary.c_str());
  return "cannot write " + path + ": " + why;
}

}  // namespace flowii::cli
