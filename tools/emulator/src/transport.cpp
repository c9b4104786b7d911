#include "transport.hpp"

#include <arpa/inet.h>
#include <dirent.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <stdexcept>
#include <thread>

#include <httplib.h>

namespace flowii::emulator {

namespace {

struct Endpoint {
  std::string address;
  int port = -1;
};

Endpoint endpoint_of(sockaddr_storage const& sa) {
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
  auto const l = endpoint_of(local), p = endpoint_of(peer);
  return l.port == req.local_port && p.port == req.remote_port && l.address == req.local_addr &&
         p.address == req.remote_addr;
}

// httplib 0.11.4 gives handlers no socket, so a "drop the connection" fault
// finds it by its address pair (unique while this handler runs) and swaps
// /dev/null in: the client sees the connection close without a response, and
// httplib's write of the reply lands in /dev/null instead of raising SIGPIPE.
void drop_connection(httplib::Request const& req) {
  DIR* dir = opendir("/proc/self/fd");
  if (dir == nullptr) return;
  while (dirent* entry = readdir(dir)) {
    int const fd = std::atoi(entry->d_name);
    if (fd <= 2 || fd == dirfd(dir) || !same_connection(fd, req)) continue;
    int const null_fd = open("/dev/null", O_RDWR | O_CLOEXEC);
    if (null_fd >= 0) {
      dup2(null_fd, fd);
      close(null_fd);
    }
    break;
  }
  closedir(dir);
}

HttpRequest to_request(httplib::Request const& req) {
  HttpRequest out;
  out.method = req.method;
  out.path = req.path;
  auto const q = req.target.find('?');
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

}  // namespace

struct HttpServer::Impl {
  std::unique_ptr<httplib::Server> server;
  std::thread listener;
  std::atomic<bool> listener_done{false};
};

HttpServer::HttpServer() : impl_(std::make_unique<Impl>()) {}

HttpServer::~HttpServer() { stop(); }

int HttpServer::start(std::string const& host, int port, int workers, Handler handler) {
  stop();
  impl_->server = std::make_unique<httplib::Server>();
  httplib::Server& server = *impl_->server;
  server.set_tcp_nodelay(true);          // else Nagle + delayed ACK cost ~40 ms per request
  server.set_keep_alive_timeout(1);      // idle keep-alive workers notice stop() within 1 s
  server.set_keep_alive_max_count(100);
  server.set_payload_max_length(64u << 20);
  // httplib's default also sets SO_REUSEPORT, which would let a second
  // emulator bind the same port and share its traffic; keep SO_REUSEADDR only.
  server.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  auto const pool_size = static_cast<std::size_t>(workers);
  server.new_task_queue = [pool_size] { return new httplib::ThreadPool(pool_size); };

  auto serve = [handler = std::move(handler)](httplib::Request const& req, httplib::Response& res) {
    HttpReply reply = handler(to_request(req));
    if (reply.drop_connection) {
      drop_connection(req);
      return;
    }
    res.status = reply.status;
    for (auto const& [name, value] : reply.headers) res.set_header(name.c_str(), value);
    if (!reply.content_type.empty()) res.set_content(reply.body, reply.content_type.c_str());
  };
  char const* const any = ".*";
  server.Get(any, serve).Post(any, serve).Put(any, serve).Patch(any, serve).Delete(any, serve).Options(any, serve);

  int const bound = port == 0 ? server.bind_to_any_port(host) : (server.bind_to_port(host, port) ? port : -1);
  if (bound <= 0) {
    impl_->server.reset();
    throw std::runtime_error("flowii emulator: cannot bind " + host + ":" + std::to_string(port));
  }
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
    impl_->server->stop();
    impl_->listener.join();
  }
  impl_->server.reset();
}

bool HttpServer::running() const { return impl_->server != nullptr && impl_->server->is_running(); }

}  // namespace flowii::emulator
