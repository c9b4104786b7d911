// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include "transport.hpp"

#include "httplib_statics.hpp"

#include <arpa/inet.h>
#include <dirent.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>

#include <httplib.h>

namespace flowii::emulator {

namespace {

struct SocketAddress {
  std::string address;
  int port = -1;
};

SocketAddress address_of(sockaddr_storage const& sa) {
  char text[INET6_ADDRSTRLEN] = {};
  if (sa.ss_family == AF_INET) {
    auto const& in = reinterpret_cast<sockaddr_in const&>(sa);
    inet_ntop(AF_INET, &in.sin_addr, text, sizeof text);
    return {text, ntohs(in.sin_port)};
  }
  if (sa.ss_family == AF_INET6) {
    auto const& in6 = reinterpret_cast<sockaddr_in6 const&>(sa);
    inet_ntop(AF_INET6, &in6.sin6_addr, text, sizeof text);
    return {text, ntohs(in6.sin6_port)};
  }
  return {};
}

bool same_connection(int fd, httplib::Request const& req) {
  sockaddr_storage local{}, peer{};
  socklen_t local_len = sizeof local, peer_len = sizeof peer;
  if (getsockname(fd, reinterpret_cast<sockaddr*>(&local), &local_len) != 0 ||
      getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &peer_len) != 0) {
    return false;
  }
  auto const l = address_of(local), p = address_of(peer);
  return l.port == req.local_port && p.port == req.remote_port && l.address == req.local_addr &&
         p.address == req.remote_addr;
}

// httplib 0.11.4 gives handlers no socket, so a connection fault finds it by
// its address pair (unique while this handler runs). -1 when not found.
int connection_fd(httplib::Request const& req) {
  DIR* dir = opendir("/proc/self/fd");
  if (dir == nullptr) return -1;
  int found = -1;
  while (dirent* entry = readdir(dir)) {
    int const fd = std::atoi(entry->d_name);
    if (fd <= 2 || fd == dirfd(dir) || !same_connection(fd, req)) continue;
    found = fd;
    break;
  }
  closedir(dir);
  return found;
}

// Tells every connection accepted on `port` (a socket whose local port it is
// and that has a peer) that no more requests come: a worker waiting on an idle
// keep-alive connection ends at once, where httplib 0.11.4 would wait out its
// keep-alive timeout; a worker answering a request still sends its answer.
void end_idle_connections(int port) {
  DIR* dir = opendir("/proc/self/fd");
  if (dir == nullptr) return;
  while (dirent* entry = readdir(dir)) {
    int const fd = std::atoi(entry->d_name);
    if (fd <= 2 || fd == dirfd(dir)) continue;
    sockaddr_storage local{}, peer{};
    socklen_t local_len = sizeof local, peer_len = sizeof peer;
    if (getsockname(fd, reinterpret_cast<sockaddr*>(&local), &local_len) != 0 ||
        getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &peer_len) != 0 || address_of(local).port != port) {
      continue;
    }
    ::shutdown(fd, SHUT_RD);
  }
  closedir(dir);
}

void write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    auto const n = ::send(fd, data.data(), data.size(), MSG_NOSIGNAL);
    if (n <= 0) return;
    data.remove_prefix(static_cast<std::size_t>(n));
  }
}

// Blocks until the client closes its end of the connection or `at_most`
// passes, so that a stalled answer ends when the client gives up, not when a
// timer races the client's own timeout.
void wait_for_hang_up(int fd, std::chrono::milliseconds at_most) {
  auto const until = std::chrono::steady_clock::now() + at_most;
  constexpr std::chrono::milliseconds slice{20};
  for (auto now = std::chrono::steady_clock::now(); now < until; now = std::chrono::steady_clock::now()) {
    auto const left = std::chrono::duration_cast<std::chrono::milliseconds>(until - now);
    pollfd p{fd, static_cast<short>(POLLIN | POLLRDHUP), 0};
    int const ready = ::poll(&p, 1, static_cast<int>(std::min(left, slice).count()));
    if (ready < 0 && errno != EINTR) return;
    if (ready <= 0) continue;
    if ((p.revents & (POLLRDHUP | POLLHUP | POLLERR)) != 0) return;
    char byte = 0;
    if (::recv(fd, &byte, 1, MSG_PEEK | MSG_DONTWAIT) == 0) return;  // orderly close
    std::this_thread::sleep_for(slice);                              // the client sent more (pipelining): keep holding
  }
}

// The reply as raw HTTP/1.1, for the faults that write (part of) it themselves.
std::string raw_reply(HttpReply const& reply) {
  std::string out = "HTTP/1.1 " + std::to_string(reply.status) + " Emulated\r\n";
  for (auto const& [name, value] : reply.headers) out.append(name).append(": ").append(value).append("\r\n");
  if (!reply.content_type.empty()) out += "Content-Type: " + reply.content_type + "\r\n";
  out += "Content-Length: " + std::to_string(reply.body.size()) + "\r\nConnection: close\r\n\r\n";
  return out + reply.body;
}

// Does to the connection what the fault asks (Emulator::Breakage), then swaps
// /dev/null in for the socket: the connection closes (with an RST when
// SO_LINGER is 0), and httplib's own write of the reply lands in /dev/null
// instead of raising SIGPIPE.
void break_connection(httplib::Request const& req, HttpReply const& reply) {
  using Breakage = Emulator::Breakage;
  int const fd = connection_fd(req);
  if (fd < 0) return;
  switch (reply.breakage) {
    case Breakage::kReset:
    case Breakage::kResetAfterProcessing: {
      linger const abort_on_close{1, 0};
      setsockopt(fd, SOL_SOCKET, SO_LINGER, &abort_on_close, sizeof abort_on_close);
      break;
    }
    case Breakage::kGarbage:
      write_all(fd, "\x16\x03\x01 this is not HTTP \xff\xfe\r\n\r\n");
      break;
    case Breakage::kStall:
    case Breakage::kStallAfterProcessing:
      wait_for_hang_up(fd, reply.hold);
      break;
    case Breakage::kTruncatedBody: {
      // Headers and half of the body; without a body, half of the status line.
      std::string const raw = raw_reply(reply);
      std::size_t const keep = reply.body.empty() ? raw.find("\r\n") / 2 : raw.size() - (reply.body.size() + 1) / 2;
      write_all(fd, std::string_view(raw).substr(0, keep));
      break;
    }
    case Breakage::kSlowBody: {
      std::string const raw = raw_reply(reply);
      std::size_t const body_at = raw.size() - reply.body.size();
      write_all(fd, std::string_view(raw).substr(0, body_at));
      constexpr std::size_t pieces = 10;
      std::size_t const step = std::max<std::size_t>(1, reply.body.size() / pieces);
      for (std::size_t at = body_at; at < raw.size(); at += step) {
        std::this_thread::sleep_for(reply.hold / pieces);
        write_all(fd, std::string_view(raw).substr(at, step));
      }
      break;
    }
    default:
      break;  // close, close_after_processing: nothing sent
  }
  int const null_fd = open("/dev/null", O_RDWR | O_CLOEXEC);
  if (null_fd >= 0) {
    dup2(null_fd, fd);
    close(null_fd);
  }
}

InboundRequest to_request(httplib::Request const& req) {
  InboundRequest out;
  out.method = req.method;
  auto const q = req.target.find('?');
  // The path as sent, still percent-encoded (httplib's req.path is decoded): an
  // encoded '/' inside an id must stay part of the id, so the router splits on the
  // raw '/' and decodes each segment itself.
  out.path = req.target.substr(0, q);
  out.query_string = q == std::string::npos ? std::string() : req.target.substr(q + 1);
  if (auto parsed = parse_urlencoded(out.query_string)) {
    out.query = std::move(*parsed);  // keeps the client's order, unlike req.params
  } else {
    for (auto const& [name, value] : req.params) out.query.emplace_back(name, value);
  }
  for (auto const& [name, value] : req.headers) out.headers.emplace_back(name, value);
  out.body = req.body;
  return out;
}

// Threads inheriting this mask get EPIPE instead of a process-killing SIGPIPE
// when a client goes away mid-response (httplib sends without MSG_NOSIGNAL).
void block_sigpipe() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGPIPE);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

// httplib hands each accepted connection to its task queue as one task, so a
// queue that counts what it is given counts connections.
class CountingQueue : public httplib::TaskQueue {
 public:
  CountingQueue(std::size_t workers, std::function<void()> hook) : pool_(workers), hook_(std::move(hook)) {}
  void enqueue(std::function<void()> fn) override {
    if (hook_) hook_();
    pool_.enqueue(std::move(fn));
  }
  void shutdown() override { pool_.shutdown(); }

 private:
  httplib::ThreadPool pool_;
  std::function<void()> hook_;
};

}  // namespace

struct HttpServer::Impl {
  std::unique_ptr<httplib::Server> server;
  std::thread listener;
  std::atomic<bool> listener_done{false};
  std::function<void()> accept_hook;
  int keep_alive_max_requests = 100;
  int port = -1;
  int listen_fd = -1;
};

HttpServer::HttpServer() : impl_(std::make_unique<Impl>()) {}

HttpServer::~HttpServer() { stop(); }

int HttpServer::start(std::string const& host, int port, int workers, Handler handler) {
  stop();
  initialise_httplib_statics();
  impl_->server = std::make_unique<httplib::Server>();
  httplib::Server& server = *impl_->server;
  server.set_tcp_nodelay(true);      // else Nagle + delayed ACK cost ~40 ms per request
  server.set_keep_alive_timeout(1);  // an idle client's connection holds a worker for 1 s at most
  server.set_keep_alive_max_count(static_cast<std::size_t>(impl_->keep_alive_max_requests));
  server.set_payload_max_length(64u << 20);
  // httplib's default also sets SO_REUSEPORT, which would let a second
  // emulator bind the same port and share its traffic; keep SO_REUSEADDR only.
  impl_->listen_fd = -1;
  server.set_socket_options([impl = impl_.get()](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    impl->listen_fd = sock;
  });
  auto const pool_size = static_cast<std::size_t>(workers);
  server.new_task_queue = [pool_size, hook = impl_->accept_hook] { return new CountingQueue(pool_size, hook); };

  auto serve = [handler = std::move(handler)](httplib::Request const& req, httplib::Response& res) {
    HttpReply reply = handler(to_request(req));
    if (reply.breakage != Emulator::Breakage::kNone) {
      break_connection(req, reply);
      return;
    }
    res.status = reply.status;
    for (auto const& [name, value] : reply.headers) res.set_header(name, value);
    if (!reply.content_type.empty()) res.set_content(reply.body, reply.content_type);
  };
  char const* const any = ".*";
  server.Get(any, serve).Post(any, serve).Put(any, serve).Patch(any, serve).Delete(any, serve).Options(any, serve);
  // httplib 0.11.4 reads the body of a POST, PUT or PATCH without
  // Content-Length or Transfer-Encoding until the client closes the connection,
  // so such a request (`curl -X POST URL`) got nothing until httplib's 5 s read
  // timeout and then a bare 400. It has no body (RFC 9112 section 6.3): serve it
  // before httplib tries to read one.
  server.set_pre_routing_handler([serve](httplib::Request const& req, httplib::Response& res) {
    bool const may_have_body =
        req.method == "POST" || req.method == "PUT" || req.method == "PATCH" || req.method == "DELETE";
    if (!may_have_body || req.has_header("Content-Length") || req.has_header("Transfer-Encoding")) {
      return httplib::Server::HandlerResponse::Unhandled;
    }
    serve(req, res);
    return httplib::Server::HandlerResponse::Handled;
  });

  int const bound = port == 0 ? server.bind_to_any_port(host) : (server.bind_to_port(host, port) ? port : -1);
  if (bound <= 0) {
    impl_->server.reset();
    throw std::runtime_error("flowii emulator: cannot bind " + host + ":" + std::to_string(port));
  }
  // httplib 0.11.4 listens with a backlog of 5: a burst of new connections
  // (clients without keep-alive) overflowed it, and the dropped handshakes
  // came back after the kernel's 1 s retransmission or failed. Listening
  // again on the bound socket raises the backlog.
  if (impl_->listen_fd >= 0) ::listen(impl_->listen_fd, SOMAXCONN);
  impl_->port = bound;
  impl_->listener_done = false;
  impl_->listener = std::thread([impl = impl_.get()] {
    block_sigpipe();  // before listen: the worker pool is created on this thread
    impl->server->listen_after_bind();
    impl->listener_done = true;
  });
  // httplib 0.11.4 has no wait_until_ready(), and stop() before the listener
  // marks itself running is lost; so return only once it runs (or died).
  while (!server.is_running() && !impl_->listener_done) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  if (!server.is_running()) {
    impl_->listener.join();
    impl_->server.reset();
    throw std::runtime_error("flowii emulator: the listener stopped at once");
  }
  return bound;
}

void HttpServer::stop() {
  if (impl_->listener.joinable()) {
    impl_->server->stop();  // closes the listening socket: nothing new is accepted
    end_idle_connections(impl_->port);
    impl_->listener.join();
  }
  impl_->server.reset();
}

void HttpServer::set_accept_hook(std::function<void()> hook) { impl_->accept_hook = std::move(hook); }

void HttpServer::set_keep_alive_max_requests(int count) { impl_->keep_alive_max_requests = count; }

bool HttpServer::running() const { return impl_->server != nullptr && impl_->server->is_running(); }

}  // namespace flowii::emulator
