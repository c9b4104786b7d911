// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// The entry point. A Client is a cheap, copyable handle: copies share one
// transport (connection pool), one token cache and one session. Every method of
// the Client and of its module clients is thread-safe.
#ifndef FLOWII_CLIENT_HPP
#define FLOWII_CLIENT_HPP

#include <flowii/account.hpp>
#include <flowii/api.hpp>
#include <flowii/attendance.hpp>
#include <flowii/business_cases.hpp>
#include <flowii/finance.hpp>
#include <flowii/goods.hpp>
#include <flowii/invoicing.hpp>
#include <flowii/models/common.hpp>
#include <flowii/options.hpp>
#include <flowii/orders.hpp>
#include <flowii/partners.hpp>
#include <flowii/result.hpp>
#include <flowii/session.hpp>
#include <flowii/tasks.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace flowii {

class Client;
namespace testing {
struct ModuleMocks;
Client make_client(ModuleMocks& mocks);
}  // namespace testing

struct RawResponse {
  int status = 0;
  HttpHeaders headers;
  std::string body;
};

/// Escape hatch: any path through the same auth, company, retry and logging
/// machinery, for endpoints FLOWii adds before the SDK has a typed method.
class RawApi : public virtual Endpoint {
 public:
  explicit RawApi(std::shared_ptr<detail::Core> core);
  /// `path` is relative to the base URL ("/documents/12"); companyId is added.
  /// Non-2xx answers come back as an error Status, like every other call.
  /// POST/PATCH are treated as not idempotent unless options say otherwise.
  virtual Result<RawResponse> send(std::string const& method, std::string const& path, ListQuery const& query = {},
                                   std::string const& json_body = {}, CallOptions const& options = {});

 protected:
  /// Bound to no Client: the base of MockRawApi (flowii/testing/mocks.hpp).
  RawApi();
};

class Client {
 public:
  explicit Client(ClientOptions options);
  /// A client configured from FLOWII_* environment variables (see ClientOptions::from_env).
  static Result<Client> from_env();

  /// The session, bootstrapped on first use: GET /companies, choose the company,
  /// GET /users/self. Later calls reuse it. Fails with kCompanySelection (listing the
  /// available companies) when the company is ambiguous or unknown.
  Result<Session> session();
  /// The company access list (GET /companies).
  Result<std::vector<Company>> companies(CallOptions const& options = {});

  /// Partners.
  PartnersApi& partners();
  /// Tasks & events (communications: tasks().communications()).
  TasksApi& tasks();
  /// Business cases.
  BusinessCasesApi& business_cases();
  /// Orders.
  OrdersApi& orders();
  /// Goods & services.
  GoodsApi& goods();
  /// Invoicing.
  InvoicingApi& invoicing();
  /// Finance.
  FinanceApi& finance();
  /// Attendance.
  AttendanceApi& attendance();
  /// Shared / account: permissions, users, countries, notifications, summaries, devices, tags, files.
  AccountApi& account();
  RawApi& raw();

  ClientOptions const& options() const;

  /// The tokens the client holds now, renewals included, to be saved for a later
  /// run (ClientOptions::tokens); nullopt when it holds none (no call yet, or the
  /// credentials were refused). Secrets: never print or log them.
  std::optional<Tokens> tokens() const;

 private:
  // flowii::testing::make_client(): a Client whose modules are mocks.
  friend Client testing::make_client(testing::ModuleMocks& mocks);
  /// The module objects the accessors return.
  struct Modules {
    PartnersApi* partners;
    TasksApi* tasks;
    BusinessCasesApi* business_cases;
    OrdersApi* orders;
    GoodsApi* goods;
    InvoicingApi* invoicing;
    FinanceApi* finance;
    AttendanceApi* attendance;
    AccountApi* account;
    RawApi* raw;
  };
  /// A Client over `modules`, which must outlive it; its own calls (session(),
  /// companies()) fail as a mock's unexpected calls do.
  explicit Client(Modules const& modules);

  struct State;
  std::shared_ptr<State> state_;
};

}  // namespace flowii

#endif  // FLOWII_CLIENT_HPP
