// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// The generic operations of api.hpp: every typed method of every module ends here.
#include <flowii/api.hpp>

#include "core/operations.hpp"

#include "core/core.hpp"
#include "core/jsonapi.hpp"
#include "core/reconcile.hpp"
#include "core/resource_data.hpp"

#include <algorithm>

namespace flowii::detail {
namespace {

constexpr char const* kUnbound =
    "this call reached a mock's own implementation, which has no FLOWii behind it: set an EXPECT_CALL or ON_CALL "
    "for it on the mock (flowii/testing/mocks.hpp), or use a Client made from ClientOptions";

// The unbound core's transport, never reached (the core refuses every call first):
// it only spares the unbound core a libcurl handle.
class UnboundTransport : public HttpTransport {
 public:
  Result<HttpResponse> send(HttpRequest const&) override { return Status(ErrorCode::kInvalidArgument, kUnbound); }
};

}  // namespace

bool idempotent_by_default(std::string_view method) {
  return method == "GET" || method == "HEAD" || method == "DELETE";
}

Call make_call(std::string method, std::string const& path, ListQuery const& query, CallOptions const& options) {
  Call c;
  c.method = std::move(method);
  c.path = path;
  c.query = query.to_query();
  c.options = options;
  c.idempotent = idempotent_by_default(c.method);
  return c;
}

std::shared_ptr<Core> const& unbound_core() {
  static std::shared_ptr<Core> const kCore = [] {
    ClientOptions o;
    o.base_url = "https://unbound.invalid";
    o.credentials = Credentials{"unbound", "unbound", "unbound"};
    o.transport = std::make_shared<UnboundTransport>();
    o.retry.max_attempts = 1;
    o.reconcile.enabled = false;
    o.sleep = [](std::chrono::milliseconds) {};
    return std::make_shared<Core>(std::move(o), Status(ErrorCode::kInvalidArgument, kUnbound));
  }();
  return kCore;
}

Status no_client_status() {
  return Status(ErrorCode::kInvalidArgument,
                "this object is not connected to a Client (default-constructed); get it from a module of a Client");
}

namespace {

// GET of a document whose `data` must be what the typed call expects: an answer of
// another kind (a sub-list, an HTML page) is an error, never a wrong object.
Result<JsonApiDocument> fetch_document(Core& core, Call const& call, Expected const& expected) {
  auto response = core.execute(call);
  if (!response) return response.status();
  auto doc = decode_document(*response, expected);
  if (!doc) return Status(doc.status()).with_http_status(response->status).with_request(call.method + " " + call.path);
  return doc;
}

// A write (PATCH, DELETE, POST without a resource) succeeds with no body or any JSON;
// an HTML page or another media type means the request did not reach FLOWii's API.
// With `type`, a resource in the answer must be one of that type.
Status check_write_answer(Call const& call, HttpResponse const& response, std::string_view type = {}) {
  Status bad;
  if (auto foreign = foreign_body(response)) {
    bad = Status(ErrorCode::kInvalidResponse,
                 "expected no body or FLOWii's JSON, got " + *foreign + ". " + base_url_hint());
  } else if (!type.empty()) {
    auto j = nlohmann::json::parse(response.body, nullptr, /*allow_exceptions=*/false);
    if (j.is_object() && j.contains("data") && !j["data"].is_null()) {
      if (auto doc = decode_document(response, Expected{Expected::Shape::kOne, type}); !doc) bad = doc.status();
    }
  }
  if (bad.ok()) return bad;
  return bad.with_http_status(response.status).with_request(call.method + " " + call.path);
}

// The created record: what was sent, plus the id and attributes FLOWii answered with.
// `answer_type`: the JSON:API type of the answer, when not the one sent.
Result<Resource> created_from_answer(Call const& call, Resource const& resource, HttpResponse const& response,
                                     std::string_view answer_type) {
  Resource created = resource;
  if (response.body.empty()) return created;
  auto doc = decode_document(
      response, Expected{Expected::Shape::kOne, answer_type.empty() ? std::string_view(resource.type()) : answer_type});
  if (!doc && foreign_body(response)) {
    // Not FLOWii's answer at all (the message says why): nothing suggests a record exists.
    return Status(doc.status()).with_http_status(response.status).with_request(call.method + " " + call.path);
  }
  if (!doc || doc->data.empty()) {
    // FLOWii did create it (2xx) but we cannot tell the id: say so rather than guess.
    return Status(ErrorCode::kInvalidResponse,
                  (doc ? std::string() : doc.status().message() + ". ") +
                      "FLOWii accepted the create but its answer has no resource id; the record probably exists — "
                      "look it up before creating it again")
        .with_http_status(response.status)
        .with_request(call.method + " " + call.path);
  }
  // FLOWii answers with the id and a few server-assigned attributes (serial-nr):
  // keep what was sent and add what came back.
  auto const& back = doc->data.front();
  created.set_id(back.id());
  auto& rest = detail::data_of(created).rest;
  auto const& back_rest = detail::data_of(back).rest;
  if (auto a = back_rest.find("attributes"); a != back_rest.end() && a->is_object()) {
    for (auto it = a->begin(); it != a->end(); ++it) rest["attributes"][it.key()] = it.value();
  }
  if (auto l = back_rest.find("links"); l != back_rest.end()) rest["links"] = *l;
  return created;
}

}  // namespace

std::string make_path(std::initializer_list<std::string_view> segments) {
  std::string out;
  bool first = true;
  for (auto s : segments) {
    if (first) {
      out += s;  // the collection: a constant of the SDK, already a path
      first = false;
    } else {
      out += '/';
      if (!s.empty() && s.find_first_not_of('.') == std::string_view::npos && s.size() <= 2) {
        // "." and ".." are dot-segments: URL normalisation (libcurl's included) would
        // remove them and send the request to another path. Encoded, they are ids.
        for (std::size_t i = 0; i < s.size(); ++i) out += "%2E";
      } else {
        out += url_encode(s);
      }
    }
  }
  return out;
}

Result<Page<Resource>> list_page(Core& core, std::string const& path, ListQuery const& query,
                                 CallOptions const& options, std::string_view type) {
  ListQuery q = query;
  if (!q.page()) q.set_page(0);  // FLOWii pages start at 0
  if (!q.page_size() && core.options().paging.page_size > 0) q.set_page_size(core.options().paging.page_size);
  auto doc = fetch_document(core, make_call("GET", path, q, options), Expected{Expected::Shape::kMany, type});
  if (!doc) return doc.status();
  Page<Resource> page;
  page.items = std::move(doc->data);
  page.number = *q.page();
  page.size = q.page_size();
  page.self_link = link(*doc, "self").value_or("");
  page.first_link = link(*doc, "first").value_or("");
  page.next_link = link(*doc, "next");
  page.included = doc->included;
  if (page.next_link) core.note_next_link();
  // See docs/adr/0003-paging.md: an empty page always ends a listing; a missing
  // `next` ends it once the server has shown that it sends `next` links.
  page.last =
      page.items.empty() || (!page.next_link && (core.options().paging.trust_missing_next || core.next_links_seen()));
  return page;
}

Result<std::vector<Resource>> list_all(Core& core, std::string const& path, ListQuery const& query,
                                       CallOptions const& options, std::string_view type) {
  auto doc = fetch_document(core, make_call("GET", path, query, options), Expected{Expected::Shape::kMany, type});
  if (!doc) return doc.status();
  return std::move(doc->data);
}

Result<Resource> read(Core& core, std::string const& path, ListQuery const& query, CallOptions const& options,
                      std::string_view type) {
  auto call = make_call("GET", path, query, options);
  auto doc = fetch_document(core, call, Expected{Expected::Shape::kOne, type});
  if (!doc) return doc.status();
  if (doc->data.empty()) {
    return Status(ErrorCode::kNotFound, "FLOWii answered with no resource (data: null)")
        .with_request(call.method + " " + call.path);
  }
  return std::move(doc->data.front());
}

// A create whose answer was lost (kOutcomeUnknown): look for the record it may have
// made, and send it again only when FLOWii provably has none (ADR 0010).
Result<Resource> create(Core& core, std::string const& path, Resource const& resource, CallOptions const& options,
                        Reconcile reconcile, std::string_view answer_type) {
  auto call = make_call("POST", path, {}, options);
  call.body = single_document(resource);
  auto const& settings = core.options().reconcile;
  int const sends = std::max(1, options.max_attempts.value_or(core.options().retry.max_attempts));
  for (int send = 1;; ++send) {
    auto const attempted = UnixTime::from(core.options().wall_clock());
    auto response = core.execute(call);
    if (response) return created_from_answer(call, resource, *response, answer_type);
    Status const& lost = response.status();
    if (lost.code() != ErrorCode::kOutcomeUnknown || reconcile == Reconcile::kNo || !settings.enabled) return lost;

    core.log(LogLevel::kWarn, call.method + " " + path + ": outcome unknown; looking for the record in FLOWii");
    core.notify(CallEvent{CallEvent::Kind::kReconcile, lost, settings.settle, send, sends});
    core.options().sleep(settings.settle);
    auto found = find_created(core, path, resource, attempted, options);
    if (!found) {
      return Status(lost).with_message(lost.message() +
                                       " Looking for the record did not work either: " + found.status().message());
    }
    if (found->size() == 1) {
      core.log(LogLevel::kInfo, call.method + " " + path + ": FLOWii did create it, as " + found->front().id());
      return std::move(found->front());
    }
    if (found->size() > 1) {
      std::string ids;
      for (auto const& r : *found) ids += (ids.empty() ? "" : ", ") + r.id();
      return Status(lost).with_message(lost.message() + " Several records created since then match what was sent (" +
                                       ids + "); one may be this call's: check them before creating it again.");
    }
    if (send >= sends) {
      return Status(lost).with_message(lost.message() +
                                       " FLOWii has no such record, so sending it again is safe, but this call's "
                                       "attempts (RetryOptions::max_attempts) are used up.");
    }
    core.log(LogLevel::kInfo, call.method + " " + path + ": FLOWii has no such record; sending it again");
  }
}

Status post(Core& core, std::string const& path, Resource const& resource, CallOptions const& options) {
  auto call = make_call("POST", path, {}, options);
  call.body = single_document(resource);
  auto response = core.execute(call);
  return response ? check_write_answer(call, *response) : response.status();
}

Status update(Core& core, std::string const& path, Resource const& resource, CallOptions const& options) {
  if (resource.id().empty()) {
    return Status(ErrorCode::kInvalidArgument,
                  "update: the " + resource.type() + " has no id; read it first or set_id()");
  }
  auto call = make_call("PATCH", path, {}, options);
  // A PATCH that carries the full object is a repeatable write (the same state
  // twice), but nested objects without ids would be created twice; treat as unsafe.
  call.idempotent = false;
  call.body = single_document(resource);
  auto response = core.execute(call);
  return response ? check_write_answer(call, *response, resource.type()) : response.status();
}

Status remove(Core& core, std::string const& path, CallOptions const& options) {
  auto call = make_call("DELETE", path, {}, options);
  auto response = core.execute(call);
  return response ? check_write_answer(call, *response) : response.status();
}

Result<Binary> download(Core& core, std::string const& path, ListQuery const& query, CallOptions const& options) {
  auto call = make_call("GET", path, query, options);
  call.accept = "*/*";
  auto response = core.execute(call);
  if (!response) return response.status();
  Binary out;
  out.bytes = std::move(response->body);
  if (auto ct = find_header(response->headers, "Content-Type")) out.content_type = *ct;
  if (auto cd = find_header(response->headers, "Content-Disposition")) {
    auto pos = cd->find("filename=");
    if (pos != std::string::npos) {
      auto name = cd->substr(pos + 9);
      if (!name.empty() && name.front() == '"') name = name.substr(1, name.find('"', 1) - 1);
      out.filename = name.substr(0, name.find(';'));
    }
  }
  return out;
}

}  // namespace flowii::detail
