// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Writes the fuzzers' seed corpora: every example body of FLOWii's blueprint
// (success bodies for the document parser, error bodies for the error parser)
// plus hand-written seeds for tokens, Retry-After and dates.
//   fuzz_seed_corpus <flowii-api.apib> <corpus-dir>
#include "blueprint/blueprint.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

void write(fs::path const& dir, std::string const& name, std::string const& content) {
  fs::create_directories(dir);
  std::ofstream(dir / name, std::ios::binary) << content;
}

void write_all(fs::path const& dir, std::vector<std::string> const& seeds) {
  for (std::size_t i = 0; i < seeds.size(); ++i) write(dir, "seed-" + std::to_string(i), seeds[i]);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: fuzz_seed_corpus <flowii-api.apib> <corpus-dir>\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::cerr << "fuzz_seed_corpus: cannot read " << argv[1] << "\n";
    return 1;
  }
  std::stringstream text;
  text << in.rdbuf();
  fs::path const out = argv[2];

  std::size_t documents = 0, errors = 0;
  for (auto const& action : flowii::test::parse_blueprint(text.str())) {
    for (auto const& example : action.examples) {
      if (example.body.empty()) continue;
      bool const error = example.is_response && example.status >= 400;
      std::size_t& n = error ? errors : documents;
      write(out / (error ? "error_body" : "jsonapi_document"), "blueprint-" + std::to_string(n++), example.body);
    }
  }
  write_all(
      out / "error_body",
      {R"({"errors":[{"status":"422","title":"Invalid","detail":"name","source":{"pointer":"/data/attributes/name"}}]})",
       R"({"error":"invalid_grant","error_description":"The user name or password is incorrect."})",
       R"({"Message":"An error has occurred."})", "<html><body>502 Bad Gateway</body></html>"});
  write_all(out / "token_response",
            {R"({"access_token":"abc","token_type":"bearer","expires_in":599,"refresh_token":"def","userName":"u"})",
             R"({"access_token":"abc","token_type":"bearer","expires_in":"599"})",
             R"({"error":"invalid_client","error_description":"Api key is invalid."})", "{}", "null"});
  write_all(out / "retry_after", {"120", "0", "Wed, 21 Oct 2015 07:28:00 GMT", "Sunday, 06-Nov-94 08:49:37 GMT",
                                  "Sun Nov  6 08:49:37 1994", "-5", "99999999999999999999"});
  write_all(out / "datetime", {"2017-10-31T14:05:00", "2017-10-17", "2017-10-31T14:05:00.123", "2017-02-29",
                               "2017-10-31T14:05:00+02:00", "0000-00-00T00:00:00"});
  std::cout << "fuzz_seed_corpus: " << documents << " document and " << errors << " error bodies from the blueprint\n";
  return documents > 0 ? 0 : 1;
}
