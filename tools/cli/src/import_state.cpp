// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include "import_state.hpp"

#include "failure.hpp"
#include "private_file.hpp"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <optional>

namespace flowii::cli {
namespace {

using nlohmann::json;

constexpr char kFormat[] = "flowii-import-state";
constexpr int kVersion = 1;

json to_json(LineState const& s) {
  switch (s.kind) {
    case LineState::Kind::kStarted:
      return {{"started", s.sent}};
    case LineState::Kind::kDone:
      return {{"done", s.id}};
    case LineState::Kind::kFailed:
      return {{"failed", s.error}, {"exit-code", s.exit_code}};
    case LineState::Kind::kUnknown:
      return {{"unknown", s.error}, {"exit-code", s.exit_code}, {"started", s.sent}};
    default:
      return json::object();
  }
}

/// A line's entry; nullopt when it is none of the shapes to_json() writes.
std::optional<LineState> from_json(json const& j) {
  if (!j.is_object()) return std::nullopt;
  LineState s;
  auto text = [&j](char const* key) { return j.contains(key) && j[key].is_string(); };
  auto number = [&j](char const* key) { return j.contains(key) && j[key].is_number_integer(); };
  if (text("done")) {
    s.kind = LineState::Kind::kDone;
    s.id = j["done"].get<std::string>();
    return s.id.empty() ? std::nullopt : std::optional<LineState>(s);
  }
  s.exit_code = number("exit-code") ? j["exit-code"].get<int>() : 0;
  s.sent = number("started") ? j["started"].get<std::int64_t>() : 0;
  if (text("failed")) {
    s.kind = LineState::Kind::kFailed;
    s.error = j["failed"].get<std::string>();
  } else if (text("unknown") && number("started")) {
    s.kind = LineState::Kind::kUnknown;
    s.error = j["unknown"].get<std::string>();
  } else if (number("started")) {
    s.kind = LineState::Kind::kStarted;
  } else {
    return std::nullopt;
  }
  return s;
}

std::string parent_text(std::string const& parent) { return parent.empty() ? "" : " --parent " + parent; }

}  // namespace

ImportState::ImportState(std::string path, std::string resource, std::string parent, std::string input_hash)
    : path_(std::move(path)),
      resource_(std::move(resource)),
      parent_(std::move(parent)),
      input_hash_(std::move(input_hash)) {
  errno = 0;
  std::ifstream in(path_, std::ios::binary);
  if (!in) {
    if (errno == ENOENT) return;  // a new import
    throw Failure(kExitOther, "--state " + path_ + ": cannot read it: " + std::strerror(errno));
  }
  auto const j = json::parse(std::string(std::istreambuf_iterator<char>(in), {}), nullptr, false);
  std::string const not_state = "--state " + path_ +
                                ": not the state file of an import (flowii RESOURCE create --from-file); give "
                                "another file with --state";
  if (!j.is_object() || j.value("format", "") != kFormat || !j.contains("lines") || !j["lines"].is_object()) {
    throw Failure(kExitUsage, not_state);
  }
  if (j.value("version", 0) != kVersion) {
    throw Failure(kExitUsage, "--state " + path_ + ": written by another version of flowii (state version " +
                                  std::to_string(j.value("version", 0)) + "); finish that import with it");
  }
  std::string const was_resource = j.value("resource", "");
  std::string const was_parent = j.value("parent", "");
  if (was_resource != resource_ || was_parent != parent_) {
    throw Failure(kExitUsage, "--state " + path_ + ": it is the state of an import into " + was_resource +
                                  parent_text(was_parent) + ", not into " + resource_ + parent_text(parent_) +
                                  "; nothing was sent. Run that import again, or give another file with --state");
  }
  std::size_t created = 0;
  for (auto const& [key, entry] : j["lines"].items()) {
    char* end = nullptr;
    long const line = std::strtol(key.c_str(), &end, 10);
    auto state = from_json(entry);
    if (end == key.c_str() || *end != '\0' || line <= 0 || !state) throw Failure(kExitUsage, not_state);
    if (state->kind == LineState::Kind::kDone) ++created;
    lines_[static_cast<int>(line)] = std::move(*state);
  }
  if (j.value("input", "") != input_hash_) {
    throw Failure(kExitUsage,
                  "--state " + path_ + ": the input has changed since this state was written (it records " +
                      std::to_string(created) +
                      " records created from the earlier input); nothing was sent.\n"
                      "  hint: import new or changed lines from a file of their own; removing the state file "
                      "starts over and creates those records again");
  }
}

LineState ImportState::at(int line) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto const it = lines_.find(line);
  return it == lines_.end() ? LineState{} : it->second;
}

std::string ImportState::text() const {
  json lines = json::object();
  for (auto const& [line, state] : lines_) {
    if (state.kind != LineState::Kind::kNone) lines[std::to_string(line)] = to_json(state);
  }
  nlohmann::ordered_json const file{{"format", kFormat}, {"version", kVersion},  {"resource", resource_},
                                    {"parent", parent_}, {"input", input_hash_}, {"lines", std::move(lines)}};
  return file.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
}

std::string ImportState::record(int line, LineState state) {
  std::unique_lock<std::mutex> lock(mu_);
  lines_[line] = std::move(state);
  return commit(lock, ++version_);
}

std::string ImportState::save() {
  std::unique_lock<std::mutex> lock(mu_);
  return commit(lock, ++version_);
}

std::string ImportState::commit(std::unique_lock<std::mutex>& lock, std::uint64_t wanted) {
  while (saved_ < wanted) {
    if (saving_) {
      saved_cv_.wait(lock);
      continue;
    }
    // This thread writes every change made so far; the others wait for it.
    saving_ = true;
    std::uint64_t const version = version_;
    std::string const snapshot = text();
    lock.unlock();
    std::string problem = replace_private_file(path_, snapshot);
    lock.lock();
    saving_ = false;
    saved_cv_.notify_all();
    if (!problem.empty()) return problem;
    saved_ = version;
  }
  return {};
}

}  // namespace flowii::cli
