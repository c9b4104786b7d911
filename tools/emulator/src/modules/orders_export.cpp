// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// The order Pohoda export: a POHODA dataPack of contracts ("zákazky",
// Stormware contract.xsd). The engine zips it.
#include <string>

#include "modules/business_cases.hpp"
#include "modules/orders.hpp"
#include "modules/pohoda.hpp"
#include "modules/registry.hpp"
#include "xml.hpp"

namespace flowii::emulator {

namespace {

std::string date_part(std::string const& date_time) { return date_time.substr(0, 10); }

void write_partner(XmlWriter& xml, ExportInput const& in, Record const* partner) {
  if (partner == nullptr) return;
  Record const* address = in.view.first(*partner, "billing-address");
  xml.open("con:partnerIdentity");
  write_pohoda_address(xml, partner, address, in.view.first(address, "country"));
  xml.close();
}

}  // namespace

std::string orders_pohoda(ExportInput const& in) {
  XmlWriter xml;
  open_pohoda_pack(xml, "flowii-orders", "Order export",
                   {{"xmlns:con", "http://www.stormware.cz/schema/version_2/contract.xsd"}});
  for (Record const* order : in.records) {
    Record const* responsible = in.view.first(*order, "responsible-user");
    xml.open("dat:dataPackItem", {{"id", "order-" + order->id}, {"version", "2.0"}})
        .open("con:contract", {{"version", "2.0"}})
        .open("con:contractDesc")
        .open("con:number")
        .leaf("typ:numberRequested", text_of(order, "serial-nr"))
        .close()
        .leaf("con:datePlanStart", date_part(text_of(order, "accepted")))
        .leaf("con:datePlanDelivery", date_part(text_of(order, "deadline")))
        .leaf("con:dateDelivery", date_part(text_of(order, "finished")))
        .leaf("con:text", text_of(order, "name"));
    write_partner(xml, in, in.view.first(*order, "partner"));
    xml.leaf("con:responsiblePerson", text_of(responsible, "name"))
        .leaf("con:contractState", text_of(in.view.first(*order, "state"), "name"))
        .leaf("con:price", text_of(order, "anticipated-income-amount"))
        .leaf("con:note", text_of(order, "description"))
        .close()   // con:contractDesc
        .close()   // con:contract
        .close();  // dat:dataPackItem
  }
  return xml.finish();
}

}  // namespace flowii::emulator
