// The public Emulator: a Service behind an HttpServer.
#include <flowii/emulator/emulator.hpp>

#include <exception>
#include <mutex>

#include "service.hpp"
#include "transport.hpp"

namespace flowii::emulator {

namespace {

// Wildcard binds are reached through loopback; IPv6 literals need brackets.
std::string make_base_url(std::string host, int port) {
  if (host.empty() || host == "0.0.0.0") host = "127.0.0.1";
  if (host == "::") host = "::1";
  if (host.find(':') != std::string::npos) host = "[" + host + "]";
  return "http://" + host + ":" + std::to_string(port);
}

}  // namespace

struct Emulator::Impl {
  explicit Impl(Options options) : service(std::move(options)) {}
  Service service;
  HttpServer server;
  mutable std::mutex lifecycle;  // start/stop/port against each other
  int port = 0;
  bool started = false;  // since the last stop(): stop() then saves the state file
};

Emulator::Emulator(Options options) : impl_(std::make_unique<Impl>(std::move(options))) {}

Emulator::~Emulator() {
  try {
    stop();
  } catch (std::exception const&) {
    // A destructor must not throw; callers who need to know call stop() first.
  }
}

void Emulator::start() {
  std::lock_guard<std::mutex> lock(impl_->lifecycle);
  if (impl_->server.running()) return;
  auto const& o = impl_->service.options();
  Service* service = &impl_->service;
  impl_->server.set_accept_hook([service] { service->note_connection(); });
  impl_->server.set_keep_alive_max_requests(o.keep_alive_max_requests);
  impl_->port = impl_->server.start(o.host, o.port, o.worker_threads,
                                    [service](HttpRequest const& request) { return service->handle(request); });
  impl_->service.set_base_url(make_base_url(o.host, impl_->port));
  impl_->started = true;
}

void Emulator::stop() {
  std::lock_guard<std::mutex> lock(impl_->lifecycle);
  impl_->server.stop();  // first: no request may change the data while it is saved
  bool const save = impl_->started && !impl_->service.options().state_file.empty();
  impl_->started = false;
  if (save) impl_->service.save_state(impl_->service.options().state_file);
}

void Emulator::save_state(std::string const& path) const { impl_->service.save_state(path); }

bool Emulator::running() const {
  std::lock_guard<std::mutex> lock(impl_->lifecycle);
  return impl_->server.running();
}

int Emulator::port() const {
  std::lock_guard<std::mutex> lock(impl_->lifecycle);
  return impl_->port;
}

std::string Emulator::base_url() const { return make_base_url(impl_->service.options().host, port()); }

Options const& Emulator::options() const { return impl_->service.options(); }

std::chrono::system_clock::time_point Emulator::now() const {
  return std::chrono::system_clock::time_point(std::chrono::seconds(impl_->service.now()));
}

void Emulator::advance_clock(std::chrono::seconds by) { impl_->service.advance_clock(by); }
void Emulator::reset() { impl_->service.reset(); }
std::vector<Emulator::JournalEntry> Emulator::journal() const { return impl_->service.journal(); }
void Emulator::clear_journal() { impl_->service.clear_journal(); }

std::size_t Emulator::count(std::string const& method, std::string const& path_prefix) const {
  return impl_->service.count(method, path_prefix);
}

std::size_t Emulator::token_grants(std::string const& grant_type) const {
  return impl_->service.token_grants(grant_type);
}

void Emulator::inject(Fault fault) { impl_->service.inject(std::move(fault)); }
std::size_t Emulator::faults_fired() const { return impl_->service.faults_fired(); }

void Emulator::expire_tokens() { impl_->service.expire_tokens(); }
std::size_t Emulator::connections_accepted() const { return impl_->service.connections_accepted(); }

void Emulator::add_partners(std::string const& company_id, std::size_t count) {
  impl_->service.add_partners(company_id, count);
}

}  // namespace flowii::emulator
