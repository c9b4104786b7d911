// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include "modules/pohoda.hpp"

#include "modules/registry.hpp"

namespace flowii::emulator {

void open_pohoda_pack(XmlWriter& xml, std::string const& id, std::string const& note,
                      XmlWriter::Attributes const& namespaces) {
  XmlWriter::Attributes attributes = {{"xmlns:dat", "http://www.stormware.cz/schema/version_2/data.xsd"},
                                      {"xmlns:typ", "http://www.stormware.cz/schema/version_2/type.xsd"}};
  attributes.insert(attributes.end(), namespaces.begin(), namespaces.end());
  for (auto const& [name, value] :
       XmlWriter::Attributes{{"id", id}, {"application", "FLOWii"}, {"version", "2.0"}, {"note", note}}) {
    attributes.emplace_back(name, value);
  }
  xml.open("dat:dataPack", attributes);
}

void write_pohoda_address(XmlWriter& xml, Record const* who, Record const* address, Record const* country) {
  bool const person = text_of(who, "type") == "2";
  xml.open("typ:address")
      .leaf(person ? "typ:name" : "typ:company", text_of(who, "name"))
      .leaf("typ:city", text_of(address, "city"))
      .leaf("typ:street", text_of(address, "street"))
      .leaf("typ:zip", text_of(address, "zip"))
      .leaf("typ:ico", text_of(who, "ico"))
      .leaf("typ:dic", text_of(who, "dic"))
      .leaf("typ:icDph", text_of(who, "ic-dph"));
  if (auto const code = country_code(text_of(country, "name")); !code.empty()) {
    xml.open("typ:country").leaf("typ:ids", code).close();
  }
  xml.close();
}

}  // namespace flowii::emulator
