// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#ifndef FLOWII_RESULT_HPP
#define FLOWII_RESULT_HPP

#include <flowii/status.hpp>

#include <optional>
#include <utility>

namespace flowii {

/// A value or the Status that explains why there is none.
///
///     auto p = client.partners().get("12");
///     if (!p) { std::cerr << p.status().to_string(); return; }
///     use(*p);
///
/// value() throws flowii::Error instead, for code that prefers exceptions.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}         // NOLINT(google-explicit-constructor)
  Result(Status status) : status_(std::move(status)) {  // NOLINT(google-explicit-constructor)
    if (status_.ok()) status_ = Status(ErrorCode::kUnknown, "Result built from an OK status without a value");
  }

  bool ok() const noexcept { return value_.has_value(); }
  explicit operator bool() const noexcept { return ok(); }
  Status const& status() const noexcept { return status_; }

  T& value() & {
    check();
    return *value_;
  }
  T const& value() const& {
    check();
    return *value_;
  }
  // By value, not T&&: `for (auto& x : client.list_all().value())` then loops
  // over a value that lives as long as the loop, not over a destroyed temporary.
  T value() && {
    check();
    return std::move(*value_);
  }

  T& operator*() & { return value(); }
  T const& operator*() const& { return value(); }
  T operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  T const* operator->() const { return &value(); }

  /// The value, or `fallback` on error.
  template <typename U>
  T value_or(U&& fallback) const& {
    return ok() ? *value_ : static_cast<T>(std::forward<U>(fallback));
  }

 private:
  void check() const {
    if (!value_) throw Error(status_);
  }
  std::optional<T> value_;
  Status status_;
};

}  // namespace flowii

#endif  // FLOWII_RESULT_HPP
