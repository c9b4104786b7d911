// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include "usage.hpp"

#include "failure.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <limits>

namespace flowii::cli {

std::size_t edit_distance(std::string const& a, std::string const& b) {
  // One row of the dynamic-programming table at a time.
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t const above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string closest(std::string const& word, std::vector<std::string> const& candidates) {
  // As git and gh do: a guess further away than a typo or two is noise. A word
  // that starts a candidate counts as one typo away ("del" for "delete").
  std::size_t const limit = std::max<std::size_t>(2, word.size() / 3);
  std::string best;
  std::size_t best_distance = limit + 1;
  for (auto const& c : candidates) {
    std::size_t d = edit_distance(word, c);
    if (word.size() >= 2 && c.rfind(word, 0) == 0) d = std::min<std::size_t>(d, 1);
    if (d < best_distance) {
      best = c;
      best_distance = d;
    }
  }
  return best;
}

int whole_number(std::string const& option, std::string const& text, int min, int max) {
  std::string const range = max == std::numeric_limits<int>::max()
                                ? std::to_string(min) + " or more"
                                : "between " + std::to_string(min) + " and " + std::to_string(max);
  // Digits and a sign only: strtoll alone would take " 5" and "5x".
  errno = 0;
  char* end = nullptr;
  long long const n = std::strtoll(text.c_str(), &end, 10);
  bool const number =
      !text.empty() && *end == '\0' && errno == 0 && text.find_first_not_of("+-0123456789") == std::string::npos;
  if (!number) throw Failure(kExitUsage, option + " must be a whole number " + range + " (got " + text + ")");
  if (n < min || n > max) throw Failure(kExitUsage, option + " must be " + range + " (got " + text + ")");
  return static_cast<int>(n);
}

CLI::Validator whole_number_check(std::string const& option, int min, int max) {
  // Failure passes through CLI11, which only catches its own errors: the message
  // reaches the user exactly as written here. The option's help states the range.
  return CLI::Validator(
      [option, min, max](std::string& text) {
        whole_number(option, text, min, max);
        return std::string();
      },
      "");
}

CLI::Validator one_of_check(std::string const& option, std::vector<std::string> const& allowed) {
  std::string list;
  for (std::size_t i = 0; i < allowed.size(); ++i) {
    list += (i == 0 ? "" : i + 1 == allowed.size() ? " or " : ", ") + allowed[i];
  }
  return CLI::Validator(
      [option, allowed, list](std::string& text) {
        if (std::find(allowed.begin(), allowed.end(), text) == allowed.end()) {
          throw Failure(kExitUsage, option + " must be " + list + " (got " + text + ")");
        }
        return std::string();
      },
      "");
}

}  // namespace flowii::cli
