// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include "core/jsonapi.hpp"

#include "core/resource_data.hpp"

namespace flowii::detail {

using json = nlohmann::json;

Result<Document> parse_document(std::string_view body) {
  auto j = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Status(ErrorCode::kInvalidResponse, "the response body is not valid JSON");
  if (!j.is_object()) return Status(ErrorCode::kInvalidResponse, "the response body is not a JSON:API document");
  auto data = j.find("data");
  if (data == j.end()) return Status(ErrorCode::kInvalidResponse, "the JSON:API document has no \"data\"");
  Document doc;
  std::vector<Resource> included;
  if (auto inc = j.find("included"); inc != j.end() && inc->is_array()) {
    // Moved out of the parsed tree, not copied: a copy costs about as much as the parse.
    for (auto& item : *inc) {
      if (item.is_object()) included.push_back(resource_from_json(std::move(item)));
    }
  }
  doc.included = std::make_shared<Included const>(std::move(included));
  auto add = [&](json& item) -> bool {
    if (!item.is_object() || !item.contains("type")) return false;
    doc.data.push_back(resource_from_json(std::move(item)));
    doc.data.back().set_included(doc.included);
    return true;
  };
  if (data->is_array()) {
    doc.data_is_array = true;
    doc.data.reserve(data->size());
    for (auto& item : *data) {
      if (!add(item)) return Status(ErrorCode::kInvalidResponse, "an item of \"data\" is not a resource object");
    }
  } else if (data->is_object()) {
    if (!add(*data)) return Status(ErrorCode::kInvalidResponse, "\"data\" is not a resource object");
  } else if (!data->is_null()) {
    return Status(ErrorCode::kInvalidResponse, "\"data\" is neither an object, an array nor null");
  }
  if (auto l = j.find("links"); l != j.end() && l->is_object()) doc.links = std::move(*l);
  if (auto m = j.find("meta"); m != j.end() && m->is_object()) doc.meta = std::move(*m);
  return doc;
}

std::optional<std::string> link(Document const& doc, char const* name) {
  auto l = doc.links.find(name);
  if (l == doc.links.end()) return std::nullopt;
  if (l->is_string()) return l->get<std::string>();
  // JSON:API 1.1 link objects: {"href": "..."}
  if (l->is_object() && l->contains("href") && (*l)["href"].is_string()) return (*l)["href"].get<std::string>();
  return std::nullopt;
}

namespace {
std::string text_of(json const& obj, char const* key) {
  auto it = obj.find(key);
  if (it == obj.end()) return {};
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number()) return it->dump();
  return {};
}
}  // namespace

ErrorBody parse_error_body(std::string_view body) {
  ErrorBody out;
  auto j = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) return out;
  if (auto errs = j.find("errors"); errs != j.end() && errs->is_array()) {
    for (auto const& e : *errs) {
      if (!e.is_object()) continue;
      ApiError a;
      a.id = text_of(e, "id");
      a.status = text_of(e, "status");
      a.code = text_of(e, "code");
      a.title = text_of(e, "title");
      a.detail = text_of(e, "detail");
      if (auto src = e.find("source"); src != e.end() && src->is_object()) {
        a.source_pointer = text_of(*src, "pointer");
        a.source_parameter = text_of(*src, "parameter");
      }
      out.errors.push_back(std::move(a));
    }
  }
  out.oauth_error = text_of(j, "error");
  out.oauth_error_description = text_of(j, "error_description");
  out.message = text_of(j, "Message");
  if (out.message.empty()) out.message = text_of(j, "message");
  return out;
}

std::string single_document(Resource const& r) { return json{{"data", resource_to_json(r)}}.dump(); }

}  // namespace flowii::detail
