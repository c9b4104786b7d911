// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include "xml.hpp"

namespace flowii::emulator {

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

XmlWriter::XmlWriter() : out_("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n") {}

void XmlWriter::indent() { out_.append(open_.size() * 2, ' '); }

XmlWriter& XmlWriter::open(std::string_view name, Attributes const& attributes) {
  indent();
  out_ += '<';
  out_ += name;
  for (auto const& [key, value] : attributes) {
    out_ += ' ' + key + "=\"" + xml_escape(value) + '"';
  }
  out_ += ">\n";
  open_.emplace_back(name);
  return *this;
}

XmlWriter& XmlWriter::close() {
  if (open_.empty()) return *this;
  std::string const name = open_.back();
  open_.pop_back();
  indent();
  out_ += "</" + name + ">\n";
  return *this;
}

XmlWriter& XmlWriter::leaf(std::string_view name, std::string_view text, bool keep_empty) {
  if (text.empty() && !keep_empty) return *this;
  indent();
  out_ += '<';
  out_ += name;
  out_ += '>';
  out_ += xml_escape(text);
  out_ += "</";
  out_ += name;
  out_ += ">\n";
  return *this;
}

std::string XmlWriter::finish() {
  while (!open_.empty()) close();
  return std::move(out_);
}

}  // namespace flowii::emulator
