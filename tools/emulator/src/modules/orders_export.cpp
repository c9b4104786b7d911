// The order Pohoda export: a POHODA dataPack of contracts ("zákazky",
// Stormware contract.xsd). The engine zips it.
#include <string>

#include "modules/business_cases.hpp"
#include "modules/orders.hpp"
#include "modules/registry.hpp"
#include "xml.hpp"

namespace flowii::emulator {

namespace {

std::string date_part(std::string const& date_time) { return date_time.substr(0, 10); }

void write_partner(XmlWriter& xml, ExportInput const& in, Record const* partner) {
  if (partner == nullptr) return;
  Record const* address = linked(in.view, *partner, "billing-address");
  bool const company = text_attribute(partner, "type") == "1";
  xml.open("con:partnerIdentity")
      .open("typ:address")
      .leaf(company ? "typ:company" : "typ:name", text_attribute(partner, "name"))
      .leaf("typ:city", text_attribute(address, "city"))
      .leaf("typ:street", text_attribute(address, "street"))
      .leaf("typ:zip", text_attribute(address, "zip"))
      .leaf("typ:ico", text_attribute(partner, "ico"))
      .leaf("typ:dic", text_attribute(partner, "dic"));
  Record const* country = address != nullptr ? linked(in.view, *address, "country") : nullptr;
  if (auto const code = country_code(text_attribute(country, "name")); !code.empty()) {
    xml.open("typ:country").leaf("typ:ids", code).close();
  }
  xml.close().close();
}

}  // namespace

std::string orders_pohoda(ExportInput const& in) {
  XmlWriter xml;
  xml.open("dat:dataPack", {{"xmlns:dat", "http://www.stormware.cz/schema/version_2/data.xsd"},
                            {"xmlns:con", "http://www.stormware.cz/schema/version_2/contract.xsd"},
                            {"xmlns:typ", "http://www.stormware.cz/schema/version_2/type.xsd"},
                            {"id", "flowii-orders"},
                            {"application", "FLOWii"},
                            {"version", "2.0"},
                            {"note", "Order export"}});
  for (Record const* order : in.records) {
    Record const* responsible = linked(in.view, *order, "responsible-user");
    xml.open("dat:dataPackItem", {{"id", "order-" + order->id}, {"version", "2.0"}})
        .open("con:contract", {{"version", "2.0"}})
        .open("con:contractDesc")
        .open("con:number")
        .leaf("typ:numberRequested", text_attribute(order, "serial-nr"))
        .close()
        .leaf("con:datePlanStart", date_part(text_attribute(order, "accepted")))
        .leaf("con:datePlanDelivery", date_part(text_attribute(order, "deadline")))
        .leaf("con:dateDelivery", date_part(text_attribute(order, "finished")))
        .leaf("con:text", text_attribute(order, "name"));
    write_partner(xml, in, linked(in.view, *order, "partner"));
    xml.leaf("con:responsiblePerson", text_attribute(responsible, "name"))
        .leaf("con:contractState", text_attribute(linked(in.view, *order, "state"), "name"))
        .leaf("con:price", text_attribute(order, "anticipated-income-amount"))
        .leaf("con:note", text_attribute(order, "description"))
        .close()  // con:contractDesc
        .close()  // con:contract
        .close();  // dat:dataPackItem
  }
  return xml.finish();
}

}  // namespace flowii::emulator
