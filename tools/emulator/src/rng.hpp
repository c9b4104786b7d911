// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Deterministic pseudo-random numbers (SplitMix64): same seed, same demo data and tokens.
#ifndef FLOWII_TOOLS_EMULATOR_SRC_RNG_HPP
#define FLOWII_TOOLS_EMULATOR_SRC_RNG_HPP

#include <cstdint>
#include <string>

namespace flowii::emulator {

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}

  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }

  // Uniform in [0, n); n > 0.
  std::uint64_t below(std::uint64_t n) { return next() % n; }
  int between(int low, int high) {  // inclusive
    return low + static_cast<int>(below(static_cast<std::uint64_t>(std::int64_t{high} - low + 1)));
  }
  bool chance(int percent) { return below(100) < static_cast<std::uint64_t>(percent); }

  // Opaque token text from the base64url alphabet.
  std::string token(std::size_t length) {
    static constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    std::string out;
    for (std::size_t i = 0; i < length; ++i) out += alphabet[below(64)];
    return out;
  }

 private:
  std::uint64_t state_;
};

}  // namespace flowii::emulator

#endif  // FLOWII_TOOLS_EMULATOR_SRC_RNG_HPP
