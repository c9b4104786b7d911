// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include "bulk_import.hpp"

#include "failure.hpp"
#include "import_input.hpp"
#include "import_state.hpp"
#include "session.hpp"
#include "stop_signals.hpp"
#include "usage.hpp"

#include <flowii/batch.hpp>

#include <nlohmann/json.hpp>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <future>
#include <iterator>
#include <memory>
#include <mutex>
#include <ostream>
#include <set>

namespace flowii::cli {
namespace {

using Kind = LineState::Kind;

constexpr std::chrono::seconds kProgressEvery{1};

/// A failure's message on one line: its error objects and hint after "; ".
std::string one_line(std::string text) {
  for (auto at = text.find("\n  "); at != std::string::npos; at = text.find("\n  ", at)) text.replace(at, 3, "; ");
  return text;
}

/// A create's outcome as the state file keeps it. A create FLOWii may have made
/// (outcome unknown, or accepted without an id) is never a plain failure: a
/// failed line is sent again by the next run, an unknown one is looked up first.
LineState outcome_of(Result<Resource> const& created, std::int64_t sent) {
  LineState s;
  s.sent = sent;
  if (created) {
    s.kind = Kind::kDone;
    s.id = created->id();
    return s;
  }
  Status const& status = created.status();
  bool const maybe_made = status.code() == ErrorCode::kOutcomeUnknown ||
                          (status.code() == ErrorCode::kInvalidResponse && status.http_status() / 100 == 2);
  s.kind = maybe_made ? Kind::kUnknown : Kind::kFailed;
  s.exit_code = maybe_made ? static_cast<int>(kExitOutcomeUnknown) : exit_code_for(status);
  s.error = one_line(failure_message(status));
  return s;
}

/// Whether every other create would fail alike (credentials, company, configuration).
bool ends_the_import(LineState const& s) {
  return s.kind == Kind::kFailed && (s.exit_code == kExitAuth || s.exit_code == kExitUsage);
}

/// The result line of one input line: in JSON lines
/// {"line":3,"status":"created","id":"100040"} (or "failed"/"unknown" with
/// "exit-code" and "error"); in a table "line 3: created 100040".
void write_result(std::ostream& out, Format format, int line, LineState const& s, std::string const& note) {
  if (format == Format::kJsonl) {
    nlohmann::ordered_json j{{"line", line}};
    if (s.kind == Kind::kDone) {
      j["status"] = "created";
      j["id"] = s.id;
      if (!note.empty()) j["note"] = note;
    } else {
      j["status"] = s.kind == Kind::kFailed ? "failed" : "unknown";
      j["exit-code"] = s.exit_code;
      j["error"] = s.error;
    }
    out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    return;
  }
  out << "line " << line << ": ";
  if (s.kind == Kind::kDone) {
    out << "created " << s.id << (note.empty() ? "" : " (" + note + ")") << '\n';
  } else {
    out << (s.kind == Kind::kFailed ? "failed: " : "outcome unknown, check by hand: ") << s.error << '\n';
  }
}

std::string read_input(ImportFlags const& flags, ImportContext const& context) {
  if (flags.from_file == "-") {
    if (context.in == nullptr) throw Failure(kExitUsage, "--from-file -: no standard input");
    return std::string(std::istreambuf_iterator<char>(*context.in), {});
  }
  errno = 0;
  std::ifstream in(flags.from_file, std::ios::binary);
  if (!in) {
    throw Failure(kExitUsage, "--from-file " + flags.from_file + ": cannot read it" +
                                  (errno == 0 ? std::string() : std::string(": ") + std::strerror(errno)));
  }
  return std::string(std::istreambuf_iterator<char>(in), {});
}

InputFormat input_format(ImportFlags const& flags) {
  if (!flags.format.empty()) return *parse_input_format(flags.format);  // checked by CLI11
  if (flags.from_file == "-") {
    throw Failure(kExitUsage, "--from-file -: say what standard input holds with --format jsonl or --format csv");
  }
  auto const format = input_format_of(flags.from_file);
  if (!format) {
    throw Failure(kExitUsage, "--from-file " + flags.from_file +
                                  ": its name ends in neither .jsonl nor .csv; say which it holds with --format "
                                  "jsonl or --format csv");
  }
  return *format;
}

/// One run of an import: the records, what became of each, and the state file.
class Import {
 public:
  Import(ResourceCommand const& rc, std::string parent, ImportFlags const& flags, ImportContext const& context,
         std::vector<InputRecord> records, std::string const& input_hash)
      : rc_(rc),
        parent_(std::move(parent)),
        flags_(flags),
        context_(context),
        records_(std::move(records)),
        results_(records_.size()),
        notes_(records_.size()),
        state_(flags.state_file.empty() ? flags.from_file + ".state" : flags.state_file, rc.name, parent_, input_hash) {
  }

  void run() {
    std::vector<std::size_t> to_check;
    std::vector<std::size_t> to_send;
    for (std::size_t i = 0; i < records_.size(); ++i) {
      LineState const s = state_.at(records_[i].line);
      if (s.kind == Kind::kDone) {
        results_[i] = s;
        notes_[i] = "in an earlier run";
        claimed_.insert(s.id);
      } else if (s.kind == Kind::kStarted || s.kind == Kind::kUnknown) {
        to_check.push_back(i);
      } else {
        to_send.push_back(i);
      }
    }
    if (to_check.empty() && to_send.empty()) {  // done in earlier runs: no need to sign in
      print_in_order({}, {}, {});
      finish();
      return;
    }
    auto const problem = state_.save();  // a file that cannot be written fails before anything is sent
    if (!problem.empty()) throw Failure(kExitOther, "--state: " + problem + "; nothing was sent");
    Client& client = context_.client();
    {
      Batch batch(BatchOptions{flags_.parallel, {}});
      StopSignals signals([this, &batch] {
        stopped_ = true;
        batch.cancel();  // queued records are not sent; those being sent finish
      });
      for (auto const i : to_check) {
        if (stopped_) break;
        if (settle(client, i)) to_send.push_back(i);
      }
      std::sort(to_send.begin(), to_send.end());
      auto futures = send(client, batch, to_send);
      print_in_order(futures, to_send, client.options().clock);
      batch.wait();
    }
    finish();
  }

 private:
  /// A line an earlier run sent without recording FLOWii's answer: looked up in
  /// FLOWii as the SDK settles a lost create. Returns whether it is to be sent
  /// (FLOWii provably has no such record).
  bool settle(Client& client, std::size_t i) {
    int const line = records_[i].line;
    LineState s = state_.at(line);
    s.kind = Kind::kUnknown;
    s.exit_code = kExitOutcomeUnknown;
    if (!rc_.find_created) {
      s.error = "an earlier run sent it and stopped before FLOWii answered, and FLOWii's list of " + rc_.name +
                " has no created-from filter to look it up: check whether it exists (docs/cli.md, \"Bulk "
                "import\")";
      results_[i] = s;
      record(line, s);
      return false;
    }
    auto const found = rc_.find_created(client, parent_, records_[i].record, UnixTime{s.sent});
    if (!found) {
      s.error = "an earlier run sent it and stopped before FLOWii answered; looking it up failed: " +
                one_line(failure_message(found.status())) + "; run the same command again later";
      results_[i] = s;
      return false;
    }
    std::vector<std::string> ids;
    for (auto const& r : *found) {
      if (claimed_.count(r.id()) == 0) ids.push_back(r.id());
    }
    if (ids.empty()) return true;
    if (ids.size() == 1) {
      s = LineState{Kind::kDone, ids.front(), "", 0, s.sent};
      claimed_.insert(s.id);
      notes_[i] = "found in FLOWii: an earlier run created it";
    } else {
      std::string list;
      for (auto const& id : ids) list += (list.empty() ? "" : ", ") + id;
      s.error =
          "an earlier run sent it and stopped before FLOWii answered, and several records created since "
          "match it (" +
          list + "): check which one it is";
    }
    results_[i] = s;
    record(line, s);
    return false;
  }

  std::vector<std::future<Result<Resource>>> send(Client& client, Batch& batch,
                                                  std::vector<std::size_t> const& to_send) {
    auto const wall = client.options().wall_clock;
    std::vector<std::future<Result<Resource>>> futures;
    futures.reserve(to_send.size());
    for (auto const i : to_send) {
      futures.push_back(batch.submit([this, &client, &batch, wall, i]() -> Result<Resource> {
        int const line = records_[i].line;
        std::int64_t const sent = UnixTime::from(wall ? wall() : std::chrono::system_clock::now()).seconds;
        // On disk before it is sent: a kill after the send leaves a line to look up, never one to resend.
        if (!record(line, LineState{Kind::kStarted, "", "", 0, sent})) {
          batch.cancel();
          return Status(ErrorCode::kUnknown, "not sent: the state file cannot be written");
        }
        auto created = rc_.create(client, parent_, records_[i].record);
        results_[i] = outcome_of(created, sent);  // read by the main thread after the future's get()
        if (!record(line, results_[i]) || ends_the_import(results_[i])) batch.cancel();
        return created;
      }));
    }
    return futures;
  }

  /// Prints each line's result in input order, as soon as the lines before it have theirs.
  /// `clock`: the client's (empty: the steady clock), for the pace of progress lines.
  void print_in_order(std::vector<std::future<Result<Resource>>> const& futures, std::vector<std::size_t> const& sent,
                      std::function<std::chrono::steady_clock::time_point()> const& clock) {
    auto const now = [&clock] { return clock ? clock() : std::chrono::steady_clock::now(); };
    auto last_progress = now();
    std::size_t next = 0;  // of `futures`
    for (std::size_t i = 0; i < records_.size(); ++i) {
      if (next < sent.size() && sent[next] == i) futures[next++].wait();
      LineState const& s = results_[i];
      if (s.kind == Kind::kNone || s.kind == Kind::kStarted) continue;  // not sent, or not settled
      context_.write([&](std::ostream& out) { write_result(out, context_.format, records_[i].line, s, notes_[i]); });
      ++(s.kind == Kind::kDone ? created_ : failed_);
      if (context_.progress && now() - last_progress >= kProgressEvery) {
        last_progress = now();
        context_.say(progress_text());
      }
    }
  }

  /// Records `s` in the state file; false (the problem kept) when it cannot be written.
  bool record(int line, LineState const& s) {
    auto const problem = state_.record(line, s);
    if (problem.empty()) return true;
    std::lock_guard<std::mutex> lock(problem_mu_);
    if (state_problem_.empty()) state_problem_ = problem;
    return false;
  }

  std::string progress_text() const {
    return "created " + std::to_string(created_) + "/" + std::to_string(records_.size()) + ", " +
           std::to_string(failed_) + " failed";
  }

  void finish() {
    std::size_t unknown = 0;
    std::size_t not_sent = 0;
    int code = kExitOk;
    LineState const* ending = nullptr;
    for (auto const& s : results_) {
      if (s.kind == Kind::kNone || s.kind == Kind::kStarted) ++not_sent;
      if (s.kind == Kind::kUnknown) ++unknown;
      if (s.kind == Kind::kFailed || s.kind == Kind::kUnknown)
        code = code == kExitOk || code == s.exit_code ? s.exit_code : kExitOther;
      if (ending == nullptr && ends_the_import(s)) ending = &s;
    }
    if (unknown > 0) code = kExitOutcomeUnknown;
    std::string const counts = std::to_string(created_) + " of " + std::to_string(records_.size()) + " " + rc_.name +
                               " created, " + std::to_string(failed_) + " failed";
    std::string const resume = "run the same command again to resume (the state is in " + state_.path() + ")";
    if (!state_problem_.empty()) {
      throw Failure(kExitOther, "--state: " + state_problem_ + "; the import stopped: " + counts + ", " +
                                    std::to_string(not_sent) + " not sent. Make the file writable, then " + resume);
    }
    if (stopped_) {
      throw Failure(kExitStopped, "stopped: " + counts + ", " + std::to_string(not_sent) + " not sent yet; " + resume);
    }
    if (ending != nullptr) {
      throw Failure(ending->exit_code, "the import stopped at the first failure that every record would have: " +
                                           counts + ", " + std::to_string(not_sent) + " not sent\n  " + ending->error);
    }
    if (failed_ == 0) {
      context_.say(counts.substr(0, counts.find(", ")));
      return;
    }
    std::string message = counts + " (see their lines)";
    if (unknown > 0) {
      message += "; " + std::to_string(unknown) +
                 " may have been created: check those by hand before anything else (docs/cli.md, \"Bulk import\")";
    }
    throw Failure(code, message +
                            "\n  hint: running the same command again sends the failed lines again and "
                            "skips those created");
  }

  ResourceCommand const& rc_;
  std::string parent_;
  ImportFlags const& flags_;
  ImportContext const& context_;
  std::vector<InputRecord> records_;
  std::vector<LineState> results_;  ///< this run's result per record; kNone = not sent
  std::vector<std::string> notes_;
  ImportState state_;
  std::set<std::string> claimed_;  ///< ids some line of the state created
  std::atomic<bool> stopped_{false};
  std::size_t created_ = 0;
  std::size_t failed_ = 0;  ///< failed or outcome unknown
  std::mutex problem_mu_;
  std::string state_problem_;
};

}  // namespace

void add_import_options(CLI::App& create, ImportFlags& flags, CLI::Option* data) {
  auto* from = create
                   .add_option("--from-file", flags.from_file,
                               "Create a record per line of FILE: JSON lines (.jsonl) or CSV (.csv); - reads "
                               "standard input (needs --format and --state)")
                   ->type_name("FILE");
  data->excludes(from);
  create.add_option("--format", flags.format, "What --from-file holds: jsonl or csv (default: from its name)")
      ->check(one_of_check("--format", {"jsonl", "csv"}))
      ->needs(from);
  create.add_option("--parallel", flags.parallel, "Records sent at once, 1 to 64 (default 1)")
      ->type_name("N")
      ->check(whole_number_check("--parallel", 1, 64))
      ->needs(from);
  create.add_option("--state", flags.state_file, "Where the import keeps what it did, to resume (default FILE.state)")
      ->type_name("FILE")
      ->needs(from);
}

void import_records(ResourceCommand const& rc, std::string const& parent, ImportFlags const& flags,
                    ImportContext const& context) {
  if (context.format != Format::kTable && context.format != Format::kJsonl) {
    throw Failure(kExitUsage, "create --from-file writes --output table or jsonl, one line per record (got " +
                                  std::string(context.format == Format::kJson ? "json" : "csv") + ")");
  }
  InputFormat const format = input_format(flags);
  if (flags.from_file == "-" && flags.state_file.empty()) {
    throw Failure(kExitUsage,
                  "--from-file - needs --state FILE: the file where the import keeps what it created, so that "
                  "a stopped import can resume (with the same input) without creating anything twice");
  }
  std::string const text = read_input(flags, context);
  std::string const source = flags.from_file == "-" ? "standard input" : flags.from_file;
  Import import(rc, parent, flags, context, read_records(text, format, rc.type, rc.fields, source), key_hash(text));
  import.run();
}

}  // namespace flowii::cli
