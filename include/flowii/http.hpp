// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// The transport seam: one small interface between the SDK and the network.
// The default implementation is libcurl (make_curl_transport); tests replace it.
// See docs/adr/0004-transport.md.
#ifndef FLOWII_HTTP_HPP
#define FLOWII_HTTP_HPP

#include <flowii/result.hpp>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace flowii {

using HttpHeaders = std::vector<std::pair<std::string, std::string>>;

/// Case-insensitive header lookup; the first match, or nullptr.
std::string const* find_header(HttpHeaders const& headers, std::string const& name);

struct HttpRequest {
  std::string method;  ///< "GET", "POST", "PATCH", "DELETE"
  std::string url;     ///< absolute, query already encoded
  HttpHeaders headers;
  std::string body;
  /// Whole-request deadline for this attempt; zero means the transport default.
  std::chrono::milliseconds timeout{0};
};

struct HttpResponse {
  int status = 0;
  HttpHeaders headers;
  std::string body;
};

/// Failures a transport reports (instead of a response). Whether a failed request
/// could have reached the server matters for retrying non-idempotent calls.
enum class TransportFailure {
  kConnect,   ///< nothing was sent: refused, DNS, connect timeout, TLS handshake
  kSend,      ///< failed while sending; the server may have seen part or all of it
  kReceive,   ///< the request was sent; the answer was cut, reset, malformed or late
  kTooLarge,  ///< the response body exceeded the configured cap
};

class HttpTransport {
 public:
  virtual ~HttpTransport() = default;
  /// Sends one request. Any HTTP status (4xx/5xx included) is a success here;
  /// only network-level failures return an error: its status().message() says what
  /// failed, and transport_failure() gives the TransportFailure kind. Requests the
  /// transport refuses before sending anything (a header with CR/LF, a non-http(s)
  /// URL) fail with kInvalidArgument and no TransportFailure.
  virtual Result<HttpResponse> send(HttpRequest const& request) = 0;
};

/// Extracts the TransportFailure kind from a transport error Status, if any.
std::optional<TransportFailure> transport_failure(Status const& status);
/// Builds the Status a transport returns for a failure (message must not hold secrets).
Status make_transport_error(TransportFailure kind, ErrorCode code, std::string message);

struct ProxyOptions {
  /// Explicit proxy URL ("http://proxy:3128"). Empty: libcurl's environment
  /// handling applies (http_proxy, https_proxy, no_proxy).
  std::string url;
  std::string username;
  std::string password;
  /// Hosts that bypass the proxy (libcurl NOPROXY syntax). Empty: environment.
  std::string no_proxy;
  /// Ignore proxy environment variables entirely.
  bool ignore_environment = false;
};

struct TlsOptions {
  bool verify_peer = true;  ///< never turn off outside tests
  std::string ca_file;      ///< PEM bundle; empty: system default
  std::string ca_path;      ///< directory of hashed certificates; empty: system default
};

struct TransportOptions {
  std::chrono::milliseconds connect_timeout{10'000};
  std::chrono::milliseconds request_timeout{60'000};
  /// Bodies larger than this fail with TransportFailure::kTooLarge (bounded memory).
  std::size_t max_response_bytes = std::size_t{64} << 20;
  /// Easy handles kept for reuse (keep-alive). More concurrent calls than this still
  /// work; surplus handles are simply closed after use.
  std::size_t max_pooled_handles = 16;
  ProxyOptions proxy;
  TlsOptions tls;
};

/// The libcurl transport: a pool of easy handles (one thread per handle at a time),
/// keep-alive reuse, no global init for callers, no background threads.
std::shared_ptr<HttpTransport> make_curl_transport(TransportOptions options = {});

}  // namespace flowii

#endif  // FLOWII_HTTP_HPP
