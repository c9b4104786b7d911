// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include "http/redact.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

#include "common/ascii.hpp"

namespace flowii::detail {
namespace {

constexpr std::string_view kRedacted = "REDACTED";

using common::ascii_lower;

int hex_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  c = ascii_lower(c);
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

/// Form/query decoding of a parameter name ("page%5Bsize%5D" -> "page[size]").
std::string percent_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+') {
      out += ' ';
    } else if (text[i] == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 && hex_value(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

constexpr std::array<std::string_view, 15> kLoggableHeaders = {"Accept",
                                                               "Content-Type",
                                                               "Content-Length",
                                                               "User-Agent",
                                                               "Retry-After",
                                                               "X-Request-Id",
                                                               "Request-Id",
                                                               "WWW-Authenticate",
                                                               "Date",
                                                               "ETag",
                                                               "Location",
                                                               "Allow",
                                                               "X-Flowii-Emulator-Version",
                                                               "Connection",
                                                               "Cache-Control"};

constexpr std::array<std::string_view, 8> kLoggableQueryParameters = {"companyId",       "page[number]",   "page[size]",
                                                                      "documentType",    "companyDataId",  "language",
                                                                      "includeContacts", "includeMessages"};

bool query_parameter_is_loggable(std::string_view encoded_name) {
  std::string const name = percent_decode(encoded_name);
  if (name.size() > 8 && name.compare(0, 7, "filter[") == 0 && name.back() == ']') return true;
  return std::find(kLoggableQueryParameters.begin(), kLoggableQueryParameters.end(), name) !=
         kLoggableQueryParameters.end();
}

/// A key names a secret when, lower-cased and without '_', '-', '.' and spaces, it
/// contains one of these words ("access_token", "clientSecret", "Api-Key", ...).
bool is_secret_name(std::string_view raw_name) {
  std::string name;
  for (char c : percent_decode(raw_name)) {
    if (c != '_' && c != '-' && c != '.' && c != ' ') name += ascii_lower(c);
  }
  constexpr std::array<std::string_view, 9> kWords = {"token",         "secret",     "password", "passwd",    "apikey",
                                                      "authorization", "credential", "cookie",   "privatekey"};
  if (name == "pass" || name == "pwd") return true;
  return std::any_of(kWords.begin(), kWords.end(),
                     [&](std::string_view w) { return name.find(w) != std::string::npos; });
}

struct UrlParts {
  std::string_view scheme;  ///< empty for a relative reference
  std::string_view host;    ///< host[:port], without userinfo
  std::string_view path;
  std::string_view query;  ///< without '?'
};

UrlParts split_url(std::string_view url) {
  UrlParts parts;
  std::string_view rest = url;
  auto const sep = url.find("://");
  if (sep != std::string_view::npos && sep > 0 &&
      url.find_first_of("/?#") > sep) {  // "://" belongs to the scheme, not the path
    parts.scheme = url.substr(0, sep);
    rest = url.substr(sep + 3);
    auto const authority_end = std::min(rest.find_first_of("/?#"), rest.size());
    std::string_view authority = rest.substr(0, authority_end);
    auto const at = authority.rfind('@');
    if (at != std::string_view::npos) authority.remove_prefix(at + 1);
    parts.host = authority;
    rest.remove_prefix(authority_end);
  }
  auto const path_end = std::min(rest.find_first_of("?#"), rest.size());
  parts.path = rest.substr(0, path_end);
  rest.remove_prefix(path_end);
  if (!rest.empty() && rest.front() == '?') {
    rest.remove_prefix(1);
    parts.query = rest.substr(0, std::min(rest.find('#'), rest.size()));
  }
  return parts;
}

// ---- body excerpts --------------------------------------------------------

/// Index one past the closing quote of the JSON string starting at `i`, or the end.
std::size_t json_string_end(std::string_view s, std::size_t i) {
  for (std::size_t k = i + 1; k < s.size(); ++k) {
    if (s[k] == '\\') {
      ++k;
    } else if (s[k] == '"') {
      return k + 1;
    }
  }
  return s.size();
}

/// Index one past the JSON value starting at `i` (string, object, array or scalar).
std::size_t json_value_end(std::string_view s, std::size_t i) {
  if (i >= s.size()) return i;
  if (s[i] == '"') return json_string_end(s, i);
  if (s[i] == '{' || s[i] == '[') {
    int depth = 0;
    for (std::size_t k = i; k < s.size();) {
      if (s[k] == '"') {
        k = json_string_end(s, k);
        continue;
      }
      if (s[k] == '{' || s[k] == '[') ++depth;
      if ((s[k] == '}' || s[k] == ']') && --depth == 0) return k + 1;
      ++k;
    }
    return s.size();
  }
  auto const end = s.find_first_of(",}] \t\r\n", i);
  return end == std::string_view::npos ? s.size() : end;
}

std::size_t skip_spaces(std::string_view s, std::size_t i) {
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')) ++i;
  return i;
}

/// `"secret_key": <value>` -> `"secret_key": "REDACTED"`.
std::string mask_json_values(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  std::size_t i = 0;
  while (i < in.size()) {
    if (in[i] != '"') {
      out += in[i++];
      continue;
    }
    auto const end = json_string_end(in, i);
    std::string_view const key = in.substr(i, end - i);
    out.append(key);
    i = end;
    auto const colon = skip_spaces(in, i);
    if (colon >= in.size() || in[colon] != ':' || key.size() < 2 || !is_secret_name(key.substr(1, key.size() - 2))) {
      continue;
    }
    auto const value = skip_spaces(in, colon + 1);
    out.append(in.substr(i, value - i));
    if (value < in.size()) out.append("\"REDACTED\"");
    i = json_value_end(in, value);
  }
  return out;
}

bool is_name_char(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
         c == '.' || c == '%' || c == '[' || c == ']';
}

bool is_credential_char(char c) noexcept {  // RFC 7235 token68
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
         c == '_' || c == '~' || c == '+' || c == '/' || c == '=';
}

/// Form fields and header-like text: `password=x&`, `Api-Key: x`, `Bearer x`.
std::string mask_text_values(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  std::size_t i = 0;
  while (i < in.size()) {
    if (!is_name_char(in[i]) || (i > 0 && is_name_char(in[i - 1]))) {
      out += in[i++];
      continue;
    }
    std::size_t end = i;
    while (end < in.size() && is_name_char(in[end])) ++end;
    std::string_view const name = in.substr(i, end - i);
    out.append(name);
    i = end;
    if (i < in.size() && (in[i] == '=' || in[i] == ':') && is_secret_name(name)) {
      bool const form = in[i] == '=';
      std::size_t value = form ? i + 1 : std::min(in.find_first_not_of(' ', i + 1), in.size());
      out.append(in.substr(i, value - i));
      auto const stop = in.find_first_of(form ? "&\"' \t\r\n,;<>" : "&\"\r\n,;<>}", value);
      i = stop == std::string_view::npos ? in.size() : stop;
      if (i > value) out.append(kRedacted);
    } else if ((iequals(name, "bearer") || iequals(name, "basic")) && i < in.size() && in[i] == ' ') {
      auto const token = std::min(in.find_first_not_of(' ', i), in.size());
      std::size_t token_end = token;
      while (token_end < in.size() && is_credential_char(in[token_end])) ++token_end;
      if (token_end > token) {
        out.append(in.substr(i, token - i));
        out.append(kRedacted);
        i = token_end;
      }
    }
  }
  return out;
}

}  // namespace

void append_printable(std::string& out, std::string_view text) {
  for (char c : text) {
    auto const u = static_cast<unsigned char>(c);
    out += (u < 0x20 || u == 0x7f) ? ' ' : c;
  }
}

bool iequals(std::string_view a, std::string_view b) noexcept { return common::iequals(a, b); }

bool header_is_loggable(std::string_view name) {
  return std::any_of(kLoggableHeaders.begin(), kLoggableHeaders.end(),
                     [&](std::string_view allowed) { return iequals(allowed, name); });
}

std::string loggable_headers(HttpHeaders const& headers) {
  std::string out;
  for (auto const& [name, value] : headers) {
    if (!out.empty()) out += "; ";
    append_printable(out, name);
    out += ": ";
    if (header_is_loggable(name)) {
      append_printable(out, value);
    } else {
      out += kRedacted;
    }
  }
  return out;
}

std::string url_without_query(std::string_view url) {
  auto const parts = split_url(url);
  std::string out;
  if (!parts.scheme.empty()) {
    append_printable(out, parts.scheme);
    out += "://";
    append_printable(out, parts.host);
  }
  append_printable(out, parts.path);
  return out;
}

std::string loggable_url(std::string_view url) {
  std::string out = url_without_query(url);
  std::string_view query = split_url(url).query;
  char separator = '?';
  while (!query.empty()) {
    auto const amp = std::min(query.find('&'), query.size());
    std::string_view const parameter = query.substr(0, amp);
    query.remove_prefix(std::min(amp + 1, query.size()));
    if (parameter.empty()) continue;
    out += separator;
    separator = '&';
    auto const eq = parameter.find('=');
    std::string_view const name = parameter.substr(0, eq);
    if (eq == std::string_view::npos) {  // a bare name could itself be a secret
      append_printable(out, query_parameter_is_loggable(name) ? name : kRedacted);
    } else if (query_parameter_is_loggable(name)) {
      append_printable(out, parameter);
    } else {
      append_printable(out, name);
      out += '=';
      out += kRedacted;
    }
  }
  return out;
}

std::string redacted_excerpt(std::string_view body, std::size_t max_chars) {
  // Masking only looks a little past the cut: a value that straddles the window is
  // masked up to its end, so nothing secret can leak in through the cut.
  constexpr std::size_t kLookAhead = 256;
  std::string_view const window = body.substr(0, std::min(body.size(), max_chars + kLookAhead));
  std::string masked = mask_text_values(mask_json_values(window));
  bool cut = window.size() < body.size();
  if (masked.size() > max_chars) {
    std::size_t end = max_chars;
    while (end > 0 && (static_cast<unsigned char>(masked[end]) & 0xC0u) == 0x80u) --end;
    masked.resize(end);
    cut = true;
  }
  std::string out;
  out.reserve(masked.size() + 3);
  append_printable(out, masked);
  if (cut) out += "\xE2\x80\xA6";  // U+2026 HORIZONTAL ELLIPSIS
  return out;
}

}  // namespace flowii::detail
