// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include "support.hpp"

#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "text.hpp"  // the emulator's own encoder

namespace emu_test {

std::string Reply::header(std::string const& name) const {
  auto const it = headers.find(name);  // httplib::Headers compares names case-insensitively
  return it == headers.end() ? std::string() : it->second;
}

std::string percent_encode(std::string const& text) { return flowii::emulator::percent_encode(text, ","); }

Api::Api(flowii::emulator::Emulator const& emulator, std::string company, std::string username, std::string password)
    : Api(emulator.port(), std::move(company), std::move(username), std::move(password)) {}

Api::Api(int port, std::string company, std::string username, std::string password)
    : client_("127.0.0.1", port),
      company_(std::move(company)),
      username_(std::move(username)),
      password_(std::move(password)) {
  client_.set_keep_alive(true);
  client_.set_url_encode(false);  // targets are encoded by target()
  client_.set_read_timeout(10, 0);
}

std::string Api::target(std::string const& path, Params params, bool with_company) const {
  std::string query = with_company ? "companyId=" + company_ : std::string();
  for (auto const& [name, value] : params) query += (query.empty() ? "" : "&") + name + "=" + percent_encode(value);
  return query.empty() ? path : path + "?" + query;
}

Reply Api::finish(httplib::Result const& result) {
  Reply reply;
  if (!result) return reply;
  reply.status = result->status;
  reply.body = result->body;
  reply.headers = result->headers;
  reply.doc = json::parse(reply.body, nullptr, false);
  if (reply.doc.is_discarded()) reply.doc = nullptr;
  return reply;
}

Reply Api::send(std::string const& method, std::string const& target, httplib::Headers headers, std::string const& body,
                std::string const& content_type) {
  httplib::Request req;
  req.method = method;
  req.path = target;
  req.headers = std::move(headers);
  req.body = body;
  if (!content_type.empty()) req.set_header("Content-Type", content_type);
  return finish(client_.send(req));
}

Reply Api::token_request(std::string const& form, std::optional<std::string> api_key, std::string const& content_type) {
  httplib::Headers headers;
  if (api_key) headers.emplace("Api-Key", *api_key);
  return send("POST", "/token", headers, form, content_type);
}

std::string const& Api::token() {
  if (token_.empty()) {
    auto const reply = token_request("grant_type=password&username=" + percent_encode(username_) +
                                     "&password=" + percent_encode(password_));
    EXPECT_EQ(reply.status, 200) << reply.body;
    if (reply.status == 200) token_ = reply.doc.at("access_token").get<std::string>();
  }
  return token_;
}

httplib::Headers Api::auth_headers() { return {{"Api-Key", "demo-api-key"}, {"Authorization", "Bearer " + token()}}; }

Reply Api::get(std::string const& path, Params params) {
  return send("GET", target(path, std::move(params)), auth_headers());
}

Reply Api::post(std::string const& path, json const& body, Params params) {
  return send("POST", target(path, std::move(params)), auth_headers(), body.dump(), "application/vnd.api+json");
}

Reply Api::patch(std::string const& path, json const& body, Params params) {
  return send("PATCH", target(path, std::move(params)), auth_headers(), body.dump(), "application/vnd.api+json");
}

Reply Api::del(std::string const& path, Params params) {
  return send("DELETE", target(path, std::move(params)), auth_headers());
}

std::vector<std::string> Api::ids(std::string const& path, Params params) {
  std::vector<std::string> out;
  for (int page = 0;; ++page) {
    Params p = params;
    p.emplace_back("page[number]", std::to_string(page));
    p.emplace_back("page[size]", "7");
    auto const reply = get(path, p);
    EXPECT_EQ(reply.status, 200) << reply.body;
    if (reply.status != 200 || reply.doc["data"].empty()) break;
    for (auto const& item : reply.doc["data"]) out.push_back(item["id"].get<std::string>());
  }
  return out;
}

void EmulatorTest::SetUp() {
  flowii::emulator::Options options;
  options.clock_follows_real_time = false;  // only advance_clock() moves time: nothing races a slow machine
  configure(options);
  emu_ = std::make_unique<flowii::emulator::Emulator>(options);
  emu_->start();
  api_ = std::make_unique<Api>(*emu_);
}

void EmulatorTest::TearDown() {
  api_.reset();  // close the keep-alive connection first, so stop() is immediate
  if (emu_) emu_->stop();
}

namespace {

// All of a file descriptor until its end.
std::string drain(int fd) {
  std::string out;
  char buffer[4096];
  ssize_t n = 0;
  while ((n = read(fd, buffer, sizeof buffer)) > 0) out.append(buffer, static_cast<std::size_t>(n));
  return out;
}

void close_fd(int& fd) {
  if (fd >= 0) close(fd);
  fd = -1;
}

}  // namespace

EmulatorProcess::EmulatorProcess(std::vector<std::string> const& args, std::size_t lines) {
  int in[2], out[2], err[2];
  if (pipe(in) != 0 || pipe(out) != 0 || pipe(err) != 0) throw std::runtime_error("pipe failed");
  pid_ = fork();
  if (pid_ == 0) {
    dup2(in[0], STDIN_FILENO);
    dup2(out[1], STDOUT_FILENO);
    dup2(err[1], STDERR_FILENO);
    for (int fd : {in[0], in[1], out[0], out[1], err[0], err[1]}) close(fd);
    std::vector<char*> argv{const_cast<char*>(FLOWII_EMULATOR_BINARY)};
    for (auto const& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    execv(FLOWII_EMULATOR_BINARY, argv.data());
    _exit(127);
  }
  close(in[0]);
  close(out[1]);
  close(err[1]);
  stdin_ = in[1];
  stdout_ = out[0];
  stderr_ = err[0];
  // Line by line, so that nothing after the last wanted line is consumed. A
  // line that does not come within 30 s ends the wait, so that a missing line
  // fails the test on the count instead of hanging it.
  std::string line;
  char c = 0;
  pollfd output{stdout_, POLLIN, 0};
  while (lines_.size() < lines && poll(&output, 1, 30000) == 1 && read(stdout_, &c, 1) == 1) {
    line += c;
    if (c == '\n') lines_.push_back(std::exchange(line, {}));
  }
}

EmulatorProcess::~EmulatorProcess() {
  if (pid_ > 0) finish(SIGKILL);
  close_fd(stdin_);
  close_fd(stdout_);
  close_fd(stderr_);
}

int EmulatorProcess::port() const {
  std::string const ready = "FLOWII_EMULATOR_LISTENING http://127.0.0.1:";
  if (lines_.empty() || lines_[0].rfind(ready, 0) != 0) return 0;
  return std::stoi(lines_[0].substr(ready.size()));
}

void EmulatorProcess::close_stdin() { close_fd(stdin_); }

int EmulatorProcess::finish(int signal) {
  if (pid_ <= 0) return -1;
  if (signal != 0) kill(pid_, signal);
  int status = 0;
  pid_t const waited = waitpid(pid_, &status, 0);
  pid_ = -1;
  return waited > 0 && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string EmulatorProcess::error_output() { return drain(stderr_); }

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "flowii-emulator-test-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

std::string read_file(std::string const& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void write_file(std::string const& path, std::string const& content) {
  std::ofstream(path, std::ios::binary) << content;
}

json partner_doc(std::string const& name, int type) {
  return {{"data", {{"type", "partner"}, {"attributes", {{"name", name}, {"type", type}}}}}};
}

}  // namespace emu_test
