// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Usage errors said the way people think of them: the command they probably
// meant, and option values checked with ranges in words instead of CLI11's
// floating-point limits.
#ifndef FLOWII_CLI_USAGE_HPP
#define FLOWII_CLI_USAGE_HPP

#include <CLI/CLI.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace flowii::cli {

/// Levenshtein distance: insertions, deletions and substitutions.
std::size_t edit_distance(std::string const& a, std::string const& b);

/// The candidate a mistyped `word` most likely meant: the nearest within a few
/// edits, a candidate that `word` starts counting as one edit (ties: the first);
/// empty when none is close enough to be a useful guess.
std::string closest(std::string const& word, std::vector<std::string> const& candidates);

/// `text` as a whole number from `min` to `max`; throws Failure (exit 2) saying
/// "--page-size must be between 1 and 1000 (got 0)".
int whole_number(std::string const& option, std::string const& text, int min, int max);

/// A CLI11 check of an option's text with whole_number().
CLI::Validator whole_number_check(std::string const& option, int min, int max);

/// A CLI11 check that the option's text is one of `allowed`; throws Failure
/// (exit 2) saying "--output must be table, json, jsonl or csv (got xml)".
CLI::Validator one_of_check(std::string const& option, std::vector<std::string> const& allowed);

}  // namespace flowii::cli

#endif  // FLOWII_CLI_USAGE_HPP
