// The HTTP server (cpp-httplib 0.11.4), wrapped so that only transport.cpp
// sees httplib and its pitfalls are handled in one place.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "http_types.hpp"

namespace flowii::emulator {

class HttpServer {
 public:
  using Handler = std::function<HttpReply(HttpRequest const&)>;

  HttpServer();
  ~HttpServer();  // stops
  HttpServer(HttpServer const&) = delete;
  HttpServer& operator=(HttpServer const&) = delete;

  // Binds (port 0 = any), serves on background threads, and returns the
  // bound port once connections are accepted. Throws std::runtime_error.
  int start(std::string const& host, int port, int workers, Handler handler);
  void stop();  // idempotent; returns after all threads have finished
  bool running() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace flowii::emulator
