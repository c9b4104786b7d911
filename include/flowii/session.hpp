// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Who and where a Client works (Client::session()).
#ifndef FLOWII_SESSION_HPP
#define FLOWII_SESSION_HPP

#include <flowii/models/common.hpp>

#include <string>
#include <vector>

namespace flowii {

/// Who and where the client works: the chosen company and the current user.
struct Session {
  std::string company_id;
  std::string company_name;
  std::string user_id;             ///< GET /users/self within the company
  std::string user_name;           ///< "Surname Firstname"
  std::vector<Company> companies;  ///< the whole access list
};

}  // namespace flowii

#endif  // FLOWII_SESSION_HPP
