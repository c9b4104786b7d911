// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Nightly export: every partner changed since yesterday 00:00 (typed filter on
// FLOWii's change date, `edited-from`), written as CSV to a file or stdout.
//
//   nightly_export [--all] [--since YYYY-MM-DD] [--page-size N] [--output FILE]
//
// Without --all only the first page is exported (a preview); with --all the
// Pager walks every page. --since replaces yesterday, e.g. to catch up after a
// missed night. Configured only from FLOWII_* variables (see quickstart.cpp).
// The job is assumed to run in the company's time zone: midnight is this
// machine's local midnight.
#include "example_support.hpp"

#include <cstdint>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>
#include <string>

using examples::fail;

namespace {

struct Arguments {
  bool all = false;
  flowii::Date since = examples::local_time(-1).date();  // yesterday
  int page_size = 50;
  std::string output;  // empty: stdout
};

[[noreturn]] void usage(char const* why) {
  std::cerr << "nightly_export: " << why
            << "\nusage: nightly_export [--all] [--since YYYY-MM-DD] [--page-size N] [--output FILE]\n";
  std::exit(2);
}

Arguments parse(int argc, char** argv) {
  Arguments args;
  for (int i = 1; i < argc; ++i) {
    std::string const arg = argv[i];
    if (arg == "--all") {
      args.all = true;
    } else if ((arg == "--page-size" || arg == "--output" || arg == "--since") && i + 1 < argc) {
      std::string const value = argv[++i];
      if (arg == "--output") {
        args.output = value;
      } else if (arg == "--since") {
        auto const date = flowii::Date::parse(value);
        if (!date) usage("--since needs a date like 2026-01-31");
        args.since = *date;
      } else {
        args.page_size = std::atoi(value.c_str());
        if (args.page_size <= 0) usage("--page-size needs a positive number");
      }
    } else {
      usage(("unknown or incomplete argument " + arg).c_str());
    }
  }
  return args;
}

// 00:00 of `day` on this machine's clock, as the unix seconds FLOWii's date
// filters take (FLOWii's own date-times carry no zone at all).
flowii::UnixTime local_midnight(flowii::Date day) {
  std::tm tm{};
  tm.tm_year = day.year - 1900;
  tm.tm_mon = day.month - 1;
  tm.tm_mday = day.day;
  tm.tm_isdst = -1;  // let mktime decide whether that day was summer time
  return flowii::UnixTime{static_cast<std::int64_t>(std::mktime(&tm))};
}

// RFC 4180: quote a field when it holds a separator, quote or line break.
std::string csv(std::string const& field) {
  if (field.find_first_of(",\"\r\n") == std::string::npos) return field;
  std::string quoted = "\"";
  for (char c : field) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

void write_row(std::ostream& out, flowii::Partner const& p) {
  auto const type = p.partner_type();
  auto const billing = p.related<flowii::Address>("billing-address");
  out << csv(p.id()) << ',' << csv(p.name().value_or("")) << ','
      << (type ? std::to_string(static_cast<int>(*type)) : std::string()) << ',' << csv(p.ico().value_or("")) << ','
      << csv(p.dic().value_or("")) << ',' << csv(p.ic_dph().value_or("")) << ','
      << csv(billing ? billing->city().value_or("") : std::string()) << "\r\n";
}

}  // namespace

int main(int argc, char** argv) {
  Arguments const args = parse(argc, argv);
  auto [client, session] = examples::connect("nightly_export");

  std::ofstream file;
  if (!args.output.empty()) {
    file.open(args.output, std::ios::binary);
    if (!file) usage(("cannot write " + args.output).c_str());
  }
  std::ostream& out = args.output.empty() ? std::cout : file;

  auto const since = local_midnight(args.since);
  auto const query = flowii::PartnerQuery().edited_from(since).page_size(args.page_size);
  out << "id,name,type,ico,dic,ic_dph,billing_city\r\n";
  int rows = 0;
  int pages = 0;
  if (args.all) {
    auto pager = client.partners().list(query);
    for (auto const& partner : pager) {
      if (!partner) fail("listing changed partners", partner.status());
      write_row(out, *partner);
      ++rows;
    }
    pages = pager.pages_fetched();
  } else {
    auto page = client.partners().list_page(query);
    if (!page) fail("reading the first page of changed partners", page.status());
    for (auto const& partner : page->items) write_row(out, partner);
    rows = static_cast<int>(page->items.size());
    pages = 1;
  }
  out.flush();
  if (!out) fail("writing the CSV", flowii::Status(flowii::ErrorCode::kUnknown, "write error"));

  // The report goes to stderr so that stdout stays pure CSV.
  std::cerr << "nightly_export: " << rows << " partner(s) of company " << session.company_id << " changed since "
            << args.since.to_string() << " 00:00, " << pages << " page(s) read"
            << (args.all ? "" : " (first page only; --all exports every page)") << "\n";
  std::cerr << "nightly_export finished\n";
  return 0;
}
