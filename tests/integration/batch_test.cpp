// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Many creates through a Batch against the emulator: every future ok, every
// record there exactly once, also when the emulator's quota refuses some of them
// (a refusal is re-sent, never a duplicate).
#include "emulator_fixture.hpp"

#include <flowii/batch.hpp>

#include <future>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace flowii::test {
namespace {

constexpr int kCreates = 300;

std::string name_of(int i) { return "Batch " + std::to_string(i) + " s.r.o."; }

class BatchCreatesTest : public EmulatorTest {
 protected:
  /// Creates kCreates partners 8 at a time; checks the futures and the records.
  void create_all_and_check(Client& client) {
    std::vector<std::future<Result<Partner>>> futures;
    {
      Batch batch(BatchOptions{8, nullptr});
      for (int i = 0; i < kCreates; ++i) {
        futures.push_back(batch.submit([&client, i] {
          return client.partners().create(Partner().set_name(name_of(i)).set_partner_type(PartnerType::kCompany));
        }));
      }
      batch.wait();
      EXPECT_EQ(batch.progress().finished, static_cast<std::size_t>(kCreates));
      EXPECT_EQ(batch.progress().failed, 0u);
    }
    std::set<std::string> ids;
    for (auto& f : futures) ids.insert(created_id(f.get()));
    EXPECT_EQ(ids.size(), static_cast<std::size_t>(kCreates));

    std::map<std::string, int> by_name;
    for (auto const& p : client.partners().list(PartnerQuery().page_size(100))) {
      ASSERT_TRUE(p) << p.status().to_string();
      auto const name = p->name().value_or("");
      if (name.rfind("Batch ", 0) == 0) ++by_name[name];
    }
    EXPECT_EQ(by_name.size(), static_cast<std::size_t>(kCreates));
    for (int i = 0; i < kCreates; ++i) EXPECT_EQ(by_name[name_of(i)], 1) << name_of(i);
  }

  std::size_t answered(int status) {
    std::size_t n = 0;
    for (auto const& e : emu().journal()) {
      if (e.method == "POST" && e.path == "/partners" && e.status == status) ++n;
    }
    return n;
  }
};

TEST_F(BatchCreatesTest, EveryCreateLandsOnce) {
  Client client = this->client();
  create_all_and_check(client);
  EXPECT_EQ(answered(200), static_cast<std::size_t>(kCreates));
}

class BatchUnderQuotaTest : public BatchCreatesTest {
 protected:
  void configure(emulator::Options& options) override {
    options.rate_limit = 50;
    options.rate_window = std::chrono::seconds(1);
  }
};

TEST_F(BatchUnderQuotaTest, RefusedCreatesAreSentAgainNeverTwice) {
  Client client = this->client();
  create_all_and_check(client);
  EXPECT_EQ(answered(200), static_cast<std::size_t>(kCreates));
  EXPECT_GT(answered(429), 0u);  // the quota did refuse some
}

}  // namespace
}  // namespace flowii::test
