// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include "session.hpp"

#include "credentials.hpp"
#include "private_file.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>

namespace flowii::cli {
namespace {

using nlohmann::json;

constexpr char kFormat[] = "flowii-session";
constexpr int kVersion = 1;
constexpr char kPrefix[] = "session-";
constexpr char kSuffix[] = ".json";
constexpr char kTemporaryPrefix[] = ".session-";
constexpr off_t kMaxSize = off_t{64} * 1024;        // a session is a few hundred bytes
constexpr std::int64_t kLatestExpiry = 4102444800;  // 2100-01-01: later is corrupt, and would overflow the clock

std::string reason() { return std::strerror(errno); }

struct Fd {
  explicit Fd(int fd) : fd(fd) {}
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
  Fd(Fd const&) = delete;
  Fd& operator=(Fd const&) = delete;
  int fd;
};

/// Creates `dir` and its missing parents; those it creates are the user's alone.
bool make_directories(std::string const& dir) {
  for (std::size_t at = 0; at != std::string::npos;) {
    at = dir.find('/', at + 1);
    std::string const part = dir.substr(0, at);
    if (::mkdir(part.c_str(), 0700) != 0 && errno != EEXIST) return false;
  }
  return true;
}

bool read_all(int fd, std::string& text) {
  char buffer[4096];
  while (true) {
    ssize_t const n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    if (n == 0) return true;
    text.append(buffer, static_cast<std::size_t>(n));
  }
}

/// A token goes into an HTTP header: visible ASCII only, whatever the file says.
bool header_safe(std::string const& token) {
  return std::all_of(token.begin(), token.end(), [](char c) { return c > ' ' && c < 0x7f; });
}

bool ends_with(std::string const& s, std::string const& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

std::string key_hash(std::string const& text) {
  std::uint64_t h = 14695981039346656037ULL;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
  return hex;
}

std::string session_directory(Environment const& env) {
  if (auto dir = variable(env, "FLOWII_SESSION_DIR")) return *dir;
  if (auto state = variable(env, "XDG_STATE_HOME")) return *state + "/flowii";
  if (auto home = variable(env, "HOME")) return *home + "/.local/state/flowii";
  return {};
}

bool sessions_disabled(Environment const& env) {
  auto const off = variable(env, "FLOWII_NO_SESSION");
  return off && *off != "0";
}

SessionFile::SessionFile(std::string directory, std::string api_url, std::string username, std::string company_id)
    : directory_(std::move(directory)),
      api_url_(std::move(api_url)),
      username_(std::move(username)),
      company_id_(std::move(company_id)) {
  while (!api_url_.empty() && api_url_.back() == '/') api_url_.pop_back();  // as the SDK reads it
  path_ = directory_ + "/" + kPrefix + key_hash(api_url_ + '\n' + username_ + '\n' + company_id_) + kSuffix;
}

std::optional<Tokens> SessionFile::load(std::string& notice) const {
  notice.clear();
  // No symbolic link is followed, and a FIFO planted here cannot block the open.
  Fd file(::open(path_.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
  if (file.fd < 0) {
    if (errno == ELOOP) notice = "ignoring the saved session " + path_ + ": it is a symbolic link";
    return std::nullopt;
  }
  struct stat st {};
  if (::fstat(file.fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > kMaxSize) return std::nullopt;
  if (st.st_uid != ::geteuid()) {
    notice = "ignoring the saved session " + path_ + ": it belongs to another user";
    return std::nullopt;
  }
  if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
    char mode[8];
    std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(st.st_mode & 07777));
    notice = "ignoring the saved session " + path_ + ": other users could read it (mode " + mode + ")";
    return std::nullopt;
  }
  std::string text;
  if (!read_all(file.fd, text)) return std::nullopt;
  auto const j = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return std::nullopt;
  auto const text_of = [&j](char const* key) -> std::optional<std::string> {
    auto const it = j.find(key);
    if (it == j.end() || !it->is_string()) return std::nullopt;
    return it->get<std::string>();
  };
  auto const expires = j.find("expires_at");
  auto const version = j.find("version");
  if (text_of("format") != kFormat || version == j.end() || *version != kVersion || text_of("api_url") != api_url_ ||
      text_of("username") != username_ || text_of("company_id") != company_id_ || expires == j.end() ||
      !expires->is_number_integer() || *expires < 0 || *expires > kLatestExpiry) {
    return std::nullopt;  // corrupt, another version or another key: the next save replaces it
  }
  Tokens tokens;
  tokens.access_token = text_of("access_token").value_or("");
  tokens.refresh_token = text_of("refresh_token").value_or("");
  tokens.expires_at = std::chrono::system_clock::time_point(std::chrono::seconds(expires->get<std::int64_t>()));
  if (!header_safe(tokens.access_token) || !header_safe(tokens.refresh_token)) return std::nullopt;
  if (tokens.access_token.empty() && tokens.refresh_token.empty()) return std::nullopt;
  return tokens;
}

std::string SessionFile::save(Tokens const& tokens) const {
  if (!make_directories(directory_)) return "cannot create " + directory_ + ": " + reason();
  json const j{
      {"format", kFormat},
      {"version", kVersion},
      {"api_url", api_url_},
      {"username", username_},
      {"company_id", company_id_},
      {"access_token", tokens.access_token},
      {"refresh_token", tokens.refresh_token},
      {"expires_at", std::chrono::duration_cast<std::chrono::seconds>(tokens.expires_at.time_since_epoch()).count()}};
  // Replaced whole, never leaving half a file; a write cut short leaves a
  // ".session-..." file, which remove_sessions() deletes.
  auto const problem = replace_private_file(path_, j.dump() + "\n");
  if (problem.empty()) return {};
  return "cannot save the session: " + problem;
}

void SessionFile::remove() const { ::unlink(path_.c_str()); }

std::size_t remove_sessions(std::string const& directory) {
  std::unique_ptr<DIR, int (*)(DIR*)> dir(::opendir(directory.c_str()), ::closedir);
  if (!dir) return 0;
  std::size_t removed = 0;
  while (dirent const* entry = ::readdir(dir.get())) {
    std::string const name = entry->d_name;
    bool const session = name.rfind(kPrefix, 0) == 0 && ends_with(name, kSuffix);
    if (!session && name.rfind(kTemporaryPrefix, 0) != 0) continue;  // a write cut short leaves one
    if (::unlinkat(::dirfd(dir.get()), name.c_str(), 0) == 0 && session) ++removed;
  }
  return removed;
}

}  // namespace flowii::cli
