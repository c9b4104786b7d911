// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// JSON:API wire helpers: media type, request documents, identifiers and replies.
#ifndef FLOWII_TOOLS_EMULATOR_SRC_JSONAPI_HPP
#define FLOWII_TOOLS_EMULATOR_SRC_JSONAPI_HPP

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "http_types.hpp"
#include "store.hpp"

namespace flowii::emulator {

inline constexpr char const* jsonapi_media_type = "application/vnd.api+json";

HttpReply document_reply(int status, nlohmann::json const& document);
HttpReply no_content();

// Requires a JSON Content-Type and a body {"data": {...}}; throws ErrorReply 400.
nlohmann::json parse_document(InboundRequest const& request);

// FLOWii ids are strings, but some documented examples send numbers.
std::optional<std::string> id_text(nlohmann::json const& id);
nlohmann::json identifier(Ref const& ref);  // {"type","id"}

// Whether `object` (attributes or relationships) has `name` with a value other
// than null: a write that sends null leaves a field unset.
bool is_set(nlohmann::json const& object, std::string_view name);

}  // namespace flowii::emulator

#endif  // FLOWII_TOOLS_EMULATOR_SRC_JSONAPI_HPP
