// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include "support.hpp"

#include <flowii/version.hpp>

#include <curl/curl.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <iostream>
#include <mutex>

namespace flowii::bench {

std::unique_ptr<emulator::Emulator> start_emulator() {
  emulator::Options o;
  o.worker_threads = 80;                // 64 single-flight threads + spare
  o.keep_alive_max_requests = 1 << 30;  // connection counts must reflect the client only
  auto emu = std::make_unique<emulator::Emulator>(o);
  emu->start();
  return emu;
}

emulator::Emulator& shared_emulator() {
  static std::unique_ptr<emulator::Emulator> emu = start_emulator();
  return *emu;
}

Target target_of(emulator::Emulator const& emu) {
  Target t;
  t.base_url = emu.base_url();
  return t;
}

ClientOptions client_options(Target const& target) {
  ClientOptions o;
  o.base_url = target.base_url;
  o.credentials = {target.api_key, target.username, target.password};
  o.company_id = target.company_id;
  o.retry.max_attempts = 1;
  return o;
}

void add_listing_latency(emulator::Emulator& emu, std::chrono::milliseconds latency) {
  emulator::Emulator::Fault slow;
  slow.method = "GET";
  slow.path_prefix = "/partners";
  slow.times = 1 << 30;  // every listing request
  slow.delay = latency;
  emu.inject(slow);
}

std::string some_partner_id(Client& client) {
  auto page = client.partners().list_page(PartnerQuery().page_size(1));
  if (!page || page->items.empty()) fail("cannot list partners: " + page.status().to_string());
  return page->items.front().id();
}

void print_figure(std::string const& key, double value) { std::cout << key << " " << value << std::endl; }

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void fail(std::string const& what) {
  std::cerr << "flowii-bench: " << what << "\n";
  std::exit(1);
}

namespace {

std::size_t append_body(char* data, std::size_t size, std::size_t count, void* user) {
  static_cast<std::string*>(user)->append(data, size * count);
  return size * count;
}

curl_slist* append(curl_slist* list, std::string const& line) { return curl_slist_append(list, line.c_str()); }

}  // namespace

struct RawClient::Impl {
  CURL* handle = nullptr;
  curl_slist* headers = nullptr;
  std::string body;
};

std::string const& RawClient::body() const { return impl_->body; }

RawClient::RawClient(Target target, std::string token)
    : impl_(std::make_unique<Impl>()), target_(std::move(target)), token_(std::move(token)) {
  static std::once_flag init;
  std::call_once(init, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  impl_->handle = curl_easy_init();
  if (impl_->handle == nullptr) fail("curl_easy_init failed");
  curl_easy_setopt(impl_->handle, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(impl_->handle, CURLOPT_ACCEPT_ENCODING, "");
  curl_easy_setopt(impl_->handle, CURLOPT_WRITEFUNCTION, &append_body);
  curl_easy_setopt(impl_->handle, CURLOPT_WRITEDATA, &impl_->body);
  if (token_.empty()) {
    // The password grant, as FLOWii documents it.
    curl_slist* form_headers = append(nullptr, "Api-Key: " + target_.api_key);
    form_headers = append(form_headers, "Content-Type: application/x-www-form-urlencoded");
    char* user = curl_easy_escape(impl_->handle, target_.username.c_str(), 0);
    char* pass = curl_easy_escape(impl_->handle, target_.password.c_str(), 0);
    std::string const form = std::string("grant_type=password&username=") + user + "&password=" + pass;
    curl_free(user);
    curl_free(pass);
    long status = 0;
    bool const ok = post(target_.base_url + "/token", form_headers, form, status);
    curl_slist_free_all(form_headers);
    if (!ok || status != 200) fail("raw POST /token failed with status " + std::to_string(status));
    token_ = nlohmann::json::parse(impl_->body).at("access_token").get<std::string>();
  }
  // The headers the SDK sends on every GET (see Core::base_headers).
  impl_->headers = append(impl_->headers, "Api-Key: " + target_.api_key);
  impl_->headers = append(impl_->headers, "Accept: application/vnd.api+json");
  impl_->headers = append(impl_->headers, std::string("User-Agent: flowii-cpp/") + version_string());
  impl_->headers = append(impl_->headers, "Authorization: Bearer " + token_);
  curl_easy_setopt(impl_->handle, CURLOPT_HTTPHEADER, impl_->headers);
}

RawClient::~RawClient() {
  curl_slist_free_all(impl_->headers);
  curl_easy_cleanup(impl_->handle);
}

bool RawClient::perform(std::string const& url, long& status) {
  impl_->body.clear();
  curl_easy_setopt(impl_->handle, CURLOPT_URL, url.c_str());
  CURLcode const rc = curl_easy_perform(impl_->handle);
  if (rc != CURLE_OK) {
    std::cerr << "flowii-bench: raw request failed: " << curl_easy_strerror(rc) << "\n";
    return false;
  }
  curl_easy_getinfo(impl_->handle, CURLINFO_RESPONSE_CODE, &status);
  return true;
}

bool RawClient::get(std::string const& path, std::string const& query) {
  long status = 0;
  std::string url = target_.base_url + path + "?companyId=" + target_.company_id;
  if (!query.empty()) url += "&" + query;
  if (!perform(url, status)) return false;
  if (status != 200) {
    std::cerr << "flowii-bench: raw GET " << path << " answered " << status << "\n";
    return false;
  }
  auto const doc = nlohmann::json::parse(impl_->body, nullptr, false);
  return !doc.is_discarded();
}

bool RawClient::post(std::string const& url, curl_slist* headers, std::string const& body, long& status) {
  curl_easy_setopt(impl_->handle, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(impl_->handle, CURLOPT_POSTFIELDS, body.c_str());
  bool const ok = perform(url, status);
  curl_easy_setopt(impl_->handle, CURLOPT_HTTPGET, 1L);
  curl_easy_setopt(impl_->handle, CURLOPT_HTTPHEADER, impl_->headers);
  return ok;
}

bool RawClient::post_json(std::string const& url, std::string const& body) {
  curl_slist* headers = append(nullptr, "Content-Type: application/json");
  long status = 0;
  bool const ok = post(url, headers, body, status);
  curl_slist_free_all(headers);
  return ok && status / 100 == 2;
}

}  // namespace flowii::bench
