// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// The libcurl transport. Design rules (docs/adr/0004-transport.md):
//  - a mutex-guarded pool of easy handles; a handle serves one request on one thread
//    at a time and keeps its keep-alive connections when it goes back to the pool;
//  - options that never change are set once, when a handle is made; every
//    per-request option is set on every request (no curl_easy_reset per call);
//  - curl_global_init once (std::call_once), never curl_global_cleanup;
//  - no background threads, no signals (CURLOPT_NOSIGNAL), no redirects;
//  - error messages carry curl's text and scheme://host/path only — never the
//    query, headers or bodies.
#include <flowii/http.hpp>

#include "http/redact.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

namespace flowii {
namespace {

CURLcode global_init() {
  static std::once_flag once;
  static CURLcode result = CURLE_OK;
  std::call_once(once, [] { result = curl_global_init(CURL_GLOBAL_DEFAULT); });
  return result;
}

struct EasyDeleter {
  void operator()(CURL* handle) const noexcept { curl_easy_cleanup(handle); }
};
using EasyHandle = std::unique_ptr<CURL, EasyDeleter>;

struct SlistDeleter {
  void operator()(curl_slist* list) const noexcept { curl_slist_free_all(list); }
};
using Slist = std::unique_ptr<curl_slist, SlistDeleter>;

/// What the callbacks of one transfer write to.
struct Transfer {
  std::size_t max_body = 0;
  HttpResponse response;
  bool too_large = false;
  bool request_started = false;  ///< connected (TLS done); about to send the request
  /// The proxy's answer to CONNECT (https through a proxy); 0 when no tunnel was asked for.
  long proxy_status = 0;  // NOLINT(google-runtime-int): libcurl's type
};

/// An easy handle with what its fixed options point to: the callbacks' Transfer and
/// the error buffer live as long as the handle, at one address. The header list of
/// the last request stays too, so that the same headers are not built again.
struct PooledHandle {
  Transfer transfer;
  char error[CURL_ERROR_SIZE] = {};
  HttpHeaders sent_headers;  ///< what `header_list` was built from
  Slist header_list;
  bool list_with_body = false;  ///< whether it was built for a request with a body
  bool has_header_list = false;
  EasyHandle curl;  // last: cleaned up first, while what it points to still exists
};

/// Idle easy handles. A handle is owned by exactly one caller between acquire() and
/// release(), so no handle is ever used by two threads at once.
class HandlePool {
 public:
  explicit HandlePool(std::size_t max_idle) : max_idle_(max_idle) {}

  /// An idle handle, or nullptr when there is none (the caller makes one).
  std::unique_ptr<PooledHandle> acquire() {
    std::lock_guard<std::mutex> lock(mu_);
    if (idle_.empty()) return nullptr;
    std::unique_ptr<PooledHandle> handle = std::move(idle_.back());
    idle_.pop_back();
    return handle;
  }

  void release(std::unique_ptr<PooledHandle> handle) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (idle_.size() < max_idle_) {
        idle_.push_back(std::move(handle));
        return;
      }
    }
    // `handle` (and its connections) is closed here, outside the lock.
  }

 private:
  std::mutex mu_;
  std::vector<std::unique_ptr<PooledHandle>> idle_;
  std::size_t const max_idle_;
};

std::string_view trim_blanks(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The callbacks run inside libcurl's C code: no exception may leave them. Returning
// anything but `total` makes libcurl abort the transfer (CURLE_WRITE_ERROR).
std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) noexcept try {
  auto& headers = static_cast<Transfer*>(user)->response.headers;
  std::size_t const total = size * count;
  std::string_view line(data, total);
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  if (line.size() >= 5 && line.compare(0, 5, "HTTP/") == 0) {
    headers.clear();  // a new (final or interim 1xx) response starts
  } else if (!line.empty() && (line.front() == ' ' || line.front() == '\t')) {
    if (!headers.empty() && !trim_blanks(line).empty()) {  // obsolete line folding
      headers.back().second += ' ';
      headers.back().second.append(trim_blanks(line));
    }
  } else if (auto const colon = line.find(':'); colon != std::string_view::npos && colon > 0) {
    auto const name = line.substr(0, colon);
    auto const value = trim_blanks(line.substr(colon + 1));
    headers.emplace_back(std::piecewise_construct, std::forward_as_tuple(name.data(), name.size()),
                         std::forward_as_tuple(value.data(), value.size()));  // built in place
  }
  return total;
} catch (...) {
  return 0;
}

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) noexcept try {
  auto& transfer = *static_cast<Transfer*>(user);
  std::size_t const total = size * count;
  std::string& body = transfer.response.body;
  if (total > transfer.max_body - body.size()) {
    transfer.too_large = true;
    return 0;
  }
  std::size_t const needed = body.size() + total;
  if (body.capacity() < needed) {  // grow geometrically, but never past the cap
    body.reserve(std::min(std::max(needed, body.capacity() * 2), transfer.max_body));
  }
  body.append(data, total);
  return total;
} catch (...) {
  return 0;
}

#if LIBCURL_VERSION_NUM >= 0x075000
int on_prerequest(void* user, char* /*primary_ip*/, char* /*local_ip*/, int /*primary_port*/, int /*local_port*/) {
  static_cast<Transfer*>(user)->request_started = true;
  return CURL_PREREQFUNC_OK;
}
#endif

bool is_token_char(char c) {  // RFC 7230 tchar
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool is_token(std::string_view s) { return !s.empty() && std::all_of(s.begin(), s.end(), is_token_char); }

bool has_line_break_or_nul(std::string_view s) { return s.find_first_of(std::string_view("\r\n\0", 3)) != s.npos; }

long to_curl_ms(std::chrono::milliseconds ms) {  // NOLINT(google-runtime-int): libcurl's type
  return static_cast<long>(std::clamp<std::chrono::milliseconds::rep>(ms.count(), 0, 0x7fffffff));
}

class CurlTransport : public HttpTransport {
 public:
  explicit CurlTransport(TransportOptions options)
      : options_(std::move(options)), init_(global_init()), pool_(options_.max_pooled_handles) {}

  Result<HttpResponse> send(HttpRequest const& request) override;

 private:
  /// A new easy handle with every option that is the same for all requests set;
  /// nullptr when libcurl cannot make one.
  std::unique_ptr<PooledHandle> make_handle() const;
  /// Points the handle at the request's headers, building the list only when they
  /// (or whether a body goes with them) differ from the last request's; an error when
  /// a header could split the request.
  static Status use_headers(PooledHandle& handle, HttpHeaders const& headers, bool sends_body);
  /// Sets every option that depends on the request.
  void set_request_options(PooledHandle& handle, HttpRequest const& request, bool sends_body) const;
  /// The error for a failed curl_easy_perform; `request` is "METHOD scheme://host/path".
  Status failure(std::string const& request, CURLcode code, Transfer const& transfer, std::string curl_text) const;
  /// What to tell the caller when the proxy refused the CONNECT tunnel with `status`.
  std::string proxy_refusal(long status) const;  // NOLINT(google-runtime-int): libcurl's type

  TransportOptions const options_;
  CURLcode const init_;
  HandlePool pool_;
};

/// The header list libcurl sends, or an error when a header could split the request.
Result<Slist> build_headers(HttpHeaders const& headers, bool sends_body) {
  Slist list;
  auto append = [&list](std::string const& line) {
    curl_slist* next = curl_slist_append(list.get(), line.c_str());
    if (next == nullptr) return false;
    static_cast<void>(list.release());
    list.reset(next);
    return true;
  };
  bool has_content_type = false;
  for (auto const& [name, value] : headers) {
    if (!is_token(name) || has_line_break_or_nul(value)) {
      std::string shown;
      for (char c : name) shown += is_token_char(c) ? c : '?';
      return Status(ErrorCode::kInvalidArgument,
                    "refusing to send header '" + shown +
                        "': header names must be tokens and values must not contain CR, LF or NUL");
    }
    has_content_type = has_content_type || detail::iequals(name, "Content-Type");
    // "Name;" is libcurl's way to send a header with an empty value ("Name:" removes it).
    std::string line = name;
    line += value.empty() ? ";" : ": ";
    line += value;
    if (!append(line)) {
      return Status(ErrorCode::kUnknown, "out of memory building request headers");
    }
  }
  // With a body: no "Expect: 100-continue" round trip, and no form Content-Type made
  // up by libcurl (without one, libcurl adds neither).
  bool ok = true;
  if (sends_body) ok = append("Expect:") && (has_content_type || append("Content-Type:"));
  if (!ok) return Status(ErrorCode::kUnknown, "out of memory building request headers");
  return list;
}

std::unique_ptr<PooledHandle> CurlTransport::make_handle() const {
  auto handle = std::make_unique<PooledHandle>();
  handle->curl.reset(curl_easy_init());
  if (!handle->curl) return nullptr;
  CURL* h = handle->curl.get();
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, handle->error);
#if LIBCURL_VERSION_NUM >= 0x075500  // 7.85.0 deprecated the bitmask options
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
#else
  curl_easy_setopt(h, CURLOPT_PROTOCOLS, static_cast<long>(CURLPROTO_HTTP | CURLPROTO_HTTPS));
  curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS, static_cast<long>(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
  curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");
  curl_easy_setopt(h, CURLOPT_TCP_KEEPALIVE, 1L);
  curl_easy_setopt(h, CURLOPT_SUPPRESS_CONNECT_HEADERS, 1L);
  // A handle keeps one connection: the newest. Otherwise each write's fresh
  // connection leaves the previous one idle in the handle's cache (up to 5 each),
  // holding a server worker until its keep-alive timeout.
  curl_easy_setopt(h, CURLOPT_MAXCONNECTS, 1L);
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, to_curl_ms(options_.connect_timeout));

  // TLS.
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, options_.tls.verify_peer ? 1L : 0L);
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, options_.tls.verify_peer ? 2L : 0L);
  if (!options_.tls.ca_file.empty()) curl_easy_setopt(h, CURLOPT_CAINFO, options_.tls.ca_file.c_str());
  if (!options_.tls.ca_path.empty()) curl_easy_setopt(h, CURLOPT_CAPATH, options_.tls.ca_path.c_str());

  // Proxy: untouched options leave libcurl's environment handling in charge.
  ProxyOptions const& proxy = options_.proxy;
  if (!proxy.url.empty()) {
    curl_easy_setopt(h, CURLOPT_PROXY, proxy.url.c_str());
  } else if (proxy.ignore_environment) {
    curl_easy_setopt(h, CURLOPT_PROXY, "");  // "" disables http_proxy & co.
  }
  if (!proxy.username.empty()) curl_easy_setopt(h, CURLOPT_PROXYUSERNAME, proxy.username.c_str());
  if (!proxy.password.empty()) curl_easy_setopt(h, CURLOPT_PROXYPASSWORD, proxy.password.c_str());
  if (!proxy.no_proxy.empty()) {
    curl_easy_setopt(h, CURLOPT_NOPROXY, proxy.no_proxy.c_str());
  } else if (proxy.ignore_environment) {
    curl_easy_setopt(h, CURLOPT_NOPROXY, "");  // and no_proxy from the environment too
  }

  // Response collection, into the handle's own Transfer.
  curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, &on_header);
  curl_easy_setopt(h, CURLOPT_HEADERDATA, &handle->transfer);
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &on_body);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &handle->transfer);
#if LIBCURL_VERSION_NUM >= 0x075000  // 7.80.0
  curl_easy_setopt(h, CURLOPT_PREREQFUNCTION, &on_prerequest);
  curl_easy_setopt(h, CURLOPT_PREREQDATA, &handle->transfer);
#endif
  return handle;
}

Status CurlTransport::use_headers(PooledHandle& handle, HttpHeaders const& headers, bool sends_body) {
  // Equal headers were valid when the list was built from them.
  if (handle.has_header_list && handle.list_with_body == sends_body && handle.sent_headers == headers) return {};
  auto list = build_headers(headers, sends_body);
  if (!list) return list.status();
  // The handle is idle: libcurl reads the list only during curl_easy_perform.
  curl_easy_setopt(handle.curl.get(), CURLOPT_HTTPHEADER, list->get());
  handle.header_list = std::move(*list);
  handle.sent_headers = headers;
  handle.list_with_body = sends_body;
  handle.has_header_list = true;
  return {};
}

void CurlTransport::set_request_options(PooledHandle& handle, HttpRequest const& request, bool sends_body) const {
  CURL* h = handle.curl.get();
  curl_easy_setopt(h, CURLOPT_URL, request.url.c_str());

  // Method and body. A reused handle still holds what the last request set, so every
  // option of the family is set each time, in an order where none undoes the next:
  // POSTFIELDS makes the method POST, HTTPGET makes it GET (and NOBODY off), NOBODY
  // makes it HEAD or leaves it, CUSTOMREQUEST replaces the verb or is cleared. UPLOAD,
  // POST, range and resume options are never set, so they keep libcurl's defaults.
  // POSTFIELDS with an explicit size sends any body (binary, empty).
  std::string_view const method = request.method;  // compared without strlen calls
  curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE,
                   sends_body ? static_cast<curl_off_t>(request.body.size()) : curl_off_t{-1});
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, sends_body ? request.body.data() : nullptr);
  if (!sends_body) curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
  curl_easy_setopt(h, CURLOPT_NOBODY, !sends_body && method == "HEAD" ? 1L : 0L);
  bool const custom = sends_body ? method != "POST" : (method != "GET" && method != "HEAD");
  curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, custom ? request.method.c_str() : nullptr);
  // libcurl silently sends a request again when the reused connection it went out
  // on closes before a complete line of the answer — and cannot know whether the
  // server acted on it. A request that changes something therefore always takes a
  // fresh connection (which later calls may reuse): it is sent exactly once per
  // attempt the SDK decides on, and the SDK sees every failure.
  curl_easy_setopt(h, CURLOPT_FRESH_CONNECT, method != "GET" && method != "HEAD" ? 1L : 0L);

  auto const timeout = request.timeout.count() > 0 ? request.timeout : options_.request_timeout;
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, to_curl_ms(timeout));
}

Status CurlTransport::failure(std::string const& request, CURLcode code, Transfer const& transfer,
                              std::string curl_text) const {
  std::string const where = request + ": ";
  if (transfer.too_large) {
    return make_transport_error(TransportFailure::kTooLarge, ErrorCode::kInvalidResponse,
                                where + "the response body exceeds max_response_bytes (" +
                                    std::to_string(options_.max_response_bytes) + " bytes); transfer aborted");
  }
  curl_text = curl_easy_strerror(code) + (curl_text.empty() ? std::string() : " (" + curl_text + ")");
  bool const sent = transfer.request_started;
  if (!sent && transfer.proxy_status != 0 && (transfer.proxy_status < 200 || transfer.proxy_status > 299)) {
    // libcurl reports a refused CONNECT as a receive error; nothing reached the server.
    return make_transport_error(TransportFailure::kConnect, ErrorCode::kNetwork,
                                where + proxy_refusal(transfer.proxy_status) + " (" + curl_text + ")");
  }
  switch (code) {
    case CURLE_OPERATION_TIMEDOUT:
      return make_transport_error(
          sent ? TransportFailure::kReceive : TransportFailure::kConnect, ErrorCode::kTimeout,
          where + (sent ? "timed out waiting for the response: " : "timed out before the request was sent: ") +
              curl_text);
    case CURLE_UNSUPPORTED_PROTOCOL:  // once sent: the reply's protocol (e.g. HTTP/0.9)
    case CURLE_URL_MALFORMAT:
      if (!sent) return Status(ErrorCode::kInvalidArgument, where + "not a valid http(s) URL: " + curl_text);
      break;
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_CONNECT:
      return make_transport_error(
          TransportFailure::kConnect, ErrorCode::kNetwork,
          where + "could not connect: " + curl_text + "; check the host name, port, network and proxy settings");
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_CRL_BADFILE:
      return make_transport_error(TransportFailure::kConnect, ErrorCode::kNetwork,
                                  where + "TLS handshake failed: " + curl_text +
                                      "; check that the URL is https on a TLS port, the CA options "
                                      "(TlsOptions::ca_file / ca_path) and the server certificate's host name");
    case CURLE_SEND_ERROR:
      return make_transport_error(TransportFailure::kSend, ErrorCode::kNetwork,
                                  where + "failed while sending the request: " + curl_text);
    default:
      break;
  }
  // RECV_ERROR, GOT_NOTHING, PARTIAL_FILE, WEIRD_SERVER_REPLY, HTTP2, ... — if the
  // request had not been started yet, nothing can have reached the server.
  return make_transport_error(sent ? TransportFailure::kReceive : TransportFailure::kConnect, ErrorCode::kNetwork,
                              where +
                                  (sent ? "the response was cut, reset or malformed: "
                                        : "the connection failed before the request was sent: ") +
                                  curl_text);
}

std::string CurlTransport::proxy_refusal(long status) const {  // NOLINT(google-runtime-int)
  ProxyOptions const& proxy = options_.proxy;
  if (status != 407) {
    return "the proxy refused the tunnel with HTTP " + std::to_string(status) +
           "; check ProxyOptions (TransportOptions::proxy) or the https_proxy / no_proxy variables, and that "
           "the proxy allows CONNECT to this host and port";
  }
  // Never the credentials themselves: only where they come from.
  bool const configured = !proxy.username.empty() || proxy.url.find('@') != std::string::npos;
  return std::string("the proxy refused the tunnel with 407 Proxy Authentication Required: ") +
         (configured ? "it rejected the configured credentials; check ProxyOptions::username and ::password "
                       "(TransportOptions::proxy) or the user:password part of ProxyOptions::url"
                     : "set ProxyOptions::username and ::password (TransportOptions::proxy), or user:password in "
                       "the proxy URL (ProxyOptions::url or the https_proxy variable)");
}

/// curl's error text, without anything of the URL beyond scheme://host/path.
std::string scrub_error_text(char const* text, std::string const& url) {
  std::string out(text);
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  auto const query_start = url.find_first_of("?#");
  if (query_start == std::string::npos) return out;
  // libcurl does not echo the URL in its messages; make sure the query never leaks.
  std::string const query = url.substr(query_start);
  std::string_view const replacement = "?REDACTED";
  for (auto pos = out.find(query); pos != std::string::npos; pos = out.find(query, pos + replacement.size())) {
    out.replace(pos, query.size(), replacement);
  }
  return out;
}

/// "METHOD scheme://host/path", the start of every error message about the request.
std::string request_text(HttpRequest const& request) {
  return request.method + " " + detail::url_without_query(request.url);
}

Result<HttpResponse> CurlTransport::send(HttpRequest const& request) {
  if (init_ != CURLE_OK) {
    return Status(ErrorCode::kUnknown,
                  request_text(request) + ": libcurl initialization failed: " + curl_easy_strerror(init_));
  }
  if (!is_token(request.method)) {
    return Status(ErrorCode::kInvalidArgument, "refusing to send a request with an invalid HTTP method");
  }
  std::string_view const method = request.method;
  bool const sends_body = !request.body.empty() || method == "POST" || method == "PUT" || method == "PATCH";
  std::unique_ptr<PooledHandle> handle = pool_.acquire();
  if (!handle) handle = make_handle();
  if (!handle) return Status(ErrorCode::kUnknown, request_text(request) + ": curl_easy_init failed");
  if (Status headers = use_headers(*handle, request.headers, sends_body); !headers.ok()) {
    pool_.release(std::move(handle));
    return headers;
  }
  set_request_options(*handle, request, sends_body);
  Transfer& transfer = handle->transfer;
  transfer = Transfer();
  transfer.max_body = options_.max_response_bytes;
  transfer.response.headers.reserve(16);  // a typical answer's, without regrowing
  handle->error[0] = '\0';
  CURL* h = handle->curl.get();
  CURLcode const code = curl_easy_perform(h);
  // The body is the caller's: no idle handle keeps a pointer to it.
  if (sends_body) curl_easy_setopt(h, CURLOPT_POSTFIELDS, nullptr);

  if (code == CURLE_OK) {
    long status = 0;  // NOLINT(google-runtime-int): libcurl's type
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    HttpResponse response = std::move(transfer.response);
    response.status = static_cast<int>(status);
    pool_.release(std::move(handle));
    return response;
  }
  curl_easy_getinfo(h, CURLINFO_HTTP_CONNECTCODE, &transfer.proxy_status);
#if LIBCURL_VERSION_NUM < 0x075000  // no PREREQFUNCTION: "about to send" is the pretransfer time
  curl_off_t pretransfer = 0;
  curl_easy_getinfo(h, CURLINFO_PRETRANSFER_TIME_T, &pretransfer);
  transfer.request_started = pretransfer > 0;
#endif
  Status error = failure(request_text(request), code, transfer, scrub_error_text(handle->error, request.url));
  pool_.release(std::move(handle));
  return error;
}

}  // namespace

std::shared_ptr<HttpTransport> make_curl_transport(TransportOptions options) {
  return std::make_shared<CurlTransport>(std::move(options));
}

}  // namespace flowii
