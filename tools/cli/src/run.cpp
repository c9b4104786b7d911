// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// The command-line grammar: global options, `login`, `companies`, and the
// actions of every declared resource (resource_table.cpp).
#include <flowii/cli/run.hpp>

#include "bulk_import.hpp"
#include "credentials.hpp"
#include "failure.hpp"
#include "help.hpp"
#include "import_input.hpp"
#include "output.hpp"
#include "resource_command.hpp"
#include "session.hpp"
#include "usage.hpp"
#include "watch.hpp"

#include <flowii/client.hpp>
#include <flowii/version.hpp>

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iterator>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <ostream>
#include <sstream>

namespace flowii::cli {
namespace {

struct GlobalFlags {
  CredentialFlags credentials;
  std::string output = "table";
  bool progress = false;
  bool verbose = false;
  bool no_session = false;
};

/// Everything an action may take from the command line.
struct ActionFlags {
  std::string id;
  std::vector<std::string> filters;
  std::optional<int> page;
  std::optional<int> page_size;
  bool all = false;
  std::string parent;
  std::string data;
  std::string out;
  std::string language;
  bool include = false;
  std::string value;               ///< a verb's value option
  std::vector<std::string> words;  ///< `help`'s topic or command
  WatchFlags watch;
  ImportFlags import;
};

/// The SDK's logging (docs/logging.md) on the command's standard error: the level
/// of FLOWII_LOG, at least `info` with --verbose.
LogOptions log_options(bool verbose, Environment const& env, std::ostream& err) {
  LogLevel level = LogLevel::kOff;
  if (auto const text = variable(env, "FLOWII_LOG")) {
    auto const parsed = parse_log_level(*text);
    if (!parsed) {
      throw Failure(kExitUsage, "FLOWII_LOG must be trace, debug, info, warn, error or off (got " + *text + ")");
    }
    level = *parsed;
  }
  if (verbose) level = std::min(level, LogLevel::kInfo);
  if (level == LogLevel::kOff) return {};
  return LogOptions{level, stream_log_sink(err)};
}

/// A wait as people read it: "20 s", "1.5 s".
std::string seconds_text(std::chrono::milliseconds wait) {
  auto const ms = wait.count();
  if (ms % 1000 == 0 || ms >= 10'000) return std::to_string((ms + 500) / 1000) + " s";
  char text[32];
  std::snprintf(text, sizeof text, "%.1f s", static_cast<double>(ms) / 1000.0);
  return text;
}

/// Why the SDK waits: "FLOWii rate limit (429)".
std::string cause_text(Status const& cause) {
  static std::map<ErrorCode, char const*> const kWhy{{ErrorCode::kRateLimited, "FLOWii rate limit"},
                                                     {ErrorCode::kUnavailable, "FLOWii unavailable"},
                                                     {ErrorCode::kInternal, "FLOWii server error"},
                                                     {ErrorCode::kTimeout, "timeout"},
                                                     {ErrorCode::kNetwork, "network error"}};
  auto const known = kWhy.find(cause.code());
  std::string text = known != kWhy.end() ? known->second : to_string(cause.code());
  if (cause.http_status() != 0) text += " (" + std::to_string(cause.http_status()) + ")";
  return text;
}

/// A line on standard error while the SDK waits or looks, so that a pause is
/// never a silent hang.
std::string report(CallEvent const& event) {
  if (event.kind == CallEvent::Kind::kReconcile) {
    return "the answer to " + event.cause.request() +
           " was lost; checking whether the create reached FLOWii\xE2\x80\xA6";
  }
  return "waiting " + seconds_text(event.wait) + ": " + cause_text(event.cause) + ", attempt " +
         std::to_string(event.attempt) + " of " + std::to_string(event.max_attempts);
}

/// The state one run shares between its option callbacks and its action.
class Command {
 public:
  Command(std::ostream& out, std::ostream& err, Environment const& env) : out_(out), err_(err), env_(env) {}

  GlobalFlags globals;
  ActionFlags flags;

  std::ostream& err() { return err_; }
  /// A line on standard error; safe from the threads of an import.
  void say(std::string const& line) {
    std::lock_guard<std::mutex> lock(err_mu_);
    err_ << line << std::endl;
  }
  Environment const& env() const { return env_; }

  /// Writes the command's output with `print`, and fails unless all of it reached
  /// standard output.
  void write(std::function<void(std::ostream&)> const& print) {
    errno = 0;  // so that a failed write's errno says why
    print(out_);
    check_written(out_, "standard output");
  }

  Format format() const {
    auto f = parse_format(globals.output);
    if (!f) throw Failure(kExitUsage, "--output must be table, json, jsonl or csv (got " + globals.output + ")");
    return *f;
  }
  /// The client, made on first use so that usage errors need no credentials. It
  /// starts from the saved session unless `saved_session` is false (`login`).
  Client& client(bool saved_session = true) {
    if (client_) return *client_;
    ClientOptions options = client_options(globals.credentials, env_);
    options.log = log();
    options.on_event = [this](CallEvent const& event) { say(report(event)); };
    std::string const directory = session_directory(env_);
    if (!globals.no_session && !sessions_disabled(env_) && !directory.empty()) {
      session_.emplace(directory, options.base_url, options.credentials.username, options.company_id);
      if (saved_session) {
        std::string notice;
        saved_ = session_->load(notice);
        if (!notice.empty()) err_ << "flowii: " << notice << '\n';
        options.tokens = saved_;
      }
    }
    if (env_.adjust_client) env_.adjust_client(options);
    client_ = std::make_unique<Client>(std::move(options));
    return *client_;
  }
  /// The SDK's logging on standard error (--verbose, FLOWII_LOG), made once.
  LogOptions const& log() {
    if (!log_) log_ = log_options(globals.verbose, env_, err_);
    return *log_;
  }
  /// Saves the client's tokens for the next command when they changed, and drops
  /// a saved session that FLOWii refused. A failure to save is only a warning.
  void keep_session() {
    if (!client_ || !session_) return;
    try {
      auto const now = client_->tokens();
      if (!now) {
        if (saved_) session_->remove();
        return;
      }
      if (saved_ && saved_->access_token == now->access_token && saved_->refresh_token == now->refresh_token) return;
      auto const problem = session_->save(*now);
      if (!problem.empty()) err_ << "flowii: warning: " << problem << '\n';
    } catch (std::exception const& e) {
      err_ << "flowii: warning: the session was not saved: " << e.what() << '\n';
    }
  }
  ListQuery query() const {
    ListQuery q;
    for (auto const& f : flags.filters) {
      auto const eq = f.find('=');
      if (eq == std::string::npos || eq == 0) {
        throw Failure(kExitUsage, "--filter " + f + ": expected key=value, e.g. --filter search-text=Nitra");
      }
      q.set_filter(f.substr(0, eq), f.substr(eq + 1));
    }
    if (flags.page) q.set_page(*flags.page);
    if (flags.page_size) q.set_page_size(*flags.page_size);
    return q;
  }
  Progress progress(std::string const& noun) {
    if (!globals.progress && !env_.err_is_terminal) return {};
    return [this, noun](std::size_t n) { err_ << "fetched " << n << ' ' << noun << "\xE2\x80\xA6" << std::endl; };
  }
  /// --data: JSON text, @FILE or @- (standard input).
  std::string data_text() const {
    std::string const& d = flags.data;
    if (d.empty() || d[0] != '@') return d;
    if (d == "@-") {
      if (env_.in == nullptr) throw Failure(kExitUsage, "--data @-: no standard input");
      return std::string(std::istreambuf_iterator<char>(*env_.in), {});
    }
    std::ifstream in(d.substr(1), std::ios::binary);
    if (!in) throw Failure(kExitUsage, "--data: cannot read " + d.substr(1));
    return std::string(std::istreambuf_iterator<char>(in), {});
  }

 private:
  std::ostream& out_;
  std::ostream& err_;
  Environment const& env_;
  std::mutex err_mu_;  ///< say()'s lines, from any thread
  std::unique_ptr<Client> client_;
  std::optional<LogOptions> log_;
  std::optional<SessionFile> session_;  ///< none when sessions are off
  std::optional<Tokens> saved_;         ///< what the session file held
};

/// --data as a resource of `type` (record_from_json).
Resource resource_from(std::string const& text, std::string const& type) {
  auto r = record_from_json(text, type);
  if (!r) throw Failure(kExitUsage, "--data: " + sdk_message(r.status()));
  return std::move(r).value();
}

void write_download(Command& cmd, Binary const& binary) {
  std::string const& path = cmd.flags.out;
  if (path == "-") {
    cmd.write([&binary](std::ostream& out) {
      out.write(binary.bytes.data(), static_cast<std::streamsize>(binary.bytes.size()));
    });
    return;
  }
  write_file(path, binary.bytes);
  cmd.err() << "wrote " << binary.bytes.size() << " bytes (" << binary.content_type << ") to " << path << '\n';
}

/// `create --from-file`: bulk_import.hpp with the command's client and streams.
void import(Command& cmd, ResourceCommand const& rc) {
  ImportContext context;
  context.client = [&cmd]() -> Client& { return cmd.client(); };
  context.format = cmd.format();
  context.progress = cmd.globals.progress || cmd.env().err_is_terminal;
  context.in = cmd.env().in;
  context.say = [&cmd](std::string const& line) { cmd.say(line); };
  context.write = [&cmd](std::function<void(std::ostream&)> const& print) { cmd.write(print); };
  import_records(rc, cmd.flags.parent, cmd.flags.import, context);
}

using Action = std::function<void(Command&)>;

/// Adds an action subcommand whose callback makes it the one to run.
CLI::App* action(CLI::App& parent, std::string const& name, std::string const& help, Action& selected, Action run) {
  auto* sub = parent.add_subcommand(name, help);
  sub->callback([&selected, run = std::move(run)] { selected = run; });
  return sub;
}

void add_filter_option(CLI::App& sub, ActionFlags& flags) {
  sub.add_option("--filter", flags.filters, "key=value filter (repeatable), e.g. search-text=Nitra");
}

CLI::App* add_list(CLI::App& parent, ResourceCommand const& rc, ActionFlags& flags, Action& selected) {
  auto* sub = action(parent, "list", "List " + rc.name, selected, [&rc](Command& cmd) {
    auto& f = cmd.flags;
    Format const format = cmd.format();
    std::vector<Resource> items;
    if (rc.children && !f.parent.empty()) {
      items = take(rc.children(cmd.client(), f.parent));
    } else if (rc.list) {
      items = take(rc.list(cmd.client(), f.parent, cmd.query(), f.all, cmd.progress(rc.name)));
    } else {
      throw Failure(kExitUsage, rc.name + " list needs --parent ID");
    }
    cmd.write([&](std::ostream& out) { write_list(out, items, format, rc.columns); });
  });
  if (rc.paged) {
    add_filter_option(*sub, flags);
    sub->add_option("--page", flags.page, "Page number, from 0")
        ->check(whole_number_check("--page", 0, std::numeric_limits<int>::max()));
    sub->add_option("--page-size", flags.page_size, "Items per page, 1 to 1000")
        ->check(whole_number_check("--page-size", 1, 1000));
    sub->add_flag("--all", flags.all, "Every page (progress on stderr with --progress or a terminal)");
  }
  if (rc.children) sub->add_option("--parent", flags.parent, "List the children of this item");
  return sub;
}

/// Scoped resources: every action names the item it lives under.
void require_parent(CLI::App* sub, ResourceCommand const& rc, ActionFlags& flags) {
  if (rc.parent.empty()) return;
  sub->add_option("--parent", flags.parent, "Id of the " + rc.parent + " it belongs to")->required();
}

/// Examples below the help of the resource and of each of its actions.
void add_examples(CLI::App& res, ResourceCommand const& rc) {
  auto const examples = action_examples(rc);
  std::vector<std::string> all;
  all.reserve(examples.size());
  for (auto const& [name, line] : examples) all.push_back(line);
  res.footer(examples_footer(all));
  for (auto* sub : res.get_subcommands({})) {
    std::vector<std::string> own;
    for (auto const& [name, line] : examples) {
      if (name == sub->get_name()) own.push_back(line);
    }
    sub->footer(examples_footer(own));
  }
}

void add_resource(CLI::App& app, ResourceCommand const& rc, ActionFlags& flags, Action& selected) {
  auto* res = app.add_subcommand(rc.name, rc.help);
  res->require_subcommand(0, 1);  // a missing or unknown action is reported by run()
  if (rc.list || rc.children) require_parent(add_list(*res, rc, flags, selected), rc, flags);
  if (rc.get) {
    auto* sub = action(*res, "get", "Show one of " + rc.name, selected, [&rc](Command& cmd) {
      Format const format = cmd.format();
      auto const item = take(rc.get(cmd.client(), cmd.flags.parent, cmd.flags.id));
      cmd.write([&](std::ostream& out) { write_one(out, item, format); });
    });
    sub->add_option("id", flags.id, "Its id")->required();
    require_parent(sub, rc, flags);
  }
  if (rc.create) {
    auto* sub = action(*res, "create", "Create one of " + rc.name + " from --data, or many --from-file", selected,
                       [&rc](Command& cmd) {
                         if (!cmd.flags.import.from_file.empty()) {
                           import(cmd, rc);
                           return;
                         }
                         if (cmd.flags.data.empty()) {
                           throw Failure(kExitUsage, rc.name + " create needs --data JSON or --from-file FILE");
                         }
                         Format const format = cmd.format();
                         auto const resource = resource_from(cmd.data_text(), rc.type);
                         auto const created = take(rc.create(cmd.client(), cmd.flags.parent, resource));
                         cmd.write([&](std::ostream& out) { write_one(out, created, format); });
                       });
    add_import_options(*sub, flags.import, sub->add_option("--data", flags.data, "JSON attributes, @FILE or @-"));
    require_parent(sub, rc, flags);
  }
  if (rc.update) {
    auto* sub = action(*res, "update", "Change the attributes given in --data", selected, [&rc](Command& cmd) {
      auto resource = resource_from(cmd.data_text(), rc.type);
      resource.set_id(cmd.flags.id);
      check(rc.update(cmd.client(), cmd.flags.parent, resource));
      cmd.err() << "updated " << rc.name << ' ' << cmd.flags.id << '\n';
    });
    sub->add_option("id", flags.id, "Its id")->required();
    sub->add_option("--data", flags.data, "JSON attributes, @FILE or @-")->required();
    require_parent(sub, rc, flags);
  }
  if (rc.remove) {
    auto* sub = action(*res, "delete", "Delete one of " + rc.name, selected, [&rc](Command& cmd) {
      check(rc.remove(cmd.client(), cmd.flags.parent, cmd.flags.id));
      cmd.err() << "deleted " << rc.name << ' ' << cmd.flags.id << '\n';
    });
    sub->add_option("id", flags.id, "Its id")->required();
    require_parent(sub, rc, flags);
  }
  for (auto const& v : rc.verbs) {
    auto* sub = action(*res, v.action, v.help, selected, [&rc, &v](Command& cmd) {
      check(v.run(cmd.client(), cmd.flags.parent, cmd.flags.id, cmd.flags.value));
      cmd.err() << v.action << ' ' << rc.name << (v.takes_id ? " " + cmd.flags.id : std::string()) << ": done\n";
    });
    if (v.takes_id) sub->add_option("id", flags.id, "Its id")->required();
    if (!v.value_option.empty()) sub->add_option(v.value_option, flags.value)->required();
    require_parent(sub, rc, flags);
  }
  for (auto const& d : rc.downloads) {
    auto* sub = action(*res, d.action, d.help, selected, [&d](Command& cmd) {
      DownloadRequest request{cmd.flags.id, cmd.query(), cmd.flags.language, cmd.flags.include};
      write_download(cmd, take(d.fetch(cmd.client(), request)));
    });
    if (d.takes_id) sub->add_option("id", flags.id, "Its id")->required();
    if (!d.takes_id) add_filter_option(*sub, flags);
    if (d.takes_language) sub->add_option("--language", flags.language, "sk, hu or en");
    if (!d.include_flag.empty()) sub->add_flag(d.include_flag, flags.include);
    sub->add_option("--out", flags.out, "Write to FILE (- for standard output)")->required();
  }
  add_examples(*res, rc);
}

void login(Command& cmd) {
  // A fresh password grant, whatever is saved: login checks the credentials.
  auto const session = take(cmd.client(/*saved_session=*/false).session());
  if (cmd.format() == Format::kTable) {
    cmd.write([&session](std::ostream& out) {
      out << "Signed in as " << session.user_name << " (user " << session.user_id << ") in " << session.company_name
          << " (company " << session.company_id << "); " << session.companies.size() << " companies accessible.\n";
    });
    return;
  }
  Resource r("session", session.user_id);
  r.set("user-name", session.user_name)
      .set("company-id", session.company_id)
      .set("company-name", session.company_name)
      .set("companies", static_cast<std::int64_t>(session.companies.size()));
  Format const format = cmd.format();
  cmd.write([&](std::ostream& out) { write_one(out, r, format); });
}

void companies(Command& cmd) {
  auto const list = take(cmd.client().companies());
  std::vector<Resource> const items(list.begin(), list.end());
  Format const format = cmd.format();
  cmd.write([&](std::ostream& out) { write_list(out, items, format, {"name"}); });
}

void logout(Command& cmd) {
  std::string const directory = session_directory(cmd.env());
  std::size_t const removed = directory.empty() ? 0 : remove_sessions(directory);
  if (removed == 0) {
    cmd.err() << "no saved session to remove\n";
    return;
  }
  cmd.err() << "removed " << removed << (removed == 1 ? " saved session" : " saved sessions") << " from " << directory
            << '\n';
}

void watch_changes(Command& cmd) {
  WatchContext context;
  context.client = [&cmd]() -> Client& { return cmd.client(); };
  context.format = cmd.format();
  context.log = cmd.log();
  context.write = [&cmd](std::function<void(std::ostream&)> const& print) { cmd.write(print); };
  watch(cmd.flags.watch, context);
}

/// The subcommand of `app` named `name`; nullptr when there is none.
CLI::App* subcommand(CLI::App& app, std::string const& name) {
  for (auto* sub : app.get_subcommands({})) {
    if (sub->get_name() == name) return sub;
  }
  return nullptr;
}

std::vector<std::string> subcommand_names(CLI::App& app) {
  std::vector<std::string> names;
  for (auto const* sub : app.get_subcommands({})) names.push_back(sub->get_name());
  return names;
}

/// "flowii partners list" for the subcommand `list` of `partners`.
std::string command_path(CLI::App const* at) {
  std::string path = at->get_name();
  for (auto const* p = at->get_parent(); p != nullptr; p = p->get_parent()) path.insert(0, p->get_name() + " ");
  return path;
}

/// "; did you mean 'list'?" when one of `candidates` is close to `word`.
std::string guess(std::string const& word, std::vector<std::string> const& candidates) {
  std::string const c = closest(word, candidates);
  return c.empty() ? std::string() : "; did you mean '" + c + "'?";
}

/// For a command: the guess, or when nothing is close, the commands there are.
std::string guess_command(std::string const& word, std::vector<std::string> const& commands) {
  std::string close = guess(word, commands);
  if (!close.empty() || commands.empty()) return close;
  std::string all;
  for (auto const& name : commands) all += (all.empty() ? "" : ", ") + name;
  return "\n  commands: " + all;
}

std::string help_hint(CLI::App const* at) { return "\n  hint: see `" + command_path(at) + " --help`"; }

/// `flowii help [TOPIC | COMMAND...]`.
void help(CLI::App& app, Command& cmd) {
  auto const& words = cmd.flags.words;
  if (words.size() == 1) {
    auto const topics = help_topics();
    if (std::find(topics.begin(), topics.end(), words.front()) != topics.end()) {
      cmd.write([&words](std::ostream& out) { write_help_topic(out, words.front()); });
      return;
    }
  }
  CLI::App* at = &app;
  for (auto const& word : words) {
    CLI::App* next = subcommand(*at, word);
    if (next == nullptr) {
      auto candidates = subcommand_names(*at);
      if (at == &app) {
        auto const topics = help_topics();
        candidates.insert(candidates.end(), topics.begin(), topics.end());
      }
      throw Failure(kExitUsage, "no help on '" + word + "'" + guess(word, candidates) + help_hint(at));
    }
    at = next;
  }
  std::string const text = at->get_formatter()->make_help(at, command_path(at), CLI::AppFormatMode::Normal);
  cmd.write([&text](std::ostream& out) { out << text; });
}

/// What to say about a command line CLI11 refused.
std::string usage_message(CLI::App& app, CLI::ParseError const& e) {
  CLI::App* at = &app;
  while (!at->get_subcommands().empty()) at = at->get_subcommands().front();  // the deepest one given
  auto const extras = app.remaining(true);
  if (dynamic_cast<CLI::ExtrasError const*>(&e) == nullptr || extras.empty()) return e.what() + help_hint(at);
  std::string const& word = extras.front();
  if (word.rfind('-', 0) == 0) {
    std::string const name = word.substr(0, word.find('='));
    std::vector<std::string> options;
    for (auto const* a = at; a != nullptr; a = a->get_parent()) {  // global options apply everywhere
      for (auto const* o : a->get_options()) {
        for (auto const& l : o->get_lnames()) options.push_back("--" + l);
      }
    }
    return "unknown option '" + name + "' for '" + command_path(at) + "'" + guess(name, options) + help_hint(at);
  }
  if (at->get_subcommands({}).empty()) {
    return "unexpected argument '" + word + "' for '" + command_path(at) + "'" + help_hint(at);
  }
  std::string const where = at == &app ? std::string() : " for '" + command_path(at) + "'";
  return "unknown command '" + word + "'" + where + guess_command(word, subcommand_names(*at)) + help_hint(at);
}

/// What to say when no action was given: none at all, or a resource alone.
std::string missing_command(CLI::App& app) {
  CLI::App* at = &app;
  while (!at->get_subcommands().empty()) at = at->get_subcommands().front();
  if (at == &app) return "no command given" + help_hint(at);
  std::string actions;
  for (auto const& name : subcommand_names(*at)) actions += (actions.empty() ? "" : ", ") + name;
  return "'" + command_path(at) + "' needs an action: " + actions + help_hint(at);
}

void add_global_options(CLI::App& app, GlobalFlags& g) {
  auto& c = g.credentials;
  app.add_option("--company", c.company, "Company id (default FLOWII_COMPANY_ID, or your only company)");
  app.add_option("--config", c.config_path, "Config file (default $XDG_CONFIG_HOME/flowii/config)");
  app.add_option("-o,--output", g.output, "table, json, jsonl (one JSON object per line) or csv")
      ->check(one_of_check("--output", format_names()));
  app.add_flag("--progress", g.progress, "Progress of --all listings and --from-file imports on stderr");
  app.add_flag("-v,--verbose", g.verbose, "Log each request on stderr (as FLOWII_LOG=info)");
  app.add_flag("--no-session", g.no_session,
               "Neither use nor save a session: sign in with the password (as FLOWII_NO_SESSION=1)");
  app.add_flag("--password-stdin", c.password_stdin, "Read the password from the first line of standard input");
  app.add_option("--password", c.password, "The password (needs --insecure-password-arg)");
  app.add_flag("--insecure-password-arg", c.allow_password_arg,
               "Accept --password although other users can see command lines");
}

}  // namespace

int run(std::vector<std::string> args, std::ostream& out, std::ostream& err, Environment const& env) {
  Command cmd(out, err, env);
  Action selected;
  CLI::App app("Command-line client of the FLOWii API", "flowii");
  app.fallthrough();             // global options may follow the subcommand
  app.require_subcommand(0, 1);  // a missing or unknown command is reported below, with a guess
  app.set_version_flag("--version", FLOWII_VERSION_STRING);
  add_global_options(app, cmd.globals);
  action(app, "login", "Sign in with the password, save the session and show who you are", selected, login)
      ->footer(examples_footer({"flowii login", "flowii --company 2 login"}));
  action(app, "logout", "Remove the saved sessions", selected, logout)->footer(examples_footer({"flowii logout"}));
  action(app, "companies", "List the companies you can access", selected, companies)
      ->footer(examples_footer({"flowii companies --output json"}));
  auto* help_command = action(app, "help", "Help on a command, or on a topic: environment, exit-codes", selected,
                              [&app](Command& c) { help(app, c); });
  help_command->add_option("topic", cmd.flags.words, "environment, exit-codes, or a command such as `partners list`");
  help_command->footer(examples_footer({"flowii help environment", "flowii help exit-codes", "flowii help partners"}));
  add_watch_options(*action(app, "watch", "Print the changes of a resource as they happen (FLOWii is polled)", selected,
                            watch_changes),
                    cmd.flags.watch);
  for (auto const& rc : resource_commands()) add_resource(app, rc, cmd.flags, selected);
  app.footer(top_level_footer());  // after the subcommands, which would inherit it

  std::reverse(args.begin(), args.end());  // CLI11 takes the arguments last-first
  int code = kExitOk;
  std::string message;
  try {
    try {
      app.parse(args);
    } catch (CLI::ParseError const& e) {
      if (e.get_exit_code() != 0) throw Failure(kExitUsage, usage_message(app, e));
      errno = 0;  // so that a failed write's errno says why
      app.exit(e, out, err);
      check_written(out, "standard output");  // --help and --version write there
      return kExitOk;
    }
    if (!selected) throw Failure(kExitUsage, missing_command(app));
    selected(cmd);
  } catch (Failure const& f) {
    code = f.exit_code();
    message = f.what();
  } catch (std::exception const& e) {
    code = kExitOther;
    message = e.what();
  }
  cmd.keep_session();  // also after a failure: a renewed token is still good
  if (!message.empty()) err << "flowii: " << message << '\n';
  return code;
}

}  // namespace flowii::cli
