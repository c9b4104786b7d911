// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// The loopback TLS fixtures of tls_test_server.hpp: certificates built with
// OpenSSL's C API (no openssl tool needed), a TLS server and a CONNECT proxy.
#include "tls_test_server.hpp"

#include <openssl/bio.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string_view>
#include <system_error>
#include <utility>

namespace flowii::test {
namespace {

namespace fs = std::filesystem;

/// How long a connection may stay silent before the fixture gives up on it: far
/// beyond any loopback round trip, short enough that a broken test ends.
constexpr int kIoTimeoutMs = 10'000;
/// Request heads and bodies larger than this are refused (the SDK sends far less).
constexpr std::size_t kMaxRequestBytes = std::size_t{1} << 20;

using PkeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, OpenSslFree<EVP_PKEY_CTX_free>>;
using X509ExtPtr = std::unique_ptr<X509_EXTENSION, OpenSslFree<X509_EXTENSION_free>>;
using BioPtr = std::unique_ptr<BIO, OpenSslFree<BIO_free_all>>;
using SslPtr = std::unique_ptr<SSL, OpenSslFree<SSL_free>>;

/// The oldest queued OpenSSL error of this thread, for failure messages.
std::string openssl_error(std::string const& what) {
  char text[256] = "no OpenSSL error queued";
  if (auto const code = ERR_get_error(); code != 0) ERR_error_string_n(code, text, sizeof(text));
  ERR_clear_error();
  return what + ": " + text;
}

PkeyPtr make_p256_key() {
  PkeyCtxPtr ctx(EVP_PKEY_CTX_new_id(EVP_PKEY_EC, nullptr));
  EVP_PKEY* key = nullptr;
  if (!ctx || EVP_PKEY_keygen_init(ctx.get()) <= 0 ||
      EVP_PKEY_CTX_set_ec_paramgen_curve_nid(ctx.get(), NID_X9_62_prime256v1) <= 0 ||
      EVP_PKEY_keygen(ctx.get(), &key) <= 0) {
    return nullptr;
  }
  return PkeyPtr(key);
}

struct Extension {
  int nid;
  char const* value;  // openssl.cnf syntax, e.g. "critical,CA:TRUE"
};

/// A v3 certificate for `key`, valid from an hour ago for a day, signed by
/// `issuer_key` (self-signed when `issuer` is null).
X509Ptr make_cert(EVP_PKEY* key, char const* common_name, int serial, X509* issuer, EVP_PKEY* issuer_key,
                  std::vector<Extension> const& extensions) {
  X509Ptr cert(X509_new());
  if (!cert) return nullptr;
  X509* x = cert.get();
  X509_NAME* subject = X509_get_subject_name(x);
  bool ok = X509_set_version(x, 2) == 1 && ASN1_INTEGER_set(X509_get_serialNumber(x), serial) == 1 &&
            X509_gmtime_adj(X509_getm_notBefore(x), -3600) != nullptr &&
            X509_gmtime_adj(X509_getm_notAfter(x), 24 * 3600) != nullptr && X509_set_pubkey(x, key) == 1 &&
            X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_ASC, reinterpret_cast<unsigned char const*>(common_name),
                                       -1, -1, 0) == 1 &&
            X509_set_issuer_name(x, issuer != nullptr ? X509_get_subject_name(issuer) : subject) == 1;
  X509V3_CTX v3;
  X509V3_set_ctx_nodb(&v3);
  X509V3_set_ctx(&v3, issuer != nullptr ? issuer : x, x, nullptr, nullptr, 0);
  for (auto const& [nid, value] : extensions) {
    if (!ok) break;
    X509ExtPtr ext(X509V3_EXT_conf_nid(nullptr, &v3, nid, value));
    ok = ext && X509_add_ext(x, ext.get(), -1) == 1;
  }
  if (!ok || X509_sign(x, issuer_key, EVP_sha256()) <= 0) return nullptr;
  return cert;
}

bool write_pem(X509* cert, std::string const& path) {
  BioPtr file(BIO_new_file(path.c_str(), "w"));
  return file && PEM_write_bio_X509(file.get(), cert) == 1 && BIO_flush(file.get()) == 1;
}

/// Runs one SSL call on a non-blocking socket until it completes, waiting for what
/// OpenSSL asks for. Its result, or -1 (the peer closed, failed, or stop()).
template <typename Call>
int ssl_call(LoopbackListener const& listener, SSL* ssl, int fd, Call call) {
  while (true) {
    ERR_clear_error();  // SSL_get_error reads this thread's queue
    int const result = call();
    if (result > 0) return result;
    int const error = SSL_get_error(ssl, result);
    short const events = error == SSL_ERROR_WANT_READ ? POLLIN : error == SSL_ERROR_WANT_WRITE ? POLLOUT : 0;
    if (events == 0 || !listener.wait(fd, events)) {
      ERR_clear_error();
      return -1;
    }
  }
}

/// Parses "METHOD target HTTP/1.1\r\nName: value\r\n...\r\n\r\n" (`head` without the
/// final empty line) into a request for `origin`.
HttpRequest parse_head(std::string_view head, std::string const& origin) {
  HttpRequest request;
  auto const line_end = head.find("\r\n");
  std::string_view const line = head.substr(0, line_end);
  auto const space1 = line.find(' ');
  request.method = std::string(line.substr(0, space1));
  if (space1 != std::string_view::npos) {
    auto const space2 = line.find(' ', space1 + 1);
    request.url = origin + std::string(line.substr(space1 + 1, space2 - space1 - 1));
  }
  std::string_view rest = line_end == std::string_view::npos ? std::string_view() : head.substr(line_end + 2);
  while (!rest.empty()) {
    auto const end = rest.find("\r\n");
    std::string_view const header = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 2);
    auto const colon = header.find(':');
    if (colon == std::string_view::npos) continue;
    std::string_view value = header.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    request.headers.emplace_back(std::string(header.substr(0, colon)), std::string(value));
  }
  return request;
}

std::string serialise(HttpResponse const& response) {
  std::string out = "HTTP/1.1 " + std::to_string(response.status) + " Test\r\n";
  for (auto const& [name, value] : response.headers) {
    // This server decides framing and connection handling itself.
    std::string lower(name);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    if (lower == "content-length" || lower == "connection" || lower == "transfer-encoding") continue;
    out += name + ": " + value + "\r\n";
  }
  out += "Content-Length: " + std::to_string(response.body.size()) + "\r\nConnection: close\r\n\r\n";
  return out + response.body;
}

/// Writes to a socket whose peer has gone fail with EPIPE instead of killing the
/// process: OpenSSL writes with write(), which raises SIGPIPE.
void block_sigpipe_on_this_thread() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGPIPE);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

}  // namespace

// ---- TestPki -------------------------------------------------------------------

std::unique_ptr<TestPki> TestPki::create(std::string& error) {
  auto fail = [&error](std::string message) {
    error = std::move(message);
    return std::unique_ptr<TestPki>();
  };
  std::unique_ptr<TestPki> pki(new TestPki());  // on failure, its destructor removes what was made
  std::error_code ec;
  std::string pattern = (fs::temp_directory_path(ec) / "flowii-tls-XXXXXX").string();
  if (ec || ::mkdtemp(pattern.data()) == nullptr) {
    return fail("cannot create a temporary directory: " + std::string(std::strerror(errno)));
  }
  pki->dir_ = pattern;

  PkeyPtr const ca_key = make_p256_key();
  if (!ca_key) return fail(openssl_error("CA key"));
  X509Ptr const ca = make_cert(ca_key.get(), "flowii-cpp test CA", 1, nullptr, ca_key.get(),
                               {{NID_basic_constraints, "critical,CA:TRUE"},
                                {NID_key_usage, "critical,keyCertSign,cRLSign"},
                                {NID_subject_key_identifier, "hash"}});
  if (!ca) return fail(openssl_error("CA certificate"));

  pki->server_key_ = make_p256_key();
  if (!pki->server_key_) return fail(openssl_error("server key"));
  pki->server_cert_ = make_cert(pki->server_key_.get(), "127.0.0.1", 2, ca.get(), ca_key.get(),
                                {{NID_basic_constraints, "critical,CA:FALSE"},
                                 {NID_key_usage, "critical,digitalSignature"},
                                 {NID_ext_key_usage, "serverAuth"},
                                 {NID_subject_alt_name, "IP:127.0.0.1"},
                                 {NID_subject_key_identifier, "hash"},
                                 {NID_authority_key_identifier, "keyid:always"}});
  if (!pki->server_cert_) return fail(openssl_error("server certificate"));

  // A CA directory is looked up by "<subject hash>.<n>" (what `openssl rehash` makes).
  char hashed[32];
  std::snprintf(hashed, sizeof(hashed), "%08lx.0", X509_subject_name_hash(ca.get()));
  pki->ca_file_ = pki->dir_ + "/ca.pem";
  pki->ca_dir_ = pki->dir_ + "/ca-dir";
  if (!fs::create_directory(pki->ca_dir_, ec) || !write_pem(ca.get(), pki->ca_file_) ||
      !write_pem(ca.get(), pki->ca_dir_ + "/" + hashed)) {
    return fail("cannot write the CA certificate into " + pki->dir_);
  }
  return pki;
}

TestPki::~TestPki() {
  std::error_code ignored;
  if (!dir_.empty()) fs::remove_all(dir_, ignored);
}

// ---- LoopbackListener ----------------------------------------------------------

LoopbackListener::LoopbackListener() {
  if (::pipe2(wake_, O_CLOEXEC | O_NONBLOCK) != 0) {
    wake_[0] = wake_[1] = -1;
    return;
  }
  int const fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof(addr);
  if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&addr), len) != 0 || ::listen(fd, 16) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    if (fd >= 0) ::close(fd);
    return;
  }
  listen_fd_ = fd;
  port_ = ntohs(addr.sin_port);
}

LoopbackListener::~LoopbackListener() {
  stop();
  for (int fd : {listen_fd_, wake_[0], wake_[1]}) {
    if (fd >= 0) ::close(fd);
  }
}

void LoopbackListener::start(std::function<void(int)> serve) {
  if (!ok()) return;
  serve_ = std::move(serve);
  thread_ = std::thread([this] { run(); });
}

void LoopbackListener::stop() {
  if (!thread_.joinable()) return;
  // The pipe stays readable from now on, so every wait() of the thread returns false.
  char const byte = 's';
  [[maybe_unused]] auto const written = ::write(wake_[1], &byte, 1);
  thread_.join();
}

void LoopbackListener::run() {
  block_sigpipe_on_this_thread();
  while (true) {
    // No timeout while idle: only a connection or stop() ends this wait.
    pollfd fds[2] = {{listen_fd_, POLLIN, 0}, {wake_[0], POLLIN, 0}};
    int const n = ::poll(fds, 2, -1);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 || fds[1].revents != 0) return;
    int const fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
    if (fd < 0) {
      if (errno == EAGAIN || errno == EWOULDBLOCK || errno == ECONNABORTED || errno == EINTR) continue;
      return;  // e.g. out of descriptors: retrying would only spin
    }
    serve_(fd);
    ::close(fd);
  }
}

int LoopbackListener::ready(std::initializer_list<pollfd> wanted) const {
  pollfd fds[3];
  nfds_t count = 0;
  for (pollfd const& p : wanted) {
    if (count < 2) fds[count++] = p;
  }
  fds[count] = pollfd{wake_[0], POLLIN, 0};
  while (true) {
    int const n = ::poll(fds, count + 1, kIoTimeoutMs);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0 || fds[count].revents != 0) return -1;  // timeout, error or stop()
    for (nfds_t i = 0; i < count; ++i) {
      if (fds[i].revents != 0) return fds[i].fd;
    }
    return -1;
  }
}

bool LoopbackListener::wait(int fd, short events) const { return ready({pollfd{fd, events, 0}}) == fd; }

int LoopbackListener::wait_readable(int a, int b) const { return ready({pollfd{a, POLLIN, 0}, pollfd{b, POLLIN, 0}}); }

bool LoopbackListener::send_all(int fd, std::string const& data) const {
  std::size_t done = 0;
  while (done < data.size()) {
    auto const n = ::send(fd, data.data() + done, data.size() - done, MSG_NOSIGNAL);
    if (n > 0) {
      done += static_cast<std::size_t>(n);
    } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) {
      if (!wait(fd, POLLOUT)) return false;
    } else {
      return false;
    }
  }
  return true;
}

// ---- TlsServer -----------------------------------------------------------------

TlsServer::TlsServer(TestPki const& pki, Handler handler) : handler_(std::move(handler)) {
  SslCtxPtr ctx(SSL_CTX_new(TLS_server_method()));
  if (!ctx || SSL_CTX_set_min_proto_version(ctx.get(), TLS1_2_VERSION) != 1 ||
      SSL_CTX_use_certificate(ctx.get(), pki.server_cert()) != 1 ||
      SSL_CTX_use_PrivateKey(ctx.get(), pki.server_key()) != 1 || SSL_CTX_check_private_key(ctx.get()) != 1) {
    ERR_clear_error();
    return;  // ok() is false
  }
  ctx_ = std::move(ctx);
  listener_.start([this](int fd) { serve(fd); });
}

TlsServer::~TlsServer() { listener_.stop(); }

std::string TlsServer::base_url(std::string const& host) const {
  return "https://" + host + ":" + std::to_string(port());
}

int TlsServer::requests() const {
  std::lock_guard<std::mutex> lock(mu_);
  return requests_;
}

void TlsServer::serve(int fd) {
  SslPtr ssl(SSL_new(ctx_.get()));
  if (!ssl || SSL_set_fd(ssl.get(), fd) != 1) return;
  SSL* s = ssl.get();
  // A client that does not trust the certificate aborts here.
  if (ssl_call(listener_, s, fd, [s] { return SSL_accept(s); }) <= 0) return;

  std::string data;
  auto read_more = [&] {
    char buffer[4096];
    int const n = ssl_call(listener_, s, fd, [&] { return SSL_read(s, buffer, sizeof(buffer)); });
    if (n <= 0) return false;
    data.append(buffer, static_cast<std::size_t>(n));
    return data.size() <= kMaxRequestBytes;
  };
  std::size_t head_end;
  while ((head_end = data.find("\r\n\r\n")) == std::string::npos) {
    if (!read_more()) return;
  }
  HttpRequest request = parse_head(std::string_view(data).substr(0, head_end), base_url());
  std::size_t length = 0;
  if (auto const* value = find_header(request.headers, "Content-Length"))
    length = std::strtoul(value->c_str(), nullptr, 10);
  if (length > kMaxRequestBytes) return;
  std::size_t const body_start = head_end + 4;
  while (data.size() < body_start + length) {
    if (!read_more()) return;
  }
  request.body = data.substr(body_start, length);

  std::string const reply = serialise(handler_(request));
  {
    std::lock_guard<std::mutex> lock(mu_);
    ++requests_;
  }
  for (std::size_t done = 0; done < reply.size();) {
    int const chunk = static_cast<int>(std::min<std::size_t>(reply.size() - done, INT_MAX));
    int const n = ssl_call(listener_, s, fd, [&] { return SSL_write(s, reply.data() + done, chunk); });
    if (n <= 0) return;
    done += static_cast<std::size_t>(n);
  }
  SSL_shutdown(s);  // close_notify; no need to wait for the client's
  ERR_clear_error();
}

// ---- ConnectProxy --------------------------------------------------------------

ConnectProxy::ConnectProxy(int upstream_port, std::optional<std::string> refusal)
    : upstream_port_(upstream_port), refusal_(std::move(refusal)) {
  listener_.start([this](int fd) { serve(fd); });
}

ConnectProxy::~ConnectProxy() { listener_.stop(); }

std::string ConnectProxy::url() const { return "http://127.0.0.1:" + std::to_string(listener_.port()); }

std::vector<std::string> ConnectProxy::requests() const {
  std::lock_guard<std::mutex> lock(mu_);
  return requests_;
}

void ConnectProxy::serve(int fd) {
  std::string data;
  std::size_t head_end;
  while ((head_end = data.find("\r\n\r\n")) == std::string::npos) {
    if (data.size() > kMaxRequestBytes || !listener_.wait(fd, POLLIN)) return;
    char buffer[4096];
    auto const n = ::recv(fd, buffer, sizeof(buffer), 0);
    if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) return;
    if (n > 0) data.append(buffer, static_cast<std::size_t>(n));
  }
  std::string const head = data.substr(0, head_end + 4);
  {
    std::lock_guard<std::mutex> lock(mu_);
    requests_.push_back(head);
  }
  if (refusal_) {
    listener_.send_all(fd, *refusal_);
    return;
  }
  if (head.rfind("CONNECT 127.0.0.1:" + std::to_string(upstream_port_) + " ", 0) != 0) {
    listener_.send_all(fd, "HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    return;
  }
  // A blocking connect on loopback completes at once: the server is listening.
  int const upstream = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<std::uint16_t>(upstream_port_));
  if (upstream < 0 || ::connect(upstream, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0 ||
      ::fcntl(upstream, F_SETFL, O_NONBLOCK) != 0) {
    listener_.send_all(fd, "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
  } else if (listener_.send_all(fd, "HTTP/1.1 200 Connection established\r\n\r\n")) {
    relay(fd, upstream, data.substr(head_end + 4));
  }
  if (upstream >= 0) ::close(upstream);
}

void ConnectProxy::relay(int client, int upstream, std::string const& early_bytes) {
  if (!early_bytes.empty() && !listener_.send_all(upstream, early_bytes)) return;
  // Until either side closes (the server does after each answer), or stop().
  while (true) {
    int const from = listener_.wait_readable(client, upstream);
    if (from < 0) return;
    char buffer[16384];
    auto const n = ::recv(from, buffer, sizeof(buffer), 0);
    if (n == 0) return;
    if (n < 0) {
      if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) continue;
      return;
    }
    if (!listener_.send_all(from == client ? upstream : client, std::string(buffer, static_cast<std::size_t>(n)))) {
      return;
    }
  }
}

}  // namespace flowii::test
