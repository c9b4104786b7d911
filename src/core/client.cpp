// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include <flowii/client.hpp>

#include "core/core.hpp"
#include "core/operations.hpp"

#include <cstdlib>

namespace flowii {

namespace {

// The module objects of a Client made from ClientOptions, all over its core.
struct OwnModules {
  explicit OwnModules(std::shared_ptr<detail::Core> const& core)
      : partners(core),
        tasks(core),
        business_cases(core),
        orders(core),
        goods(core),
        invoicing(core),
        finance(core),
        attendance(core),
        account(core),
        raw(core) {}
  PartnersApi partners;
  TasksApi tasks;
  BusinessCasesApi business_cases;
  OrdersApi orders;
  GoodsApi goods;
  InvoicingApi invoicing;
  FinanceApi finance;
  AttendanceApi attendance;
  AccountApi account;
  RawApi raw;
};

}  // namespace

struct Client::State {
  explicit State(ClientOptions options)
      : core(std::make_shared<detail::Core>(std::move(options))),
        own(std::make_unique<OwnModules>(core)),
        modules{&own->partners,  &own->tasks,   &own->business_cases, &own->orders,  &own->goods,
                &own->invoicing, &own->finance, &own->attendance,     &own->account, &own->raw} {}
  explicit State(Modules const& given) : core(detail::unbound_core()), modules(given) {}
  std::shared_ptr<detail::Core> core;
  std::unique_ptr<OwnModules> own;  // null when the modules are someone else's (mocks)
  Modules modules;
};

Client::Client(ClientOptions options) : state_(std::make_shared<State>(std::move(options))) {}

Client::Client(Modules const& modules) : state_(std::make_shared<State>(modules)) {}

Result<Client> Client::from_env() {
  auto options = ClientOptions::from_env();
  if (!options) return options.status();
  return Client(std::move(options).value());
}

Result<Session> Client::session() { return state_->core->session(); }
Result<std::vector<Company>> Client::companies(CallOptions const& options) { return state_->core->companies(options); }
PartnersApi& Client::partners() { return *state_->modules.partners; }
TasksApi& Client::tasks() { return *state_->modules.tasks; }
BusinessCasesApi& Client::business_cases() { return *state_->modules.business_cases; }
OrdersApi& Client::orders() { return *state_->modules.orders; }
GoodsApi& Client::goods() { return *state_->modules.goods; }
InvoicingApi& Client::invoicing() { return *state_->modules.invoicing; }
FinanceApi& Client::finance() { return *state_->modules.finance; }
AttendanceApi& Client::attendance() { return *state_->modules.attendance; }
AccountApi& Client::account() { return *state_->modules.account; }
RawApi& Client::raw() { return *state_->modules.raw; }
ClientOptions const& Client::options() const { return state_->core->options(); }
std::optional<Tokens> Client::tokens() const { return state_->core->tokens(); }

RawApi::RawApi(std::shared_ptr<detail::Core> core) : Endpoint(std::move(core), "") {}

RawApi::RawApi() : RawApi(detail::unbound_core()) {}

Result<RawResponse> RawApi::send(std::string const& method, std::string const& path, ListQuery const& query,
                                 std::string const& json_body, CallOptions const& options) {
  auto call = detail::make_call(method, path, query, options);
  call.body = json_body;
  auto response = core().execute(call);
  if (!response) return response.status();
  return RawResponse{response->status, std::move(response->headers), std::move(response->body)};
}

namespace {
std::string env(char const* name) {
  char const* v = std::getenv(name);
  return v == nullptr ? std::string() : std::string(v);
}
}  // namespace

Result<ClientOptions> ClientOptions::from_env() {
  ClientOptions o;
  if (auto url = env("FLOWII_API_URL"); !url.empty()) o.base_url = url;
  o.credentials.api_key = env("FLOWII_API_KEY");
  o.credentials.username = env("FLOWII_USERNAME");
  o.credentials.password = env("FLOWII_PASSWORD");
  o.company_id = env("FLOWII_COMPANY_ID");
  o.log = log_options_from_env();
  std::string missing;
  for (auto const* name : {"FLOWII_API_KEY", "FLOWII_USERNAME", "FLOWII_PASSWORD"}) {
    if (env(name).empty()) missing += std::string(missing.empty() ? "" : ", ") + name;
  }
  if (!missing.empty()) {
    return Status(
        ErrorCode::kInvalidArgument,
        "set the environment variable(s) " + missing +
            " (FLOWii API key, login e-mail and password; FLOWII_API_URL and FLOWII_COMPANY_ID are optional)");
  }
  return o;
}

}  // namespace flowii
