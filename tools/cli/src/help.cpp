// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include "help.hpp"

#include <algorithm>
#include <cctype>
#include <ostream>
#include <sstream>

namespace flowii::cli {
namespace {

constexpr std::size_t kWidth = 80;

/// Markdown of the tables as plain text: no backticks, no bold.
std::string plain(std::string text) {
  for (std::string const mark : {"**", "`"}) {
    for (auto at = text.find(mark); at != std::string::npos; at = text.find(mark, at)) text.erase(at, mark.size());
  }
  return text;
}

/// `text` in lines of at most kWidth columns, each after `indent` spaces; the
/// first line starts after `first` (which it follows on the same line).
void write_wrapped(std::ostream& out, std::string const& first, std::size_t indent, std::string const& text) {
  std::string line = first;
  if (line.size() + 2 > indent) {  // at least two spaces before the text
    out << line << '\n';
    line.clear();
  }
  line.resize(indent, ' ');
  bool empty = true;
  std::istringstream words(plain(text));
  for (std::string word; words >> word;) {
    if (!empty && line.size() + 1 + word.size() > kWidth) {
      out << line << '\n';
      line.assign(indent, ' ');
      empty = true;
    }
    line += (empty ? "" : " ") + word;
    empty = false;
  }
  out << line << '\n';
}

void write_exit_codes(std::ostream& out) {
  out << "Exit codes of flowii (check the code in scripts, not the message):\n\n";
  for (auto const& row : exit_code_table()) {
    write_wrapped(out, "  " + std::to_string(row.code), 7, row.meaning);
    if (*row.remedy != '\0') write_wrapped(out, "", 7, std::string("what to do: ") + row.remedy);
  }
}

void write_environment(std::ostream& out) {
  out << "Environment variables flowii reads. The command line comes first, then these,\n"
         "then the config file (docs/cli.md, \"Credentials\").\n\n";
  for (auto const& row : environment_table()) write_wrapped(out, std::string("  ") + row.names, 24, row.meaning);
}

std::string upper(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::toupper(c); });
  return text;
}

}  // namespace

std::vector<ExitCodeRow> const& exit_code_table() {
  static std::vector<ExitCodeRow> const kRows{
      {kExitOk, "success", ""},
      {kExitOther,
       "any other failure (e.g. a FLOWii server error, an `--out` file or standard output that cannot be written)",
       "read the message"},
      {kExitUsage,
       "usage or configuration: unknown command or option, an option value out of range, an empty id, missing "
       "credentials, unsafe config file, a `FLOWII_API_URL` that is no `https://` URL (plain `http://` only to this "
       "machine), ambiguous or unknown company, a `--cursor` file that is not a cursor",
       "fix the command line or the configuration"},
      {kExitAuth,
       "authentication or permission: wrong API key, login or password (HTTP 401), or FLOWii refused access "
       "(HTTP 403)",
       "check the credentials with `flowii login`"},
      {kExitNotFound, "not found (HTTP 404)", "check the id"},
      {kExitValidation, "validation: FLOWii rejected the data (HTTP 400/422)", "fix the `--data` named in the message"},
      {kExitTransient, "transient: rate limited (HTTP 429), FLOWii unavailable, timeout or network error",
       "try again later"},
      {kExitOutcomeUnknown,
       "outcome unknown: a change was sent but its answer was lost (connection broken after sending, timeout, "
       "502/504), so it may have been made; a lost create of a partner, order, business case, task, event or cash "
       "flow is looked up and settled by the SDK first, so this is left for the other changes",
       "do **not** simply run it again: look with `list` or `get ID` first"},
      {kExitStopped,
       "stopped: Ctrl-C or SIGTERM ended a `create --from-file` before every record was sent; its state file "
       "says what was created",
       "run the same command again to resume"},
  };
  return kRows;
}

std::vector<VariableRow> const& environment_table() {
  static std::vector<VariableRow> const kRows{
      {"FLOWII_API_URL", "FLOWii's API, default `https://api.flowii.com` (plain `http://` only to this machine)"},
      {"FLOWII_API_KEY", "your FLOWii API key"},
      {"FLOWII_USERNAME", "your FLOWii login"},
      {"FLOWII_PASSWORD", "your FLOWii password (or `--password-stdin`, or the config file)"},
      {"FLOWII_COMPANY_ID", "the company to work in (`--company` wins); needed when you can access several"},
      {"FLOWII_LOG",
       "log each request on standard error: `trace`, `debug`, `info`, `warn`, `error` or `off` (`--verbose` is "
       "`info`)"},
      {"FLOWII_SESSION_DIR", "where the session is kept, instead of `$XDG_STATE_HOME/flowii`"},
      {"FLOWII_NO_SESSION", "`1` keeps no session: every command signs in with the password (as `--no-session`)"},
      {"XDG_CONFIG_HOME", "the config file is `$XDG_CONFIG_HOME/flowii/config` (default `~/.config/flowii/config`)"},
      {"XDG_STATE_HOME", "the session is kept in `$XDG_STATE_HOME/flowii` (default `~/.local/state/flowii`)"},
      {"HOME", "your home directory, for the defaults above"},
      {"https_proxy, no_proxy", "the proxy to reach FLOWii through, and the hosts to reach directly (read by libcurl)"},
  };
  return kRows;
}

std::vector<std::string> help_topics() { return {"environment", "exit-codes"}; }

bool write_help_topic(std::ostream& out, std::string const& topic) {
  if (topic == "environment") {
    write_environment(out);
  } else if (topic == "exit-codes") {
    write_exit_codes(out);
  } else {
    return false;
  }
  return true;
}

std::vector<std::string> top_level_examples() {
  return {
      "flowii login",
      "flowii partners list --filter search-text=Nitra --output csv",
      "flowii partners get 100031 --output json",
      "flowii tasks list --all --output jsonl",
      "flowii documents pdf 257101 --language sk --out invoice.pdf",
      "flowii --verbose partners list --page-size 5",
      "flowii watch orders --since 2026-11-25 --once",
  };
}

std::string top_level_footer() {
  return examples_footer(top_level_examples()) +
         "\nMore help:\n"
         "  flowii RESOURCE --help          the actions of a resource, with examples\n"
         "  flowii RESOURCE ACTION --help   the options of an action\n"
         "  flowii help environment         the environment variables flowii reads\n"
         "  flowii help exit-codes          what each exit code means\n";
}

std::vector<std::pair<std::string, std::string>> action_examples(ResourceCommand const& rc) {
  std::string const command = "flowii " + rc.name + " ";
  std::string const parent = rc.parent.empty() ? std::string() : " --parent " + upper(rc.parent);
  std::vector<std::pair<std::string, std::string>> lines;
  auto add = [&](std::string const& action, std::string const& rest) {
    lines.emplace_back(action, command + action + rest + parent);
  };
  if (rc.list && rc.paged) add("list", " --all --output csv");
  if (rc.list && !rc.paged) add("list", "");
  if (rc.children) add("list", " --parent ID");
  if (rc.get) add("get", " ID");
  if (rc.create) add("create", " --data @record.json");
  if (rc.create) add("create", " --from-file " + rc.name + ".jsonl --parallel 8");
  if (rc.update) add("update", " ID --data '{\"attribute\": \"new value\"}'");
  if (rc.remove) add("delete", " ID");
  for (auto const& v : rc.verbs) {
    std::string const value =
        v.value_option.empty() ? std::string() : " " + v.value_option + " " + upper(v.value_option.substr(2));
    add(v.action, (v.takes_id ? " ID" : "") + value);
  }
  for (auto const& d : rc.downloads) {
    std::string rest = d.takes_id ? " ID" : " --filter KEY=VALUE";
    if (d.takes_language) rest += " --language sk";
    if (!d.include_flag.empty()) rest += " " + d.include_flag;
    add(d.action, rest + " --out FILE");
  }
  return lines;
}

std::string examples_footer(std::vector<std::string> const& lines) {
  std::string text = lines.size() == 1 ? "Example:\n" : "Examples:\n";
  for (auto const& line : lines) text += "  " + line + "\n";
  return text;
}

}  // namespace flowii::cli
