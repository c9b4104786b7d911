// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include "api_error.hpp"

#include <nlohmann/json.hpp>

#include "jsonapi.hpp"

namespace flowii::emulator {

namespace {

std::string summary(std::vector<ErrorObject> const& errors) {
  return errors.empty() ? std::string("error") : errors.front().detail;
}

}  // namespace

ErrorReply::ErrorReply(std::vector<ErrorObject> errors, NameValues headers)
    : std::runtime_error(summary(errors)), errors_(std::move(errors)), headers_(std::move(headers)) {}

ErrorReply::ErrorReply(int status, std::string detail, NameValues headers)
    : ErrorReply(std::vector<ErrorObject>{ErrorObject{status, std::move(detail), {}, {}, {}, {}, {}}},
                 std::move(headers)) {}

int ErrorReply::status() const {
  if (errors_.empty()) return 500;
  int const first = errors_.front().status;
  for (auto const& e : errors_) {
    if (e.status != first) return first >= 500 ? 500 : 400;  // JSON:API: most general code
  }
  return first;
}

ErrorObject at_pointer(int status, std::string pointer, std::string detail) {
  return ErrorObject{status, std::move(detail), std::move(pointer), {}, {}, {}, {}};
}

ErrorObject at_parameter(int status, std::string parameter, std::string detail) {
  return ErrorObject{status, std::move(detail), {}, std::move(parameter), {}, {}, {}};
}

void ErrorList::raise_if_any() const {
  if (!errors_.empty()) throw ErrorReply(errors_);
}

char const* reason_phrase(int status) {
  switch (status) {
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 409:
      return "Conflict";
    case 413:
      return "Payload Too Large";
    case 422:
      return "Unprocessable Entity";
    case 429:
      return "Too Many Requests";
    case 500:
      return "Internal Server Error";
    case 502:
      return "Bad Gateway";
    case 503:
      return "Service Unavailable";
    case 504:
      return "Gateway Timeout";
    default:
      return status >= 500 ? "Server Error" : "Error";
  }
}

HttpReply error_reply(ErrorReply const& error) {
  nlohmann::json list = nlohmann::json::array();
  for (auto const& e : error.errors()) {
    nlohmann::json item = {{"status", std::to_string(e.status)},
                           {"title", e.title.empty() ? reason_phrase(e.status) : e.title},
                           {"detail", e.detail}};
    if (!e.code.empty()) item["code"] = e.code;
    if (!e.pointer.empty()) item["source"] = {{"pointer", e.pointer}};
    if (!e.parameter.empty()) item["source"] = {{"parameter", e.parameter}};
    if (!e.header.empty()) item["source"] = {{"header", e.header}};
    list.push_back(std::move(item));
  }
  HttpReply reply = document_reply(error.status(), {{"errors", std::move(list)}});
  reply.headers = error.headers();
  return reply;
}

}  // namespace flowii::emulator
