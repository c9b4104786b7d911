// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include "listing.hpp"

#include <algorithm>
#include <optional>

#include "api_error.hpp"
#include "common/ascii.hpp"
#include "jsonapi.hpp"
#include "serializer.hpp"
#include "text.hpp"

namespace flowii::emulator {

namespace {

constexpr char const* page_number = "page[number]";
constexpr char const* page_size = "page[size]";

// The filter name inside "filter[...]", or "" for other parameters.
std::string filter_name(std::string const& param) {
  if (param.size() < 9 || !common::iequals(param.substr(0, 7), "filter[") || param.back() != ']') return {};
  return common::to_lower(param.substr(7, param.size() - 8));
}

std::string value_text(nlohmann::json const& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_integer()) return std::to_string(v.get<std::int64_t>());
  return v.dump();
}

std::optional<std::int64_t> value_time(nlohmann::json const& v) {
  if (v.is_number_integer()) return v.get<std::int64_t>();
  if (v.is_string()) return parse_local(v.get<std::string>());
  return std::nullopt;
}

// One filter[...] parameter turned into a predicate over path values.
struct Condition {
  Filter const* filter;
  bool upper = false;  // range: the "-to" name was used
  std::vector<std::string> values;
  std::optional<std::int64_t> bound;

  bool accepts(nlohmann::json const& v) const {
    switch (filter->kind) {
      case Filter::Kind::kText:
        return v.is_string() && fold_case(v.get<std::string>()).find(values.front()) != std::string::npos;
      case Filter::Kind::kIds:
      case Filter::Kind::kEquals:
        return std::find(values.begin(), values.end(), value_text(v)) != values.end();
      case Filter::Kind::kRange: {
        auto const t = value_time(v);
        return t && (upper ? *t <= *bound : *t >= *bound);
      }
      case Filter::Kind::kAccepted:
        return true;
    }
    return false;
  }

  bool matches(Record const& record, RecordView const& view) const {
    for (auto const& path : filter->paths) {
      for (auto const& v : path.values(record, view)) {
        if (accepts(v)) return true;
      }
    }
    return false;
  }
};

// nullopt: the parameter does not restrict anything (empty search, accepted-only filter).
std::optional<Condition> make_condition(Filter const& filter, std::string const& param, std::string const& name,
                                        std::vector<std::string> const& raw) {
  Condition c{&filter, filter.kind == Filter::Kind::kRange && name == filter.name_to, {}, std::nullopt};
  auto invalid = [&](std::string const& why) { return ErrorReply({at_parameter(400, param, why)}); };
  switch (filter.kind) {
    case Filter::Kind::kAccepted:
      return std::nullopt;
    case Filter::Kind::kText:
      if (trim(raw.back()).empty()) return std::nullopt;
      c.values = {fold_case(raw.back())};
      break;
    case Filter::Kind::kIds:
      for (auto const& value : raw) {  // comma lists and repeated parameters both work
        for (auto const& id : split(value, ',')) {
          if (!is_digits(trim(id))) throw invalid("expects ids (numbers), comma-separated");
          c.values.push_back(trim(id));
        }
      }
      break;
    case Filter::Kind::kEquals:
      if (!parse_int(raw.back())) throw invalid("expects a number");
      c.values = {raw.back()};
      break;
    case Filter::Kind::kRange:
      c.bound = parse_int(raw.back());
      if (!c.bound) throw invalid("expects a unix timestamp in seconds");
      break;
  }
  return c;
}

// links.* URL: this path with companyid first (as FLOWii writes it), the
// request's other parameters, and optionally a different page number.
std::string collection_link(Ctx const& ctx, std::optional<std::int64_t> page) {
  std::string query = ctx.company.empty() ? std::string() : "companyid=" + ctx.company;
  auto append = [&](std::string const& name, std::string const& value) {
    query += (query.empty() ? "" : "&") + name + "=" + percent_encode(value);
  };
  for (auto const& [name, value] : ctx.request.query) {
    if (common::iequals(name, "companyId") || (page && common::iequals(name, page_number))) continue;
    append(name, value);
  }
  if (page) append(page_number, std::to_string(*page));
  return ctx.base_url + ctx.request.path + (query.empty() ? "" : "?" + query);
}

std::int64_t page_param(Ctx const& ctx, char const* name, std::int64_t fallback, std::int64_t minimum) {
  auto const values = ctx.request.query_values(name);
  if (values.empty()) return fallback;
  auto const v = parse_int(values.back());
  if (!v || *v < minimum) {
    throw ErrorReply(
        {at_parameter(400, name, std::string(name) + " must be an integer >= " + std::to_string(minimum))});
  }
  return *v;
}

}  // namespace

std::vector<Record const*> apply_filters(Ctx const& ctx, std::vector<Filter> const& filters,
                                         std::vector<Record const*> records) {
  std::vector<Condition> conditions;
  std::vector<std::string> done;
  for (auto const& [param, value] : ctx.request.query) {
    auto const name = filter_name(param);
    if (name.empty() || std::find(done.begin(), done.end(), name) != done.end()) continue;
    done.push_back(name);
    for (auto const& f : filters) {
      if (name != f.name && name != f.name_to) continue;
      if (auto c = make_condition(f, param, name, ctx.request.query_values(param))) conditions.push_back(std::move(*c));
    }
  }
  auto const view = ctx.view();
  records.erase(std::remove_if(records.begin(), records.end(),
                               [&](Record const* r) {
                                 return !std::all_of(conditions.begin(), conditions.end(),
                                                     [&](auto const& c) { return c.matches(*r, view); });
                               }),
                records.end());
  return records;
}

std::vector<std::string> filter_params(std::vector<Filter> const& filters) {
  std::vector<std::string> out;
  for (auto const& f : filters) {
    out.push_back("filter[" + f.name + "]");
    if (!f.name_to.empty()) out.push_back("filter[" + f.name_to + "]");
  }
  return out;
}

std::vector<std::string> page_params() { return {page_number, page_size}; }

HttpReply list_reply(Ctx const& ctx, std::vector<Record const*> const& records, bool paged, Shape shape) {
  std::size_t first = 0;
  std::size_t count = records.size();
  nlohmann::json links = {{"self", collection_link(ctx, std::nullopt)}};
  if (paged) {
    auto const number = page_param(ctx, page_number, 0, 0);
    auto const size =
        std::min<std::int64_t>(page_param(ctx, page_size, ctx.options.default_page_size, 1), ctx.options.max_page_size);
    auto const total = static_cast<std::int64_t>(records.size());
    first = number >= total ? records.size() : static_cast<std::size_t>(std::min(number * size, total));
    count = std::min(records.size() - first, static_cast<std::size_t>(size));
    links["first"] = collection_link(ctx, 0);
    if (ctx.options.send_next_links && first + count < records.size()) links["next"] = collection_link(ctx, number + 1);
  }

  Serializer const serializer(ctx);
  IncludedSet included;
  for (std::size_t i = first; i < first + count; ++i) included.exclude(records[i]->ref());
  nlohmann::json data = nlohmann::json::array();
  for (std::size_t i = first; i < first + count; ++i) {
    data.push_back(serializer.resource(*records[i], shape, true));
    serializer.include_related(*records[i], shape, included);
  }
  // FLOWii's list examples always carry `included`, empty pages too.
  nlohmann::json document = {{"data", std::move(data)}, {"links", std::move(links)}, {"included", included.items()}};
  return document_reply(200, document);
}

std::string self_link(Ctx const& ctx) { return collection_link(ctx, std::nullopt); }

}  // namespace flowii::emulator
