// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Initialises cpp-httplib's function-local statics once per process, before any
// server has worker threads. Used by the emulator's transport and by the test
// servers that use httplib directly.
//
// Why: Debian's cpp-httplib 0.11.4 is a compiled, uninstrumented library. Its
// statics (e.g. the set of methods in Server::parse_request_line) are built by
// the worker that parses the first request; other workers then pass the inlined
// guard check, an acquire load that ThreadSanitizer cannot see in uninstrumented
// code, and TSan reports the first concurrent requests as a data race. Parsing
// one request on a throwaway server first, and joining its threads, puts the
// initialisation before every later thread's creation: the order that really
// exists becomes one TSan can see. It costs about a millisecond, once.
#ifndef FLOWII_TOOLS_EMULATOR_SRC_HTTPLIB_STATICS_HPP
#define FLOWII_TOOLS_EMULATOR_SRC_HTTPLIB_STATICS_HPP

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

namespace flowii::emulator {

inline void initialise_httplib_statics() {
  static std::once_flag once;
  std::call_once(once, [] {
    httplib::Server server;
    server.Get("/", [](httplib::Request const&, httplib::Response& res) { res.set_content("ok", "text/plain"); });
    int const port = server.bind_to_any_port("127.0.0.1");
    if (port <= 0) return;  // no loopback: nothing will serve requests anyway
    std::atomic<bool> done{false};
    std::thread listener([&] {
      server.listen_after_bind();
      done = true;
    });
    while (!server.is_running() && !done) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    if (server.is_running()) {
      httplib::Client client("127.0.0.1", port);
      client.set_connection_timeout(std::chrono::seconds(2));
      client.set_read_timeout(std::chrono::seconds(2));
      (void)client.Get("/?warm=up", {{"Accept", "text/plain"}});
      server.stop();
    }
    listener.join();
  });
}

}  // namespace flowii::emulator

#endif  // FLOWII_TOOLS_EMULATOR_SRC_HTTPLIB_STATICS_HPP
