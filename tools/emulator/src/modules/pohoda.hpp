// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// POHODA (Stormware) XML pieces shared by the exports that produce it.
#ifndef FLOWII_TOOLS_EMULATOR_SRC_MODULES_POHODA_HPP
#define FLOWII_TOOLS_EMULATOR_SRC_MODULES_POHODA_HPP

#include <string>

#include "store.hpp"
#include "xml.hpp"

namespace flowii::emulator {

// Opens <dat:dataPack> with the data and type namespaces plus `namespaces`
// (e.g. {"xmlns:adb", ".../addressbook.xsd"}); close it with XmlWriter::finish().
void open_pohoda_pack(XmlWriter& xml, std::string const& id, std::string const& note,
                      XmlWriter::Attributes const& namespaces);

// <typ:address>: a partner (company or person) or own company data at an
// address, with its tax ids and, when known, the country's ISO code. Any of
// the records may be null.
void write_pohoda_address(XmlWriter& xml, Record const* who, Record const* address, Record const* country);

}  // namespace flowii::emulator

#endif  // FLOWII_TOOLS_EMULATOR_SRC_MODULES_POHODA_HPP
