#include "support.hpp"

#include "text.hpp"  // the emulator's own encoder

namespace emu_test {

std::string Reply::header(std::string const& name) const {
  auto const it = headers.find(name);  // httplib::Headers compares names case-insensitively
  return it == headers.end() ? std::string() : it->second;
}

std::string percent_encode(std::string const& text) { return flowii::emulator::percent_encode(text, ","); }

Api::Api(flowii::emulator::Emulator const& emulator, std::string company, std::string username, std::string password)
    : client_("127.0.0.1", emulator.port()),
      company_(std::move(company)),
      username_(std::move(username)),
      password_(std::move(password)) {
  client_.set_keep_alive(true);
  client_.set_url_encode(false);  // targets are encoded by target()
  client_.set_read_timeout(10, 0);
}

std::string Api::target(std::string const& path, Params params, bool with_company) const {
  std::string query = with_company ? "companyId=" + company_ : std::string();
  for (auto const& [name, value] : params) query += (query.empty() ? "" : "&") + name + "=" + percent_encode(value);
  return query.empty() ? path : path + "?" + query;
}

Reply Api::finish(httplib::Result const& result) {
  Reply reply;
  if (!result) return reply;
  reply.status = result->status;
  reply.body = result->body;
  reply.headers = result->headers;
  reply.doc = json::parse(reply.body, nullptr, false);
  if (reply.doc.is_discarded()) reply.doc = nullptr;
  return reply;
}

Reply Api::send(std::string const& method, std::string const& target, httplib::Headers headers,
                std::string const& body, std::string const& content_type) {
  httplib::Request req;
  req.method = method;
  req.path = target;
  req.headers = std::move(headers);
  req.body = body;
  if (!content_type.empty()) req.set_header("Content-Type", content_type);
  return finish(client_.send(req));
}

Reply Api::token_request(std::string const& form, std::optional<std::string> api_key, std::string const& content_type) {
  httplib::Headers headers;
  if (api_key) headers.emplace("Api-Key", *api_key);
  return send("POST", "/token", headers, form, content_type);
}

std::string const& Api::token() {
  if (token_.empty()) {
    auto const reply = token_request("grant_type=password&username=" + percent_encode(username_) +
                                     "&password=" + percent_encode(password_));
    EXPECT_EQ(reply.status, 200) << reply.body;
    if (reply.status == 200) token_ = reply.doc.at("access_token").get<std::string>();
  }
  return token_;
}

httplib::Headers Api::auth_headers() {
  return {{"Api-Key", "demo-api-key"}, {"Authorization", "Bearer " + token()}};
}

Reply Api::get(std::string const& path, Params params) {
  return send("GET", target(path, std::move(params)), auth_headers());
}

Reply Api::post(std::string const& path, json const& body, Params params) {
  return send("POST", target(path, std::move(params)), auth_headers(), body.dump(), "application/vnd.api+json");
}

Reply Api::patch(std::string const& path, json const& body, Params params) {
  return send("PATCH", target(path, std::move(params)), auth_headers(), body.dump(), "application/vnd.api+json");
}

Reply Api::del(std::string const& path, Params params) {
  return send("DELETE", target(path, std::move(params)), auth_headers());
}

std::vector<std::string> Api::ids(std::string const& path, Params params) {
  std::vector<std::string> out;
  for (int page = 0;; ++page) {
    Params p = params;
    p.emplace_back("page[number]", std::to_string(page));
    p.emplace_back("page[size]", "7");
    auto const reply = get(path, p);
    EXPECT_EQ(reply.status, 200) << reply.body;
    if (reply.status != 200 || reply.doc["data"].empty()) break;
    for (auto const& item : reply.doc["data"]) out.push_back(item["id"].get<std::string>());
  }
  return out;
}

void EmulatorTest::SetUp() {
  flowii::emulator::Options options;
  configure(options);
  emu_ = std::make_unique<flowii::emulator::Emulator>(options);
  emu_->start();
  api_ = std::make_unique<Api>(*emu_);
}

void EmulatorTest::TearDown() {
  api_.reset();  // close the keep-alive connection first, so stop() is immediate
  if (emu_) emu_->stop();
}

json partner_doc(std::string const& name, int type) {
  return {{"data", {{"type", "partner"}, {"attributes", {{"name", name}, {"type", type}}}}}};
}

}  // namespace emu_test
