// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Invoicing module internals shared by its files: document arithmetic and
// numbering (used by the create handler and by the demo data alike), the PDF
// and the Pohoda export.
#ifndef FLOWII_TOOLS_EMULATOR_SRC_MODULES_INVOICING_HPP
#define FLOWII_TOOLS_EMULATOR_SRC_MODULES_INVOICING_HPP

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "resource_spec.hpp"

namespace flowii::emulator {

void seed_invoicing(Seeder& seeder);  // invoicing_demo.cpp

// ---- invoicing_documents.cpp ------------------------------------------------

using FindRecord = std::function<Record const*(Ref const&)>;

// Numbering sequences and document categories belong to one document type (and
// sequences to one company data). FLOWii does not show that on the resource, so
// the emulator keeps it in Record::scope: "4" or "4:<company-data id>".
std::string category_scope(std::int64_t document_type);
std::string sequence_scope(std::int64_t document_type, std::string const& company_data_id);
// The company data id of a sequence's scope.
std::string sequence_company_data(Record const& sequence);

// An integer or number attribute, nullopt when absent or of another kind.
std::optional<std::int64_t> integer_attribute(Record const& record, char const* name);
std::optional<double> number_attribute(Record const& record, char const* name);

// A price-list item takes what it does not give itself from its good: name,
// unit price and its type, VAT rate and unit of measure.
void fill_item_from_good(Record& item, Record const& good);

// The unit of an item: FLOWii's create example links it as "unit-of-measure",
// goods and /units call it "unit"; both name the same /units record.
Record const* unit_of(Record const& item, FindRecord const& find);

// One priced line after item and document discounts.
struct Line {
  double net = 0;  // without VAT
  double vat = 0;
  double gross = 0;  // with VAT
  double rate = 0;   // percent
};
std::vector<Line> document_lines(Record const& document, std::vector<Record const*> const& items);

// Completes a new document: default dates (maturity from the partner's
// invoice-maturity), its serial-nr from the numbering sequence (counting the
// sequence's other documents of that year), totals, unpaid and invoice-state.
void stamp_document(Record& document, Record const& sequence, std::vector<Record const*> const& documents,
                    FindRecord const& find, std::int64_t now);

// A one-page PDF of the document (labels in sk, hu or en).
std::string document_pdf(Record const& document, FindRecord const& find, std::string const& language);

// Pohoda invoices (dataPack of inv:invoice) of the invoice-like documents.
std::string documents_pohoda(ExportInput const& input);

}  // namespace flowii::emulator

#endif  // FLOWII_TOOLS_EMULATOR_SRC_MODULES_INVOICING_HPP
