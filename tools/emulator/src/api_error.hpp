// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// JSON:API errors: thrown by handlers, turned into {"errors":[...]} documents.
#ifndef FLOWII_TOOLS_EMULATOR_SRC_API_ERROR_HPP
#define FLOWII_TOOLS_EMULATOR_SRC_API_ERROR_HPP

#include <stdexcept>
#include <string>
#include <vector>

#include "http_types.hpp"

namespace flowii::emulator {

struct ErrorObject {
  int status = 400;
  std::string detail;
  // At most one of these becomes errors[].source.
  std::string pointer;    // JSON pointer into the request document
  std::string parameter;  // query parameter name
  std::string header;     // request header name
  std::string title;      // empty = the status' reason phrase
  std::string code;       // errors[].code; empty = not sent
};

class ErrorReply : public std::runtime_error {
 public:
  explicit ErrorReply(std::vector<ErrorObject> errors, NameValues headers = {});
  ErrorReply(int status, std::string detail, NameValues headers = {});

  int status() const;  // shared status, or the generic 400/500 when they differ
  std::vector<ErrorObject> const& errors() const { return errors_; }
  NameValues const& headers() const { return headers_; }

 private:
  std::vector<ErrorObject> errors_;
  NameValues headers_;
};

ErrorObject at_pointer(int status, std::string pointer, std::string detail);
ErrorObject at_parameter(int status, std::string parameter, std::string detail);

// Collects validation problems so that one reply can report all of them.
class ErrorList {
 public:
  void add(ErrorObject error) { errors_.push_back(std::move(error)); }
  void at(int status, std::string pointer, std::string detail) {
    add(at_pointer(status, std::move(pointer), std::move(detail)));
  }
  bool empty() const { return errors_.empty(); }
  void raise_if_any() const;

 private:
  std::vector<ErrorObject> errors_;
};

char const* reason_phrase(int status);
HttpReply error_reply(ErrorReply const& error);

}  // namespace flowii::emulator

#endif  // FLOWII_TOOLS_EMULATOR_SRC_API_ERROR_HPP
