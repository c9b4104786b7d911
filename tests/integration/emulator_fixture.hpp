// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Test fixture: an in-process flowii-emulator on 127.0.0.1:0 and clients wired to
// it, with one virtual clock shared by the SDK and the emulator. It is the fixture
// users get from flowii::testing, so the SDK's own tests exercise it too.
// Also the checks the module tests share for filtered lists and sub-lists.
#ifndef FLOWII_TESTS_INTEGRATION_EMULATOR_FIXTURE_HPP
#define FLOWII_TESTS_INTEGRATION_EMULATOR_FIXTURE_HPP

#include <flowii/flowii.hpp>
#include <flowii/testing/emulator_fixture.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace flowii::test {

using EmulatorTest = testing::EmulatorTest;

/// The outcome of a call that returns a value: ok, or its error.
template <typename T>
Status status_of(Result<T> const& r) {
  return r ? Status() : r.status();
}

/// The ids of listed items.
template <typename T>
std::set<std::string> ids_of(std::vector<T> const& items) {
  std::set<std::string> ids;
  for (auto const& item : items) ids.insert(item.id());
  return ids;
}

/// A listing that must hold exactly the records `want`: a sub-list shows its
/// owner's records and nobody else's.
template <typename T>
void expect_exactly(Result<Page<T>> const& page, std::set<std::string> const& want) {
  ASSERT_TRUE(page) << page.status().to_string();
  EXPECT_EQ(ids_of(page->items), want);
}

/// The id of a record just created ("" and a test failure when it was not).
template <typename T>
std::string created_id(Result<T> const& created) {
  EXPECT_TRUE(created) << created.status().to_string();
  return created ? created->id() : std::string();
}

/// One sub-list of an owner, as the ids it lists.
using IdLister = std::function<Result<std::set<std::string>>(std::string const& owner)>;

/// An IdLister over a sub-list method, e.g. ids_via(c.partners(), &PartnersApi::orders).
template <typename Api, typename Base, typename T>
IdLister ids_via(Api& api, Result<Page<T>> (Base::*list)(std::string const&, Query const&, CallOptions const&)) {
  return [&api, list](std::string const& owner) -> Result<std::set<std::string>> {
    auto page = (api.*list)(owner, Query().page_size(1000), CallOptions{});
    if (!page) return page.status();
    return ids_of(page->items);
  };
}

/// The sub-lists that every owner of work items and files has: tasks, events,
/// mails and files (partners, business cases, orders).
inline std::map<std::string, IdLister> work_item_lists(WorkItemsApi& work, AttachmentsApi& files) {
  return {{"tasks", ids_via(work, &WorkItemsApi::tasks)},
          {"events", ids_via(work, &WorkItemsApi::communications)},
          {"mails", ids_via(work, &WorkItemsApi::mails)},
          {"files", ids_via(files, &AttachmentsApi::attachments)}};
}

/// owner id -> sub-list -> the one record the owner has there.
using OwnedRecords = std::map<std::string, std::map<std::string, std::string>>;

/// Makes two owners (`make_owner(1)`, `make_owner(2)`), gives each one record
/// per sub-list (`give(owner)`: sub-list -> its record) and checks that every
/// sub-list of each owner shows exactly its own record, not the other owner's.
/// A sub-list `give` leaves out must be empty. Returns what it made.
inline OwnedRecords expect_own_records(
    std::function<std::string(int)> const& make_owner,
    std::function<std::map<std::string, std::string>(std::string const&)> const& give,
    std::map<std::string, IdLister> const& sublists) {
  OwnedRecords owned;
  for (int i = 1; i <= 2; ++i) {
    std::string const owner = make_owner(i);
    EXPECT_FALSE(owner.empty());
    if (!owner.empty()) owned[owner] = give(owner);
  }
  for (auto const& [owner, records] : owned) {
    for (auto const& [name, list] : sublists) {
      SCOPED_TRACE(name + " of " + owner);
      auto const ids = list(owner);
      EXPECT_TRUE(ids) << ids.status().to_string();
      if (!ids) continue;
      auto const own = records.find(name);
      EXPECT_EQ(*ids, own == records.end() ? std::set<std::string>{} : std::set<std::string>{own->second});
    }
  }
  return owned;
}

/// One filter and what it must do to a list: every listed record, read in full,
/// satisfies `matches` (the field the filter is about), the records in `present`
/// are listed and those in `absent` are not.
template <typename T, typename Q>
struct FilterCase {
  std::string name;
  Q query;
  std::function<bool(T const&)> matches;
  std::vector<std::string> present;
  std::vector<std::string> absent;
};

/// The usual case: one known matching and one known non-matching record.
template <typename T, typename Q>
FilterCase<T, Q> keeps(std::string name, Q query, std::function<bool(T const&)> matches, std::string matching,
                       std::string other) {
  return {std::move(name), std::move(query), std::move(matches), {std::move(matching)}, {std::move(other)}};
}

/// Lists `api` (list_page and get) once per case, all on one page. A case needs a
/// known matching and a known non-matching record, or it proves nothing. Each
/// listed record is read in full once, for all cases.
template <typename Api, typename T, typename Q>
void expect_filters(Api& api, std::vector<FilterCase<T, Q>> const& cases) {
  std::map<std::string, T> details;
  for (auto const& c : cases) {
    SCOPED_TRACE("filter " + c.name);
    EXPECT_FALSE(c.present.empty()) << "the case names no matching record";
    EXPECT_FALSE(c.absent.empty()) << "the case names no non-matching record";
    Q query = c.query;
    auto page = api.list_page(query.page_size(1000));
    ASSERT_TRUE(page) << page.status().to_string();
    for (auto const& item : page->items) {
      auto known = details.find(item.id());
      if (known == details.end()) {
        auto full = api.get(item.id());
        ASSERT_TRUE(full) << full.status().to_string();
        known = details.emplace(item.id(), std::move(full).value()).first;
      }
      EXPECT_TRUE(c.matches(known->second)) << "listed, but does not match: " << item.id();
    }
    auto const listed = ids_of(page->items);
    for (auto const& id : c.present) EXPECT_EQ(listed.count(id), 1u) << "matches, but is not listed: " << id;
    for (auto const& id : c.absent) EXPECT_EQ(listed.count(id), 0u) << "does not match, but is listed: " << id;
  }
}

/// Company 1's records of one type as the emulator's state file holds them,
/// bookkeeping ("created", "edited": unix seconds) included. For what FLOWii's
/// API neither shows nor lets a test write (goods, a document's payment date).
inline std::vector<nlohmann::json> stored_records(emulator::Emulator& emu, std::string const& type) {
  std::string const path = ::testing::TempDir() + "flowii-stored-records.json";
  emu.save_state(path);
  std::ifstream in(path);
  auto const state = nlohmann::json::parse(in);
  in.close();
  std::remove(path.c_str());
  std::vector<nlohmann::json> out;
  for (auto const& r : state.at("store").at("companies").at("1")) {
    if (r.at("type") == type) out.push_back(r);
  }
  return out;
}

/// A predicate for filters on bookkeeping the API does not show (creation, last
/// edit, author): the listed record is one of `ids`, the records the test
/// knows to match.
template <typename T>
std::function<bool(T const&)> one_of(std::set<std::string> ids) {
  return [ids = std::move(ids)](T const& item) { return ids.count(item.id()) > 0; };
}

/// The complement of one_of().
template <typename T>
std::function<bool(T const&)> none_of(std::set<std::string> ids) {
  return [ids = std::move(ids)](T const& item) { return ids.count(item.id()) == 0; };
}

/// The first state of a kind in a code list of business-case or order states.
template <typename Api, typename Kind>
std::string state_of_kind(Api& states, Kind kind) {
  auto all = states.list();
  EXPECT_TRUE(all) << all.status().to_string();
  if (!all) return {};
  for (auto const& state : *all) {
    if (state.template get<int>("type") == static_cast<int>(kind)) return state.id();
  }
  ADD_FAILURE() << "no state of type " << static_cast<int>(kind);
  return {};
}

/// Whether a date attribute is set and within [from, to] (either bound optional).
inline bool within(std::optional<DateTime> const& value, std::optional<DateTime> const& from,
                   std::optional<DateTime> const& to) {
  return value && !(from && *value < *from) && !(to && *to < *value);
}

/// Whether a to-one link is set and points at `id`.
inline bool is_link(std::optional<ResourceId> const& link, std::string const& id) { return link && link->id == id; }

/// A partner's billing country id ("" when unset).
inline std::string billing_country(Partner const& p) {
  auto address = p.related<Address>("billing-address");
  return address && address->country() ? address->country()->id : std::string();
}

/// A predicate: the record's to-one relationship `key` points at `id`.
template <typename T>
std::function<bool(T const&)> links(std::string key, std::string id) {
  return [key = std::move(key), id = std::move(id)](T const& r) { return is_link(r.to_one(key), id); };
}

/// Whether a record's date (or one of its dates) lies within [from, to].
template <typename T>
using InRange = std::function<bool(T const&, std::optional<DateTime> const&, std::optional<DateTime> const&)>;

/// InRange of a date attribute.
template <typename T>
InRange<T> date_at(std::string key) {
  return [key = std::move(key)](T const& r, std::optional<DateTime> const& from, std::optional<DateTime> const& to) {
    return within(r.template get<DateTime>(key), from, to);
  };
}

/// Adds the two cases of a date range filter: `from` and `to` are the queries
/// with `bound` as <name>-from and <name>-to; the records in `later` lie after
/// the bound, those in `earlier` before it.
template <typename T, typename Q>
void add_range(std::vector<FilterCase<T, Q>>& cases, std::string const& name, Q const& from, Q const& to,
               InRange<T> const& in, DateTime const& bound, std::vector<std::string> const& later,
               std::vector<std::string> const& earlier) {
  cases.push_back({name + "-from", from, [=](T const& r) { return in(r, bound, std::nullopt); }, later, earlier});
  cases.push_back({name + "-to", to, [=](T const& r) { return in(r, std::nullopt, bound); }, earlier, later});
}

/// Adds the two cases of a range filter on bookkeeping the API does not show
/// (creation, last edit): `after` holds every record touched from the bound on
/// (the test's own), `later` known ones among them, `earlier` known older ones.
template <typename T, typename Q>
void add_since(std::vector<FilterCase<T, Q>>& cases, std::string const& name, Q const& from, Q const& to,
               std::set<std::string> const& after, std::vector<std::string> const& later,
               std::vector<std::string> const& earlier) {
  cases.push_back({name + "-from", from, one_of<T>(after), later, earlier});
  cases.push_back({name + "-to", to, none_of<T>(after), earlier, later});
}

/// Adds the two cases of an amount range filter on the number attribute `key`:
/// `larger`'s amount lies above `bound`, `smaller`'s below.
template <typename T, typename Q>
void add_amount_range(std::vector<FilterCase<T, Q>>& cases, std::string const& name, Q const& from, Q const& to,
                      std::string const& key, double bound, std::string const& larger, std::string const& smaller) {
  auto amount = [key](T const& r) { return r.template get<double>(key); };
  cases.push_back(keeps<T>(
      name + "-from", from, [=](T const& r) { return amount(r) && *amount(r) >= bound; }, larger, smaller));
  cases.push_back(keeps<T>(
      name + "-to", to, [=](T const& r) { return amount(r) && *amount(r) <= bound; }, smaller, larger));
}

/// A request the server must refuse as a bad request.
template <typename T>
void expect_bad_request(Result<T> const& result) {
  ASSERT_FALSE(result);
  EXPECT_EQ(result.status().http_status(), 400);
}

/// Tests on a partner read in full, for the partner filters.
inline std::function<bool(Partner const&)> in_country(std::string id) {
  return [id = std::move(id)](Partner const& p) { return billing_country(p) == id; };
}
inline std::function<bool(Partner const&)> of_type(std::string id) {
  return links<Partner>("base-business-relationship", std::move(id));
}
inline std::function<bool(Partner const&)> of_subtype(std::string id) {
  return links<Partner>("extended-business-relationship", std::move(id));
}
inline std::function<bool(Partner const&)> in_charge(std::string id) {
  return links<Partner>("responsible-user", std::move(id));
}
inline std::function<bool(Partner const&)> tagged(std::string id) {
  return [id = std::move(id)](Partner const& p) {
    auto const tags = p.tags();
    return std::any_of(tags.begin(), tags.end(), [&](ResourceId const& t) { return t.id == id; });
  };
}

/// A predicate: the record's state, read from `included`, is of this kind
/// (BusinessCaseStateType, OrderStateType: the state's `type`).
template <typename T, typename Kind>
std::function<bool(T const&)> state_of_type(Kind kind) {
  return [kind](T const& r) {
    auto const state = r.to_one("state");
    Resource const* read = state ? r.included().find(*state) : nullptr;
    return read != nullptr && read->get<int>("type") == static_cast<int>(kind);
  };
}

/// Whether a to-many relationship of a record includes `id`.
template <typename T>
std::function<bool(T const&)> includes(std::string key, std::string id) {
  return [key = std::move(key), id = std::move(id)](T const& r) {
    auto const linked = r.to_many(key);
    return std::any_of(linked.begin(), linked.end(), [&](ResourceId const& x) { return x.id == id; });
  };
}

/// Records read in full once each, for predicates that look through a link.
template <typename T>
class ReadOnce {
 public:
  explicit ReadOnce(std::function<Result<T>(std::string const&)> read) : read_(std::move(read)) {}
  T const& operator()(std::string const& id) {
    auto known = cache_.find(id);
    if (known == cache_.end()) {
      auto full = read_(id);
      EXPECT_TRUE(full) << full.status().to_string();
      known = cache_.emplace(id, full ? *full : T()).first;
    }
    return known->second;
  }

 private:
  std::function<Result<T>(std::string const&)> read_;
  std::map<std::string, T> cache_;
};

/// A case about a record's partner: the record matches when its partner, read
/// in full through `partners`, passes `test`.
template <typename T, typename Q>
FilterCase<T, Q> partner_case(ReadOnce<Partner>& partners, std::string name, Q query,
                              std::function<bool(Partner const&)> test, std::vector<std::string> present,
                              std::vector<std::string> absent) {
  return {std::move(name), std::move(query),
          [&partners, test = std::move(test)](T const& r) {
            auto const partner = r.to_one("partner");
            return partner && test(partners(partner->id));
          },
          std::move(present), std::move(absent)};
}

/// A new partner for one side of a filter test. Side 0 and side 1 differ in
/// billing country (1, 3), type and subtype (the first two types and their first
/// subtypes), tag and responsible user (11142, 11143).
struct PartnerSide {
  std::string id, country, type, subtype, tag, responsible;
};

inline PartnerSide make_partner_side(Client& c, std::size_t side, std::string const& name) {
  PartnerSide s;
  auto types = c.partners().types().list();
  EXPECT_TRUE(types && types->size() > side);
  if (!types || types->size() <= side) return s;
  s.country = side == 0 ? "1" : "3";
  s.type = (*types)[side].id();
  s.responsible = side == 0 ? "11142" : "11143";
  auto subtypes = c.partners().types().children(s.type);
  EXPECT_TRUE(subtypes && !subtypes->empty());
  if (!subtypes || subtypes->empty()) return s;
  s.subtype = subtypes->front().id();
  auto created = c.partners().create(Partner()
                                         .set_name(name)
                                         .set_partner_type(PartnerType::kCompany)
                                         .set_billing_address(Address().set_city("Nitra").set_country(s.country))
                                         .set_base_business_relationship(s.type)
                                         .set_extended_business_relationship(s.subtype)
                                         .set_responsible_user(s.responsible)
                                         .add_tags(Tag().set_name("strana-" + std::to_string(side))));
  EXPECT_TRUE(created) << created.status().to_string();
  if (!created) return s;
  s.id = created->id();
  auto read = c.partners().get(s.id);
  EXPECT_TRUE(read && read->tags().size() == 1u);
  if (read && read->tags().size() == 1u) s.tag = read->tags()[0].id;
  return s;
}

/// What a work record is about; empty ids are left unset.
struct About {
  std::string partner;
  std::string business_case;
  std::string order;
};

/// Creates, through the SDK, the records that the sub-lists of partners,
/// business cases and orders show: tasks, events, invoices and attachments.
/// Each returns the new id ("" after a test failure).
class WorkMaker {
 public:
  explicit WorkMaker(Client& c) : c_(c) {}

  std::string task(About const& about, std::optional<DateTime> const& deadline = std::nullopt) {
    lookups();
    Task t;
    if (deadline) t.set_deadline(*deadline);
    t.set_caption("Úloha k podlistu")
        .add_activities(
            Activity().set_state(ActivityState::kWaiting).set_activity_type(activity_type_).set_user(user_));
    link(t, about);
    return created_id(c_.tasks().create(t));
  }

  std::string event(About const& about, std::string const& responsible = {}) {
    lookups();
    Communication m;
    m.set_note("Udalosť k podlistu")
        .set_state(CommunicationState::kDone)
        .set_category(event_category_)
        .set_communication_type(event_type_)
        .set_user(responsible.empty() ? user_ : responsible);
    link(m, about);
    return created_id(c_.tasks().communications().create(m));
  }

  /// An invoice for about.partner, allocated whole to about.order when set.
  std::string invoice(About const& about) {
    lookups();
    Document d;
    d.set_document_type(DocumentType::kInvoice)
        .set_issue_date(DateTime{2026, 3, 2, 0, 0, 0})
        .set_maturity(DateTime{2026, 3, 16, 0, 0, 0})
        .set_numbering_sequence(sequence_)
        .set_company_data(company_data_)
        .set_partner(about.partner)
        .add_items(DocumentItem().set_name("Práca").set_quantity(1).set_unit_price(10).set_vat_rate(20));
    if (!about.business_case.empty()) d.set_business_case(about.business_case);
    if (!about.order.empty()) d.add_order_allocations(OrderAllocation().set_proportion(100).set_order(about.order));
    return created_id(c_.invoicing().create(d));
  }

  std::string attachment(AttachmentsApi& owners, std::string const& owner) {
    auto id = owners.upload_attachment(owner, FileUpload{"podlist.txt", "obsah", "text/plain", ""});
    EXPECT_TRUE(id) << id.status().to_string();
    return id ? *id : std::string();
  }

  std::string business_case(std::string const& partner,
                            BusinessCaseStateType state = BusinessCaseStateType::kInProgress,
                            DateTime const& created = DateTime{2026, 1, 5, 0, 0, 0}) {
    return created_id(c_.business_cases().create(BusinessCase()
                                                     .set_name("Prípad k podlistu")
                                                     .set_created(created)
                                                     .set_state(state_of_kind(c_.business_cases().states(), state))
                                                     .set_partner(partner)));
  }

  std::string order(About const& about, OrderStateType state = OrderStateType::kWaiting,
                    std::optional<DateTime> const& accepted = std::nullopt) {
    Order o;
    o.set_name("Zákazka k podlistu").set_state(state_of_kind(c_.orders().states(), state));
    if (accepted) o.set_accepted(*accepted);
    if (!about.partner.empty()) o.set_partner(about.partner);
    if (!about.business_case.empty()) o.set_business_case(about.business_case);
    return created_id(c_.orders().create(o));
  }

  /// One task, event and file about `owner` (see work_item_lists()); FLOWii's
  /// API creates no e-mails.
  std::map<std::string, std::string> work_items(About const& about, AttachmentsApi& files, std::string const& owner) {
    return {{"tasks", task(about)}, {"events", event(about)}, {"files", attachment(files, owner)}};
  }

  std::string const& user() {
    lookups();
    return user_;
  }

 private:
  template <typename T>
  static void link(T& record, About const& about) {
    if (!about.partner.empty()) record.set_partner(about.partner);
    if (!about.business_case.empty()) record.set_business_case(about.business_case);
    if (!about.order.empty()) record.set_order(about.order);
  }

  // Code-list ids, looked up once as a user would.
  void lookups() {
    if (!user_.empty()) return;
    auto session = c_.session();
    auto types = c_.tasks().activity_types().list();
    auto categories = c_.tasks().communications().categories().list();
    auto kinds = c_.tasks().communications().types().list();
    auto entities = c_.invoicing().company_data().list();
    ASSERT_TRUE(session && types && !types->empty() && categories && !categories->empty() && kinds && !kinds->empty() &&
                entities && !entities->empty());
    auto sequences = c_.invoicing().numbering_sequences(DocumentType::kInvoice, entities->front().id());
    ASSERT_TRUE(sequences && !sequences->empty());
    activity_type_ = types->front().id();
    event_category_ = categories->front().id();
    event_type_ = kinds->front().id();
    company_data_ = entities->front().id();
    sequence_ = sequences->front().id();
    user_ = session->user_id;
  }

  Client& c_;
  std::string user_, activity_type_, event_category_, event_type_, company_data_, sequence_;
};

}  // namespace flowii::test

#endif  // FLOWII_TESTS_INTEGRATION_EMULATOR_FIXTURE_HPP
