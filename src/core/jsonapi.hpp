// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Internal: JSON:API documents (data / included / links / meta / errors) and
// FLOWii's error bodies (JSON:API errors[], OAuth error, .NET "Message").
#ifndef FLOWII_SRC_CORE_JSONAPI_HPP
#define FLOWII_SRC_CORE_JSONAPI_HPP

#include <flowii/http.hpp>
#include <flowii/query.hpp>
#include <flowii/resource.hpp>
#include <flowii/status.hpp>

#include <nlohmann/json.hpp>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace flowii::detail {

struct JsonApiDocument {
  std::vector<Resource> data;  ///< one element for a single-resource document
  bool data_is_array = false;
  std::shared_ptr<Included const> included;
  nlohmann::json links;  ///< the `links` object; null when the document has none
  nlohmann::json meta;   ///< the `meta` object; null when the document has none
};

/// Parses a JSON:API document. kInvalidResponse when the body is not JSON, has
/// no `data`, or `data` is neither an object, an array nor null.
Result<JsonApiDocument> parse_document(std::string_view body);

/// What a typed call expects in `data`: one resource or an array of them, of the
/// model's JSON:API type (empty: any type).
struct Expected {
  enum class Shape { kOne, kMany };
  Shape shape = Shape::kOne;
  std::string_view type;
};

/// Decodes the 2xx answer of a typed call. kInvalidResponse, with a message naming
/// what was expected and what came ("expected one \"partner\" resource, got an
/// array of 3 \"contact\" resources"), when the body is not a JSON:API document or
/// `data` has another shape or type; for HTML or an unknown media type the message
/// adds base_url_hint(). `data: null` decodes as no resource, and so does an empty
/// body for kMany (FLOWii answers some empty lists with no body).
Result<JsonApiDocument> decode_document(HttpResponse const& response, Expected const& expected);

/// Names a body that cannot be FLOWii's JSON, judged by the Content-Type and the
/// body's first bytes: "an HTML page (Content-Type text/html)", "a text/plain body".
/// nullopt for an empty body and for anything that looks like JSON (valid or not).
std::optional<std::string> foreign_body(std::string_view body, std::string const* content_type);
std::optional<std::string> foreign_body(HttpResponse const& response);

/// The advice for an answer that is not FLOWii's: the base URL may point elsewhere.
std::string const& base_url_hint();

/// Reads `links.<name>` as a string, if present.
std::optional<std::string> link(JsonApiDocument const& doc, char const* name);

/// Errors found in an error body, in whatever shape FLOWii used.
struct ErrorBody {
  std::vector<ApiError> errors;         // JSON:API errors[]
  std::string oauth_error;              // OAuth "error"
  std::string oauth_error_description;  // OAuth "error_description"
  std::string message;                  // .NET "Message"/"message"
};
/// Never fails: an unparseable body gives an empty ErrorBody.
ErrorBody parse_error_body(std::string_view body);

/// `{"data": <resource object>}` for POST/PATCH bodies.
std::string single_document(Resource const& r);

}  // namespace flowii::detail

#endif  // FLOWII_SRC_CORE_JSONAPI_HPP
