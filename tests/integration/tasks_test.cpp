// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// The whole Tasks & events surface against the in-process emulator: tasks with
// activities, intervals, messages, attachments, custom fields and code lists;
// communications with attachments and code lists.
#include "integration/emulator_fixture.hpp"

#include <algorithm>
#include <set>

namespace flowii::test {
namespace {

DateTime at(int day, int hour, int minute = 0) { return DateTime{2026, 3, day, hour, minute, 0}; }

bool has_id(std::vector<Task> const& items, std::string const& id) {
  return std::any_of(items.begin(), items.end(), [&](Task const& t) { return t.id() == id; });
}

bool has_id(std::vector<Communication> const& items, std::string const& id) {
  return std::any_of(items.begin(), items.end(), [&](Communication const& t) { return t.id() == id; });
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

TEST_F(TasksTest, ListsPageByPageAndFilters) {
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

  auto found = tasks().list_page(TaskQuery().search_text("zelený strom"));
  ASSERT_TRUE(found) << found.status().to_string();
  ASSERT_EQ(found->items.size(), 1u);
  EXPECT_EQ(found->items[0].id(), created.id());
  EXPECT_EQ(found->items[0].caption(), "Kalibrácia váh Zelený Strom");

  auto by_partner = tasks().list_page(TaskQuery().partner_id(partner_).page_size(1000));
  ASSERT_TRUE(by_partner);
  EXPECT_TRUE(has_id(by_partner->items, created.id()));
  for (auto const& t : by_partner->items) EXPECT_EQ(t.partner()->id, partner_);

  auto mine = tasks().list_page(TaskQuery()
                                    .responsible_user_id(user_)
                                    .activity_type_id(work_type_)
                                    .state(ActivityState::kWaiting)
                                    .page_size(1000));
  ASSERT_TRUE(mine);
  EXPECT_TRUE(has_id(mine->items, created.id()));
  auto done = tasks().list_page(TaskQuery().state(ActivityState::kDone).page_size(1000));
  ASSERT_TRUE(done);
  EXPECT_FALSE(done->items.empty());  // seeded
  EXPECT_FALSE(has_id(done->items, created.id()));

  auto due = tasks().list_page(TaskQuery().deadline_from(at(6, 0)).deadline_to(at(6, 23)).page_size(1000));
  ASSERT_TRUE(due);
  EXPECT_TRUE(has_id(due->items, created.id()));
  auto activity_due = tasks().list_page(TaskQuery().activity_deadline_from(at(5, 0)).activity_deadline_to(at(5, 23)));
  ASSERT_TRUE(activity_due);
  EXPECT_TRUE(has_id(activity_due->items, created.id()));

  auto future = tasks().list_page(
      TaskQuery().created_from(UnixTime::from(std::chrono::system_clock::now() + std::chrono::hours(24 * 365))));
  ASSERT_TRUE(future);
  EXPECT_TRUE(future->items.empty());
  auto by_creator =
      tasks().list_page(TaskQuery()
                            .created_by_user_id(user_)
                            .edited_to(UnixTime::from(std::chrono::system_clock::now() + std::chrono::hours(1)))
                            .page_size(1000));
  ASSERT_TRUE(by_creator);
  EXPECT_TRUE(has_id(by_creator->items, created.id()));

  auto in_slovakia = tasks().list_page(TaskQuery().partner_country_id("1").page_size(1000));
  ASSERT_TRUE(in_slovakia) << in_slovakia.status().to_string();
  // Accepted by the server even where this company has no matching records.
  EXPECT_TRUE(tasks().list_page(TaskQuery().order_id("1").business_case_id("1").order_state_id("1")));
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

  auto worked = tasks().list_page(TaskQuery().worked_from(at(3, 0)).worked_to(at(3, 23)).page_size(1000));
  ASSERT_TRUE(worked);
  EXPECT_TRUE(has_id(worked->items, created.id()));

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
  auto completed =
      tasks().list_page(TaskQuery()
                            .completed_from(UnixTime::from(std::chrono::system_clock::now() - std::chrono::hours(1)))
                            .page_size(1000));
  ASSERT_TRUE(completed);
  EXPECT_TRUE(has_id(completed->items, created.id()));
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

TEST_F(CommunicationsTest, ListsPageByPageAndFilters) {
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

  auto found = communications().list_page(CommunicationQuery().search_text("modrá hora"));
  ASSERT_TRUE(found);
  ASSERT_EQ(found->items.size(), 1u);
  EXPECT_EQ(found->items[0].id(), created->id());
  EXPECT_EQ(found->items[0].partner()->id, partner_);

  auto read = communications().get(created->id());
  ASSERT_TRUE(read);
  auto narrowed = communications().list_page(CommunicationQuery()
                                                 .partner_id(partner_)
                                                 .type_id(read->communication_type()->id)
                                                 .category_id(read->category()->id)
                                                 .responsible_user_id(user_)
                                                 .state(CommunicationState::kDone)
                                                 .created_by_user_id(user_)
                                                 .page_size(1000));
  ASSERT_TRUE(narrowed) << narrowed.status().to_string();
  EXPECT_TRUE(has_id(narrowed->items, created->id()));
  for (auto const& m : narrowed->items) EXPECT_EQ(m.state(), CommunicationState::kDone);

  auto waiting = communications().list_page(CommunicationQuery().state(CommunicationState::kWaiting).page_size(1000));
  ASSERT_TRUE(waiting);
  EXPECT_FALSE(waiting->items.empty());  // seeded, planned ahead
  EXPECT_FALSE(has_id(waiting->items, created->id()));
  auto upcoming = communications().list_page(
      CommunicationQuery().scheduled_from(UnixTime::from(std::chrono::system_clock::now())).page_size(1000));
  ASSERT_TRUE(upcoming);
  EXPECT_EQ(upcoming->items.size(), waiting->items.size());

  auto recent = communications().list_page(
      CommunicationQuery()
          .created_from(UnixTime::from(std::chrono::system_clock::now() - std::chrono::hours(1)))
          .created_to(UnixTime::from(std::chrono::system_clock::now() + std::chrono::hours(1))));
  ASSERT_TRUE(recent);
  ASSERT_EQ(recent->items.size(), 1u);
  EXPECT_EQ(recent->items[0].id(), created->id());

  auto partner = c_->partners().get(partner_);
  ASSERT_TRUE(partner);
  auto by_partner_kind = communications().list_page(CommunicationQuery()
                                                        .partner_type_id(partner->base_business_relationship()->id)
                                                        .partner_country_id("1")
                                                        .page_size(1000));
  ASSERT_TRUE(by_partner_kind) << by_partner_kind.status().to_string();
  EXPECT_TRUE(
      communications().list_page(CommunicationQuery().partner_subtype_id("1").business_case_id("1").order_id("1")));

  auto of_partner = c_->partners().communications(partner_, Query().page_size(1000));
  ASSERT_TRUE(of_partner);
  EXPECT_TRUE(has_id(of_partner->items, created->id()));
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

}  // namespace
}  // namespace flowii::test
