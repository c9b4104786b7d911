// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Tiny streaming XML writer for the export endpoints (escapes text and attributes).
#ifndef FLOWII_TOOLS_EMULATOR_SRC_XML_HPP
#define FLOWII_TOOLS_EMULATOR_SRC_XML_HPP

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace flowii::emulator {

class XmlWriter {
 public:
  using Attributes = std::vector<std::pair<std::string, std::string>>;

  XmlWriter();  // starts with the XML declaration
  XmlWriter& open(std::string_view name, Attributes const& attributes = {});
  XmlWriter& close();  // closes the innermost open element
  // <name>text</name>; skipped entirely when `text` is empty and `keep_empty` is false.
  XmlWriter& leaf(std::string_view name, std::string_view text, bool keep_empty = false);
  std::string finish();  // closes everything still open

 private:
  void indent();
  std::string out_;
  std::vector<std::string> open_;
};

std::string xml_escape(std::string_view text);

}  // namespace flowii::emulator

#endif  // FLOWII_TOOLS_EMULATOR_SRC_XML_HPP
