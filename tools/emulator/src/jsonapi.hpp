// JSON:API wire helpers: media type, request documents, identifiers and replies.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "http_types.hpp"
#include "store.hpp"

namespace flowii::emulator {

inline constexpr char const* jsonapi_media_type = "application/vnd.api+json";

HttpReply document_reply(int status, nlohmann::json const& document);
HttpReply no_content();

// Requires a JSON Content-Type and a body {"data": {...}}; throws ApiError 400.
nlohmann::json parse_document(HttpRequest const& request);

// FLOWii ids are strings, but some documented examples send numbers.
std::optional<std::string> id_text(nlohmann::json const& id);
nlohmann::json identifier(Ref const& ref);  // {"type","id"}

}  // namespace flowii::emulator
