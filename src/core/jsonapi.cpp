// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include "core/jsonapi.hpp"

#include "common/ascii.hpp"
#include "core/resource_data.hpp"
#include "http/redact.hpp"

#include <algorithm>
#include <string_view>

namespace flowii::detail {

using json = nlohmann::json;
// Keys as string_view: the look-up compares without a strlen per tree node.
using namespace std::string_view_literals;

namespace {

// The document of a parsed JSON:API body (an object with `data`).
Result<JsonApiDocument> to_document(json& j) {
  auto data = j.find("data"sv);
  if (data == j.end()) return Status(ErrorCode::kInvalidResponse, "the JSON:API document has no \"data\"");
  JsonApiDocument doc;
  std::vector<Resource> included;
  if (auto inc = j.find("included"sv); inc != j.end() && inc->is_array()) {
    included.reserve(inc->size());
    // Moved out of the parsed tree, not copied: a copy costs about as much as the parse.
    for (auto& item : *inc) {
      if (item.is_object()) included.push_back(resource_from_json(std::move(item)));
    }
    inc->clear();  // the moved-from items: cheaper now than through the tree's destruction
  }
  doc.included = std::make_shared<Included const>(std::move(included));
  auto add = [&](json& item) -> bool {
    if (!item.is_object() || !item.contains("type"sv)) return false;
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
    data->clear();  // as for `included`
  } else if (data->is_object()) {
    if (!add(*data)) return Status(ErrorCode::kInvalidResponse, "\"data\" is not a resource object");
  } else if (!data->is_null()) {
    return Status(ErrorCode::kInvalidResponse, "\"data\" is neither an object, an array nor null");
  }
  if (auto l = j.find("links"sv); l != j.end() && l->is_object()) doc.links = std::move(*l);
  if (auto m = j.find("meta"sv); m != j.end() && m->is_object()) doc.meta = std::move(*m);
  return doc;
}

// Server-sent text (a media type, a JSON:API type) made safe and short for a message.
std::string shown(std::string_view text, std::size_t max = 60) {
  std::string out;
  append_printable(out, text.substr(0, max));
  if (text.size() > max) out += "...";
  return out;
}

// The body from its first significant byte (no UTF-8 BOM, no leading white space).
std::string_view significant(std::string_view body) {
  if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
  auto const start = body.find_first_not_of(" \t\r\n");
  return start == std::string_view::npos ? std::string_view() : body.substr(start);
}

std::string json_kind(json const& j) { return std::string("a JSON ") + j.type_name(); }

std::string quoted_type(json const& item) {
  if (item.is_object()) {
    if (auto t = item.find("type"); t != item.end() && t->is_string()) {
      return "\"" + shown(t->get<std::string>()) + "\"";
    }
  }
  return "untyped";
}

std::string expected_text(Expected const& e) {
  std::string type = e.type.empty() ? std::string() : "\"" + std::string(e.type) + "\" ";
  return e.shape == Expected::Shape::kOne ? "one " + type + "resource" : "an array of " + type + "resources";
}

// "one \"contact\" resource", "an array of 3 \"contact\" resources", "an empty array", ...
std::string data_text(json const& data) {
  if (data.is_object()) return "one " + quoted_type(data) + " resource";
  if (!data.is_array()) return "\"data\" that is " + json_kind(data);
  if (data.empty()) return "an empty array";
  std::vector<std::string> types;
  for (auto const& item : data) {
    auto t = quoted_type(item);
    if (std::find(types.begin(), types.end(), t) == types.end()) types.push_back(std::move(t));
  }
  std::string const n = std::to_string(data.size());
  if (types.size() == 1) {
    return "an array of " + n + " " + types.front() + (data.size() == 1 ? " resource" : " resources");
  }
  std::string list;
  for (std::size_t i = 0; i < types.size() && i < 4; ++i) list += (i == 0 ? "" : ", ") + types[i];
  if (types.size() > 4) list += ", ...";
  return "an array of " + n + " resources of the types " + list;
}

// True when every resource of `data` (an object or an array) is of `type`.
bool all_of_type(json const& data, std::string_view type) {
  auto is = [&](json const& item) {
    if (!item.is_object()) return true;  // to_document reports it as not a resource object
    auto t = item.find("type"sv);
    return t != item.end() && t->is_string() && t->get_ref<std::string const&>() == type;
  };
  if (data.is_object()) return is(data);
  return std::all_of(data.begin(), data.end(), is);
}

}  // namespace

Result<JsonApiDocument> parse_document(std::string_view body) {
  auto j = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) {
    if (auto foreign = foreign_body(body, nullptr)) {
      return Status(ErrorCode::kInvalidResponse, "the response is " + *foreign + ", not JSON. " + base_url_hint());
    }
    return Status(ErrorCode::kInvalidResponse, "the response body is not valid JSON");
  }
  if (!j.is_object()) return Status(ErrorCode::kInvalidResponse, "the response body is not a JSON:API document");
  return to_document(j);
}

std::string const& base_url_hint() {
  static std::string const kHint =
      "The base URL may not be the FLOWii API: check FLOWII_API_URL (ClientOptions::base_url); it should be like "
      "https://api.flowii.com, with no /api prefix.";
  return kHint;
}

std::optional<std::string> foreign_body(std::string_view body, std::string const* content_type) {
  auto const start = significant(body);
  if (start.empty()) return std::nullopt;
  std::string_view ct;  // the media type as sent, without parameters
  if (content_type != nullptr) {
    ct = *content_type;
    ct = ct.substr(0, ct.find(';'));
    auto const first = ct.find_first_not_of(" \t");
    ct =
        first == std::string_view::npos ? std::string_view() : ct.substr(first, ct.find_last_not_of(" \t") - first + 1);
  }
  bool const markup = start.front() == '<';
  bool const html = common::contains_lower(ct, "html");
  // JSON starts with '{' or '['; FLOWii's answers are JSON objects. Every answer
  // passes here, so this, the usual case, is decided without building a string.
  if (!markup && !html && (start.front() == '{' || start.front() == '[' || common::contains_lower(ct, "json"))) {
    return std::nullopt;
  }
  std::string const media = common::to_lower(ct);  // "text/html"
  if (markup || html) {
    std::string const labelled = media.empty() ? std::string() : " (Content-Type " + shown(media) + ")";
    std::string const head = common::to_lower(start.substr(0, 256));
    if (!markup || head.find("<html") != std::string::npos || head.find("<!doctype html") != std::string::npos) {
      return "an HTML page" + labelled;
    }
    return "a markup (XML or HTML) document" + labelled;
  }
  // A body that starts otherwise and is not labelled JSON is of some other media type.
  return media.empty() ? std::string("a body without a Content-Type that is not JSON") : "a " + shown(media) + " body";
}

std::optional<std::string> foreign_body(HttpResponse const& response) {
  return foreign_body(response.body, find_header(response.headers, "Content-Type"));
}

Result<JsonApiDocument> decode_document(HttpResponse const& response, Expected const& expected) {
  auto fail = [&](std::string const& got) {
    return Status(ErrorCode::kInvalidResponse, "expected " + expected_text(expected) + ", got " + got);
  };
  if (auto foreign = foreign_body(response)) return fail(*foreign + ". " + base_url_hint());
  if (significant(response.body).empty()) {
    if (expected.shape == Expected::Shape::kMany) {
      JsonApiDocument empty;  // e.g. "Get order documents": 200 with no body when there are none
      empty.data_is_array = true;
      empty.included = std::make_shared<Included const>();
      return empty;
    }
    return fail("an empty body");
  }
  auto j = json::parse(response.body, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return fail("a body that is not valid JSON");
  if (!j.is_object()) return fail(json_kind(j) + ", not a JSON:API document");
  auto const data = j.find("data"sv);
  if (data == j.end()) {
    std::string members;
    int listed = 0;
    for (auto it = j.begin(); it != j.end() && listed < 5; ++it, ++listed) {
      members += (members.empty() ? "" : ", ") + ("\"" + shown(it.key()) + "\"");
    }
    return fail("a JSON object without \"data\"" + (members.empty() ? std::string() : " (members: " + members + ")") +
                ", not a JSON:API document");
  }
  if (!data->is_null()) {
    bool const shape_ok = expected.shape == Expected::Shape::kOne ? data->is_object() : data->is_array();
    if (!shape_ok || (!expected.type.empty() && !all_of_type(*data, expected.type))) return fail(data_text(*data));
  }
  auto doc = to_document(j);
  if (!doc) return fail("a document where " + doc.status().message());
  return doc;
}

std::optional<std::string> link(JsonApiDocument const& doc, char const* name) {
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
