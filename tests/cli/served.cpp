// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include "served.hpp"

#include <httplib.h>

#include <fstream>
#include <iterator>

namespace flowii::cli::test {

Served fetch(emulator::Emulator const& emu, std::string const& target, std::string const& username,
             std::string const& password) {
  httplib::Client http("127.0.0.1", emu.port());
  http.set_url_encode(false);  // the target is sent exactly as given
  http.set_decompress(false);
  std::string const api_key = emu.options().api_key;
  // httplib sends Params as an application/x-www-form-urlencoded body.
  auto const grant =
      http.Post("/token", httplib::Headers{{"Api-Key", api_key}},
                httplib::Params{{"grant_type", "password"}, {"username", username}, {"password", password}});
  if (!grant || grant->status != 200) return {};
  auto const token = nlohmann::json::parse(grant->body, nullptr, false);
  if (!token.is_object() || !token.contains("access_token")) return {};

  httplib::Headers const headers{{"Api-Key", api_key},
                                 {"Authorization", "Bearer " + token["access_token"].get<std::string>()},
                                 {"Accept-Encoding", "identity"}};
  auto const reply = http.Get(target, headers);
  if (!reply) return {};
  return {reply->status, reply->get_header_value("Content-Type"), reply->body};
}

std::vector<nlohmann::json> stored_records(emulator::Emulator const& emu, std::filesystem::path const& scratch,
                                           std::string const& company, std::string const& type) {
  auto const path = scratch / "emulator-state.json";
  emu.save_state(path.string());
  std::ifstream in(path, std::ios::binary);
  auto const state = nlohmann::json::parse(std::string(std::istreambuf_iterator<char>(in), {}));
  std::vector<nlohmann::json> out;
  for (auto const& record : state.at("store").at("companies").at(company)) {
    if (record.at("type") == type) out.push_back(record);
  }
  return out;  // the store keeps each type's records in id order
}

}  // namespace flowii::cli::test
