// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// The whole Tasks & events surface against the in-process emulator: tasks with
// activities, intervals, messages, attachments, custom fields and code lists;
// communications with attachments and code lists.
#include "integration/emulator_fixture.hpp"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace flowii::test {
namespace {

DateTime at(int day, int hour, int minute = 0) { return DateTime{2026, 3, day, hour, minute, 0}; }

bool has_id(std::vector<Task> const& items, std::string const& id) {
  return std::any_of(items.begin(), items.end(), [&](Task const& t) { return t.id() == id; });
}

// A code list: not empty, every item valid, the first readable by id.
template <typename T>
std::vector<T> expect_code_list(CodeListApi<T>& api) {
  auto all = api.list();
  EXPECT_TRUE(all) << all.status().to_string();
  if (!all) return {};
  EXPECT_FALSE(all->empty());
  for (auto const& item : *all) EXPECT_TRUE(item.check().ok()) << item.check().to_string();
  if (all->empty()) return {};
  auto one = api.get(all->front().id());
  EXPECT_TRUE(one) << one.status().to_string();
  EXPECT_EQ(one ? one->name() : std::nullopt, all->front().name());
  return std::move(all).value();
}

// What most tests need: the signed-in user, an activity type, a partner.
class TasksTest : public EmulatorTest {
 protected:
  void SetUp() override {
    EmulatorTest::SetUp();
    c_ = std::make_unique<Client>(client());
    auto session = c_->session();
    ASSERT_TRUE(session) << session.status().to_string();
    user_ = session->user_id;
    auto types = tasks().activity_types().list();
    ASSERT_TRUE(types) << types.status().to_string();
    ASSERT_GE(types->size(), 2u);
    work_type_ = (*types)[0].id();
    check_type_ = (*types)[1].id();
    auto partners = c_->partners().list_page(PartnerQuery().page_size(1));
    ASSERT_TRUE(partners && !partners->items.empty());
    partner_ = partners->items[0].id();
  }

  TasksApi& tasks() { return c_->tasks(); }

  Activity activity(std::string const& type, ActivityState state = ActivityState::kWaiting) {
    Activity a;
    a.set_state(state).set_activity_type(type).set_user(user_);
    return a;
  }

  Task sample_task(std::string const& caption) {
    Task t;
    t.set_caption(caption)
        .set_description("Montáž regálov podľa výkresu")
        .set_priority(100)
        .set_planned_from(at(2, 8))
        .set_planned_to(at(6, 16))
        .set_deadline(at(6, 16))
        .set_estimated_duration(10)
        .set_user(user_)
        .set_partner(partner_)
        .add_activities(
            activity(work_type_).set_deadline(at(5, 16)).set_note("hlavná práca").set_estimated_duration(8));
    return t;
  }

  // The client goes before the emulator stops: its idle keep-alive connection
  // would otherwise hold up the emulator's stop for the server's 1 s keep-alive.
  void TearDown() override {
    c_.reset();
    EmulatorTest::TearDown();
  }

  Task create(Task const& t) {
    auto created = tasks().create(t);
    EXPECT_TRUE(created) << created.status().to_string();
    return created ? *created : Task();
  }

  std::unique_ptr<Client> c_;
  std::string user_, work_type_, check_type_, partner_;
};

TEST_F(TasksTest, CreateReadUpdateDelete) {
  auto categories = tasks().categories().list();
  ASSERT_TRUE(categories) << categories.status().to_string();
  ASSERT_FALSE(categories->empty());
  std::string category, subcategory;
  for (auto const& cat : *categories) {
    auto children = tasks().categories().children(cat.id());
    ASSERT_TRUE(children) << children.status().to_string();
    if (!children->empty()) {
      category = cat.id();
      subcategory = children->front().id();
      break;
    }
  }
  ASSERT_FALSE(subcategory.empty());

  auto t = sample_task("Montáž regálov Unikát");
  t.set_category(category).set_subcategory(subcategory);
  auto created = create(t);
  ASSERT_FALSE(created.id().empty());

  auto read = tasks().get(created.id());
  ASSERT_TRUE(read) << read.status().to_string();
  EXPECT_TRUE(read->check().ok()) << read->check().to_string();
  EXPECT_EQ(read->caption(), "Montáž regálov Unikát");
  EXPECT_EQ(read->description(), "Montáž regálov podľa výkresu");
  EXPECT_EQ(read->priority(), 100);
  EXPECT_EQ(read->deadline(), at(6, 16));
  EXPECT_EQ(read->estimated_duration(), 10.0);
  EXPECT_FALSE(read->serial_nr().value_or("").empty());
  EXPECT_EQ(read->state(), ActivityState::kWaiting);
  EXPECT_EQ(read->user()->id, user_);
  EXPECT_EQ(read->partner()->id, partner_);
  EXPECT_EQ(read->related<TaskCategory>("category")->id(), category);
  auto sub = read->related<TaskCategory>("subcategory");
  ASSERT_TRUE(sub.has_value());
  EXPECT_EQ(sub->parent()->id, category);
  auto activities = read->related_many<Activity>("activities");
  ASSERT_EQ(activities.size(), 1u);
  EXPECT_EQ(activities[0].state(), ActivityState::kWaiting);
  EXPECT_EQ(activities[0].activity_type()->id, work_type_);
  EXPECT_EQ(activities[0].user()->id, user_);
  EXPECT_EQ(activities[0].is_main(), true);
  EXPECT_EQ(activities[0].order(), 1);
  EXPECT_EQ(activities[0].note(), "hlavná práca");
  EXPECT_EQ(activities[0].deadline(), at(5, 16));
  EXPECT_TRUE(read->related<User>("user").has_value());

  // PATCH: the activity with an id changes, the one without an id is added.
  Task change;
  change.set_id(created.id());
  change.set_caption("Montáž regálov – upravené");
  change.add_activities(activity(work_type_, ActivityState::kInProgress).set_id(activities[0].id()));
  change.add_activities(activity(check_type_));
  ASSERT_TRUE(tasks().update(change).ok());
  auto updated = tasks().get(created.id());
  ASSERT_TRUE(updated);
  EXPECT_EQ(updated->caption(), "Montáž regálov – upravené");
  EXPECT_EQ(updated->description(), "Montáž regálov podľa výkresu");  // attributes merge
  EXPECT_EQ(updated->state(), ActivityState::kInProgress);
  auto now_activities = updated->related_many<Activity>("activities");
  ASSERT_EQ(now_activities.size(), 2u);
  EXPECT_EQ(now_activities[0].id(), activities[0].id());
  EXPECT_EQ(now_activities[0].state(), ActivityState::kInProgress);
  EXPECT_EQ(now_activities[1].activity_type()->id, check_type_);
  EXPECT_EQ(now_activities[1].is_main(), false);

  // A read-modify-write keeps the activities and everything else.
  updated->set_priority(50);
  ASSERT_TRUE(tasks().update(*updated).ok());
  auto again = tasks().get(created.id());
  ASSERT_TRUE(again);
  EXPECT_EQ(again->priority(), 50);
  EXPECT_EQ(again->activities().size(), 2u);

  ASSERT_TRUE(tasks().remove(created.id()).ok());
  auto gone = tasks().get(created.id());
  ASSERT_FALSE(gone);
  EXPECT_EQ(gone.status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(tasks().activities(created.id()).status().http_status(), 404);
  EXPECT_EQ(emu().count("POST", "/tasks"), 1u);
}

TEST_F(TasksTest, ListsPageByPage) {
  auto created = create(sample_task("Kalibrácia váh Zelený Strom"));
  ASSERT_FALSE(created.id().empty());

  auto first = tasks().list_page(TaskQuery().page_size(5));
  ASSERT_TRUE(first) << first.status().to_string();
  EXPECT_EQ(first->items.size(), 5u);
  EXPECT_FALSE(first->included->empty());  // users, activities, partners
  std::set<std::string> ids, serials;
  for (auto const& t : tasks().list(TaskQuery().page_size(5))) {
    ASSERT_TRUE(t) << t.status().to_string();
    EXPECT_TRUE(ids.insert(t->id()).second);
    EXPECT_TRUE(serials.insert(t->serial_nr().value_or("")).second)
        << "serial-nr repeats: " << t->serial_nr().value_or("(none)");
    EXPECT_TRUE(t->check().ok()) << t->check().to_string();
  }
  EXPECT_GE(ids.size(), 10u);
  EXPECT_EQ(ids.count(created.id()), 1u);
}

TEST_F(TasksTest, ActivitiesIntervalsAndStates) {
  auto t = sample_task("Servis kotla");
  t.add_activities(activity(check_type_));
  auto created = create(t);
  ASSERT_FALSE(created.id().empty());

  auto activities = tasks().activities(created.id());
  ASSERT_TRUE(activities) << activities.status().to_string();
  ASSERT_EQ(activities->items.size(), 2u);
  EXPECT_EQ(activities->items[0].order(), 1);
  EXPECT_EQ(activities->items[1].order(), 2);
  auto type = activities->items[0].related<ActivityType>("activity-type");
  ASSERT_TRUE(type.has_value());
  EXPECT_FALSE(type->name().value_or("").empty());
  std::string const work = activities->items[0].id();
  std::string const check = activities->items[1].id();

  ActivityInterval interval;
  interval.set_from(at(3, 8)).set_to(at(3, 11, 30)).set_activity(work);
  auto logged = tasks().create_activity_interval(created.id(), interval);
  ASSERT_TRUE(logged) << logged.status().to_string();
  ASSERT_FALSE(logged->id().empty());

  auto all = tasks().activity_intervals(created.id());
  ASSERT_TRUE(all) << all.status().to_string();
  ASSERT_EQ(all->items.size(), 1u);
  EXPECT_EQ(all->items[0].from(), at(3, 8));
  EXPECT_EQ(all->items[0].to(), at(3, 11, 30));
  EXPECT_EQ(all->items[0].activity()->id, work);
  EXPECT_TRUE(all->items[0].check().ok());
  auto of_work = tasks().activity_intervals_of(created.id(), work);
  ASSERT_TRUE(of_work) << of_work.status().to_string();
  EXPECT_EQ(of_work->items.size(), 1u);
  auto of_check = tasks().activity_intervals_of(created.id(), check);
  ASSERT_TRUE(of_check);
  EXPECT_TRUE(of_check->items.empty());

  ActivityInterval longer = all->items[0];
  longer.set_to(at(3, 12));
  ASSERT_TRUE(tasks().update_activity_interval(created.id(), longer).ok());
  auto changed = tasks().activity_intervals(created.id());
  ASSERT_TRUE(changed);
  EXPECT_EQ(changed->items.at(0).to(), at(3, 12));

  // Time must be logged on this task's activities, forwards.
  auto other = create(sample_task("Iná úloha"));
  auto foreign = tasks().activities(other.id());
  ASSERT_TRUE(foreign && !foreign->items.empty());
  ActivityInterval misplaced;
  misplaced.set_from(at(3, 8)).set_to(at(3, 9)).set_activity(foreign->items[0].id());
  auto rejected = tasks().create_activity_interval(created.id(), misplaced);
  ASSERT_FALSE(rejected);
  EXPECT_EQ(rejected.status().http_status(), 422);
  ASSERT_FALSE(rejected.status().errors().empty());
  EXPECT_EQ(rejected.status().errors()[0].source_pointer, "/data/relationships/activity");
  ActivityInterval backwards;
  backwards.set_from(at(3, 9)).set_to(at(3, 8)).set_activity(work);
  EXPECT_EQ(tasks().create_activity_interval(created.id(), backwards).status().http_status(), 422);
  EXPECT_EQ(tasks().activity_intervals_of(other.id(), work).status().http_status(), 404);

  ASSERT_TRUE(tasks().set_activity_state(created.id(), work, ActivityState::kDone).ok());
  auto half = tasks().get(created.id());
  ASSERT_TRUE(half);
  EXPECT_EQ(half->state(), ActivityState::kInProgress);
  ASSERT_TRUE(tasks().set_activity_state(created.id(), check, ActivityState::kDone).ok());
  auto done = tasks().get(created.id());
  ASSERT_TRUE(done);
  EXPECT_EQ(done->state(), ActivityState::kDone);
  for (auto const& a : done->related_many<Activity>("activities")) {
    EXPECT_EQ(a.state(), ActivityState::kDone);
    EXPECT_TRUE(a.to().has_value());  // FLOWii records when the work ended
  }
  EXPECT_EQ(tasks().set_activity_state(other.id(), work, ActivityState::kDone).http_status(), 404);

  ASSERT_TRUE(tasks().remove_activity_interval(created.id(), logged->id()).ok());
  auto none = tasks().activity_intervals(created.id());
  ASSERT_TRUE(none);
  EXPECT_TRUE(none->items.empty());
  EXPECT_EQ(tasks().remove_activity_interval(created.id(), logged->id()).http_status(), 404);
  EXPECT_EQ(tasks().update_activity_interval(created.id(), longer).http_status(), 404);
}

TEST_F(TasksTest, MessagesAttachmentsAndCustomFields) {
  auto defs = tasks().custom_fields();
  ASSERT_TRUE(defs) << defs.status().to_string();
  ASSERT_FALSE(defs->empty());
  std::string number_field;
  for (auto const& d : *defs) {
    EXPECT_TRUE(d.check().ok()) << d.check().to_string();
    if (d.value_type() == CustomFieldType::kNumber) number_field = d.id();
  }
  ASSERT_FALSE(number_field.empty());

  auto t = sample_task("Úloha s poľom");
  add_custom_field(t, CustomFieldValue::number(number_field, 1250.5));
  auto created = create(t);
  ASSERT_FALSE(created.id().empty());

  ASSERT_TRUE(tasks().post_message(created.id(), "Zákazník potvrdil termín.").ok());
  ASSERT_TRUE(tasks().post_message(created.id(), "Materiál je na ceste.").ok());
  auto read = tasks().get(created.id());
  ASSERT_TRUE(read) << read.status().to_string();
  auto messages = read->related_many<TaskMessage>("task-messages");
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_EQ(messages[0].message(), "Zákazník potvrdil termín.");
  EXPECT_TRUE(messages[0].created().has_value());
  EXPECT_EQ(messages[0].user()->id, user_);
  EXPECT_TRUE(messages[1].check().ok());
  bool seen = false;
  for (auto const& v : CustomFieldValue::read_all(*read)) {
    if (v.field_id() == number_field) {
      EXPECT_EQ(v.as_number(), 1250.5);
      seen = true;
    }
  }
  EXPECT_TRUE(seen);

  auto empty = tasks().post_message(created.id(), "");
  EXPECT_EQ(empty.http_status(), 422);
  EXPECT_EQ(tasks().post_message("999999999", "nikto").http_status(), 404);

  FileUpload file{"výkres.pdf", std::string("%PDF-1.4\0\xff", 10), "application/pdf", "výkres regálov"};
  auto id = tasks().upload_attachment(created.id(), file);
  ASSERT_TRUE(id) << id.status().to_string();
  auto files = tasks().attachments(created.id());
  ASSERT_TRUE(files) << files.status().to_string();
  ASSERT_EQ(files->items.size(), 1u);
  EXPECT_EQ(files->items[0].id(), *id);
  EXPECT_EQ(files->items[0].name(), "výkres.pdf");
  EXPECT_EQ(files->items[0].size(), 10);
}

TEST_F(TasksTest, CodeLists) {
  expect_code_list(tasks().activity_types());
  auto categories = expect_code_list<TaskCategory>(tasks().categories());
  ASSERT_FALSE(categories.empty());
  for (auto const& cat : categories) EXPECT_FALSE(cat.parent().has_value());
  auto children = tasks().categories().children(categories.front().id());
  ASSERT_TRUE(children);
  ASSERT_FALSE(children->empty());
  auto child = tasks().categories().get(children->front().id());
  ASSERT_TRUE(child);
  EXPECT_EQ(child->parent()->id, categories.front().id());
  EXPECT_EQ(child->related<TaskCategory>("parent")->name(), categories.front().name());
}

TEST_F(TasksTest, SeededTasksFillThePartnerSubLists) {
  auto created = create(sample_task("Úloha partnera"));
  auto of_partner = c_->partners().tasks(partner_, Query().page_size(1000));
  ASSERT_TRUE(of_partner) << of_partner.status().to_string();
  EXPECT_TRUE(has_id(of_partner->items, created.id()));

  std::size_t with_intervals = 0, with_messages = 0;
  for (auto const& t : tasks().list(TaskQuery().page_size(50))) {
    ASSERT_TRUE(t);
    auto intervals = tasks().activity_intervals(t->id());
    ASSERT_TRUE(intervals);
    with_intervals += intervals->items.empty() ? 0 : 1;
    auto detail = tasks().get(t->id());
    ASSERT_TRUE(detail) << detail.status().to_string();
    with_messages += detail->task_messages().empty() ? 0 : 1;
  }
  EXPECT_GT(with_intervals, 0u);
  EXPECT_GT(with_messages, 0u);
}

TEST_F(TasksTest, BadInputGivesClearErrors) {
  auto before = tasks().list_page(TaskQuery().page_size(1000));
  ASSERT_TRUE(before);
  Task no_activities;
  no_activities.set_caption("Bez činností");
  auto rejected = tasks().create(no_activities);
  ASSERT_FALSE(rejected);
  EXPECT_EQ(rejected.status().http_status(), 422);
  ASSERT_FALSE(rejected.status().errors().empty());
  EXPECT_EQ(rejected.status().errors()[0].source_pointer, "/data/relationships/activities");

  Task untyped;
  untyped.set_caption("Bez typu").add_activities(Activity().set_state(ActivityState::kWaiting));
  auto no_type = tasks().create(untyped);
  ASSERT_FALSE(no_type);
  ASSERT_FALSE(no_type.status().errors().empty());
  EXPECT_EQ(no_type.status().errors()[0].source_pointer,
            "/data/relationships/activities/data/0/relationships/activity-type");

  Task nameless = sample_task("x");
  nameless.erase("caption");
  auto no_caption = tasks().create(nameless);
  ASSERT_FALSE(no_caption);
  EXPECT_EQ(no_caption.status().errors().at(0).source_pointer, "/data/attributes/caption");
  auto after = tasks().list_page(TaskQuery().page_size(1000));
  ASSERT_TRUE(after);
  EXPECT_EQ(after->items.size(), before->items.size());  // nothing half-created
}

// ---- communications ----------------------------------------------------------

class CommunicationsTest : public TasksTest {
 protected:
  CommunicationsApi& communications() { return tasks().communications(); }

  Communication sample(std::string const& note) {
    auto categories = communications().categories().list();
    auto types = communications().types().list();
    EXPECT_TRUE(categories && !categories->empty() && types && !types->empty());
    Communication m;
    m.set_note(note)
        .set_direction(CommunicationDirection::kOutgoing)
        .set_finished(at(4, 10, 15))
        .set_state(CommunicationState::kDone)
        .set_category(categories->front().id())
        .set_communication_type(types->front().id())
        .set_user(user_)
        .set_partner(partner_);
    return m;
  }
};

TEST_F(CommunicationsTest, CreateReadUpdateDelete) {
  auto created = communications().create(sample("Telefonát Unikátny o dodaní"));
  ASSERT_TRUE(created) << created.status().to_string();
  ASSERT_FALSE(created->id().empty());

  auto read = communications().get(created->id());
  ASSERT_TRUE(read) << read.status().to_string();
  EXPECT_TRUE(read->check().ok()) << read->check().to_string();
  EXPECT_EQ(read->note(), "Telefonát Unikátny o dodaní");
  EXPECT_EQ(read->direction(), CommunicationDirection::kOutgoing);
  EXPECT_EQ(read->state(), CommunicationState::kDone);
  EXPECT_EQ(read->finished(), at(4, 10, 15));
  EXPECT_FALSE(read->planned_from().has_value());
  EXPECT_EQ(read->user()->id, user_);
  EXPECT_EQ(read->partner()->id, partner_);
  auto category = read->related<CommunicationCategory>("category");
  ASSERT_TRUE(category.has_value());
  EXPECT_FALSE(category->name().value_or("").empty());
  auto type = read->related<CommunicationType>("type");
  ASSERT_TRUE(type.has_value());
  EXPECT_TRUE(type->direction_presence().has_value());
  EXPECT_TRUE(read->related<User>("user").has_value());

  read->set_note("Stretnutie presunuté")
      .set_state(CommunicationState::kWaiting)
      .set_planned_from(at(20, 9))
      .set_planned_to(at(20, 10));
  ASSERT_TRUE(communications().update(*read).ok());
  auto updated = communications().get(created->id());
  ASSERT_TRUE(updated);
  EXPECT_EQ(updated->note(), "Stretnutie presunuté");
  EXPECT_EQ(updated->state(), CommunicationState::kWaiting);
  EXPECT_EQ(updated->planned_from(), at(20, 9));
  EXPECT_EQ(updated->direction(), CommunicationDirection::kOutgoing);

  ASSERT_TRUE(communications().remove(created->id()).ok());
  auto gone = communications().get(created->id());
  ASSERT_FALSE(gone);
  EXPECT_EQ(gone.status().code(), ErrorCode::kNotFound);
}

TEST_F(CommunicationsTest, ListsPageByPage) {
  auto created = communications().create(sample("Ponuka Modrá Hora"));
  ASSERT_TRUE(created);

  auto first = communications().list_page(CommunicationQuery().page_size(6));
  ASSERT_TRUE(first) << first.status().to_string();
  EXPECT_EQ(first->items.size(), 6u);
  std::set<std::string> ids;
  for (auto const& m : communications().list(CommunicationQuery().page_size(6))) {
    ASSERT_TRUE(m) << m.status().to_string();
    EXPECT_TRUE(ids.insert(m->id()).second);
    EXPECT_TRUE(m->check().ok());
  }
  EXPECT_GE(ids.size(), 20u);
  EXPECT_EQ(ids.count(created->id()), 1u);
}

TEST_F(CommunicationsTest, AttachmentsAndCodeLists) {
  auto created = communications().create(sample("Zápisnica zo stretnutia"));
  ASSERT_TRUE(created);
  FileUpload file{"zapisnica.txt", "Dohodnuté: dodanie do piatku.", "text/plain", ""};
  auto id = communications().upload_attachment(created->id(), file);
  ASSERT_TRUE(id) << id.status().to_string();
  auto files = communications().attachments(created->id());
  ASSERT_TRUE(files);
  ASSERT_EQ(files->items.size(), 1u);
  EXPECT_EQ(files->items[0].name(), "zapisnica.txt");

  auto categories = expect_code_list(communications().categories());
  for (auto const& cat : categories) EXPECT_TRUE(cat.order().has_value());
  bool any_kind = false;
  for (auto const& t : expect_code_list(communications().types())) {
    EXPECT_TRUE(t.direction_presence().has_value());
    any_kind |= t.kind().has_value();
  }
  EXPECT_TRUE(any_kind);
}

TEST_F(CommunicationsTest, BadInputGivesClearErrors) {
  auto m = sample("bez partnera");
  m.clear_partner();
  auto rejected = communications().create(m);
  ASSERT_FALSE(rejected);
  EXPECT_EQ(rejected.status().http_status(), 422);
  ASSERT_FALSE(rejected.status().errors().empty());
  EXPECT_EQ(rejected.status().errors()[0].source_pointer, "/data/relationships/partner");

  auto bad_state = sample("zlý stav");
  bad_state.set("state", 8);  // a task state, not a communication one
  auto no = communications().create(bad_state);
  ASSERT_FALSE(no);
  EXPECT_EQ(no.status().errors().at(0).source_pointer, "/data/attributes/state");
}

// ---- filters -------------------------------------------------------------------

// Two sides that differ in everything a task or event filter looks at: partners
// in other countries, of other types and subtypes, and their business cases and
// orders (in other order states). Records made for side 0 must match a filter
// for side 1's value and are the known non-matching ones, and the reverse.
class FilteredWorkTest : public CommunicationsTest {
 protected:
  struct Side : PartnerSide {
    std::string business_case, order, order_state;
  };

  void SetUp() override {
    CommunicationsTest::SetUp();
    if (HasFatalFailure()) return;
    WorkMaker work(*c_);
    for (std::size_t i = 0; i < 2; ++i) {
      Side s;
      static_cast<PartnerSide&>(s) = make_partner_side(*c_, i, "Strana " + std::to_string(i));
      ASSERT_FALSE(s.id.empty());
      auto const kind = i == 0 ? OrderStateType::kWaiting : OrderStateType::kInProgress;
      s.business_case = work.business_case(s.id);
      s.order = work.order({s.id, "", ""}, kind);
      s.order_state = state_of_kind(c_->orders().states(), kind);
      ASSERT_FALSE(s.business_case.empty() || s.order.empty());
      sides_.push_back(s);
    }
    // Everything made by the tests happens after `since_`; the demo data is older.
    advance(std::chrono::seconds(60));
    since_ = UnixTime::from(emu().now());
    before_ = UnixTime{since_.seconds - 1};
  }

  std::vector<Side> sides_;
  UnixTime since_, before_;
  ReadOnce<Partner> partner_{[this](std::string const& id) { return c_->partners().get(id); }};
  ReadOnce<Order> order_{[this](std::string const& id) { return c_->orders().get(id); }};
};

bool any_activity(Task const& t, std::function<bool(Activity const&)> const& test) {
  auto activities = t.related_many<Activity>("activities");
  return std::any_of(activities.begin(), activities.end(), test);
}

TEST_F(FilteredWorkTest, EveryTaskFilterKeepsOnlyMatchingTasks) {
  auto categories = tasks().categories().list();
  ASSERT_TRUE(categories && categories->size() >= 2u);
  std::vector<std::pair<std::string, std::string>> category;  // top level, subcategory
  for (std::size_t i = 0; i < 2; ++i) {
    auto children = tasks().categories().children((*categories)[i].id());
    ASSERT_TRUE(children && !children->empty());
    category.emplace_back((*categories)[i].id(), children->front().id());
  }
  // A: early dates, worked on day 3 and done; B: late dates, another activity
  // type, made by and assigned to a colleague, waiting.
  auto task = [&](int i, std::string const& caption, int day, std::string const& type, std::string const& user) {
    Task t;
    t.set_caption(caption)
        .set_deadline(at(day, 16))
        .set_user(user)
        .set_category(category[i].first)
        .set_subcategory(category[i].second)
        .set_partner(sides_[i].id)
        .set_business_case(sides_[i].business_case)
        .set_order(sides_[i].order)
        .add_activities(activity(type).set_user(user).set_deadline(at(day - 1, 16)));
    return create(t).id();
  };
  std::string const a = task(0, "Kalibrácia Alfa", 6, work_type_, user_);
  std::string const b = task(1, "Kalibrácia Beta", 20, check_type_, "11143");
  ASSERT_FALSE(a.empty() || b.empty());
  for (auto const& [id, day] : {std::pair{a, 3}, std::pair{b, 15}}) {
    auto activities = tasks().activities(id);
    ASSERT_TRUE(activities && activities->items.size() == 1u);
    ActivityInterval interval;
    interval.set_from(at(day, 8)).set_to(at(day, 10)).set_activity(activities->items[0].id());
    ASSERT_TRUE(tasks().create_activity_interval(id, interval));
  }
  auto a_activities = tasks().activities(a);
  ASSERT_TRUE(a_activities);
  ASSERT_TRUE(tasks().set_activity_state(a, a_activities->items[0].id(), ActivityState::kDone).ok());

  // A demo task done before `since_`, and one edited after it.
  auto done = tasks().list_page(TaskQuery().state(ActivityState::kDone).page_size(1));
  auto seeded = tasks().list_page(TaskQuery().state(ActivityState::kWaiting).page_size(2));
  ASSERT_TRUE(done && done->items.size() == 1u && seeded && seeded->items.size() == 2u);
  std::string const old_done = done->items[0].id(), quiet = seeded->items[0].id(), edited = seeded->items[1].id();
  Task change;
  change.set_id(edited);
  change.set_priority(7);
  ASSERT_TRUE(tasks().update(change).ok());

  DateTime const mid = at(10, 0);
  InRange<Task> const worked = [&](Task const& t, std::optional<DateTime> const& from,
                                   std::optional<DateTime> const& to) {
    auto intervals = tasks().activity_intervals(t.id());
    EXPECT_TRUE(intervals) << intervals.status().to_string();
    return intervals && std::any_of(intervals->items.begin(), intervals->items.end(),
                                    [&](ActivityInterval const& x) { return within(x.from(), from, to); });
  };
  InRange<Task> const activity_due = [](Task const& t, std::optional<DateTime> const& from,
                                        std::optional<DateTime> const& to) {
    return any_activity(t, [&](Activity const& x) { return within(x.deadline(), from, to); });
  };
  auto completed = [&](Task const& t, std::int64_t from, std::int64_t to) {
    return any_activity(t, [&](Activity const& x) {
      auto const seconds = x.to() ? UnixTime::from(*x.to()).seconds : -1;
      return x.to() && seconds >= from && seconds <= to;
    });
  };
  auto const& side = sides_[1];
  std::set<std::string> const fresh = {a, b}, changed = {a, b, edited};
  std::vector<FilterCase<Task, TaskQuery>> cases = {
      keeps<Task>(
          "search-text", TaskQuery().search_text("kalibrácia beta"),
          [](Task const& t) { return t.caption() == "Kalibrácia Beta"; }, b, a),
      {"completed-from",
       TaskQuery().completed_from(since_),
       [&](Task const& t) { return completed(t, since_.seconds, INT64_MAX); },
       {a},
       {b, old_done}},
      {"completed-to",
       TaskQuery().completed_to(before_),
       [&](Task const& t) { return completed(t, INT64_MIN, before_.seconds); },
       {old_done},
       {a, b}},
      {"state",
       TaskQuery().state(ActivityState::kDone),
       [](Task const& t) { return t.state() == ActivityState::kDone; },
       {a, old_done},
       {b}},
      keeps<Task>(
          "activity-type-id", TaskQuery().activity_type_id(check_type_),
          [&](Task const& t) {
            return any_activity(t, [&](Activity const& x) { return is_link(x.activity_type(), check_type_); });
          },
          b, a),
      keeps<Task>("category-id", TaskQuery().category_id(category[1].first), links<Task>("category", category[1].first),
                  b, a),
      keeps<Task>("subcategory-id", TaskQuery().subcategory_id(category[1].second),
                  links<Task>("subcategory", category[1].second), b, a),
      keeps<Task>("created-by-user-id", TaskQuery().created_by_user_id("11143"), links<Task>("user", "11143"), b, a),
      keeps<Task>(
          "responsible-user-id", TaskQuery().responsible_user_id("11143"),
          [](Task const& t) { return any_activity(t, [](Activity const& x) { return is_link(x.user(), "11143"); }); },
          b, a),
      keeps<Task>("partner-id", TaskQuery().partner_id(side.id), links<Task>("partner", side.id), b, a),
      partner_case<Task>(partner_, "partner-country-id", TaskQuery().partner_country_id(side.country),
                         in_country(side.country), {b}, {a}),
      keeps<Task>("business-case-id", TaskQuery().business_case_id(side.business_case),
                  links<Task>("business-case", side.business_case), b, a),
      keeps<Task>("order-id", TaskQuery().order_id(side.order), links<Task>("order", side.order), b, a),
      keeps<Task>(
          "order-state-id", TaskQuery().order_state_id(side.order_state),
          [&](Task const& t) { return t.order() && is_link(order_(t.order()->id).state(), side.order_state); }, b, a),
  };
  add_since(cases, "created", TaskQuery().created_from(since_), TaskQuery().created_to(before_), fresh, {a, b},
            {quiet, edited});
  add_since(cases, "edited", TaskQuery().edited_from(since_), TaskQuery().edited_to(before_), changed, {a, edited},
            {quiet});
  // A's dates lie before `mid`, B's after it.
  add_range(cases, "deadline", TaskQuery().deadline_from(mid), TaskQuery().deadline_to(mid), date_at<Task>("deadline"),
            mid, {b}, {a});
  add_range(cases, "activity-deadline", TaskQuery().activity_deadline_from(mid), TaskQuery().activity_deadline_to(mid),
            activity_due, mid, {b}, {a});
  add_range(cases, "worked", TaskQuery().worked_from(mid), TaskQuery().worked_to(mid), worked, mid, {b}, {a});
  expect_filters(tasks(), cases);
}

TEST_F(FilteredWorkTest, EveryEventFilterKeepsOnlyMatchingEvents) {
  auto categories = communications().categories().list();
  auto kinds = communications().types().list();
  ASSERT_TRUE(categories && categories->size() >= 2u && kinds && kinds->size() >= 2u);
  // A: done, planned early; B: waiting, planned late, of another type and
  // category, carried out by a colleague (but, like A, added by this user).
  auto event = [&](int i, std::string const& note, CommunicationState state, int day, std::string const& user) {
    Communication m;
    m.set_note(note)
        .set_state(state)
        .set_planned_from(at(day, 9))
        .set_planned_to(at(day, 10))
        .set_category((*categories)[static_cast<std::size_t>(i)].id())
        .set_communication_type((*kinds)[static_cast<std::size_t>(i)].id())
        .set_user(user)
        .set_partner(sides_[static_cast<std::size_t>(i)].id)
        .set_business_case(sides_[static_cast<std::size_t>(i)].business_case)
        .set_order(sides_[static_cast<std::size_t>(i)].order);
    auto created = communications().create(m);
    EXPECT_TRUE(created) << created.status().to_string();
    return created ? created->id() : std::string();
  };
  std::string const a = event(0, "Ponuka Alfa", CommunicationState::kDone, 2, user_);
  std::string const b = event(1, "Ponuka Beta", CommunicationState::kWaiting, 20, "11143");
  auto seeded = communications().list_page(CommunicationQuery().page_size(1));
  ASSERT_TRUE(seeded && seeded->items.size() == 1u);
  std::string const quiet = seeded->items[0].id();

  DateTime const mid = at(10, 0);
  auto const& side = sides_[1];
  std::string const type = (*kinds)[1].id(), category = (*categories)[1].id();
  std::set<std::string> const fresh = {a, b};
  using Q = CommunicationQuery;
  std::vector<FilterCase<Communication, CommunicationQuery>> cases = {
      keeps<Communication>(
          "search-text", Q().search_text("ponuka beta"),
          [](Communication const& m) { return m.note() == "Ponuka Beta"; }, b, a),
      keeps<Communication>(
          "state", Q().state(CommunicationState::kWaiting),
          [](Communication const& m) { return m.state() == CommunicationState::kWaiting; }, b, a),
      keeps<Communication>("type-id", Q().type_id(type), links<Communication>("type", type), b, a),
      keeps<Communication>("category-id", Q().category_id(category), links<Communication>("category", category), b, a),
      keeps<Communication>("responsible-user-id", Q().responsible_user_id("11143"),
                           links<Communication>("user", "11143"), b, a),
      keeps<Communication>("partner-id", Q().partner_id(side.id), links<Communication>("partner", side.id), b, a),
      partner_case<Communication>(partner_, "partner-country-id", Q().partner_country_id(side.country),
                                  in_country(side.country), {b}, {a}),
      partner_case<Communication>(partner_, "partner-type-id", Q().partner_type_id(side.type), of_type(side.type), {b},
                                  {a}),
      partner_case<Communication>(partner_, "partner-subtype-id", Q().partner_subtype_id(side.subtype),
                                  of_subtype(side.subtype), {b}, {a}),
      keeps<Communication>("business-case-id", Q().business_case_id(side.business_case),
                           links<Communication>("business-case", side.business_case), b, a),
      keeps<Communication>("order-id", Q().order_id(side.order), links<Communication>("order", side.order), b, a),
  };
  add_since(cases, "created", Q().created_from(since_), Q().created_to(before_), fresh, {a, b}, {quiet});
  // A is planned before `mid`, B after it.
  add_range(cases, "scheduled", Q().scheduled_from(mid), Q().scheduled_to(mid), date_at<Communication>("planned-from"),
            mid, {b}, {a});
  expect_filters(communications(), cases);
}

// FLOWii shows nowhere who added an event, so the proof is the exact set: of
// the events added after `since_`, each user's filter keeps the ones they added,
// whoever carries them out.
class EventAuthorsTest : public EmulatorTest {};

TEST_F(EventAuthorsTest, CreatedByUserIdKeepsTheEventsThatUserAdded) {
  auto demo = client("2");
  auto solo_options = options("2");
  auto const& solo_user = emu().options().users.at(1);
  solo_options.credentials = Credentials{emu().options().api_key, solo_user.username, solo_user.password};
  Client solo(solo_options);
  auto demo_id = demo.session(), solo_id = solo.session();
  ASSERT_TRUE(demo_id && solo_id);
  ASSERT_NE(demo_id->user_id, solo_id->user_id);
  advance(std::chrono::seconds(60));
  UnixTime const since = UnixTime::from(emu().now());

  auto partners = demo.partners().list_page(PartnerQuery().page_size(1));
  ASSERT_TRUE(partners && !partners->items.empty());
  WorkMaker by_demo(demo), by_solo(solo);
  // Each adds an event that the other one carries out.
  std::string const from_demo = by_demo.event({partners->items[0].id(), "", ""}, solo_id->user_id);
  std::string const from_solo = by_solo.event({partners->items[0].id(), "", ""}, demo_id->user_id);
  ASSERT_FALSE(from_demo.empty() || from_solo.empty());

  expect_filters(demo.tasks().communications(),
                 std::vector<FilterCase<Communication, CommunicationQuery>>{
                     {"created-by-user-id (demo)",
                      CommunicationQuery().created_by_user_id(demo_id->user_id).created_from(since),
                      one_of<Communication>({from_demo}),
                      {from_demo},
                      {from_solo}},
                     {"created-by-user-id (solo)",
                      CommunicationQuery().created_by_user_id(solo_id->user_id).created_from(since),
                      one_of<Communication>({from_solo}),
                      {from_solo},
                      {from_demo}},
                 });
  // Over the whole list too: the other user's event is never kept.
  auto all_demo = demo.tasks().communications().list_page(
      CommunicationQuery().created_by_user_id(demo_id->user_id).page_size(1000));
  ASSERT_TRUE(all_demo);
  EXPECT_EQ(ids_of(all_demo->items).count(from_solo), 0u);
  EXPECT_EQ(ids_of(all_demo->items).count(from_demo), 1u);
}

}  // namespace
}  // namespace flowii::test
