// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// The whole Business Cases surface (cases, their work items, files, XML export,
// custom fields, states, sources, failure reasons) against the in-process emulator.
#include "integration/emulator_fixture.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace flowii::test {
namespace {

class BusinessCasesTest : public EmulatorTest {
 protected:
  /// A state of the given kind from the company's code list.
  std::string state_of(Client& c, BusinessCaseStateType kind) {
    return state_of_kind(c.business_cases().states(), kind);
  }
  std::string some_partner(Client& c) {
    auto page = c.partners().list_page(PartnerQuery().page_size(1));
    EXPECT_TRUE(page && !page->items.empty());
    return page && !page->items.empty() ? page->items[0].id() : std::string();
  }
  BusinessCase sample(Client& c, std::string const& name) {
    BusinessCase bc;
    bc.set_name(name)
        .set_description("Dopyt na dodávku 40 notebookov")
        .set_created(DateTime{2025, 3, 3, 0, 0, 0})
        .set_anticipated_finish_date(DateTime{2025, 4, 30, 0, 0, 0})
        .set_anticipated_income_amount(18450.5)
        .set_state(state_of(c, BusinessCaseStateType::kInProgress))
        .set_partner(some_partner(c))
        .add_responsible_users(c.session()->user_id)
        .add_responsible_users("11143");
    return bc;
  }
};

TEST_F(BusinessCasesTest, CreateReadUpdateDelete) {
  auto c = client();
  auto bc = sample(c, "Dodávka notebookov pre Tatrastav");
  auto defs = c.business_cases().custom_fields();
  ASSERT_TRUE(defs) << defs.status().to_string();
  std::string text_field;
  for (auto const& d : *defs) {
    if (d.value_type() == CustomFieldType::kText) text_field = d.id();
  }
  ASSERT_FALSE(text_field.empty());
  add_custom_field(bc, CustomFieldValue::text(text_field, "PRJ-900"));

  auto created = c.business_cases().create(bc);
  ASSERT_TRUE(created) << created.status().to_string();
  ASSERT_FALSE(created->id().empty());
  EXPECT_EQ(emu().count("POST", "/businesscases"), 1u);

  auto read = c.business_cases().get(created->id());
  ASSERT_TRUE(read) << read.status().to_string();
  EXPECT_TRUE(read->check().ok()) << read->check().to_string();
  EXPECT_EQ(read->name(), "Dodávka notebookov pre Tatrastav");
  EXPECT_EQ(read->created(), (DateTime{2025, 3, 3, 0, 0, 0}));
  EXPECT_EQ(read->anticipated_income_amount(), 18450.5);
  ASSERT_TRUE(read->serial_nr().has_value());
  EXPECT_EQ(read->serial_nr()->size(), 4u);  // FLOWii numbers cases "0001", ...
  EXPECT_EQ(read->partner()->id, bc.partner()->id);
  EXPECT_EQ(read->responsible_users().size(), 2u);
  auto state = read->related<BusinessCaseState>("state");
  ASSERT_TRUE(state.has_value());
  EXPECT_EQ(state->business_case_state_type(), BusinessCaseStateType::kInProgress);
  auto partner = read->related<Partner>("partner");
  ASSERT_TRUE(partner.has_value());
  EXPECT_FALSE(partner->name().value_or("").empty());
  EXPECT_EQ(read->related_many<User>("responsible-users").size(), 2u);
  bool field_seen = false;
  for (auto const& v : CustomFieldValue::read_all(*read)) {
    if (v.field_id() == text_field) field_seen = v.as_text() == "PRJ-900";
  }
  EXPECT_TRUE(field_seen);

  // Won: a state of type 2 and the finish date.
  auto won = state_of(c, BusinessCaseStateType::kWon);
  read->set_state(won).set_finish_date(DateTime{2025, 4, 2, 0, 0, 0}).set_description("Zmluva podpísaná");
  ASSERT_TRUE(c.business_cases().update(*read).ok());
  auto updated = c.business_cases().get(created->id());
  ASSERT_TRUE(updated);
  EXPECT_EQ(updated->state()->id, won);
  EXPECT_EQ(updated->finish_date(), (DateTime{2025, 4, 2, 0, 0, 0}));
  EXPECT_EQ(updated->description(), "Zmluva podpísaná");
  EXPECT_EQ(updated->serial_nr(), read->serial_nr());
  EXPECT_EQ(updated->related<BusinessCaseState>("state")->business_case_state_type(), BusinessCaseStateType::kWon);

  auto listed =
      c.business_cases().list_page(BusinessCaseQuery().state_id(won).partner_id(bc.partner()->id).page_size(100));
  ASSERT_TRUE(listed) << listed.status().to_string();
  bool found = false;
  for (auto const& item : listed->items) {
    found |= item.id() == created->id();
    EXPECT_EQ(item.state()->id, won);
  }
  EXPECT_TRUE(found);

  ASSERT_TRUE(c.business_cases().remove(created->id()).ok());
  auto gone = c.business_cases().get(created->id());
  ASSERT_FALSE(gone);
  EXPECT_EQ(gone.status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(gone.status().http_status(), 404);
}

TEST_F(BusinessCasesTest, ListViewIsLeanAndPaged) {
  auto c = client();
  auto first = c.business_cases().list_page(BusinessCaseQuery().page_size(5));
  ASSERT_TRUE(first) << first.status().to_string();
  ASSERT_EQ(first->items.size(), 5u);
  for (auto const& bc : first->items) {
    EXPECT_TRUE(bc.check().ok()) << bc.check().to_string();
    EXPECT_TRUE(bc.name().has_value());
    EXPECT_TRUE(bc.responsible_user().has_value());  // singular in the list view
    EXPECT_FALSE(bc.has("description"));             // detail only
    auto state = bc.related<BusinessCaseState>("state");
    ASSERT_TRUE(state.has_value());
    EXPECT_FALSE(state->name().value_or("").empty());
  }
  std::set<std::string> ids;
  auto pager = c.business_cases().list(BusinessCaseQuery().page_size(5));
  for (auto const& bc : pager) {
    ASSERT_TRUE(bc) << bc.status().to_string();
    EXPECT_TRUE(ids.insert(bc->id()).second);
  }
  EXPECT_GE(ids.size(), 10u);
  auto second = c.business_cases().list_page(BusinessCaseQuery().page_size(5).page(1));
  ASSERT_TRUE(second);
  EXPECT_EQ(second->number, 1);
  EXPECT_NE(second->items.front().id(), first->items.front().id());
}

TEST_F(BusinessCasesTest, EveryFilterKeepsOnlyMatchingCases) {
  auto c = client();
  auto sources = c.business_cases().sources().list();
  auto failures = c.business_cases().failures().list();
  auto types = c.orders().types().list();
  auto seeded = c.business_cases().list_page(BusinessCaseQuery().page_size(3));
  ASSERT_TRUE(sources && sources->size() >= 2u && failures && !failures->empty() && types && types->size() >= 2u);
  ASSERT_TRUE(seeded && seeded->items.size() == 3u);
  // Three demo cases: one left alone, one edited and one given new work below.
  std::string const quiet = seeded->items[0].id(), edited = seeded->items[1].id(), busy = seeded->items[2].id();

  // Everything from here on happens after `since`; the demo data is older.
  advance(std::chrono::seconds(60));
  UnixTime const since = UnixTime::from(emu().now());
  UnixTime const before{since.seconds - 1};

  // A: won, founded and closed in 2001; B: lost (with a reason), founded and
  // closed in 2099 (the demo data lies in between), with another source, type and responsible user, and a
  // partner that differs in every respect. An order continues B.
  std::vector<PartnerSide> partners;
  std::vector<std::string> subtypes;
  for (std::size_t i = 0; i < 2; ++i) {
    partners.push_back(make_partner_side(c, i, "Partner prípadu " + std::to_string(i)));
    auto children = c.orders().types().children((*types)[i].id());
    ASSERT_TRUE(children && !children->empty());
    subtypes.push_back(children->front().id());
  }
  auto make = [&](std::size_t i, std::string const& name, BusinessCaseStateType state, int year) {
    BusinessCase bc;
    bc.set_name(name)
        .set_created(DateTime{year, 3, 3, 0, 0, 0})
        .set_finish_date(DateTime{year, 4, 2, 0, 0, 0})
        .set_state(state_of(c, state))
        .set_partner(partners[i].id)
        .add_responsible_users(partners[i].responsible);
    // FLOWii's examples show no source, type or subtype: written as plain links.
    bc.link("source", ResourceId{"business-case-source", (*sources)[i].id()});
    bc.link("type", ResourceId{"order-type", (*types)[i].id()});
    bc.link("subtype", ResourceId{"order-type", subtypes[i]});
    if (state == BusinessCaseStateType::kLost) bc.set_failure(failures->front().id());
    auto created = c.business_cases().create(bc);
    EXPECT_TRUE(created) << created.status().to_string();
    return created ? created->id() : std::string();
  };
  std::string const a = make(0, "Prípad Alfa", BusinessCaseStateType::kWon, 2001);
  std::string const b = make(1, "Prípad Beta", BusinessCaseStateType::kLost, 2099);
  ASSERT_FALSE(a.empty() || b.empty());
  WorkMaker work(c);
  std::string const order = work.order({"", b, ""});
  ASSERT_FALSE(order.empty());
  auto touch = c.business_cases().get(edited);
  ASSERT_TRUE(touch);
  ASSERT_TRUE(c.business_cases().update(touch->set_description("upravené po since")).ok());
  auto busy_case = c.business_cases().get(busy);
  ASSERT_TRUE(busy_case && busy_case->partner());
  ASSERT_FALSE(work.task({busy_case->partner()->id, busy, ""}).empty());

  ReadOnce<Partner> read_partner([&](std::string const& id) { return c.partners().get(id); });
  auto const& side = partners[1];
  DateTime const y2050{2050, 1, 1, 0, 0, 0};
  std::set<std::string> const fresh = {a, b}, changed = {a, b, edited}, active = {a, b, edited, busy};
  using Q = BusinessCaseQuery;
  std::vector<FilterCase<BusinessCase, BusinessCaseQuery>> cases = {
      keeps<BusinessCase>(
          "search-text", Q().search_text("prípad beta"),
          [](BusinessCase const& bc) { return bc.name() == "Prípad Beta"; }, b, a),
      // Activity: the case's own writes and those of its work (the task on `busy`, B's order).
      {"inactive-from", Q().inactive_from(since), none_of<BusinessCase>(active), {quiet}, {a, edited, busy}},
      {"inactive-to", Q().inactive_to(before), one_of<BusinessCase>(fresh), {a, b}, {quiet, busy}},
      keeps<BusinessCase>("state-id", Q().state_id(state_of(c, BusinessCaseStateType::kWon)),
                          state_of_type<BusinessCase>(BusinessCaseStateType::kWon), a, b),
      keeps<BusinessCase>("source-id", Q().source_id((*sources)[1].id()),
                          links<BusinessCase>("source", (*sources)[1].id()), b, a),
      keeps<BusinessCase>("failure-id", Q().failure_id(failures->front().id()),
                          links<BusinessCase>("failure", failures->front().id()), b, a),
      keeps<BusinessCase>("type-id", Q().type_id((*types)[1].id()), links<BusinessCase>("type", (*types)[1].id()), b,
                          a),
      keeps<BusinessCase>("subtype-id", Q().subtype_id(subtypes[1]), links<BusinessCase>("subtype", subtypes[1]), b, a),
      keeps<BusinessCase>("responsible-user-id", Q().responsible_user_id(side.responsible),
                          includes<BusinessCase>("responsible-users", side.responsible), b, a),
      keeps<BusinessCase>("partner-id", Q().partner_id(side.id), links<BusinessCase>("partner", side.id), b, a),
      partner_case<BusinessCase>(read_partner, "partner-country-id", Q().partner_country_id(side.country),
                                 in_country(side.country), {b}, {a}),
      partner_case<BusinessCase>(read_partner, "partner-type-id", Q().partner_type_id(side.type), of_type(side.type),
                                 {b}, {a}),
      partner_case<BusinessCase>(read_partner, "partner-subtype-id", Q().partner_subtype_id(side.subtype),
                                 of_subtype(side.subtype), {b}, {a}),
      partner_case<BusinessCase>(read_partner, "partner-tag-ids", Q().partner_tag_ids({side.tag}), tagged(side.tag),
                                 {b}, {a}),
      // The only case the order continues.
      keeps<BusinessCase>(
          "order-id", Q().order_id(order), [&](BusinessCase const& bc) { return bc.id() == b; }, b, a),
  };
  add_since(cases, "edited", Q().edited_from(since), Q().edited_to(before), changed, {a, edited}, {quiet, busy});
  // A's dates lie before 2050, B's after.
  add_range(cases, "created", Q().created_from(y2050), Q().created_to(y2050), date_at<BusinessCase>("created"), y2050,
            {b}, {a});
  add_range(cases, "finished", Q().finished_from(y2050), Q().finished_to(y2050), date_at<BusinessCase>("finish-date"),
            y2050, {b}, {a});
  expect_filters(c.business_cases(), cases);
}

TEST_F(BusinessCasesTest, WorkItemsOfACase) {
  auto c = client();
  WorkMaker work(c);
  auto& cases = c.business_cases();
  std::string const partner = some_partner(c);  // the one sample() uses
  // Two new cases with one task, event and file each: each sub-list holds its
  // own case's record and not the other one's. No e-mails: FLOWii's API creates none.
  expect_own_records([&](int i) { return created_id(cases.create(sample(c, "Prípad s prácou " + std::to_string(i)))); },
                     [&](std::string const& id) {
                       return work.work_items({partner, id, ""}, cases, id);
                     },
                     work_item_lists(cases, cases));

  // The demo's e-mails: each under its own case only.
  std::set<std::string> mails_seen;
  for (auto const& bc : c.business_cases().list(BusinessCaseQuery().page_size(50))) {
    ASSERT_TRUE(bc);
    auto mails = c.business_cases().mails(bc->id(), Query().page_size(1000));
    ASSERT_TRUE(mails) << mails.status().to_string();
    for (auto const& m : mails->items) {
      EXPECT_TRUE(m.check().ok()) << m.check().to_string();
      EXPECT_EQ(m.business_case()->id, bc->id());
      EXPECT_TRUE(mails_seen.insert(m.id()).second) << "mail " << m.id() << " listed under two cases";
      EXPECT_TRUE(m.state() == MailState::kSent || m.state() == MailState::kReceived);
      EXPECT_FALSE(m.subject().value_or("").empty());
      EXPECT_TRUE(m.related<Partner>("partner").has_value());
    }
  }
  EXPECT_GE(mails_seen.size(), 2u);
  EXPECT_EQ(c.business_cases().mails("999999999").status().code(), ErrorCode::kNotFound);
}

TEST_F(BusinessCasesTest, AttachmentsUploadAndList) {
  auto c = client();
  auto created = c.business_cases().create(sample(c, "Prípad s prílohou"));
  ASSERT_TRUE(created);
  FileUpload file{"ponuka.pdf", std::string("%PDF-1.4\0\xff", 10), "application/pdf", "cenová ponuka"};
  auto id = c.business_cases().upload_attachment(created->id(), file);
  ASSERT_TRUE(id) << id.status().to_string();
  auto list = c.business_cases().attachments(created->id());
  ASSERT_TRUE(list) << list.status().to_string();
  ASSERT_EQ(list->items.size(), 1u);
  EXPECT_EQ(list->items[0].id(), *id);
  EXPECT_EQ(list->items[0].name(), "ponuka.pdf");
  EXPECT_EQ(list->items[0].size(), 10);
}

TEST_F(BusinessCasesTest, XmlExportIsAZipWrittenToDisk) {
  auto c = client();
  auto all = c.business_cases().export_xml(BusinessCaseQuery(), /*include_messages=*/true);
  ASSERT_TRUE(all) << all.status().to_string();
  EXPECT_EQ(all->content_type.substr(0, 15), "application/zip");
  ASSERT_GE(all->bytes.size(), 4u);
  EXPECT_EQ(all->bytes.substr(0, 4), std::string("PK\x03\x04", 4));
  EXPECT_NE(all->bytes.find("<messages>"), std::string::npos);  // stored (uncompressed) entry

  auto plain = c.business_cases().export_xml(BusinessCaseQuery().search_text("CRM"));
  ASSERT_TRUE(plain) << plain.status().to_string();
  EXPECT_EQ(plain->bytes.find("<messages>"), std::string::npos);
  EXPECT_LT(plain->bytes.size(), all->bytes.size());

  std::string path = ::testing::TempDir() + "flowii-business-cases.zip";
  ASSERT_TRUE(all->write_to(path).ok());
  std::ifstream in(path, std::ios::binary);
  std::string back((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(back, all->bytes);
  std::remove(path.c_str());
}

TEST_F(BusinessCasesTest, CodeListsAndCustomFields) {
  auto c = client();
  auto states = c.business_cases().states().list();
  ASSERT_TRUE(states) << states.status().to_string();
  std::set<BusinessCaseStateType> kinds;
  for (auto const& s : *states) {
    EXPECT_TRUE(s.check().ok()) << s.check().to_string();
    kinds.insert(s.business_case_state_type().value_or(BusinessCaseStateType::kInProgress));
  }
  EXPECT_EQ(kinds.size(), 4u);  // in progress, won, postponed, lost
  auto one = c.business_cases().states().get(states->back().id());
  ASSERT_TRUE(one);
  EXPECT_EQ(one->name(), states->back().name());
  EXPECT_EQ(one->order(), states->back().order());

  auto sources = c.business_cases().sources().list();
  ASSERT_TRUE(sources) << sources.status().to_string();
  ASSERT_FALSE(sources->empty());
  auto source = c.business_cases().sources().get(sources->front().id());
  ASSERT_TRUE(source);
  EXPECT_EQ(source->name(), sources->front().name());

  auto failures = c.business_cases().failures().list();
  ASSERT_TRUE(failures) << failures.status().to_string();
  ASSERT_FALSE(failures->empty());
  auto failure = c.business_cases().failures().get(failures->front().id());
  ASSERT_TRUE(failure);
  EXPECT_EQ(failure->name(), failures->front().name());
  EXPECT_EQ(c.business_cases().failures().get("999999999").status().code(), ErrorCode::kNotFound);

  auto defs = c.business_cases().custom_fields();
  ASSERT_TRUE(defs) << defs.status().to_string();
  std::set<CustomFieldType> types;
  for (auto const& d : *defs) {
    EXPECT_TRUE(d.check().ok()) << d.check().to_string();
    types.insert(d.value_type().value_or(CustomFieldType::kText));
  }
  EXPECT_EQ(types.size(), 5u);
  auto partner_defs = c.partners().custom_fields();
  ASSERT_TRUE(partner_defs);
  for (auto const& p : *partner_defs) {
    for (auto const& d : *defs) EXPECT_NE(p.id(), d.id());  // each owner has its own fields
  }
}

TEST_F(BusinessCasesTest, RequiredFieldsAreReported) {
  auto c = client();
  BusinessCase nameless;
  nameless.set_description("no name, no state, no partner");
  auto rejected = c.business_cases().create(nameless);
  ASSERT_FALSE(rejected);
  EXPECT_EQ(rejected.status().http_status(), 422);
  std::set<std::string> pointers;
  for (auto const& e : rejected.status().errors()) pointers.insert(e.source_pointer);
  EXPECT_EQ(pointers.count("/data/attributes/name"), 1u);
  EXPECT_EQ(pointers.count("/data/attributes/created"), 1u);
  EXPECT_EQ(pointers.count("/data/relationships/state"), 1u);
  EXPECT_EQ(pointers.count("/data/relationships/partner"), 1u);
  EXPECT_EQ(emu().count("POST", "/businesscases"), 1u);  // not retried
}

}  // namespace
}  // namespace flowii::test
