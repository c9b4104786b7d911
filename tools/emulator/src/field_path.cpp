// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include "field_path.hpp"

#include <set>
#include <stdexcept>

#include "text.hpp"

namespace flowii::emulator {

namespace {

FieldPath::Hop parse_hop(std::string const& part, std::string const& whole) {
  using Kind = FieldPath::Hop::Kind;
  if (part.empty()) throw std::invalid_argument("empty hop in field path: " + whole);
  if (part == "@created" || part == "@edited" || part == "@id") return {Kind::kMeta, part, {}};
  if (part.front() == '<') {
    auto const colon = part.find(':');
    if (colon == std::string::npos || colon == 1 || colon + 1 == part.size()) {
      throw std::invalid_argument("reverse hop must read <type:relationship in: " + whole);
    }
    return {Kind::kReverse, part.substr(colon + 1), part.substr(1, colon - 1)};
  }
  if (part.front() == '@') throw std::invalid_argument("unknown meta field in: " + whole);
  return {Kind::kName, part, {}};
}

bool links_to(Record const& record, std::string const& relationship, Ref const& target) {
  if (relationship == "@owner") return record.owner == target;
  for (auto const& ref : record.related(relationship)) {
    if (ref == target) return true;
  }
  return false;
}

}  // namespace

FieldPath::FieldPath(std::string text) : text_(std::move(text)) {
  for (auto const& part : split(text_, '.')) hops_.push_back(parse_hop(part, text_));
  for (std::size_t i = 0; i + 1 < hops_.size(); ++i) {
    if (hops_[i].kind == Hop::Kind::kMeta) throw std::invalid_argument("meta field must be last: " + text_);
  }
}

std::vector<Record const*> FieldPath::step(std::vector<Record const*> const& from, Hop const& hop,
                                           RecordView const& view) const {
  std::vector<Record const*> out;
  std::set<Ref> seen;
  auto add = [&](Record const* r) {
    if (r != nullptr && seen.insert(r->ref()).second) out.push_back(r);
  };
  for (Record const* record : from) {
    if (hop.kind == Hop::Kind::kReverse) {
      for (Record const* candidate : view.all(hop.type)) {
        if (links_to(*candidate, hop.name, record->ref())) add(candidate);
      }
    } else {
      for (auto const& ref : record->related(hop.name)) add(view.find(ref));
    }
  }
  return out;
}

std::vector<Record const*> FieldPath::records(Record const& start, RecordView const& view) const {
  std::vector<Record const*> current{&start};
  for (auto const& hop : hops_) {
    if (hop.kind == Hop::Kind::kMeta) return {};
    current = step(current, hop, view);
  }
  return current;
}

std::vector<nlohmann::json> FieldPath::values(Record const& start, RecordView const& view) const {
  std::vector<Record const*> current{&start};
  for (std::size_t i = 0; i + 1 < hops_.size(); ++i) current = step(current, hops_[i], view);

  Hop const& last = hops_.back();
  std::vector<nlohmann::json> out;
  for (Record const* record : current) {
    if (last.kind == Hop::Kind::kMeta) {
      if (last.name == "@created") out.emplace_back(record->created);
      if (last.name == "@edited") out.emplace_back(record->edited);
      if (last.name == "@id") out.emplace_back(record->id);
    } else if (last.kind == Hop::Kind::kReverse) {
      for (Record const* target : step({record}, last, view)) out.emplace_back(target->id);
    } else if (record->relationships.contains(last.name)) {
      for (auto const& ref : record->related(last.name)) out.emplace_back(ref.id);
    } else if (auto const it = record->attributes.find(last.name); it != record->attributes.end()) {
      out.push_back(*it);
    }
  }
  return out;
}

}  // namespace flowii::emulator
