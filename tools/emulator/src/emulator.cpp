// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// The public Emulator: a Service behind an HttpServer.
#include <flowii/emulator/emulator.hpp>

#include <exception>
#include <iostream>
#include <mutex>

#include "service.hpp"
#include "transport.hpp"

namespace flowii::emulator {

namespace {

bool is_wildcard(std::string const& host) { return host.empty() || host == "0.0.0.0" || host == "::"; }

// IPv6 literals need brackets.
std::string host_port(std::string const& host, int port) {
  return (host.find(':') != std::string::npos ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

// Wildcard binds are reached through loopback.
std::string make_base_url(std::string host, int port) {
  if (is_wildcard(host)) host = host == "::" ? "::1" : "127.0.0.1";
  return "http://" + host_port(host, port);
}

// Whoever opens the emulator to the network should know it, and what now guards the admin API.
void warn_beyond_loopback(std::string const& host, int port) {
  std::string const where = is_wildcard(host)
                                ? "on all interfaces (" + host_port(host.empty() ? "0.0.0.0" : host, port) + ")"
                                : "on " + host_port(host, port);
  std::cerr << "flowii emulator: WARNING: listening beyond loopback, " << where
            << ": anyone who can reach this port can use the emulated FLOWii API with the public demo "
               "credentials. The admin API (/_emulator/) needs the admin token (Options::admin_token, "
               "printed as FLOWII_EMULATOR_ADMIN_TOKEN) in the "
            << admin_token_header << " header.\n";
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
                                    [service](InboundRequest const& request) { return service->handle(request); });
  impl_->service.set_base_url(make_base_url(o.host, impl_->port));
  impl_->started = true;
  if (!is_loopback_host(o.host)) warn_beyond_loopback(o.host, impl_->port);
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
