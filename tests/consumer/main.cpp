// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
// Builds against an installed (or build-tree) flowii and runs without a server:
// a client with no credentials must report them missing, naming the variables.
#include <flowii/flowii.hpp>

#include <iostream>

int main() {
  flowii::Client client{flowii::ClientOptions{}};
  auto session = client.session();
  bool ok = !session && session.status().code() == flowii::ErrorCode::kInvalidArgument &&
            session.status().message().find("FLOWII_API_KEY") != std::string::npos;
  std::cout << "flowii " << flowii::version_string() << ": " << session.status().to_string() << "\n";
  return ok ? 0 : 1;
}
