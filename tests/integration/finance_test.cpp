// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// The whole Finance surface (cash flow and bank transactions) against the
// in-process emulator.
#include "integration/emulator_fixture.hpp"

#include <algorithm>
#include <chrono>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace flowii::test {
namespace {

class FinanceTest : public EmulatorTest {
 protected:
  /// A listed cash flow read in full (the list shows only a few fields).
  CashFlow detail(Client& c, std::string const& id) {
    auto read = c.finance().get(id);
    EXPECT_TRUE(read) << read.status().to_string();
    return read ? *read : CashFlow();
  }

  /// The seeded paired incomes, read in full.
  std::vector<CashFlow> paired_incomes(Client& c) {
    auto page = c.finance().list_page(
        CashFlowQuery().invoice_pairing(InvoicePairing::kPaired).cash_flow_type(CashFlowType::kIncome).page_size(100));
    EXPECT_TRUE(page) << page.status().to_string();
    std::vector<CashFlow> out;
    if (!page) return out;
    for (auto const& cf : page->items) out.push_back(detail(c, cf.id()));
    return out;
  }
};

TEST_F(FinanceTest, CreateReadUpdateDelete) {
  auto c = client();
  auto partners = c.partners().list_page(PartnerQuery().page_size(1));
  ASSERT_TRUE(partners && !partners->items.empty());
  std::string const partner_id = partners->items.front().id();
  // Categories have no documented list: take one from a seeded cash flow.
  auto seeded = c.finance().list_page(CashFlowQuery().cash_flow_type(CashFlowType::kExpense).page_size(1));
  ASSERT_TRUE(seeded && !seeded->items.empty()) << seeded.status().to_string();
  auto category = detail(c, seeded->items.front().id()).category();
  ASSERT_TRUE(category.has_value());

  CashFlow cf;
  cf.set_cash_flow_type(CashFlowType::kIncome)
      .set_due_date(DateTime{2026, 3, 31, 0, 0, 0})
      .set_payment_date(DateTime{2026, 3, 20, 0, 0, 0})
      .set_amount(100)
      .set_vat_rate(20)
      .set_vat_rate_type(VatRateType::kStandard)
      .set_purpose("Príjem z API")
      .set_note("Poznámka pre príjem")
      .set_currency("44")
      .set_category(category->id)
      .set_partner(partner_id)
      .add_order_allocations(OrderAllocation().set_proportion(100));
  auto created = c.finance().create(cf);
  ASSERT_TRUE(created) << created.status().to_string();
  ASSERT_FALSE(created->id().empty());

  auto read = c.finance().get(created->id());
  ASSERT_TRUE(read) << read.status().to_string();
  EXPECT_EQ(read->cash_flow_type(), CashFlowType::kIncome);
  EXPECT_EQ(read->amount(), 100.0);
  EXPECT_EQ(read->taxed_amount(), 120.0);  // derived from the VAT rate
  EXPECT_EQ(read->vat_rate_type(), VatRateType::kStandard);
  EXPECT_EQ(read->payment_date(), (DateTime{2026, 3, 20, 0, 0, 0}));
  EXPECT_EQ(read->purpose(), "Príjem z API");
  EXPECT_TRUE(read->created_date().has_value());
  EXPECT_FALSE(read->has("company-id"));  // sent by the SDK, not shown on read
  EXPECT_FALSE(read->invoice().has_value());
  EXPECT_EQ(read->order_allocations().size(), 1u);
  auto currency = read->related<Currency>("currency");
  ASSERT_TRUE(currency.has_value());
  EXPECT_EQ(currency->alpha_code(), "EUR");
  auto cat = read->related<CashFlowCategory>("category");
  ASSERT_TRUE(cat.has_value());
  EXPECT_FALSE(cat->name().value_or("").empty());
  auto partner = read->related<Partner>("partner");
  ASSERT_TRUE(partner.has_value());
  EXPECT_EQ(partner->id(), partner_id);
  EXPECT_TRUE(read->check().ok()) << read->check().to_string();

  read->set_purpose("Príjem z API po akcii PATCH").set_amount(150).set_taxed_amount(180);
  ASSERT_TRUE(c.finance().update(*read).ok());
  auto updated = c.finance().get(created->id());
  ASSERT_TRUE(updated);
  EXPECT_EQ(updated->purpose(), "Príjem z API po akcii PATCH");
  EXPECT_EQ(updated->taxed_amount(), 180.0);
  EXPECT_EQ(updated->note(), "Poznámka pre príjem");

  auto by_partner = c.finance().list_page(
      CashFlowQuery().partner_id(partner_id).cash_flow_type(CashFlowType::kIncome).amount_from(149.5).amount_to(150.5));
  ASSERT_TRUE(by_partner) << by_partner.status().to_string();
  ASSERT_EQ(by_partner->items.size(), 1u);
  EXPECT_EQ(by_partner->items[0].id(), created->id());
  auto paid_in_march = c.finance().list_page(CashFlowQuery()
                                                 .paid_from(DateTime{2026, 3, 1, 0, 0, 0})
                                                 .paid_to(DateTime{2026, 3, 31, 0, 0, 0})
                                                 .invoice_pairing(InvoicePairing::kNotPaired));
  ASSERT_TRUE(paid_in_march);
  std::set<std::string> march;
  for (auto const& item : paid_in_march->items) march.insert(item.id());
  EXPECT_EQ(march.count(created->id()), 1u);

  ASSERT_TRUE(c.finance().remove(created->id()).ok());
  auto gone = c.finance().get(created->id());
  ASSERT_FALSE(gone);
  EXPECT_EQ(gone.status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(emu().count("POST", "/cashflow"), 1u);
}

TEST_F(FinanceTest, PatchAndDeleteAnswer200) {
  auto c = client();
  auto created = c.finance().create(CashFlow().set_cash_flow_type(CashFlowType::kExpense).set_amount(12.5));
  ASSERT_TRUE(created) << created.status().to_string();
  auto read = c.finance().get(created->id());
  ASSERT_TRUE(read);
  ASSERT_TRUE(c.finance().update(read->set_note("tankovanie")).ok());
  ASSERT_TRUE(c.finance().remove(created->id()).ok());
  std::vector<int> statuses;
  for (auto const& e : emu().journal()) {
    if ((e.method == "PATCH" || e.method == "DELETE") && e.path == "/cashflow/" + created->id())
      statuses.push_back(e.status);
  }
  EXPECT_EQ(statuses, (std::vector<int>{200, 200}));
  EXPECT_EQ(c.finance().remove(created->id()).code(), ErrorCode::kNotFound);
}

TEST_F(FinanceTest, ListsPageByPage) {
  auto c = client();
  auto first = c.finance().list_page(CashFlowQuery().page_size(5));
  ASSERT_TRUE(first) << first.status().to_string();
  EXPECT_EQ(first->items.size(), 5u);
  auto second = c.finance().list_page(CashFlowQuery().page_size(5).page(1));
  ASSERT_TRUE(second);
  EXPECT_NE(second->items.front().id(), first->items.front().id());

  std::set<std::string> all;
  for (auto const& cf : c.finance().list(CashFlowQuery().page_size(6))) {
    ASSERT_TRUE(cf) << cf.status().to_string();
    EXPECT_TRUE(all.insert(cf->id()).second);
    EXPECT_TRUE(cf->check().ok()) << cf->check().to_string();
  }
  EXPECT_GE(all.size(), 15u);

  // Paired and not paired split the whole list.
  std::size_t paired = 0, not_paired = 0;
  for (auto const& cf : c.finance().list(CashFlowQuery().invoice_pairing(InvoicePairing::kPaired))) {
    ASSERT_TRUE(cf);
    ++paired;
  }
  for (auto const& cf : c.finance().list(CashFlowQuery().invoice_pairing(InvoicePairing::kNotPaired))) {
    ASSERT_TRUE(cf);
    ++not_paired;
  }
  EXPECT_GT(paired, 0u);
  EXPECT_EQ(paired + not_paired, all.size());

  expect_bad_request(c.finance().list_page(CashFlowQuery().filter("invoice-pairing", "-7")));
}

TEST_F(FinanceTest, EveryFilterKeepsOnlyMatchingCashFlows) {
  auto c = client();
  // Categories have no documented list: take an income and an expense
  // subcategory (with their parents) and an invoice from the demo's cash flows.
  std::string income, income_sub, expense, expense_sub, invoice, quiet, edited;
  for (auto const& listed : c.finance().list(CashFlowQuery().page_size(100))) {
    ASSERT_TRUE(listed) << listed.status().to_string();
    auto cf = detail(c, listed->id());
    if (quiet.empty()) {
      quiet = cf.id();
    } else if (edited.empty()) {
      edited = cf.id();
    }
    if (cf.invoice() && invoice.empty()) invoice = cf.invoice()->id;
    auto category = cf.related<CashFlowCategory>("category");
    auto parent = category ? category->to_one("parent") : std::nullopt;
    if (!parent) continue;
    bool const is_income = cf.cash_flow_type() == CashFlowType::kIncome;
    (is_income ? income : expense) = parent->id;
    (is_income ? income_sub : expense_sub) = category->id();
  }
  ASSERT_FALSE(income.empty() || expense.empty() || invoice.empty() || edited.empty());
  auto entities = c.invoicing().company_data().list();
  auto seeded_cases = c.business_cases().list_page(BusinessCaseQuery().page_size(1));
  auto orders = c.orders().list_page(OrderQuery().page_size(1));
  ASSERT_TRUE(entities && !entities->empty() && seeded_cases && !seeded_cases->items.empty() && orders &&
              !orders->items.empty());
  std::string const company_data = entities->front().id(), business_case = seeded_cases->items[0].id(),
                    order = orders->items[0].id();

  // Everything from here on happens after `since`; the demo data is older.
  advance(std::chrono::seconds(60));
  UnixTime const since = UnixTime::from(emu().now());
  UnixTime const before{since.seconds - 1};

  // A: an income in EUR, small, paid in 2001, not paired; B: an expense in CZK,
  // large, paid in 2099, paired, for the company data, a business case and (by
  // allocation) an order, from a partner that differs in every respect.
  auto side_a = make_partner_side(c, 0, "Platiteľ A");
  auto side_b = make_partner_side(c, 1, "Platiteľ B");
  CashFlow a_fields, b_fields;
  a_fields.set_cash_flow_type(CashFlowType::kIncome)
      .set_amount(100)
      .set_payment_date(DateTime{2001, 3, 20, 0, 0, 0})
      .set_currency("44")
      .set_category(income_sub)
      .set_partner(side_a.id);
  b_fields.set_cash_flow_type(CashFlowType::kExpense)
      .set_amount(90000)
      .set_payment_date(DateTime{2099, 3, 20, 0, 0, 0})
      .set_currency("53")
      .set_category(expense_sub)
      .set_company_data(company_data)
      .set_partner(side_b.id)
      .set_business_case(business_case)
      .set_invoice(invoice)
      .add_order_allocations(OrderAllocation().set_proportion(100).set_order(order));
  auto created_a = c.finance().create(a_fields);
  auto created_b = c.finance().create(b_fields);
  ASSERT_TRUE(created_a && created_b) << created_a.status().to_string() << created_b.status().to_string();
  std::string const a = created_a->id(), b = created_b->id();
  ASSERT_TRUE(c.finance().update(detail(c, edited).set_note("upravené po since")).ok());

  ReadOnce<Partner> read_partner([&](std::string const& id) { return c.partners().get(id); });
  // A category filter keeps the category and its subcategories.
  auto in_category = [](std::string const& id) {
    return [id](CashFlow const& cf) {
      auto category = cf.related<CashFlowCategory>("category");
      return category && (category->id() == id || is_link(category->to_one("parent"), id));
    };
  };
  DateTime const y2050{2050, 1, 1, 0, 0, 0};
  std::set<std::string> const fresh = {a, b}, changed = {a, b, edited};
  using Q = CashFlowQuery;
  std::vector<FilterCase<CashFlow, CashFlowQuery>> cases = {
      keeps<CashFlow>(
          "type", Q().cash_flow_type(CashFlowType::kExpense),
          [](CashFlow const& cf) { return cf.cash_flow_type() == CashFlowType::kExpense; }, b, a),
      keeps<CashFlow>("income-category-id", Q().income_category_id(income), in_category(income), a, b),
      keeps<CashFlow>("income-subcategory-id", Q().income_subcategory_id(income_sub),
                      links<CashFlow>("category", income_sub), a, b),
      keeps<CashFlow>("expenditure-category-id", Q().expenditure_category_id(expense), in_category(expense), b, a),
      keeps<CashFlow>("expenditure-subcategory-id", Q().expenditure_subcategory_id(expense_sub),
                      links<CashFlow>("category", expense_sub), b, a),
      keeps<CashFlow>("currency-id", Q().currency_id("53"), links<CashFlow>("currency", "53"), b, a),
      keeps<CashFlow>("company-data-id", Q().company_data_id(company_data),
                      links<CashFlow>("company-data", company_data), b, a),
      keeps<CashFlow>("partner-id", Q().partner_id(side_b.id), links<CashFlow>("partner", side_b.id), b, a),
      partner_case<CashFlow>(read_partner, "partner-country-id", Q().partner_country_id(side_b.country),
                             in_country(side_b.country), {b}, {a}),
      partner_case<CashFlow>(read_partner, "partner-responsible-user-id",
                             Q().partner_responsible_user_id(side_b.responsible), in_charge(side_b.responsible), {b},
                             {a}),
      keeps<CashFlow>("business-case-id", Q().business_case_id(business_case),
                      links<CashFlow>("business-case", business_case), b, a),
      // Booked to the order directly or by allocation.
      keeps<CashFlow>(
          "order-id", Q().order_id(order),
          [&](CashFlow const& cf) {
            auto allocations = cf.related_many<OrderAllocation>("order-allocations");
            return is_link(cf.order(), order) ||
                   std::any_of(allocations.begin(), allocations.end(),
                               [&](OrderAllocation const& x) { return is_link(x.order(), order); });
          },
          b, a),
      keeps<CashFlow>(
          "invoice-pairing", Q().invoice_pairing(InvoicePairing::kPaired),
          [](CashFlow const& cf) { return cf.invoice().has_value(); }, b, a),
  };
  add_since(cases, "created", Q().created_from(since), Q().created_to(before), fresh, {a, b}, {quiet});
  add_since(cases, "edited", Q().edited_from(since), Q().edited_to(before), changed, {a, edited}, {quiet});
  add_amount_range(cases, "amount", Q().amount_from(50000.5), Q().amount_to(50000.5), "amount", 50000.5, b, a);
  // A was paid before 2050, B after.
  add_range(cases, "paid", Q().paid_from(y2050), Q().paid_to(y2050), date_at<CashFlow>("payment-date"), y2050, {b},
            {a});
  expect_filters(c.finance(), cases);
}

TEST_F(FinanceTest, TransactionSettlesTheInvoicesExpectedIncome) {
  auto c = client();
  std::optional<CashFlow> expected;
  for (auto const& cf : paired_incomes(c)) {
    if (!cf.payment_date() && !expected) expected = cf;
  }
  ASSERT_TRUE(expected.has_value()) << "the demo data has expected incomes for invoices";
  auto invoice = expected->related<CashFlowInvoice>("invoice");
  ASSERT_TRUE(invoice.has_value());
  ASSERT_TRUE(invoice->variable_symbol().has_value());

  CashFlowTransaction t;
  t.set_transaction_type(CashFlowType::kIncome)
      .set_issued_date(DateTime{2026, 4, 2, 0, 0, 0})
      .set_amount(expected->taxed_amount().value_or(0))
      .set_currency("EUR")
      .set_source_account_iban("SK3112000000198742637541")
      .set_target_account_iban("SK6807200002891987426353")
      .set_variable_symbol(*invoice->variable_symbol())
      .set_purpose("Úhrada faktúry")
      .set_text("Prevod z účtu Tatrastav s.r.o.");
  auto booked = c.finance().post_transaction(t);
  ASSERT_TRUE(booked) << booked.status().to_string();
  EXPECT_EQ(*booked, expected->id());
  auto paid = c.finance().get(*booked);
  ASSERT_TRUE(paid);
  EXPECT_EQ(paid->payment_date(), (DateTime{2026, 4, 2, 0, 0, 0}));
  EXPECT_EQ(paid->invoice()->id, invoice->id());
}

TEST_F(FinanceTest, ExpectedIncomeRecordedThroughTheSdkIsPaired) {
  auto c = client();
  std::optional<CashFlow> settled;
  for (auto const& cf : paired_incomes(c)) {
    if (cf.payment_date() && !settled) settled = cf;
  }
  ASSERT_TRUE(settled.has_value());
  auto invoice = settled->related<CashFlowInvoice>("invoice");
  ASSERT_TRUE(invoice && invoice->variable_symbol());

  auto instalment = c.finance().create(CashFlow()
                                           .set_cash_flow_type(CashFlowType::kIncome)
                                           .set_due_date(DateTime{2026, 5, 15, 0, 0, 0})
                                           .set_amount(50)
                                           .set_taxed_amount(60)
                                           .set_purpose("Druhá splátka")
                                           .set_invoice(invoice->id()));
  ASSERT_TRUE(instalment) << instalment.status().to_string();
  auto booked = c.finance().post_transaction(CashFlowTransaction()
                                                 .set_transaction_type(CashFlowType::kIncome)
                                                 .set_amount(60)
                                                 .set_variable_symbol(*invoice->variable_symbol()));
  ASSERT_TRUE(booked) << booked.status().to_string();
  EXPECT_EQ(*booked, instalment->id());
  auto read = c.finance().get(*booked);
  ASSERT_TRUE(read);
  EXPECT_TRUE(read->payment_date().has_value());
}

TEST_F(FinanceTest, TransactionPairsWithAnInvoiceDocument) {
  auto c = client();
  std::optional<Document> invoice;
  for (auto const& p : c.partners().list(PartnerQuery().page_size(100))) {
    ASSERT_TRUE(p) << p.status().to_string();
    auto documents = c.partners().documents(p->id(), Query().page_size(100));
    ASSERT_TRUE(documents) << documents.status().to_string();
    for (auto const& d : documents->items) {
      if (d.document_type() == DocumentType::kInvoice && d.serial_nr() && !invoice) invoice = d;
    }
    if (invoice) break;
  }
  ASSERT_TRUE(invoice.has_value()) << "the demo data has issued invoices";
  std::string variable_symbol;  // an invoice's variable symbol defaults to the digits of its number
  std::string const serial = invoice->serial_nr().value();
  for (char ch : serial) {
    if (ch >= '0' && ch <= '9') variable_symbol += ch;
  }
  auto booked = c.finance().post_transaction(CashFlowTransaction()
                                                 .set_transaction_type(CashFlowType::kIncome)
                                                 .set_amount(invoice->taxed_gross_amount().value_or(10))
                                                 .set_variable_symbol(variable_symbol));
  ASSERT_TRUE(booked) << booked.status().to_string();
  auto read = c.finance().get(*booked);
  ASSERT_TRUE(read);
  ASSERT_TRUE(read->invoice().has_value());
  EXPECT_EQ(read->invoice()->id, invoice->id());
  EXPECT_EQ(read->invoice()->type, "invoice");
}

TEST_F(FinanceTest, UnknownVariableSymbolStaysUnpaired) {
  auto c = client();
  auto booked = c.finance().post_transaction(CashFlowTransaction()
                                                 .set_transaction_type(CashFlowType::kIncome)
                                                 .set_issued_date(DateTime{2026, 4, 3, 0, 0, 0})
                                                 .set_amount(18)
                                                 .set_currency("EUR")
                                                 .set_variable_symbol("99999999")
                                                 .set_note("neznámy VS"));
  ASSERT_TRUE(booked) << booked.status().to_string();
  auto read = c.finance().get(*booked);
  ASSERT_TRUE(read);
  EXPECT_FALSE(read->invoice().has_value());
  EXPECT_EQ(read->amount(), 18.0);
  EXPECT_EQ(read->note(), "neznámy VS");
  EXPECT_EQ(read->related<Currency>("currency")->alpha_code(), "EUR");
  auto unpaired = c.finance().list_page(CashFlowQuery().invoice_pairing(InvoicePairing::kNotPaired).page_size(100));
  ASSERT_TRUE(unpaired);
  bool listed = false;
  for (auto const& cf : unpaired->items) listed |= cf.id() == *booked;
  EXPECT_TRUE(listed);
}

TEST_F(FinanceTest, BadInputGivesClearErrors) {
  auto c = client();
  auto untyped = c.finance().create(CashFlow().set_amount(10));
  ASSERT_FALSE(untyped);
  EXPECT_EQ(untyped.status().http_status(), 422);
  ASSERT_FALSE(untyped.status().errors().empty());
  EXPECT_EQ(untyped.status().errors()[0].source_pointer, "/data/attributes/type");

  auto other_company = c.finance().create(CashFlow().set_cash_flow_type(CashFlowType::kIncome).set_company_id(999));
  ASSERT_FALSE(other_company);
  EXPECT_EQ(other_company.status().http_status(), 422);
  EXPECT_EQ(other_company.status().errors()[0].source_pointer, "/data/attributes/company-id");

  auto no_amount = c.finance().post_transaction(CashFlowTransaction().set_transaction_type(CashFlowType::kIncome));
  ASSERT_FALSE(no_amount);
  EXPECT_EQ(no_amount.status().errors()[0].source_pointer, "/data/attributes/amount");
  auto bad_currency = c.finance().post_transaction(
      CashFlowTransaction().set_transaction_type(CashFlowType::kExpense).set_amount(5).set_currency("XYZ"));
  ASSERT_FALSE(bad_currency);
  EXPECT_EQ(bad_currency.status().http_status(), 422);
  EXPECT_EQ(emu().count("POST", "/cashflowtransactions"), 2u);

  EXPECT_EQ(c.finance().get("999999999").status().code(), ErrorCode::kNotFound);
}

}  // namespace
}  // namespace flowii::test
