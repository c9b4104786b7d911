// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include "service.hpp"

#include <algorithm>
#include <mutex>
#include <set>
#include <shared_mutex>
#include <stdexcept>
#include <thread>

#include "api_error.hpp"
#include "auth.hpp"
#include "common/ascii.hpp"
#include "engine.hpp"
#include "modules/registry.hpp"
#include "state_file.hpp"
#include "text.hpp"

namespace flowii::emulator {

namespace {

void require(bool condition, std::string const& what) {
  if (!condition) throw std::invalid_argument("flowii emulator options: " + what);
}

Options resolve(Options options) {
  if (options.companies.empty()) options.companies = demo_companies();
  if (options.users.empty()) options.users = demo_users();
  std::set<std::string> companies;
  for (auto const& c : options.companies) {
    require(is_digits(c.id) && companies.insert(c.id).second, "company ids must be unique numbers");
  }
  std::set<std::string> logins;
  for (auto const& u : options.users) {
    require(is_digits(u.id), "user ids must be numbers");
    require(!u.username.empty() && logins.insert(common::to_lower(u.username)).second, "user names must be unique");
    for (auto const& c : u.company_ids)
      require(companies.count(c) > 0, "user " + u.username + " names unknown company " + c);
  }
  require(options.default_page_size > 0 && options.default_page_size <= options.max_page_size, "page sizes");
  require(options.worker_threads > 0, "worker_threads must be positive");
  require(options.keep_alive_max_requests > 0, "keep_alive_max_requests must be positive");
  require(options.token_lifetime.count() > 0, "token_lifetime must be positive");
  require(options.quota_status == 429 || options.quota_status == 403, "quota_status must be 429 or 403");
  require(options.rate_limit >= 0 && options.rate_window.count() > 0, "rate_limit must be >= 0, rate_window positive");
  resolve_admin_token(options);
  return options;
}

// Unknown query parameters are a 400 (JSON:API), so SDK typos surface early.
void check_query(Ctx const& ctx, RouteEndpoint const& endpoint) {
  for (auto const& param : ctx.request.query) {
    std::string const& name = param.first;
    if (common::iequals(name, "companyId")) continue;
    bool const known = std::any_of(endpoint.params.begin(), endpoint.params.end(),
                                   [&](auto const& p) { return common::iequals(p, name); });
    if (!known) throw ErrorReply({at_parameter(400, name, "Unknown query parameter " + name + ".")});
  }
}

// GET (and HEAD) handlers only read the store, so they may share it.
bool only_reads(std::string const& method) { return method == "GET" || method == "HEAD"; }

using Exclusive = std::unique_lock<ReadWriteLock>;
using Shared = std::shared_lock<ReadWriteLock>;

}  // namespace

Service::Service(Options options) : options_(resolve(std::move(options))), catalog_(all_modules()), state_(options_) {
  add_routes(router_, catalog_);
  seed();  // also with a state file: it sets up tokens and the rest, then the file replaces the data
  if (!options_.state_file.empty()) {
    std::vector<std::string> company_ids;
    for (auto const& c : options_.companies) company_ids.push_back(c.id);
    load_state(options_.state_file, company_ids, state_.store);
  }
}

void Service::seed() {
  state_.store.clear();
  state_.tokens.clear();
  state_.faults.clear();
  state_.journal.clear();
  state_.rate.clear();
  state_.token_rng = Rng(State::token_seed(options_.seed));
  Rng rng(options_.seed);
  auto const now = State::seed_epoch(options_);
  for (std::size_t i = 0; i < options_.companies.size(); ++i) {
    auto const& company = options_.companies[i];
    std::vector<EmulatedUser> members;
    for (auto const& u : options_.users) {
      if (std::find(u.company_ids.begin(), u.company_ids.end(), company.id) != u.company_ids.end())
        members.push_back(u);
    }
    Seeder seeder(state_.store, company, i, members, rng, now);
    for (auto const& module : catalog_.modules()) {
      if (module.seed) module.seed(seeder);
    }
  }
}

HttpReply Service::handle(InboundRequest const& request) {
  bool const admin = request.path == "/_emulator" || starts_with(request.path, "/_emulator/");
  HttpReply reply = admin ? handle_admin(*this, request) : handle_api(request);
  reply.headers.emplace_back("X-Flowii-Emulator-Version", version);
  reply.headers.emplace_back("X-Request-Id", "emu-" + std::to_string(next_request_id_++));
  return reply;
}

HttpReply Service::handle_api(InboundRequest const& request) {
  std::optional<Emulator::Fault> fault = state_.faults.take(request.method, request.path);
  if (fault && fault->delay.count() > 0) std::this_thread::sleep_for(fault->delay);  // unlocked

  using Breakage = Emulator::Breakage;
  Breakage const breakage = !fault ? Breakage::kNone : fault->close_connection ? Breakage::kClose : fault->breakage;
  // close, reset, garbage and stall hit before the request is processed; a
  // truncated or slow body carries the real answer of a processed request.
  bool const unprocessed = breakage == Breakage::kClose || breakage == Breakage::kReset ||
                           breakage == Breakage::kGarbage || breakage == Breakage::kStall;
  HttpReply reply;
  if (unprocessed || (fault && fault->status != 0)) {
    if (!unprocessed) reply = fault_reply(*fault);
    state_.journal.add({request.method, request.path, request.query_string, unprocessed ? 0 : reply.status});
  } else if (only_reads(request.method)) {
    Shared lock(data_);
    reply = serve(request);
  } else {
    Exclusive lock(data_);
    reply = serve(request);
  }
  if (breakage != Breakage::kNone) {
    reply.breakage = breakage;
    reply.hold = fault->hold;
  }
  return reply;
}

HttpReply Service::serve(InboundRequest const& request) {
  auto quota = over_quota(request);
  HttpReply reply = quota ? std::move(*quota) : dispatch(request);
  // Under the data lock, so that writes are journaled in the order they took effect.
  state_.journal.add({request.method, request.path, request.query_string, reply.status});
  return reply;
}

std::optional<HttpReply> Service::over_quota(InboundRequest const& request) {
  auto const key = request.header("Api-Key");
  if (options_.rate_limit <= 0 || key.empty()) return std::nullopt;  // keyless calls fail auth anyway
  auto const now = state_.clock.now();
  auto const window_end = state_.rate.admit(key, now, options_.rate_limit, options_.rate_window.count());
  if (!window_end) return std::nullopt;
  return quota_reply(options_, *window_end, now);
}

HttpReply Service::dispatch(InboundRequest const& request) {
  try {
    auto const match = router_.match(request.method, request.path);
    if (!match.path_known) throw ErrorReply(404, "There is no resource at " + request.path + ".");
    if (match.endpoint == nullptr) {
      throw ErrorReply(405, request.method + " is not allowed on " + request.path + ".", {{"Allow", match.allow}});
    }
    std::string const host = request.header("Host");
    Ctx ctx{request, match.params, options_, catalog_, state_, host.empty() ? base_url_ : "http://" + host,
            {},      nullptr};
    RouteEndpoint const& endpoint = *match.endpoint;
    if (endpoint.access != Access::kOpen) {
      authenticate(ctx);
      if (endpoint.access == Access::kCompany) authorize_company(ctx);
      check_query(ctx, endpoint);
    }
    return endpoint.handler(ctx);
  } catch (ErrorReply const& e) {
    return error_reply(e);
  } catch (std::exception const& e) {
    return error_reply(ErrorReply(500, std::string("Emulator failure: ") + e.what()));
  }
}

void Service::set_base_url(std::string base_url) {
  Exclusive lock(data_);
  base_url_ = std::move(base_url);
}

std::int64_t Service::now() const {
  Shared lock(data_);
  return state_.clock.virtual_now();
}

void Service::advance_clock(std::chrono::seconds by) {
  Exclusive lock(data_);
  state_.clock.advance(by);
}

void Service::reset() {
  Exclusive lock(data_);
  seed();
}

std::vector<Emulator::JournalEntry> Service::journal() const { return state_.journal.entries(); }

void Service::clear_journal() { state_.journal.clear(); }

std::size_t Service::count(std::string const& method, std::string const& path_prefix) const {
  return state_.journal.count(method, path_prefix);
}

std::size_t Service::token_grants(std::string const& grant_type) const {
  Shared lock(data_);
  return state_.tokens.grants(grant_type);
}

void Service::inject(Emulator::Fault fault) { state_.faults.add(std::move(fault)); }

void Service::expire_tokens() {
  Exclusive lock(data_);
  state_.tokens.expire_all(state_.clock.now());
}

std::size_t Service::faults_fired() const { return state_.faults.fired(); }

void Service::add_partners(std::string const& company_id, std::size_t count) {
  auto const& companies = options_.companies;
  bool const known =
      std::any_of(companies.begin(), companies.end(), [&](EmulatedCompany const& c) { return c.id == company_id; });
  if (!known) throw std::invalid_argument("flowii emulator: unknown company " + company_id);
  Exclusive lock(data_);
  // Relationships stay empty: the serializer emits every declared one as null/[].
  Record prototype;
  prototype.type = "partner";
  prototype.attributes = {{"name", ""},     {"type", 1},         {"comment", nullptr},    {"ico", nullptr},
                          {"dic", nullptr}, {"ic-dph", nullptr}, {"invoice-maturity", 14}};
  prototype.created = prototype.edited = state_.clock.now();
  for (std::size_t i = 0; i < count; ++i) {
    Record record = prototype;
    record.id = state_.store.allocate_id();
    record.attributes["name"] = "Synthetic partner " + record.id + " s.r.o.";
    state_.store.put(company_id, std::move(record));
  }
}

Options Service::switches() const {
  Shared lock(data_);
  return options_;
}

void Service::set_switches(Options const& next) {
  auto const copy = [](Options& to, Options const& from) {
    to.send_next_links = from.send_next_links;
    to.retry_after = from.retry_after;
    to.quota_status = from.quota_status;
    to.token_errors = from.token_errors;
    to.rate_limit = from.rate_limit;
    to.rate_window = from.rate_window;
    to.server_clock_skew = from.server_clock_skew;
  };
  Exclusive lock(data_);
  Options checked = options_;
  copy(checked, next);
  resolve(checked);  // validates; throws before anything changes
  // Field by field: users and companies stay where references to them point.
  copy(options_, next);
  state_.clock.set_skew(options_.server_clock_skew);
  state_.rate.clear();
}

void Service::save_state(std::string const& path) const {
  Shared lock(data_);
  flowii::emulator::save_state(path, state_.store);
}

std::vector<Emulator::Fault> Service::pending_faults() const { return state_.faults.pending(); }

}  // namespace flowii::emulator
