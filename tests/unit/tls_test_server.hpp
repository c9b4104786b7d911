// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Loopback fixtures for TLS and proxy tests: a test CA and server certificate made
// with OpenSSL at test time, a one-connection-at-a-time HTTPS server, and an HTTP
// CONNECT proxy that records what it was asked and tunnels to that server.
// Everything listens on 127.0.0.1 only; every wait is bounded and ends on stop().
#ifndef FLOWII_TESTS_UNIT_TLS_TEST_SERVER_HPP
#define FLOWII_TESTS_UNIT_TLS_TEST_SERVER_HPP

#include <flowii/http.hpp>

#include <openssl/evp.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <poll.h>

#include <functional>
#include <initializer_list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace flowii::test {

/// unique_ptr deleter calling an OpenSSL free function.
template <auto Free>
struct OpenSslFree {
  template <typename T>
  void operator()(T* p) const noexcept {
    Free(p);
  }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, OpenSslFree<EVP_PKEY_free>>;
using X509Ptr = std::unique_ptr<X509, OpenSslFree<X509_free>>;
using SslCtxPtr = std::unique_ptr<SSL_CTX, OpenSslFree<SSL_CTX_free>>;

/// A fresh CA and a server certificate it signed (subjectAltName IP:127.0.0.1 only,
/// so "localhost" is a host name mismatch), in a private temporary directory:
///   ca_file()  the CA as a PEM file (for TlsOptions::ca_file);
///   ca_dir()   a directory holding only the CA under its OpenSSL subject hash
///              name "<hash>.0" (for TlsOptions::ca_path).
/// The server's key never leaves memory. The directory is removed on destruction.
class TestPki {
 public:
  /// nullptr, with the reason in `error`, when OpenSSL or the file system fails.
  static std::unique_ptr<TestPki> create(std::string& error);
  ~TestPki();
  TestPki(TestPki const&) = delete;
  TestPki& operator=(TestPki const&) = delete;

  std::string const& ca_file() const { return ca_file_; }
  std::string const& ca_dir() const { return ca_dir_; }
  X509* server_cert() const { return server_cert_.get(); }
  EVP_PKEY* server_key() const { return server_key_.get(); }

 private:
  TestPki() = default;

  std::string dir_;
  std::string ca_file_;
  std::string ca_dir_;
  X509Ptr server_cert_;
  PkeyPtr server_key_;
};

/// A listening socket on 127.0.0.1:<ephemeral> and the thread that serves it, one
/// connection at a time. stop() (or the destructor) wakes every wait through a pipe
/// and joins the thread; a silent peer is given up after a bounded time.
class LoopbackListener {
 public:
  LoopbackListener();
  ~LoopbackListener();
  LoopbackListener(LoopbackListener const&) = delete;
  LoopbackListener& operator=(LoopbackListener const&) = delete;

  /// False when the socket or the wake pipe could not be made.
  bool ok() const { return listen_fd_ >= 0 && wake_[0] >= 0; }
  int port() const { return port_; }

  /// Runs `serve(fd)` for each accepted (non-blocking) connection on the thread; the
  /// listener closes the fd afterwards.
  void start(std::function<void(int fd)> serve);
  void stop();

  /// Waits until `fd` has `events` (POLLIN/POLLOUT). False on stop(), on the
  /// bounded I/O timeout and on errors; true on readiness, hang-up included.
  bool wait(int fd, short events) const;
  /// Waits until `a` or `b` is readable (or hung up) and returns it; -1 as wait().
  int wait_readable(int a, int b) const;
  /// Writes all of `data` to the non-blocking socket `fd`.
  bool send_all(int fd, std::string const& data) const;

 private:
  void run();
  /// The fd of `wanted` (at most two) that is ready; -1 on stop(), timeout or error.
  int ready(std::initializer_list<pollfd> wanted) const;

  int listen_fd_ = -1;
  int wake_[2] = {-1, -1};
  int port_ = 0;
  std::function<void(int)> serve_;
  std::thread thread_;
};

/// An HTTPS server that answers every request with `handler` and closes the
/// connection (so each request of a client is a new TLS connection). Requests carry
/// the absolute URL https://127.0.0.1:<port><target>.
class TlsServer {
 public:
  using Handler = std::function<HttpResponse(HttpRequest const&)>;
  TlsServer(TestPki const& pki, Handler handler);
  ~TlsServer();
  TlsServer(TlsServer const&) = delete;
  TlsServer& operator=(TlsServer const&) = delete;

  bool ok() const { return ctx_ != nullptr && listener_.ok(); }
  int port() const { return listener_.port(); }
  /// "https://<host>:<port>" (an SDK base URL).
  std::string base_url(std::string const& host = "127.0.0.1") const;
  /// Requests answered so far.
  int requests() const;

 private:
  void serve(int fd);

  Handler handler_;
  SslCtxPtr ctx_;
  mutable std::mutex mu_;
  int requests_ = 0;
  LoopbackListener listener_;  // last: its thread stops before the members above go
};

/// An HTTP proxy that accepts only `CONNECT 127.0.0.1:<upstream_port>`. It records
/// every request head it receives; then it either answers `refusal` verbatim and
/// closes, or (no refusal) answers 200 and relays bytes both ways until one side
/// closes. Any other target gets 403, so nothing leaves the loopback interface.
class ConnectProxy {
 public:
  explicit ConnectProxy(int upstream_port, std::optional<std::string> refusal = std::nullopt);
  ~ConnectProxy();
  ConnectProxy(ConnectProxy const&) = delete;
  ConnectProxy& operator=(ConnectProxy const&) = delete;

  bool ok() const { return listener_.ok(); }
  /// "http://127.0.0.1:<port>" (a ProxyOptions::url).
  std::string url() const;
  /// The request heads received, in order (request line and headers, CRLF kept).
  std::vector<std::string> requests() const;

 private:
  void serve(int fd);
  void relay(int client, int upstream, std::string const& early_bytes);

  int const upstream_port_;
  std::optional<std::string> const refusal_;
  mutable std::mutex mu_;
  std::vector<std::string> requests_;
  LoopbackListener listener_;  // last: its thread stops before the members above go
};

}  // namespace flowii::test

#endif  // FLOWII_TESTS_UNIT_TLS_TEST_SERVER_HPP
