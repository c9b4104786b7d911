// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include "store.hpp"

#include <algorithm>
#include <stdexcept>

#include "text.hpp"

namespace flowii::emulator {

namespace {

void add_linkage(nlohmann::json const& item, std::vector<Ref>& out) {
  if (item.is_object() && item.contains("type") && item.contains("id")) {
    out.push_back({item["type"].get<std::string>(), item["id"].get<std::string>()});
  }
}

// A record as the state file holds it: everything, the owner included.
nlohmann::json record_to_json(Record const& r) {
  nlohmann::json out = {
      {"type", r.type},       {"id", r.id},        {"attributes", r.attributes}, {"relationships", r.relationships},
      {"created", r.created}, {"edited", r.edited}};
  if (!r.scope.empty()) out["scope"] = r.scope;
  if (!r.owner.empty()) out["owner"] = {{"type", r.owner.type}, {"id", r.owner.id}};
  return out;
}

// Code-list records are seeded with null attributes or relationships.
nlohmann::json const& object_at(nlohmann::json const& j, char const* key) {
  nlohmann::json const& value = j.at(key);
  if (!value.is_object() && !value.is_null())
    throw std::invalid_argument(std::string("\"") + key + "\" must be an object");
  return value;
}

Record record_from_json(nlohmann::json const& j) {
  Record r;
  r.type = j.at("type").get<std::string>();
  r.id = j.at("id").get<std::string>();
  r.scope = j.value("scope", std::string());
  r.attributes = object_at(j, "attributes");
  r.relationships = object_at(j, "relationships");
  if (j.contains("owner")) r.owner = {j["owner"].at("type").get<std::string>(), j["owner"].at("id").get<std::string>()};
  r.created = j.at("created").get<std::int64_t>();
  r.edited = j.at("edited").get<std::int64_t>();
  if (r.type.empty() || !is_digits(r.id))
    throw std::invalid_argument("record " + r.type + "/" + r.id + " needs a type and a numeric id");
  return r;
}

}  // namespace

std::vector<Ref> Record::related(std::string const& relationship) const {
  std::vector<Ref> out;
  auto const it = relationships.find(relationship);
  if (it == relationships.end()) return out;
  if (it->is_array()) {
    for (auto const& item : *it) add_linkage(item, out);
  } else {
    add_linkage(*it, out);
  }
  return out;
}

std::string Record::text(std::string const& attribute) const {
  auto const it = attributes.find(attribute);
  if (it == attributes.end() || it->is_null()) return {};
  return it->is_string() ? it->get<std::string>() : it->dump();
}

std::string text_of(Record const* record, std::string const& attribute) {
  return record == nullptr ? std::string() : record->text(attribute);
}

Record const* RecordView::first(Record const& from, std::string const& relationship) const {
  for (auto const& ref : from.related(relationship)) {
    if (Record const* r = find(ref)) return r;
  }
  return nullptr;
}

Record* Store::locate(std::string const& company, std::string const& type, std::int64_t id) {
  auto const c = companies_.find(company);
  if (c == companies_.end()) return nullptr;
  auto const t = c->second.find(type);
  if (t == c->second.end()) return nullptr;
  auto const r = t->second.find(id);
  return r == t->second.end() ? nullptr : &r->second;
}

void Store::remember(std::string const& company, std::string const& type, std::int64_t id) {
  if (open_ == nullptr || open_->company_ != company) return;
  Transaction::Key key{type, id};
  if (open_->originals_.count(key) > 0) return;  // the first version is the one to restore
  Record const* now = locate(company, type, id);
  open_->originals_.emplace(std::move(key), now == nullptr ? std::nullopt : std::optional<Record>(*now));
}

Record const* Store::find(std::string const& company, std::string const& type, std::string const& id) const {
  auto const key = parse_int(id);
  return key ? const_cast<Store*>(this)->locate(company, type, *key) : nullptr;
}

Record* Store::find(std::string const& company, std::string const& type, std::string const& id) {
  auto const key = parse_int(id);
  if (!key) return nullptr;
  Record* found = locate(company, type, *key);
  if (found != nullptr) remember(company, type, *key);  // the caller may change it
  return found;
}

std::vector<Record const*> Store::all(std::string const& company, std::string const& type) const {
  std::vector<Record const*> out;
  auto const c = companies_.find(company);
  if (c == companies_.end()) return out;
  auto const t = c->second.find(type);
  if (t == c->second.end()) return out;
  for (auto const& entry : t->second) out.push_back(&entry.second);
  return out;
}

std::vector<Record const*> Store::owned_by(std::string const& company, Ref const& owner) const {
  std::vector<Record const*> out;
  auto const c = owners_.find(company);
  if (c == owners_.end()) return out;
  auto const owned = c->second.find(owner);
  if (owned == c->second.end()) return out;
  for (auto const& ref : owned->second) {
    if (Record const* r = find(company, ref.type, ref.id)) out.push_back(r);
  }
  return out;
}

void Store::unlink_owner(std::string const& company, Record const& record) {
  if (record.owner.empty()) return;
  auto& owners = owners_[company];
  auto const owned = owners.find(record.owner);
  if (owned == owners.end()) return;
  owned->second.erase(record.ref());
  if (owned->second.empty()) owners.erase(owned);
}

Record& Store::place(std::string const& company, std::int64_t id, Record record) {
  auto& slot = companies_[company][record.type][id];
  unlink_owner(company, slot);  // a new slot has no owner
  if (!record.owner.empty()) owners_[company][record.owner].insert(record.ref());
  slot = std::move(record);
  return slot;
}

void Store::remove(std::string const& company, std::string const& type, std::int64_t id) {
  auto& records = companies_[company][type];
  auto const r = records.find(id);
  if (r == records.end()) return;
  unlink_owner(company, r->second);
  records.erase(r);
}

Record& Store::put(std::string const& company, Record record) {
  auto const key = parse_int(record.id);
  if (!key) throw std::invalid_argument("record ids must be numeric: " + record.id);
  if (*key >= next_id_) next_id_ = *key + 1;
  remember(company, record.type, *key);
  return place(company, *key, std::move(record));
}

bool Store::erase(std::string const& company, std::string const& type, std::string const& id) {
  auto const key = parse_int(id);
  if (!key || locate(company, type, *key) == nullptr) return false;
  remember(company, type, *key);
  remove(company, type, *key);
  return true;
}

std::string Store::allocate_id() { return std::to_string(next_id_++); }

void Store::clear() {
  companies_.clear();
  owners_.clear();
  next_id_ = first_generated_id;
}

nlohmann::json Store::to_json() const {
  nlohmann::json companies = nlohmann::json::object();
  for (auto const& [company, partition] : companies_) {
    auto& records = companies[company] = nlohmann::json::array();
    for (auto const& type : partition) {
      for (auto const& entry : type.second) records.push_back(record_to_json(entry.second));
    }
  }
  return {{"next_id", next_id_}, {"companies", std::move(companies)}};
}

Store Store::from_json(nlohmann::json const& state) {
  try {
    Store store;
    auto const& companies = state.at("companies");
    if (!companies.is_object()) throw std::invalid_argument("\"companies\" must be an object");
    for (auto const& [company, records] : companies.items()) {
      if (!is_digits(company)) throw std::invalid_argument("company id \"" + company + "\" is not a number");
      if (!records.is_array()) throw std::invalid_argument("the records of company " + company + " must be an array");
      store.companies_[company];  // a company without records stays known
      for (auto const& item : records) {
        Record record = record_from_json(item);
        if (store.find(company, record.type, record.id) != nullptr) {
          throw std::invalid_argument("record " + record.type + "/" + record.id + " appears twice in company " +
                                      company);
        }
        store.put(company, std::move(record));
      }
    }
    // put() has moved next_id_ above every id; the saved sequence may be further on.
    store.next_id_ = std::max(store.next_id_, state.at("next_id").get<std::int64_t>());
    return store;
  } catch (nlohmann::json::exception const& e) {
    throw std::invalid_argument(e.what());
  }
}

std::vector<std::string> Store::company_ids() const {
  std::vector<std::string> out;
  for (auto const& entry : companies_) out.push_back(entry.first);
  return out;
}

Store::Transaction::Transaction(Store& store, std::string company)
    : store_(store), company_(std::move(company)), outer_(store.open_), next_id_(store.next_id_) {
  store_.open_ = this;
}

Store::Transaction::~Transaction() {
  store_.open_ = outer_;
  if (committed_) {
    // The enclosing transaction may still fail: it must be able to undo this one's changes too.
    if (outer_ != nullptr && outer_->company_ == company_) outer_->originals_.merge(originals_);
    return;
  }
  for (auto& [key, original] : originals_) {
    if (original) {
      store_.place(company_, key.second, std::move(*original));
    } else {
      store_.remove(company_, key.first, key.second);
    }
  }
  store_.next_id_ = next_id_;
}

}  // namespace flowii::emulator
