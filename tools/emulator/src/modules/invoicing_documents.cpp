// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Documents: line arithmetic, serial numbers, the PDF and the Pohoda export.
// FLOWii's real PDF and Pohoda layouts are not documented; these are small but
// well-formed stand-ins that carry the document's data.
#include <array>
#include <cmath>
#include <cstdio>
#include <string_view>

#include "clock.hpp"
#include "jsonapi.hpp"
#include "modules/invoicing.hpp"
#include "modules/pohoda.hpp"
#include "text.hpp"
#include "xml.hpp"

namespace flowii::emulator {

namespace {

constexpr std::int64_t day = 86400;

std::optional<std::int64_t> time_attribute(Record const& record, char const* name) {
  auto const it = record.attributes.find(name);
  if (it == record.attributes.end() || !it->is_string()) return std::nullopt;
  return parse_local(it->get<std::string>());
}

Record const* first_related(Record const& record, char const* relationship, FindRecord const& find) {
  for (auto const& ref : record.related(relationship)) {
    if (Record const* r = find(ref)) return r;
  }
  return nullptr;
}

std::vector<Record const*> items_of(Record const& document, FindRecord const& find) {
  std::vector<Record const*> items;
  for (auto const& ref : document.related("items")) {
    if (Record const* item = find(ref)) items.push_back(item);
  }
  return items;
}

double round2(double v) { return std::round(v * 100) / 100; }

std::string money(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", v);
  return buffer;
}

std::string quantity_text(double q) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", q);
  return buffer;
}

int year_of(std::int64_t t) { return std::stoi(format_local(t).substr(0, 4)); }

std::string date_only(std::string const& local) { return local.substr(0, 10); }

Line priced(double net, double rate) {
  Line l;
  l.rate = rate;
  l.net = round2(net);
  l.gross = round2(net * (1 + rate / 100));
  l.vat = round2(l.gross - l.net);
  return l;
}

Line line_of(Record const& item) {
  double const quantity = number_attribute(item, "quantity").value_or(1);
  double const price = number_attribute(item, "unit-price").value_or(0);
  bool const includes_vat = integer_attribute(item, "unit-price-type").value_or(1) == 0;
  double const rate = number_attribute(item, "vat-rate").value_or(0);
  double const k = 1 + rate / 100;
  double net = (includes_vat ? price / k : price) * quantity;
  double const discount = number_attribute(item, "discount").value_or(0);
  switch (integer_attribute(item, "discount-type").value_or(0)) {
    case 1:
      net *= 1 - discount / 100;
      break;  // percent
    case 2:
      net -= includes_vat ? discount / k : discount;
      break;  // amount, in the price's own terms
    default:
      break;
  }
  return priced(net, rate);
}

// "RR" two-digit year, "RRRR" four-digit year, a run of N the zero-padded counter.
std::string apply_format(std::string const& format, int year, std::int64_t n) {
  std::string out;
  std::size_t i = 0;
  while (i < format.size()) {
    if (format.compare(i, 4, "RRRR") == 0) {
      out += std::to_string(year);
      i += 4;
    } else if (format.compare(i, 2, "RR") == 0) {
      out += std::to_string(year % 100 / 10) + std::to_string(year % 10);
      i += 2;
    } else if (format[i] == 'N') {
      std::size_t j = i;
      while (j < format.size() && format[j] == 'N') ++j;
      std::string const digits = std::to_string(n);
      out += std::string(digits.size() < j - i ? j - i - digits.size() : 0, '0') + digits;
      i = j;
    } else {
      out += format[i++];
    }
  }
  return out;
}

bool invoice_like(std::int64_t type) { return type == 3 || type == 4 || type == 7; }

// ---- PDF ------------------------------------------------------------------

// ASCII stand-ins for U+00C0..U+017F (Latin-1 Supplement letters and Latin
// Extended-A): the PDF uses a standard font, which has no č, ľ, ő or ű.
constexpr std::string_view latin_ascii =
    "AAAAAAACEEEEIIII"
    "DNOOOOOxOUUUUYTs"
    "aaaaaaaceeeeiiii"
    "dnooooo/ouuuuyty"
    "AaAaAaCcCcCcCcDd"
    "DdEeEeEeEeEeGgGg"
    "GgGgHhHhIiIiIiIi"
    "IiJjJjKkkLlLlLlL"
    "lLlNnNnNnnNnOoOo"
    "OoOoRrRrRrSsSsSs"
    "SsTtTtTtUuUuUuUu"
    "UuUuWwYyYZzZzZzs";

std::string ascii(std::string_view utf8) {
  std::string out;
  for (std::size_t i = 0; i < utf8.size();) {
    auto const c = static_cast<unsigned char>(utf8[i]);
    if (c < 0x80) {
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    std::size_t const length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    unsigned code = 0;
    if (length == 2 && i + 1 < utf8.size())
      code = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(utf8[i + 1]) & 0x3Fu);
    out += code >= 0xC0 && code < 0xC0 + latin_ascii.size() ? latin_ascii[code - 0xC0] : '-';
    i += length;
  }
  return out;
}

std::string pdf_string(std::string_view utf8) {
  std::string out = "(";
  for (char c : ascii(utf8)) {
    if (c == '(' || c == ')' || c == '\\') out += '\\';
    out += c;
  }
  return out + ")";
}

// A single A4 page of Helvetica text lines, with a correct cross-reference table.
std::string render_pdf(std::string const& title, std::vector<std::string> const& lines) {
  constexpr std::size_t max_lines = 52;  // what fits below the title
  std::string content = "BT\n/F1 16 Tf\n50 790 Td\n" + pdf_string(title) + " Tj\n/F1 10 Tf\n14 TL\nT*\nT*\n";
  for (std::size_t i = 0; i < lines.size() && i < max_lines; ++i) content += pdf_string(lines[i]) + " Tj\nT*\n";
  if (lines.size() > max_lines) content += pdf_string("...") + " Tj\n";
  content += "ET\n";

  std::vector<std::string> const objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
      "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "endstream",
      "<< /Title " + pdf_string(title) + " /Producer (flowii-emulator) >>",
  };
  std::string pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  std::size_t const xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (auto offset : offsets) {
    char entry[32];
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
    pdf += entry;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R /Info 6 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

struct Labels {
  std::array<char const*, 10> types;  // by document type 1..10
  char const* supplier;
  char const* customer;
  char const* issued;
  char const* delivered;
  char const* due;
  char const* variable_symbol;
  char const* payment;
  char const* account;
  char const* items;
  char const* vat;
  char const* net;
  char const* total;
};

Labels const& labels(std::string const& language) {
  static Labels const slovak{{"Cenová ponuka", "Dodací list", "Zálohová faktúra", "Faktúra", "Prijatá objednávka",
                              "Objednávka", "Prijatá faktúra", "Zákazkový list", "Skladový doklad", "Dopyt"},
                             "Dodávateľ",
                             "Odberateľ",
                             "Dátum vystavenia",
                             "Dátum dodania",
                             "Dátum splatnosti",
                             "Variabilný symbol",
                             "Forma úhrady",
                             "Bankový účet",
                             "Položky",
                             "DPH",
                             "Základ dane",
                             "Spolu na úhradu"};
  static Labels const hungarian{{"Árajánlat", "Szállítólevél", "Előlegszámla", "Számla", "Beérkezett rendelés",
                                 "Megrendelés", "Bejövő számla", "Munkalap", "Raktári bizonylat", "Ajánlatkérés"},
                                "Szállító",
                                "Vevő",
                                "Kiállítás dátuma",
                                "Teljesítés dátuma",
                                "Fizetési határidő",
                                "Közlemény",
                                "Fizetési mód",
                                "Bankszámla",
                                "Tételek",
                                "ÁFA",
                                "Nettó",
                                "Fizetendő"};
  static Labels const english{{"Quote", "Delivery note", "Advance invoice", "Invoice", "Received order", "Order",
                               "Received invoice", "Job sheet", "Warehouse document", "Request for quote"},
                              "Supplier",
                              "Customer",
                              "Issue date",
                              "Delivery date",
                              "Due date",
                              "Variable symbol",
                              "Payment method",
                              "Bank account",
                              "Items",
                              "VAT",
                              "Net",
                              "Total due"};
  std::string const primary = language.substr(0, language.find('-'));
  if (primary.empty() || primary == "sk" || primary == "cs") return slovak;
  if (primary == "hu") return hungarian;
  return english;
}

std::string join(std::vector<std::string> const& parts) {
  std::string out;
  for (auto const& p : parts) {
    if (!p.empty()) out += (out.empty() ? "" : ", ") + p;
  }
  return out;
}

std::string party(Record const* record, Record const* address) {
  if (record == nullptr) return "-";
  return join({text_of(record, "name"), text_of(address, "street"),
               trim(text_of(address, "zip") + " " + text_of(address, "city")),
               text_of(record, "ico").empty() ? "" : "ICO " + text_of(record, "ico"),
               text_of(record, "ic-dph").empty() ? "" : "IC DPH " + text_of(record, "ic-dph")});
}

// ---- Pohoda -------------------------------------------------------------

char const* pohoda_invoice_type(std::int64_t type) {
  switch (type) {
    case 3:
      return "issuedAdvanceInvoice";
    case 7:
      return "receivedInvoice";
    default:
      return "issuedInvoice";
  }
}

// Pohoda's VAT levels: none, low (first reduced), third (second reduced), high.
char const* pohoda_rate(double rate) {
  if (rate <= 0) return "none";
  if (rate >= 20) return "high";
  return rate >= 10 ? "low" : "third";
}

void pohoda_item(XmlWriter& xml, Record const& item, Line const& line, FindRecord const& find) {
  Record const* good = first_related(item, "good", find);
  xml.open("inv:invoiceItem")
      .leaf("inv:text", text_of(&item, "name"))
      .leaf("inv:quantity", quantity_text(number_attribute(item, "quantity").value_or(1)))
      .leaf("inv:unit", text_of(unit_of(item, find), "name"))
      .leaf("inv:payVAT", integer_attribute(item, "unit-price-type").value_or(1) == 0 ? "true" : "false")
      .leaf("inv:rateVAT", pohoda_rate(line.rate))
      .open("inv:homeCurrency")
      .leaf("typ:unitPrice", money(number_attribute(item, "unit-price").value_or(0)))
      .leaf("typ:price", money(line.net))
      .leaf("typ:priceVAT", money(line.vat))
      .leaf("typ:priceSum", money(line.gross))
      .close()
      .leaf("inv:code", text_of(good, "serial-nr"))
      .close();
}

std::string order_serial(Record const& document, FindRecord const& find) {
  for (auto const& ref : document.related("order-allocations")) {
    Record const* allocation = find(ref);
    if (Record const* order = allocation != nullptr ? first_related(*allocation, "order", find) : nullptr) {
      return text_of(order, "serial-nr");
    }
  }
  return {};
}

void pohoda_invoice(XmlWriter& xml, Record const& document, FindRecord const& find) {
  Record const* partner = first_related(document, "partner", find);
  Record const* company = first_related(document, "company-data", find);
  auto const items = items_of(document, find);
  auto const lines = document_lines(document, items);
  xml.open("dat:dataPackItem", {{"id", "document-" + document.id}, {"version", "2.0"}})
      .open("inv:invoice", {{"version", "2.0"}})
      .open("inv:invoiceHeader")
      .leaf("inv:invoiceType", pohoda_invoice_type(integer_attribute(document, "type").value_or(4)))
      .open("inv:number")
      .leaf("typ:numberRequested", text_of(&document, "serial-nr"))
      .close()
      .leaf("inv:symVar", text_of(&document, "variable-symbol"))
      .leaf("inv:symConst", text_of(&document, "constant-symbol"))
      .leaf("inv:symSpec", text_of(&document, "specific-symbol"))
      .leaf("inv:date", date_only(text_of(&document, "issue-date")))
      .leaf("inv:dateTax", date_only(text_of(&document, "delivery-date")))
      .leaf("inv:dateAccounting", date_only(text_of(&document, "issue-date")))
      .leaf("inv:dateDue", date_only(text_of(&document, "maturity")))
      .leaf("inv:numberOrder", order_serial(document, find))
      .open("inv:partnerIdentity");
  Record const* address = partner != nullptr ? first_related(*partner, "billing-address", find) : nullptr;
  write_pohoda_address(xml, partner, address, address != nullptr ? first_related(*address, "country", find) : nullptr);
  xml.close().open("inv:myIdentity");
  write_pohoda_address(xml, company, company, company != nullptr ? first_related(*company, "country", find) : nullptr);
  xml.close()
      .open("inv:paymentType")
      .leaf("typ:ids", text_of(first_related(document, "payment-method", find), "name"))
      .close()
      .open("inv:account")
      .leaf("typ:ids", text_of(first_related(document, "account", find), "name"))
      .close()
      .close()  // inv:invoiceHeader
      .open("inv:invoiceDetail");
  for (std::size_t i = 0; i < items.size(); ++i) pohoda_item(xml, *items[i], lines[i], find);
  xml.close().open("inv:invoiceSummary").open("inv:homeCurrency");
  // Net and VAT per Pohoda level, in pohoda_rate's order.
  constexpr std::array<char const*, 4> levels = {"none", "low", "third", "high"};
  std::array<double, 4> level_net{}, level_vat{};
  for (auto const& l : lines) {
    for (std::size_t k = 0; k < levels.size(); ++k) {
      if (std::string_view(levels[k]) == pohoda_rate(l.rate)) {
        level_net[k] += l.net;
        level_vat[k] += l.vat;
      }
    }
  }
  xml.leaf("typ:priceNone", money(level_net[0]))
      .leaf("typ:priceLow", money(level_net[1]))
      .leaf("typ:priceLowVAT", money(level_vat[1]))
      .leaf("typ:price3", money(level_net[2]))
      .leaf("typ:price3VAT", money(level_vat[2]))
      .leaf("typ:priceHigh", money(level_net[3]))
      .leaf("typ:priceHighVAT", money(level_vat[3]))
      .close()   // inv:homeCurrency
      .close()   // inv:invoiceSummary
      .close()   // inv:invoice
      .close();  // dat:dataPackItem
}

}  // namespace

std::string category_scope(std::int64_t document_type) { return std::to_string(document_type); }

std::string sequence_scope(std::int64_t document_type, std::string const& company_data_id) {
  return std::to_string(document_type) + ":" + company_data_id;
}

std::string sequence_company_data(Record const& sequence) {
  auto const colon = sequence.scope.find(':');
  return colon == std::string::npos ? std::string() : sequence.scope.substr(colon + 1);
}

std::optional<std::int64_t> integer_attribute(Record const& record, char const* name) {
  auto const it = record.attributes.find(name);
  if (it == record.attributes.end() || !it->is_number_integer()) return std::nullopt;
  return it->get<std::int64_t>();
}

std::optional<double> number_attribute(Record const& record, char const* name) {
  auto const it = record.attributes.find(name);
  if (it == record.attributes.end() || !it->is_number()) return std::nullopt;
  return it->get<double>();
}

void fill_item_from_good(Record& item, Record const& good) {
  auto& a = item.attributes;
  if (!is_set(a, "name")) a["name"] = good.attributes.value("name", nlohmann::json());
  if (!is_set(a, "unit-price")) {
    a["unit-price"] = good.attributes.value("selling-price", nlohmann::json(0));
    a["unit-price-type"] = good.attributes.value("selling-price-type", nlohmann::json(1));
  }
  if (!is_set(a, "vat-rate")) a["vat-rate"] = good.attributes.value("vat-rate", nlohmann::json(0));
  auto const unit = good.related("unit-of-measure");
  if (!unit.empty() && !is_set(item.relationships, "unit-of-measure")) {
    item.relationships["unit-of-measure"] = {{"type", unit.front().type}, {"id", unit.front().id}};
  }
}

Record const* unit_of(Record const& item, FindRecord const& find) {
  auto const refs = item.related("unit-of-measure");
  return refs.empty() ? nullptr : find({"unit", refs.front().id});
}

std::vector<Line> document_lines(Record const& document, std::vector<Record const*> const& items) {
  std::vector<Line> lines;
  lines.reserve(items.size());
  for (Record const* item : items) lines.push_back(line_of(*item));
  double const discount = number_attribute(document, "discount").value_or(0);
  auto const kind = integer_attribute(document, "discount-type").value_or(0);
  double net = 0;
  for (auto const& l : lines) net += l.net;
  double factor = 1;
  if (kind == 1) factor = 1 - discount / 100;
  if (kind == 2 && net != 0) factor = 1 - discount / net;  // an amount off the net total, spread over the lines
  if (factor != 1) {
    for (auto& l : lines) l = priced(l.net * factor, l.rate);
  }
  return lines;
}

void stamp_document(Record& document, Record const& sequence, std::vector<Record const*> const& documents,
                    FindRecord const& find, std::int64_t now) {
  auto& a = document.attributes;
  std::int64_t const issued = time_attribute(document, "issue-date").value_or(now - now % day);
  if (!is_set(a, "issue-date")) a["issue-date"] = format_local(issued);
  if (!is_set(a, "delivery-date")) a["delivery-date"] = a["issue-date"];
  if (!is_set(a, "maturity")) {
    Record const* partner = first_related(document, "partner", find);
    auto days = partner != nullptr ? number_attribute(*partner, "invoice-maturity") : std::nullopt;
    if (!days || *days <= 0) days = 14;  // no maturity of the partner's own: the usual 14 days
    a["maturity"] = format_local(issued + static_cast<std::int64_t>(*days) * day);
  }

  int const year = year_of(issued);
  std::int64_t n = 1;
  for (Record const* other : documents) {
    auto const other_issued = time_attribute(*other, "issue-date");
    auto const seq = other->related("numbering-sequence");
    if (other->id != document.id && !seq.empty() && seq.front() == sequence.ref() && other_issued &&
        year_of(*other_issued) == year) {
      ++n;
    }
  }
  std::string const format = text_of(&sequence, "format");
  std::string const serial = apply_format(format.empty() ? "RRRRNNNN" : format, year, n);
  a["serial-nr"] = serial;
  if (!is_set(a, "variable-symbol")) {  // the serial number's digits, as FLOWii's invoices carry
    std::string digits;
    for (char c : serial) {
      if (c >= '0' && c <= '9') digits += c;
    }
    a["variable-symbol"] = digits;
  }

  double net = 0, gross = 0;
  for (auto const& l : document_lines(document, items_of(document, find))) {
    net += l.net;
    gross += l.gross;
  }
  a["gross-amount"] = round2(net);
  a["taxed-gross-amount"] = round2(gross);
  a["invoice-type"] = nullptr;  // a plain invoice, as in FLOWii's examples
  bool const payable = invoice_like(integer_attribute(document, "type").value_or(0));
  a["unpaid"] = payable ? nlohmann::json(round2(gross)) : nlohmann::json();
  bool const overdue = time_attribute(document, "maturity").value_or(now) < now;
  a["invoice-state"] = payable ? nlohmann::json(overdue ? 1 : 3) : nlohmann::json();
}

std::string document_pdf(Record const& document, FindRecord const& find, std::string const& language) {
  Labels const& l = labels(language);
  auto const type = integer_attribute(document, "type").value_or(4);
  std::string const serial = text_of(&document, "serial-nr");
  std::string const title =
      std::string(l.types[static_cast<std::size_t>(type >= 1 && type <= 10 ? type - 1 : 3)]) + " " + serial;
  Record const* partner = first_related(document, "partner", find);
  Record const* company = first_related(document, "company-data", find);
  std::vector<std::string> lines = {
      std::string(l.supplier) + ": " + party(company, company),
      std::string(l.customer) + ": " +
          party(partner, partner != nullptr ? first_related(*partner, "billing-address", find) : nullptr),
      std::string(l.issued) + ": " + date_only(text_of(&document, "issue-date")),
      std::string(l.delivered) + ": " + date_only(text_of(&document, "delivery-date")),
      std::string(l.due) + ": " + date_only(text_of(&document, "maturity")),
      std::string(l.variable_symbol) + ": " + text_of(&document, "variable-symbol"),
      std::string(l.payment) + ": " + text_of(first_related(document, "payment-method", find), "name"),
      std::string(l.account) + ": " + text_of(first_related(document, "account", find), "name"),
      "",
      std::string(l.items) + ":",
  };
  auto const items = items_of(document, find);
  auto const priced_lines = document_lines(document, items);
  double net = 0, vat = 0, gross = 0;
  for (std::size_t i = 0; i < items.size(); ++i) {
    Line const& p = priced_lines[i];
    lines.push_back("  " + quantity_text(number_attribute(*items[i], "quantity").value_or(1)) + " " +
                    text_of(unit_of(*items[i], find), "name") + "  " + text_of(items[i], "name") + "  " + money(p.net) +
                    "  " + l.vat + " " + quantity_text(p.rate) + " %  " + money(p.gross));
    net += p.net;
    vat += p.vat;
    gross += p.gross;
  }
  lines.insert(lines.end(),
               {"", std::string(l.net) + ": " + money(net) + " EUR", std::string(l.vat) + ": " + money(vat) + " EUR",
                std::string(l.total) + ": " + money(gross) + " EUR"});
  return render_pdf(title, lines);
}

std::string documents_pohoda(ExportInput const& in) {
  FindRecord const find = [&](Ref const& ref) { return in.view.find(ref); };
  XmlWriter xml;
  open_pohoda_pack(xml, "flowii-documents", "Document export",
                   {{"xmlns:inv", "http://www.stormware.cz/schema/version_2/invoice.xsd"}});
  for (Record const* document : in.records) {
    if (invoice_like(integer_attribute(*document, "type").value_or(0))) pohoda_invoice(xml, *document, find);
  }
  return xml.finish();
}

}  // namespace flowii::emulator
