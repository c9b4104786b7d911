// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// The command-line grammar: global options, `login`, `companies`, and the
// actions of every declared resource (resource_table.cpp).
#include <flowii/cli/run.hpp>

#include "credentials.hpp"
#include "failure.hpp"
#include "output.hpp"
#include "resource_command.hpp"

#include <flowii/client.hpp>
#include <flowii/version.hpp>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <functional>
#include <iterator>
#include <memory>
#include <optional>
#include <ostream>
#include <sstream>

namespace flowii::cli {
namespace {

struct GlobalFlags {
  CredentialFlags credentials;
  std::string output = "table";
  bool progress = false;
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
  std::string value;  ///< a verb's value option
};

/// The state one run shares between its option callbacks and its action.
class Command {
 public:
  Command(std::ostream& out, std::ostream& err, Environment const& env) : out_(out), err_(err), env_(env) {}

  GlobalFlags globals;
  ActionFlags flags;

  std::ostream& err() { return err_; }

  /// Writes the command's output with `print`, and fails unless all of it reached
  /// standard output.
  void write(std::function<void(std::ostream&)> const& print) {
    errno = 0;  // so that a failed write's errno says why
    print(out_);
    check_written(out_, "standard output");
  }

  Format format() const {
    auto f = parse_format(globals.output);
    if (!f) throw Failure(kExitUsage, "--output must be table, json or csv");
    return *f;
  }
  /// The client, made on first use so that usage errors need no credentials.
  Client& client() {
    if (!client_) client_ = std::make_unique<Client>(client_options(globals.credentials, env_));
    return *client_;
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
  std::unique_ptr<Client> client_;
};

/// --data as a resource of `type`: either its attributes ({"name": ...}) or a
/// JSON:API resource object with attributes and relationships.
Resource resource_from(std::string const& text, std::string const& type) {
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    throw Failure(kExitUsage, "--data: expected a JSON object, e.g. --data '{\"name\": \"Dunaj s.r.o.\"}'");
  }
  if (!j.contains("attributes") && !j.contains("relationships")) j = nlohmann::json{{"attributes", std::move(j)}};
  j["type"] = type;
  j.erase("id");  // the id is the command's argument
  auto r = Resource::from_json(j.dump());
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
    sub->add_option("--page", flags.page, "Page number, from 0")->check(CLI::NonNegativeNumber);
    sub->add_option("--page-size", flags.page_size, "Items per page")->check(CLI::PositiveNumber);
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

void add_resource(CLI::App& app, ResourceCommand const& rc, ActionFlags& flags, Action& selected) {
  auto* res = app.add_subcommand(rc.name, rc.help);
  res->require_subcommand(1);
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
    auto* sub = action(*res, "create", "Create one of " + rc.name + " from --data", selected, [&rc](Command& cmd) {
      Format const format = cmd.format();
      auto const resource = resource_from(cmd.data_text(), rc.type);
      auto const created = take(rc.create(cmd.client(), cmd.flags.parent, resource));
      cmd.write([&](std::ostream& out) { write_one(out, created, format); });
    });
    sub->add_option("--data", flags.data, "JSON attributes, @FILE or @-")->required();
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
}

void login(Command& cmd) {
  auto const session = take(cmd.client().session());
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

void add_global_options(CLI::App& app, GlobalFlags& g) {
  auto& c = g.credentials;
  app.add_option("--company", c.company, "Company id (default FLOWII_COMPANY_ID, or your only company)");
  app.add_option("--config", c.config_path, "Config file (default $XDG_CONFIG_HOME/flowii/config)");
  app.add_option("-o,--output", g.output, "table, json or csv")->check(CLI::IsMember({"table", "json", "csv"}));
  app.add_flag("--progress", g.progress, "Progress of --all listings on stderr");
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
  app.fallthrough();  // global options may follow the subcommand
  app.require_subcommand(1);
  app.set_version_flag("--version", FLOWII_VERSION_STRING);
  add_global_options(app, cmd.globals);
  action(app, "login", "Check the credentials and show who you are", selected, login);
  action(app, "companies", "List the companies you can access", selected, companies);
  for (auto const& rc : resource_commands()) add_resource(app, rc, cmd.flags, selected);

  std::reverse(args.begin(), args.end());  // CLI11 takes the arguments last-first
  try {
    try {
      app.parse(args);
    } catch (CLI::ParseError const& e) {
      errno = 0;  // so that a failed write's errno says why
      if (app.exit(e, out, err) != 0) return kExitUsage;
      check_written(out, "standard output");  // --help and --version write there
      return kExitOk;
    }
    if (!selected) throw Failure(kExitUsage, "no command given; see flowii --help");
    selected(cmd);
    return kExitOk;
  } catch (Failure const& f) {
    err << "flowii: " << f.what() << '\n';
    return f.exit_code();
  } catch (std::exception const& e) {
    err << "flowii: " << e.what() << '\n';
    return kExitOther;
  }
}

}  // namespace flowii::cli
