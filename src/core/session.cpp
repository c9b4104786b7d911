// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include "core/session.hpp"

#include "core/jsonapi.hpp"

namespace flowii::detail {
namespace {

std::string describe(std::vector<Company> const& companies) {
  std::string all;
  for (auto const& c : companies) all += "\n  " + c.id() + "  " + c.name().value_or("");
  return all.empty() ? std::string(" (none: this user has access to no company)") : all;
}

}  // namespace

Result<Session> SessionManager::session() {
  // Holding the lock while bootstrapping makes concurrent first calls wait for one
  // bootstrap instead of each running their own. A failure is shared with the
  // threads that waited for it, so a wrong password costs one token request, not
  // one per thread.
  auto const seen = bootstraps_.load();
  std::lock_guard<std::mutex> lk(mu_);
  if (session_) return *session_;
  if (bootstraps_.load() != seen && !last_error_.ok()) return last_error_;
  auto s = bootstrap();
  if (s) {
    session_ = *s;
  } else {
    last_error_ = s.status();
  }
  bootstraps_.fetch_add(1);
  return s;
}

Result<std::string> SessionManager::company_id() {
  {
    std::lock_guard<std::mutex> lk(mu_);
    if (session_) return session_->company_id;
  }
  auto s = session();
  if (!s) return s.status();
  return s->company_id;
}

Result<std::vector<Company>> SessionManager::companies(CallOptions const& options) {
  Call call;
  call.path = "/companies";
  call.company_scoped = false;
  call.options = options;
  auto response = pipeline_.send(call, pipeline_.url(call, nullptr));
  if (!response) return response.status();
  auto doc = decode_document(*response, {Expected::Shape::kMany, Company::kType});
  if (!doc) return Status(doc.status()).with_request("GET /companies");
  return std::vector<Company>(doc->data.begin(), doc->data.end());
}

Result<Session> SessionManager::bootstrap() {
  auto list = companies({});
  if (!list) return list.status();
  Session s;
  s.companies = std::move(*list);
  if (auto chosen = choose_company(s); !chosen.ok()) return chosen;
  if (auto user = read_user(s); !user.ok()) return user;
  pipeline_.wire().log(LogLevel::kInfo, "session: company " + s.company_id + ", user " + s.user_id);
  return s;
}

Status SessionManager::choose_company(Session& s) const {
  Company const* chosen = nullptr;
  std::string const& want_id = options_.company_id;
  std::string const& want_name = options_.company_name;
  for (auto const& c : s.companies) {
    if (!want_id.empty() ? c.id() == want_id : (!want_name.empty() && c.name().value_or("") == want_name)) {
      if (chosen != nullptr) {
        return Status(ErrorCode::kCompanySelection, "more than one company is named '" + want_name +
                                                        "'; set the company id instead "
                                                        "(ClientOptions::company_id / FLOWII_COMPANY_ID). Companies:" +
                                                        describe(s.companies));
      }
      chosen = &c;
    }
  }
  if (want_id.empty() && want_name.empty()) {
    if (s.companies.size() != 1) {
      return Status(ErrorCode::kCompanySelection,
                    "this user has access to " + std::to_string(s.companies.size()) +
                        " companies; choose one with ClientOptions::company_id (FLOWII_COMPANY_ID) or "
                        "company_name. Companies:" +
                        describe(s.companies));
    }
    chosen = &s.companies.front();
  }
  if (chosen == nullptr) {
    std::string wanted = !want_id.empty() ? "id " + want_id : "name '" + want_name + "'";
    return Status(
        ErrorCode::kCompanySelection,
        "the company with " + wanted + " is not in this user's access list. Companies:" + describe(s.companies));
  }
  s.company_id = chosen->id();
  s.company_name = chosen->name().value_or("");
  return Status();
}

Status SessionManager::read_user(Session& s) {
  Call self;
  self.path = "/users/self";
  self.company_scoped = false;  // the session is not set yet; companyId is given explicitly
  auto response = pipeline_.send(self, pipeline_.url(self, &s.company_id));
  if (!response) return response.status();
  auto doc = decode_document(*response, {Expected::Shape::kOne, User::kType});
  if (!doc) return Status(doc.status()).with_request("GET /users/self");
  if (doc->data.empty()) {
    return Status(ErrorCode::kInvalidResponse, "GET /users/self did not return a user").with_request("GET /users/self");
  }
  User user(doc->data.front());
  s.user_id = user.id();
  s.user_name = user.name().value_or("");
  return Status();
}

}  // namespace flowii::detail
