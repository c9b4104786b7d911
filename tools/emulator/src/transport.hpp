// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// The HTTP server (cpp-httplib 0.11.4), wrapped so that only transport.cpp
// sees httplib and its pitfalls are handled in one place.
#ifndef FLOWII_TOOLS_EMULATOR_SRC_TRANSPORT_HPP
#define FLOWII_TOOLS_EMULATOR_SRC_TRANSPORT_HPP

#include <functional>
#include <memory>
#include <string>

#include "http_types.hpp"

namespace flowii::emulator {

class HttpServer {
 public:
  using Handler = std::function<HttpReply(InboundRequest const&)>;

  HttpServer();
  ~HttpServer();  // stops
  HttpServer(HttpServer const&) = delete;
  HttpServer& operator=(HttpServer const&) = delete;

  // Binds (port 0 = any), serves on background threads, and returns the
  // bound port once connections are accepted. Throws std::runtime_error.
  int start(std::string const& host, int port, int workers, Handler handler);
  void stop();  // idempotent; returns after all threads have finished
  bool running() const;
  // Set before start(): called once per accepted TCP connection, on the listener thread.
  void set_accept_hook(std::function<void()> hook);
  // Set before start(): requests per keep-alive connection before it is closed.
  void set_keep_alive_max_requests(int count);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace flowii::emulator

#endif  // FLOWII_TOOLS_EMULATOR_SRC_TRANSPORT_HPP
