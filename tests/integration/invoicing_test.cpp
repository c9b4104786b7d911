// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// The whole Invoicing surface against the in-process emulator: code lists,
// document categories and numbering sequences, document create (FLOWii
// documents no read, update or delete of documents), PDF and Pohoda export.
#include "integration/emulator_fixture.hpp"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace flowii::test {
namespace {

class InvoicingTest : public EmulatorTest {
 protected:
  /// A fixed virtual "now" (2026-04-15 10:00 UTC), so that due dates and serial
  /// years do not depend on the day the tests run.
  void configure(emulator::Options& o) override { o.clock_start = 1776247200; }

  /// What a document needs, looked up through the API as a user would.
  struct Setup {
    CompanyData company_data;
    NumberingSequence sequence;
    Partner partner;
    Good good;
    UnitOfMeasure hour;
  };

  Setup setup(Client& c) {
    Setup s;
    auto entities = c.invoicing().company_data().list();
    EXPECT_TRUE(entities) << entities.status().to_string();
    s.company_data = entities->front();
    auto sequences = c.invoicing().numbering_sequences(DocumentType::kInvoice, s.company_data.id());
    EXPECT_TRUE(sequences) << sequences.status().to_string();
    s.sequence = sequences->front();
    auto partners = c.partners().list_page(PartnerQuery().search_text("Tatrastav"));
    EXPECT_TRUE(partners && !partners->items.empty());
    s.partner = partners->items.front();
    auto goods = c.goods().list_page(GoodQuery().page_size(1));
    EXPECT_TRUE(goods && !goods->items.empty());
    s.good = goods->items.front();
    auto units = c.goods().units().list();
    EXPECT_TRUE(units);
    for (auto const& u : *units) {
      if (u.name() == "hod.") s.hour = u;
    }
    return s;
  }

  /// An invoice with a price-list line (2 pieces, 50 EUR off) and a free line
  /// (3 hours at 40 EUR excl. 23 % VAT), 10 % off the whole document.
  static Document invoice(Setup const& s) {
    Document d;
    d.set_document_type(DocumentType::kInvoice)
        .set_issue_date(DateTime{2026, 3, 2, 0, 0, 0})
        .set_delivery_date(DateTime{2026, 2, 28, 0, 0, 0})
        .set_maturity(DateTime{2026, 3, 16, 0, 0, 0})
        .set_variable_symbol("2026031")
        .set_constant_symbol("0308")
        .set_discount_type(DiscountType::kPercent)
        .set_discount(10)
        .set_numbering_sequence(s.sequence.id())
        .set_company_data(s.company_data.id())
        .set_partner(s.partner.id())
        .add_items(DocumentItem()
                       .set_name(s.good.name().value_or("?"))
                       .set_quantity(2)
                       .set_discount_type(DiscountType::kAmount)
                       .set_discount(1)
                       .set_good(s.good.id()))
        .add_items(DocumentItem()
                       .set_name("Konzultácia")
                       .set_quantity(3)
                       .set_unit_price(40)
                       .set_unit_price_type(PriceType::kExcludingVat)
                       .set_vat_rate(23)
                       .set_unit_of_measure(s.hour.id()));
    return d;
  }

  /// The partner's listed document with this id.
  static std::optional<Document> listed(Client& c, std::string const& partner_id, std::string const& id) {
    auto page = c.partners().documents(partner_id, Query().page_size(100));
    EXPECT_TRUE(page) << page.status().to_string();
    for (auto const& d : page->items) {
      if (d.id() == id) return d;
    }
    return std::nullopt;
  }
};

TEST_F(InvoicingTest, CreatesAnInvoiceWithASerialNumberAndTotals) {
  auto c = client();
  auto s = setup(c);
  ASSERT_FALSE(s.hour.id().empty());
  EXPECT_EQ(s.good.selling_price(), 4.9);  // excl. 23 % VAT: the first good of the demo price list

  auto created = c.invoicing().create(invoice(s));
  ASSERT_TRUE(created) << created.status().to_string();
  ASSERT_FALSE(created->id().empty());
  ASSERT_TRUE(created->serial_nr().has_value());
  EXPECT_EQ(created->serial_nr()->substr(0, 4), "2604");  // year 26, invoices (type 04), then the counter
  EXPECT_EQ(created->serial_nr()->size(), 8u);
  EXPECT_EQ(created->partner()->id, s.partner.id());  // what was sent is kept
  EXPECT_EQ(emu().count("POST", "/documents"), 1u);

  // A second invoice of the same sequence and year takes the next number.
  auto next = c.invoicing().create(invoice(s));
  ASSERT_TRUE(next);
  EXPECT_EQ(std::stoi(*next->serial_nr()), std::stoi(*created->serial_nr()) + 1);

  // FLOWii has no read of a document: it shows up under its partner.
  auto doc = listed(c, s.partner.id(), created->id());
  ASSERT_TRUE(doc.has_value());
  EXPECT_EQ(doc->serial_nr(), created->serial_nr());
  EXPECT_EQ(doc->document_type(), DocumentType::kInvoice);
  EXPECT_FALSE(doc->invoice_type().has_value());            // null for a plain invoice
  EXPECT_EQ(doc->invoice_state(), InvoiceState::kOverdue);  // due 2026-03-16, before the virtual 2026-04-15
  // Net: (2 x 4.90 - 1) + 3 x 40 = 128.80, minus 10 % = 115.92; gross at 23 % = 142.58.
  EXPECT_DOUBLE_EQ(*doc->gross_amount(), 115.92);
  EXPECT_DOUBLE_EQ(*doc->taxed_gross_amount(), 142.58);
  EXPECT_DOUBLE_EQ(*doc->unpaid(), 142.58);
  EXPECT_TRUE(doc->check().ok()) << doc->check().to_string();
  EXPECT_FALSE(doc->issue_date().has_value());  // the list shows only FLOWii's listed fields
}

TEST_F(InvoicingTest, CreateDefaultsAndOrderAllocations) {
  auto c = client();
  auto s = setup(c);
  auto categories = c.invoicing().categories().list(DocumentType::kInvoice);
  ASSERT_TRUE(categories && !categories->empty());
  auto methods = c.invoicing().payment_methods().list();
  auto accounts = c.invoicing().bank_accounts().list();
  auto deliveries = c.invoicing().delivery_types().list();
  ASSERT_TRUE(methods && accounts && deliveries);

  // No dates, no company data (the sequence's), a price-list line only,
  // every optional link, and half of it allocated to no particular order.
  Document d;
  d.set_document_type(DocumentType::kInvoice)
      .set_numbering_sequence(s.sequence.id())
      .set_partner(s.partner.id())
      .set_user("11142")
      .set_payment_method(methods->front().id())
      .set_bank_account(accounts->front().id())
      .set_delivery_type(deliveries->front().id())
      .set_category(categories->front().id())
      .add_items(DocumentItem().set_name("Papier").set_quantity(10).set_good(s.good.id()))
      .add_order_allocations(OrderAllocation().set_proportion(50));
  auto created = c.invoicing().create(d);
  ASSERT_TRUE(created) << created.status().to_string();
  auto doc = listed(c, s.partner.id(), created->id());
  ASSERT_TRUE(doc.has_value());
  EXPECT_DOUBLE_EQ(*doc->gross_amount(), 49.0);
  EXPECT_DOUBLE_EQ(*doc->taxed_gross_amount(), 60.27);
  EXPECT_EQ(doc->invoice_state(), InvoiceState::kAwaitingPayment);  // issued today, due later

  // A quote is no invoice: nothing to pay.
  auto quotes = c.invoicing().numbering_sequences(DocumentType::kQuote, s.company_data.id());
  ASSERT_TRUE(quotes && !quotes->empty());
  Document quote;
  quote.set_document_type(DocumentType::kQuote)
      .set_numbering_sequence(quotes->front().id())
      .set_partner(s.partner.id())
      .add_items(DocumentItem().set_name("Papier").set_quantity(1).set_good(s.good.id()));
  auto created_quote = c.invoicing().create(quote);
  ASSERT_TRUE(created_quote) << created_quote.status().to_string();
  auto listed_quote = listed(c, s.partner.id(), created_quote->id());
  ASSERT_TRUE(listed_quote.has_value());
  EXPECT_EQ(listed_quote->document_type(), DocumentType::kQuote);
  EXPECT_FALSE(listed_quote->invoice_state().has_value());
  EXPECT_FALSE(listed_quote->unpaid().has_value());
}

TEST_F(InvoicingTest, RejectsIncompleteDocuments) {
  auto c = client();
  auto s = setup(c);
  auto before = c.partners().documents(s.partner.id(), Query().page_size(100));
  ASSERT_TRUE(before);

  Document no_sequence = invoice(s);
  no_sequence.clear_numbering_sequence();
  auto rejected = c.invoicing().create(no_sequence);
  ASSERT_FALSE(rejected);
  EXPECT_EQ(rejected.status().http_status(), 422);
  ASSERT_FALSE(rejected.status().errors().empty());
  EXPECT_EQ(rejected.status().errors()[0].source_pointer, "/data/relationships/numbering-sequence");

  Document no_quantity = invoice(s);
  no_quantity.add_items(DocumentItem().set_name("Bez množstva").set_good(s.good.id()));
  auto bad_item = c.invoicing().create(no_quantity);
  ASSERT_FALSE(bad_item);
  EXPECT_EQ(bad_item.status().http_status(), 422);
  EXPECT_EQ(bad_item.status().errors()[0].source_pointer, "/data/relationships/items/data/2/attributes/quantity");

  Document free_without_price = invoice(s);
  free_without_price.add_items(DocumentItem().set_name("Bez ceny").set_quantity(1));
  auto no_price = c.invoicing().create(free_without_price);
  ASSERT_FALSE(no_price);
  EXPECT_EQ(no_price.status().errors()[0].source_pointer, "/data/relationships/items/data/2/attributes/unit-price");

  Document unknown_good = invoice(s);
  unknown_good.add_items(DocumentItem().set_name("?").set_quantity(1).set_good("999999999"));
  auto missing = c.invoicing().create(unknown_good);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.status().http_status(), 404) << missing.status().to_string();

  auto quotes = c.invoicing().numbering_sequences(DocumentType::kQuote, s.company_data.id());
  ASSERT_TRUE(quotes);
  Document wrong_sequence = invoice(s);
  wrong_sequence.set_numbering_sequence(quotes->front().id());
  auto mismatch = c.invoicing().create(wrong_sequence);
  ASSERT_FALSE(mismatch);
  EXPECT_EQ(mismatch.status().errors()[0].source_pointer, "/data/relationships/numbering-sequence");

  Document over_allocated = invoice(s);
  over_allocated.add_order_allocations(OrderAllocation().set_proportion(60))
      .add_order_allocations(OrderAllocation().set_proportion(60));
  auto too_much = c.invoicing().create(over_allocated);
  ASSERT_FALSE(too_much);
  EXPECT_EQ(too_much.status().errors()[0].source_pointer, "/data/relationships/order-allocations");

  // Nothing of the rejected documents was kept.
  auto after = c.partners().documents(s.partner.id(), Query().page_size(100));
  ASSERT_TRUE(after);
  EXPECT_EQ(after->items.size(), before->items.size());
}

TEST_F(InvoicingTest, PdfIsARealPdfNamingTheSerialNumber) {
  auto c = client();
  auto s = setup(c);
  auto created = c.invoicing().create(invoice(s));
  ASSERT_TRUE(created) << created.status().to_string();
  for (std::string language : {"", "sk", "hu", "en-GB"}) {
    auto pdf = c.invoicing().pdf(created->id(), language);
    ASSERT_TRUE(pdf) << language << ": " << pdf.status().to_string();
    EXPECT_EQ(pdf->content_type, "application/pdf");
    EXPECT_EQ(pdf->bytes.substr(0, 8), "%PDF-1.4");
    EXPECT_EQ(pdf->bytes.substr(pdf->bytes.size() - 6), "%%EOF\n");
    EXPECT_NE(pdf->bytes.find(*created->serial_nr()), std::string::npos);
    EXPECT_EQ(pdf->filename, *created->serial_nr() + ".pdf");
  }
  auto english = c.invoicing().pdf(created->id(), "en");
  ASSERT_TRUE(english);
  EXPECT_NE(english->bytes.find("(Invoice " + *created->serial_nr() + ")"), std::string::npos);

  std::string path = ::testing::TempDir() + "flowii-invoice.pdf";
  ASSERT_TRUE(english->write_to(path).ok());
  std::ifstream in(path, std::ios::binary);
  std::string back((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(back, english->bytes);
  std::remove(path.c_str());

  EXPECT_EQ(c.invoicing().pdf("999999999").status().code(), ErrorCode::kNotFound);
  auto bad_language = c.invoicing().pdf(created->id(), "sk sk");
  EXPECT_EQ(bad_language.status().http_status(), 400);
}

// One invoice of a Pohoda export, keyed by its number, with the dates the export
// filters look at. The XML has no payment date: that comes from the emulator's
// state file (FLOWii's API shows it nowhere).
struct Exported {
  std::string number;
  std::optional<DateTime> issued, delivery, due, paid;
  std::string const& id() const { return number; }
};

std::optional<DateTime> leaf_date(std::string const& xml, std::string const& tag) {
  auto const open = "<" + tag + ">";
  auto const at = xml.find(open);
  return at == std::string::npos ? std::nullopt : DateTime::parse(xml.substr(at + open.size(), 10));
}

// The Pohoda export read like a list, so that expect_filters() can check it:
// list_page() exports (the export takes no page[...]) and parses every invoice.
class ExportedInvoices {
 public:
  ExportedInvoices(Client& c, std::map<std::string, DateTime> paid) : c_(c), paid_(std::move(paid)) {}

  Result<Page<Exported>> list_page(DocumentExportQuery const& query) {
    DocumentExportQuery filters_only;
    for (auto const& [name, value] : query.filters()) filters_only.filter(name, value);
    auto zip = c_.invoicing().export_pohoda(filters_only);
    if (!zip) return zip.status();
    Page<Exported> page;
    std::string const& xml = zip->bytes;  // a stored (uncompressed) zip entry
    std::string const open = "<inv:invoice ", number = "<typ:numberRequested>";
    for (auto at = xml.find(open); at != std::string::npos;) {
      auto const next = xml.find(open, at + 1);
      std::string const block = xml.substr(at, next == std::string::npos ? std::string::npos : next - at);
      auto const n = block.find(number) + number.size();
      Exported e;
      e.number = block.substr(n, block.find('<', n) - n);
      e.issued = leaf_date(block, "inv:date");
      e.delivery = leaf_date(block, "inv:dateTax");
      e.due = leaf_date(block, "inv:dateDue");
      if (auto const p = paid_.find(e.number); p != paid_.end()) e.paid = p->second;
      page.items.push_back(e);
      seen_[e.number] = e;
      at = next;
    }
    return page;
  }

  Result<Exported> get(std::string const& id) { return seen_.at(id); }

 private:
  Client& c_;
  std::map<std::string, DateTime> paid_;
  std::map<std::string, Exported> seen_;
};

TEST_F(InvoicingTest, PohodaExportIsAReadableZip) {
  auto c = client();
  auto s = setup(c);
  auto created = c.invoicing().create(invoice(s));
  ASSERT_TRUE(created);
  auto all = c.invoicing().export_pohoda();
  ASSERT_TRUE(all) << all.status().to_string();
  EXPECT_EQ(all->content_type.substr(0, 15), "application/zip");
  ASSERT_GE(all->bytes.size(), 4u);
  EXPECT_EQ(all->bytes.substr(0, 4), std::string("PK\x03\x04", 4));
  // The zip stores its entry uncompressed: the Pohoda XML is readable inside.
  EXPECT_NE(all->bytes.find("<typ:numberRequested>" + *created->serial_nr() + "</typ:numberRequested>"),
            std::string::npos);
  EXPECT_NE(all->bytes.find("<inv:invoiceType>issuedInvoice</inv:invoiceType>"), std::string::npos);
}

TEST_F(InvoicingTest, EveryExportFilterKeepsOnlyMatchingInvoices) {
  auto c = client();
  auto s = setup(c);
  // The demo's paid invoices, by number, with their payment dates.
  std::map<std::string, DateTime> paid;
  for (auto const& r : stored_records(emu(), "document")) {
    auto const& a = r.at("attributes");
    if (a.contains("paid-date") && a["paid-date"].is_string()) {
      paid[a.at("serial-nr").get<std::string>()] = *DateTime::parse(a["paid-date"].get<std::string>());
    }
  }
  ASSERT_GE(paid.size(), 2u);
  auto paid_first = paid.begin(), paid_last = paid.begin();
  for (auto it = paid.begin(); it != paid.end(); ++it) {
    if (it->second < paid_first->second) paid_first = it;
    if (paid_last->second < it->second) paid_last = it;
  }
  ASSERT_TRUE(paid_first->second < paid_last->second);
  DateTime const paid_bound = paid_last->second;

  // Everything from here on happens after `since`; the demo data is older.
  advance(std::chrono::seconds(60));
  UnixTime const since = UnixTime::from(emu().now());
  UnixTime const before{since.seconds - 1};

  // A: issued, delivered and due in 2001; B: in 2099. Neither is paid; the demo
  // documents lie in between.
  auto make = [&](int year) {
    auto d = invoice(s);
    d.set_issue_date(DateTime{year, 3, 2, 0, 0, 0})
        .set_delivery_date(DateTime{year, 2, 28, 0, 0, 0})
        .set_maturity(DateTime{year, 3, 16, 0, 0, 0});
    auto created = c.invoicing().create(d);
    EXPECT_TRUE(created && created->serial_nr()) << created.status().to_string();
    return created && created->serial_nr() ? *created->serial_nr() : std::string();
  };
  std::string const a = make(2001), b = make(2099);
  ASSERT_FALSE(a.empty() || b.empty());
  std::string const old = paid_first->first;

  DateTime const y2050{2050, 1, 1, 0, 0, 0};
  using Q = DocumentExportQuery;
  std::vector<FilterCase<Exported, DocumentExportQuery>> cases = {
      {"paid-from",
       Q().paid_from(paid_bound),
       [&](Exported const& e) { return within(e.paid, paid_bound, {}); },
       {paid_last->first},
       {old, a, b}},
      {"paid-to",
       Q().paid_to(paid_first->second),
       [&](Exported const& e) { return within(e.paid, {}, paid_first->second); },
       {old},
       {paid_last->first, a, b}},
  };
  add_since(cases, "edited", Q().edited_from(since), Q().edited_to(before), {a, b}, {a, b}, {old});
  auto date_of = [](std::optional<DateTime> Exported::*date) -> InRange<Exported> {
    return [date](Exported const& e, std::optional<DateTime> const& from, std::optional<DateTime> const& to) {
      return within(e.*date, from, to);
    };
  };
  // A's dates lie before 2050, B's after.
  add_range(cases, "issued", Q().issued_from(y2050), Q().issued_to(y2050), date_of(&Exported::issued), y2050, {b}, {a});
  add_range(cases, "delivery", Q().delivery_from(y2050), Q().delivery_to(y2050), date_of(&Exported::delivery), y2050,
            {b}, {a});
  add_range(cases, "due", Q().due_from(y2050), Q().due_to(y2050), date_of(&Exported::due), y2050, {b}, {a});
  ExportedInvoices exports(c, paid);
  expect_filters(exports, cases);
}

TEST_F(InvoicingTest, DocumentCategoriesPerTypeWithSubcategories) {
  auto c = client();
  auto received = c.invoicing().categories().list(DocumentType::kReceivedInvoice);
  ASSERT_TRUE(received) << received.status().to_string();
  ASSERT_EQ(received->size(), 3u);
  EXPECT_EQ(received->front().name(), "Výpočtová technika");
  EXPECT_FALSE(received->front().parent().has_value());
  auto issued = c.invoicing().categories().list(DocumentType::kInvoice);
  ASSERT_TRUE(issued);
  EXPECT_NE(issued->front().id(), received->front().id());

  auto one = c.invoicing().categories().get(received->front().id());
  ASSERT_TRUE(one);
  EXPECT_EQ(one->order(), 0);
  EXPECT_TRUE(one->check().ok()) << one->check().to_string();
  auto subcategories = c.invoicing().categories().children(received->front().id());
  ASSERT_TRUE(subcategories) << subcategories.status().to_string();
  ASSERT_EQ(subcategories->size(), 2u);
  EXPECT_EQ(subcategories->front().name(), "Monitor");
  EXPECT_EQ(subcategories->front().parent()->id, received->front().id());
  auto parent = subcategories->front().related<DocumentCategory>("parent");
  ASSERT_TRUE(parent.has_value());
  EXPECT_EQ(parent->name(), "Výpočtová technika");

  // FLOWii requires documentType; the typed API always sends it.
  auto without_type = c.raw().send("GET", "/documentcategories");
  EXPECT_FALSE(without_type && without_type->status == 200);
  EXPECT_EQ(c.invoicing().categories().get("999999999").status().code(), ErrorCode::kNotFound);
}

TEST_F(InvoicingTest, NumberingSequencesPerTypeAndCompanyData) {
  auto c = client();
  auto entities = c.invoicing().company_data().list();
  ASSERT_TRUE(entities);
  ASSERT_EQ(entities->size(), 2u);
  auto first = c.invoicing().numbering_sequences(DocumentType::kInvoice, entities->at(0).id());
  auto second = c.invoicing().numbering_sequences(DocumentType::kInvoice, entities->at(1).id());
  ASSERT_TRUE(first && second) << first.status().to_string();
  EXPECT_EQ(first->size(), 2u);  // invoices and e-shop invoices
  ASSERT_EQ(second->size(), 1u);
  EXPECT_NE(first->front().id(), second->front().id());
  EXPECT_EQ(first->front().name(), "Faktúry");
  EXPECT_EQ(first->front().format(), "RR04NNNN");
  EXPECT_EQ(second->front().format(), "SRR04NNNN");
  EXPECT_TRUE(first->front().check().ok());
  auto quotes = c.invoicing().numbering_sequences(DocumentType::kQuote, entities->at(0).id());
  ASSERT_TRUE(quotes);
  ASSERT_EQ(quotes->size(), 1u);
  EXPECT_EQ(quotes->front().format(), "RR01NNNN");
  auto unknown = c.invoicing().numbering_sequences(DocumentType::kInvoice, "999999999");
  EXPECT_EQ(unknown.status().http_status(), 400);
}

TEST_F(InvoicingTest, CodeLists) {
  auto c = client();
  auto entities = c.invoicing().company_data().list();
  ASSERT_TRUE(entities) << entities.status().to_string();
  ASSERT_FALSE(entities->empty());
  EXPECT_EQ(entities->front().name(), "Demo Firma s.r.o.");
  EXPECT_FALSE(entities->front().ico().has_value());  // the list shows the name only
  auto entity = c.invoicing().company_data().get(entities->front().id());
  ASSERT_TRUE(entity) << entity.status().to_string();
  EXPECT_EQ(entity->ic_dph(), "SK2023355620");
  EXPECT_EQ(entity->city(), "Nové Zámky");
  auto country = entity->related<Country>("country");
  ASSERT_TRUE(country.has_value());
  EXPECT_EQ(country->name(), "Slovensko");
  EXPECT_TRUE(entity->check().ok()) << entity->check().to_string();

  auto accounts = c.invoicing().bank_accounts().list();
  ASSERT_TRUE(accounts && !accounts->empty());
  EXPECT_EQ(accounts->front().name()->substr(0, 2), "SK");
  auto account = c.invoicing().bank_accounts().get(accounts->front().id());
  ASSERT_TRUE(account);
  EXPECT_EQ(account->name(), accounts->front().name());

  auto methods = c.invoicing().payment_methods().list();
  ASSERT_TRUE(methods);
  ASSERT_EQ(methods->size(), 5u);
  auto method = c.invoicing().payment_methods().get(methods->at(3).id());
  ASSERT_TRUE(method);
  EXPECT_EQ(method->name(), "Prevodný príkaz");

  auto deliveries = c.invoicing().delivery_types().list();
  ASSERT_TRUE(deliveries && !deliveries->empty());
  auto delivery = c.invoicing().delivery_types().get(deliveries->front().id());
  ASSERT_TRUE(delivery);
  EXPECT_EQ(delivery->name(), "Dobierka");
  EXPECT_EQ(c.invoicing().delivery_types().get("999999999").status().code(), ErrorCode::kNotFound);

  auto hungarian = client("2").invoicing().payment_methods().list();
  ASSERT_TRUE(hungarian);
  EXPECT_EQ(hungarian->at(3).name(), "Átutalás");
}

TEST_F(InvoicingTest, DemoDocumentsAreListedUnderTheirPartners) {
  auto c = client();
  auto partners = c.partners().list_page(PartnerQuery().page_size(100));
  ASSERT_TRUE(partners && !partners->items.empty());
  std::set<InvoiceState> states;
  std::set<DocumentType> types;
  std::string some_serial;
  for (auto const& p : partners->items) {
    auto documents = c.partners().documents(p.id());
    ASSERT_TRUE(documents) << documents.status().to_string();
    for (auto const& d : documents->items) {
      EXPECT_TRUE(d.check().ok()) << d.check().to_string();
      ASSERT_TRUE(d.serial_nr().has_value());
      some_serial = *d.serial_nr();
      types.insert(d.document_type().value_or(DocumentType::kInvoice));
      if (d.invoice_state()) states.insert(*d.invoice_state());
      if (d.invoice_state() == InvoiceState::kPaid) {
        EXPECT_EQ(d.unpaid(), 0.0);
      }
    }
  }
  EXPECT_EQ(states.count(InvoiceState::kPaid), 1u);
  EXPECT_EQ(states.count(InvoiceState::kOverdue), 1u);
  EXPECT_EQ(states.count(InvoiceState::kAwaitingPayment), 1u);
  EXPECT_EQ(types.count(DocumentType::kQuote), 1u);
  auto all = c.invoicing().export_pohoda();
  ASSERT_TRUE(all);
  EXPECT_NE(all->bytes.find(some_serial.substr(0, 4)), std::string::npos);
}

}  // namespace
}  // namespace flowii::test
