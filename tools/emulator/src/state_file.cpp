// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include "state_file.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <stdexcept>

#include <nlohmann/json.hpp>

namespace flowii::emulator {

namespace {

constexpr char const* format_name = "flowii-emulator-state";

struct Close {
  void operator()(std::FILE* file) const { std::fclose(file); }
};
using File = std::unique_ptr<std::FILE, Close>;

[[noreturn]] void fail(std::string const& path, std::string const& what) {
  throw std::runtime_error("flowii emulator: state file " + path + ": " + what);
}

std::string system_error() { return std::strerror(errno); }

std::string read_all(std::FILE* file) {
  std::string text;
  char buffer[1 << 16];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, file)) > 0) text.append(buffer, n);
  return text;
}

}  // namespace

bool load_state(std::string const& path, std::vector<std::string> const& company_ids, Store& store) {
  File file(std::fopen(path.c_str(), "rb"));
  if (!file) {
    if (errno == ENOENT) return false;
    fail(path, "cannot be read: " + system_error());
  }
  std::string const text = read_all(file.get());
  if (std::ferror(file.get())) fail(path, "cannot be read: " + system_error());

  auto const document = nlohmann::json::parse(text, nullptr, false);
  if (document.is_discarded()) fail(path, "is not JSON (corrupt or cut short); fix or remove it");
  if (!document.is_object() || document.value("format", nlohmann::json()) != format_name) {
    fail(path, std::string("is not a flowii-emulator state file (no \"format\": \"") + format_name + "\")");
  }
  auto const version = document.value("version", nlohmann::json());
  if (version != state_file_version) {
    fail(path, "has version " + version.dump() + "; this emulator reads version " + std::to_string(state_file_version));
  }
  Store loaded;
  try {
    loaded = Store::from_json(document.value("store", nlohmann::json()));
  } catch (std::invalid_argument const& e) {
    fail(path, std::string("is damaged: ") + e.what());
  }
  for (auto const& id : loaded.company_ids()) {
    if (std::find(company_ids.begin(), company_ids.end(), id) == company_ids.end()) {
      fail(path, "holds company " + id + ", which the emulator's companies do not include");
    }
  }
  store = std::move(loaded);
  return true;
}

void save_state(std::string const& path, Store const& store) {
  nlohmann::json const document = {
      {"format", format_name}, {"version", state_file_version}, {"store", store.to_json()}};
  std::string const text = document.dump(1) + "\n";
  // Next to the target, so that rename() stays within one file system.
  std::string const temporary = path + ".tmp." + std::to_string(getpid());
  {
    File file(std::fopen(temporary.c_str(), "wb"));
    bool const written = file && std::fwrite(text.data(), 1, text.size(), file.get()) == text.size() &&
                         std::fflush(file.get()) == 0 && fsync(fileno(file.get())) == 0;
    if (!written) {
      std::string const reason = system_error();
      file.reset();
      std::remove(temporary.c_str());
      fail(path, "cannot be written: " + reason);
    }
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    std::string const reason = system_error();
    std::remove(temporary.c_str());
    fail(path, "cannot be replaced: " + reason);
  }
}

}  // namespace flowii::emulator
