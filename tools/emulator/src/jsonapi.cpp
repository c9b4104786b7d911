// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include "jsonapi.hpp"

#include "api_error.hpp"
#include "common/ascii.hpp"
#include "text.hpp"

namespace flowii::emulator {

HttpReply document_reply(int status, nlohmann::json const& document) {
  HttpReply reply;
  reply.status = status;
  reply.content_type = jsonapi_media_type;
  reply.body = document.dump();
  return reply;
}

HttpReply no_content() {
  HttpReply reply;
  reply.status = 204;
  return reply;
}

nlohmann::json parse_document(InboundRequest const& request) {
  std::string const type = common::to_lower(trim(split(request.header("Content-Type"), ';').front()));
  if (type != jsonapi_media_type && type != "application/json") {
    ErrorObject e{400, "Content-Type must be application/vnd.api+json.", {}, {}, "Content-Type", {}, {}};
    throw ErrorReply({e});
  }
  auto document = nlohmann::json::parse(request.body, nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded()) throw ErrorReply(400, "The request body is not valid JSON.");
  if (!document.is_object() || !document.contains("data") || !document["data"].is_object()) {
    throw ErrorReply({at_pointer(400, "/data", "The request document must have a data object.")});
  }
  return document;
}

std::optional<std::string> id_text(nlohmann::json const& id) {
  if (id.is_string()) return id.get<std::string>();
  if (id.is_number_integer()) return std::to_string(id.get<std::int64_t>());
  return std::nullopt;
}

nlohmann::json identifier(Ref const& ref) { return {{"type", ref.type}, {"id", ref.id}}; }

bool is_set(nlohmann::json const& object, std::string_view name) {
  auto const it = object.find(name);
  return it != object.end() && !it->is_null();
}

}  // namespace flowii::emulator
