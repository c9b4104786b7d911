// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// The business-case XML export (FLOWii's own format; the engine zips it).
// With includeMessages=true each case also lists its e-mails and events.
#include <string>
#include <vector>

#include "field_path.hpp"
#include "modules/business_cases.hpp"
#include "xml.hpp"

namespace flowii::emulator {

namespace {

void write_messages(XmlWriter& xml, ExportInput const& in, Record const& bc) {
  xml.open("messages");
  for (Record const* mail : FieldPath("<mail:business-case").records(bc, in.view)) {
    xml.open("mail", {{"id", mail->id}})
        .leaf("state", text_of(mail, "state"))
        .leaf("subject", text_of(mail, "subject"))
        .leaf("date", text_of(mail, "date"))
        .close();
  }
  for (Record const* event : FieldPath("<communication:business-case").records(bc, in.view)) {
    xml.open("communication", {{"id", event->id}})
        .leaf("state", text_of(event, "state"))
        .leaf("note", text_of(event, "note"))
        .leaf("finished", text_of(event, "finished"))
        .close();
  }
  xml.close();
}

}  // namespace

std::string business_cases_xml(ExportInput const& in) {
  bool const with_messages = in.flag("includeMessages");
  XmlWriter xml;
  // The engine applied the declared filters; the activity period is the module's own.
  std::vector<Record const*> records = in.records;
  filter_activity(in.view, in.request, business_case_work(), records);
  xml.open("business-cases");
  for (Record const* bc : records) {
    xml.open("business-case", {{"id", bc->id}});
    for (char const* name : {"serial-nr", "name", "description", "created", "anticipated-finish-date", "finish-date",
                             "anticipated-income-amount", "failed-finish-note"}) {
      xml.leaf(name, text_of(bc, name));
    }
    Record const* state = in.view.first(*bc, "state");
    xml.leaf("state", text_of(state, "name"))
        .leaf("state-type", text_of(state, "type"))
        .leaf("failure", text_of(in.view.first(*bc, "failure"), "name"));
    if (Record const* partner = in.view.first(*bc, "partner")) {
      xml.open("partner", {{"id", partner->id}})
          .leaf("name", text_of(partner, "name"))
          .leaf("ico", text_of(partner, "ico"))
          .close();
    }
    xml.open("responsible-users");
    for (auto const& ref : bc->related("responsible-users")) xml.leaf("user", text_of(in.view.find(ref), "name"));
    xml.close();
    if (with_messages) write_messages(xml, in, *bc);
    xml.close();
  }
  return xml.finish();
}

}  // namespace flowii::emulator
