// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// A scripted HttpTransport for unit tests of code that uses flowii::Client: it
// records every request and answers from a script instead of the network, so a
// test asserts both what was sent and how the answers are handled.
//
//   auto fake = flowii::testing::FakeTransport::with_session();  // token, company, user
//   flowii::Client client(fake->client_options());
//
// See docs/testing.md.
#ifndef FLOWII_TESTING_FAKE_TRANSPORT_HPP
#define FLOWII_TESTING_FAKE_TRANSPORT_HPP

#include <flowii/http.hpp>
#include <flowii/options.hpp>
#include <flowii/resource.hpp>
#include <flowii/result.hpp>

#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace flowii::testing {

// ---- building answers -------------------------------------------------------

/// A response with a JSON:API content type and the given body.
/// @param status HTTP status code.
/// @param body   Response body, sent as is.
/// @param extra  Further headers (e.g. Retry-After), appended after Content-Type.
HttpResponse json_response(int status, std::string body, HttpHeaders extra = {});

/// A response without body (e.g. 204 after a PATCH).
/// @param status HTTP status code.
HttpResponse empty_response(int status);

/// `200 {"data": resource}`: a read or a create answered with the resource.
/// @param resource The resource (any model, e.g. flowii::Partner) to send back.
HttpResponse resource_response(Resource const& resource);

/// `200 {"data": [...], "links": {...}}`: one page of a listing.
/// @param resources The items of the page.
/// @param has_next  True: the answer carries `links.next`, so the SDK asks for the
///                  following page; false: this is the last page (client_options()
///                  makes the client trust a missing `next`).
HttpResponse list_response(std::vector<Resource> const& resources, bool has_next = false);

/// A JSON:API error answer: `{"errors": [{"status", "title", "detail"}]}`.
/// @param status HTTP status code (also the error's "status").
/// @param title  Short summary of the error.
/// @param detail Explanation; left out when empty.
HttpResponse error_response(int status, std::string const& title, std::string const& detail = {});

// ---- reading requests ---------------------------------------------------------

/// The path of a request as sent (still percent-encoded), without base URL or query.
/// @param request A recorded request.
std::string path_of(HttpRequest const& request);

/// One line describing a request for test output: method, URL, headers and a
/// body excerpt with secrets (Authorization, Api-Key, password and token fields,
/// query parameters not known to be harmless) replaced by REDACTED.
/// @param request A recorded request.
std::string describe(HttpRequest const& request);

// ---- the transport --------------------------------------------------------------

/// Ids and names the session script answers with (see FakeTransport::script_session).
struct FakeSession {
  std::string company_id = "1";
  std::string company_name = "Test Company s.r.o.";
  std::string user_id = "1";
  std::string user_name = "Tester Tina";
};

/// Records requests and answers them, thread-safe. Each request is answered by
/// the first of:
///   1. a route registered with on() for its method and exact path;
///   2. the next response of the queue (enqueue());
///   3. the fallback handler (constructor or set_fallback());
/// and otherwise with an error result (ErrorCode::kUnknown) whose message names
/// the request — the call under test fails cleanly and unanswered() lists it.
/// Own it with std::shared_ptr (client_options() hands it to a Client).
class FakeTransport : public HttpTransport, public std::enable_shared_from_this<FakeTransport> {
 public:
  /// Computes the answer of one request.
  using Handler = std::function<Result<HttpResponse>(HttpRequest const&)>;

  FakeTransport() = default;
  /// @param fallback Answers every request that no route or queued response answers.
  explicit FakeTransport(Handler fallback);

  /// A transport with script_session() already applied.
  /// @param session The company and user to answer with.
  static std::shared_ptr<FakeTransport> with_session(FakeSession const& session = {});

  /// Client options for this transport: a loopback base URL, test credentials,
  /// no real waiting between retries (sleep is a no-op, jitter off), and listings
  /// that end at a page without `links.next`. Keep the transport alive as long as
  /// the client.
  ClientOptions client_options();

  /// Answers every `method path` request with `handler` (path exact, without the
  /// query, percent-encoded as sent). A later route for the same pair replaces it.
  /// @param method  "GET", "POST", "PATCH" or "DELETE".
  /// @param path    E.g. "/partners/12".
  /// @param handler Computes the answer; it may inspect the request.
  FakeTransport& on(std::string method, std::string path, Handler handler);
  /// Answers every `method path` request with the same response.
  /// @param method   "GET", "POST", "PATCH" or "DELETE".
  /// @param path     E.g. "/partners".
  /// @param response The answer, or an error to report as a transport failure.
  FakeTransport& on(std::string method, std::string path, Result<HttpResponse> response);

  /// Queues the answer of the next request no route answers (first in, first out).
  /// @param response The answer, or an error to report as a transport failure.
  FakeTransport& enqueue(Result<HttpResponse> response);

  /// Routes POST /token, GET /companies and GET /users/self, as FLOWii answers them.
  /// @param session The company and user to answer with.
  FakeTransport& script_session(FakeSession const& session = {});

  /// Replaces the fallback handler (empty: none).
  /// @param fallback Answers what no route or queued response answers.
  void set_fallback(Handler fallback);

  Result<HttpResponse> send(HttpRequest const& request) override;

  /// Every request received, in order.
  std::vector<HttpRequest> requests() const;
  /// Requests to exactly `method path` (path without query).
  /// @param method "GET", "POST", "PATCH" or "DELETE".
  /// @param path   E.g. "/partners".
  std::vector<HttpRequest> requests_to(std::string const& method, std::string const& path) const;
  /// The number of requests whose URL contains `fragment` (e.g. "/token").
  /// @param fragment Any part of the URL.
  std::size_t count(std::string const& fragment) const;
  /// describe() of every request that nothing scripted answered.
  std::vector<std::string> unanswered() const;
  /// describe() of every request, one per line: safe to print in a test failure.
  std::string transcript() const;
  /// Queued responses not used yet.
  std::size_t pending() const;

 private:
  struct Route {
    std::string method;
    std::string path;
    Handler handler;
  };
  /// What answers `request`; empty when nothing does.
  Handler answer_for(HttpRequest const& request);

  mutable std::mutex mu_;
  std::vector<Route> routes_;
  std::deque<Result<HttpResponse>> queue_;
  Handler fallback_;
  std::vector<HttpRequest> requests_;
  std::vector<std::string> unanswered_;
};

}  // namespace flowii::testing

#endif  // FLOWII_TESTING_FAKE_TRANSPORT_HPP
