// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Recipe (docs/recipes.md): a local file attached to a partner, the
// partner's attachments listed, and the file downloaded again. Orders,
// business cases, tasks and communications take attachments the same way.
#include <flowii/flowii.hpp>

#include <fstream>
#include <iostream>
#include <stdexcept>
#include <string>

int main() try {
  auto client = flowii::Client::from_env().value();
  auto& partners = client.partners();

  std::ofstream("cenova-ponuka.txt") << "Cenová ponuka 2026/031\nOprava strechy skladu B: 12 500 EUR bez DPH\n";
  // Name and content type come from the path; the SDK base64-encodes the bytes.
  auto upload = flowii::FileUpload::from_path("cenova-ponuka.txt").value();
  upload.note = "ponuka poslaná e-mailom";

  auto listed = partners.list_page(flowii::PartnerQuery().page_size(1)).value();
  if (listed.items.empty()) throw std::runtime_error("no partner");
  std::string const partner = listed.items.front().id();
  std::string const file_id = partners.upload_attachment(partner, upload).value();
  std::cout << "attached " << upload.name << " to partner " << partner << " as file " << file_id << "\n";

  auto files = partners.attachments(partner).value();
  for (auto const& f : files.items) {
    std::cout << "  file " << f.id() << ": " << f.name().value_or("?") << ", " << f.size().value_or(0) << " bytes\n";
  }

  // Files are read by id: the decoded bytes, with the name and content type.
  auto downloaded = client.account().files().download(file_id).value();
  flowii::throw_if_error(downloaded.write_to("cenova-ponuka.downloaded.txt"));
  if (downloaded.bytes != upload.content) throw std::runtime_error("the downloaded file differs");
  std::cout << "downloaded file " << file_id << " (" << downloaded.content_type
            << ") to cenova-ponuka.downloaded.txt\n";
  return 0;
} catch (std::exception const& e) {
  std::cerr << "attachments: " << e.what() << "\n";
  return 1;
}
