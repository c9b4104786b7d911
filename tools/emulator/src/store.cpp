#include "store.hpp"

#include <stdexcept>

#include "text.hpp"

namespace flowii::emulator {

namespace {

void add_linkage(nlohmann::json const& item, std::vector<Ref>& out) {
  if (item.is_object() && item.contains("type") && item.contains("id")) {
    out.push_back({item["type"].get<std::string>(), item["id"].get<std::string>()});
  }
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

Record const* Store::find(std::string const& company, std::string const& type,
                          std::string const& id) const {
  return const_cast<Store*>(this)->find(company, type, id);
}

Record* Store::find(std::string const& company, std::string const& type, std::string const& id) {
  auto const key = parse_int(id);
  auto const c = companies_.find(company);
  if (!key || c == companies_.end()) return nullptr;
  auto const t = c->second.find(type);
  if (t == c->second.end()) return nullptr;
  auto const r = t->second.find(*key);
  return r == t->second.end() ? nullptr : &r->second;
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
  auto const c = companies_.find(company);
  if (c == companies_.end()) return out;
  for (auto const& type : c->second) {
    for (auto const& entry : type.second) {
      if (entry.second.owner == owner) out.push_back(&entry.second);
    }
  }
  return out;
}

Record& Store::put(std::string const& company, Record record) {
  auto const key = parse_int(record.id);
  if (!key) throw std::invalid_argument("record ids must be numeric: " + record.id);
  if (*key >= next_id_) next_id_ = *key + 1;
  auto& slot = companies_[company][record.type][*key];
  slot = std::move(record);
  return slot;
}

bool Store::erase(std::string const& company, std::string const& type, std::string const& id) {
  auto const key = parse_int(id);
  auto const c = companies_.find(company);
  if (!key || c == companies_.end()) return false;
  auto const t = c->second.find(type);
  return t != c->second.end() && t->second.erase(*key) > 0;
}

std::string Store::allocate_id() { return std::to_string(next_id_++); }

void Store::clear() {
  companies_.clear();
  next_id_ = first_generated_id;
}

Store::Transaction::Transaction(Store& store, std::string company)
    : store_(store), company_(std::move(company)), backup_(store.companies_[company_]),
      next_id_(store.next_id_) {}

Store::Transaction::~Transaction() {
  if (committed_) return;
  store_.companies_[company_] = std::move(backup_);
  store_.next_id_ = next_id_;
}

}  // namespace flowii::emulator
