// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Internal: JSON:API documents (data / included / links / meta / errors) and
// FLOWii's error bodies (JSON:API errors[], OAuth error, .NET "Message").
#ifndef FLOWII_SRC_CORE_JSONAPI_HPP
#define FLOWII_SRC_CORE_JSONAPI_HPP

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

struct Document {
  std::vector<Resource> data;  ///< one element for a single-resource document
  bool data_is_array = false;
  std::shared_ptr<Included const> included;
  nlohmann::json links = nlohmann::json::object();
  nlohmann::json meta = nlohmann::json::object();
};

/// Parses a JSON:API document. kInvalidResponse when the body is not JSON, has
/// no `data`, or `data` is neither an object, an array nor null.
Result<Document> parse_document(std::string_view body);

/// Reads `links.<name>` as a string, if present.
std::optional<std::string> link(Document const& doc, char const* name);

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
