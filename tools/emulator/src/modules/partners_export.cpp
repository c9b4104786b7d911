// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// The partner exports' XML: FLOWii's own partner XML and a POHODA address book
// (Stormware dataPack). Each export is zipped by the engine.
#include <string>

#include "modules/partners.hpp"
#include "modules/pohoda.hpp"
#include "xml.hpp"

namespace flowii::emulator {

namespace {

void write_address(XmlWriter& xml, ExportInput const& in, Record const& partner, char const* relationship) {
  Record const* address = in.view.first(partner, relationship);
  if (address == nullptr) return;
  xml.open(relationship)
      .leaf("street", address->text("street"))
      .leaf("city", address->text("city"))
      .leaf("zip", address->text("zip"))
      .leaf("country", text_of(in.view.first(address, "country"), "name"))
      .close();
}

void write_contact(XmlWriter& xml, Record const& contact) {
  xml.open("contact", {{"id", contact.id}});
  for (char const* name : {"title", "first-name", "last-name", "email", "phone", "mobile", "job-title"}) {
    xml.leaf(name, contact.text(name));
  }
  xml.close();
}

}  // namespace

std::string partners_xml(ExportInput const& in) {
  bool const with_contacts = in.flag("includeContacts");
  XmlWriter xml;
  xml.open("partners");
  for (Record const* p : in.records) {
    xml.open("partner", {{"id", p->id}});
    for (char const* name : {"name", "type", "comment", "ico", "dic", "ic-dph", "invoice-maturity"}) {
      xml.leaf(name, p->text(name));
    }
    xml.leaf("type-name", text_of(in.view.first(*p, "base-business-relationship"), "name"))
        .leaf("subtype-name", text_of(in.view.first(*p, "extended-business-relationship"), "name"));
    for (char const* rel : {"billing-address", "mailing-address", "delivery-address"}) write_address(xml, in, *p, rel);
    if (with_contacts) {
      xml.open("contacts");
      for (char const* rel : {"key-contact", "contacts"}) {
        for (auto const& ref : p->related(rel)) {
          if (Record const* c = in.view.find(ref)) write_contact(xml, *c);
        }
      }
      xml.close();
    }
    xml.open("tags");
    for (auto const& ref : p->related("tags")) xml.leaf("tag", text_of(in.view.find(ref), "name"));
    xml.close().close();
  }
  return xml.finish();
}

std::string partners_pohoda(ExportInput const& in) {
  XmlWriter xml;
  open_pohoda_pack(xml, "flowii-partners", "Partner export",
                   {{"xmlns:adb", "http://www.stormware.cz/schema/version_2/addressbook.xsd"}});
  for (Record const* p : in.records) {
    Record const* contact = in.view.first(*p, "key-contact");
    xml.open("dat:dataPackItem", {{"id", "partner-" + p->id}, {"version", "2.0"}})
        .open("adb:addressbook", {{"version", "2.0"}})
        .open("adb:addressbookHeader")
        .open("adb:identity");
    Record const* address = in.view.first(*p, "billing-address");
    write_pohoda_address(xml, p, address, in.view.first(address, "country"));
    xml.close()  // adb:identity
        .leaf("adb:email", text_of(contact, "email"))
        .leaf("adb:mobil", text_of(contact, "mobile"))
        .leaf("adb:note", p->text("comment"))
        .close()   // adb:addressbookHeader
        .close()   // adb:addressbook
        .close();  // dat:dataPackItem
  }
  return xml.finish();
}

}  // namespace flowii::emulator
