// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Internal: the request pipeline every business call goes through — Api-Key and
// Bearer, one attempt on the wire, the retry rules (core/retry_policy.hpp), the
// one token renewal after a 401 and the wait between attempts. It knows nothing
// of sessions: the caller gives the company id (src/core/session.hpp).
#ifndef FLOWII_SRC_CORE_PIPELINE_HPP
#define FLOWII_SRC_CORE_PIPELINE_HPP

#include <flowii/http.hpp>
#include <flowii/options.hpp>

#include "auth/token_manager.hpp"
#include "core/wire.hpp"
#include "http/percent_encoding.hpp"

#include <string>
#include <utility>
#include <vector>

namespace flowii::detail {

using QueryParams = std::vector<std::pair<std::string, std::string>>;

/// One logical API call.
struct Call {
  std::string method = "GET";
  std::string path;   ///< relative to the base URL, segments already encoded
  QueryParams query;  ///< not yet encoded
  std::string body;
  std::string content_type = "application/vnd.api+json";
  std::string accept = "application/vnd.api+json";
  bool company_scoped = true;  ///< adds companyId (false only for /companies)
  bool idempotent = true;      ///< may be retried after the request could have reached FLOWii
  CallOptions options;
};

/// kInvalidArgument unless the path starts with '/' and has no empty segment.
Status check_path(Call const& call);

class Pipeline {
 public:
  Pipeline(Wire& wire, TokenManager& tokens) : wire_(wire), tokens_(tokens) {}

  /// The call's URL: base URL, path, companyId (unless `company_id` is null) and
  /// the query, encoded.
  std::string url(Call const& call, std::string const* company_id) const;
  /// Sends the call to `url` until the retry rules say stop; a non-2xx answer
  /// becomes an error Status.
  Result<HttpResponse> send(Call const& call, std::string const& url);

  Wire& wire() { return wire_; }

 private:
  HttpRequest request(Call const& call, std::string const& url) const;

  Wire& wire_;
  TokenManager& tokens_;
};

}  // namespace flowii::detail

#endif  // FLOWII_SRC_CORE_PIPELINE_HPP
