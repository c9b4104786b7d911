// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Attachments (/partners/{id}/files, /files/{id}) and the zipped exports.
#include <cstdint>

#include "support.hpp"

namespace emu_test {
namespace {

using FilesExport = EmulatorTest;

// An independent CRC-32 (bitwise) to check the emulator's table-driven one.
std::uint32_t crc32(std::string const& bytes) {
  std::uint32_t crc = 0xFFFFFFFFu;
  for (char ch : bytes) {
    crc ^= static_cast<unsigned char>(ch);
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

std::uint32_t le(std::string const& s, std::size_t at, int bytes) {
  std::uint32_t v = 0;
  for (int i = bytes - 1; i >= 0; --i)
    v = (v << 8) | static_cast<unsigned char>(s.at(at + static_cast<std::size_t>(i)));
  return v;
}

struct ZipFile {
  std::string name;
  std::string content;
};

// Reads a stored-only archive through its central directory, checking every CRC.
std::vector<ZipFile> unzip(std::string const& zip) {
  std::vector<ZipFile> files;
  EXPECT_EQ(zip.substr(0, 4), std::string("PK\x03\x04", 4));
  auto const eocd = zip.rfind(std::string("PK\x05\x06", 4));
  EXPECT_NE(eocd, std::string::npos);
  if (eocd == std::string::npos) return files;
  auto const count = le(zip, eocd + 10, 2);
  std::size_t at = le(zip, eocd + 16, 4);
  for (std::uint32_t i = 0; i < count; ++i) {
    EXPECT_EQ(le(zip, at, 4), 0x02014b50u);
    auto const method = le(zip, at + 10, 2);
    auto const crc = le(zip, at + 16, 4);
    auto const size = le(zip, at + 24, 4);
    auto const name_length = le(zip, at + 28, 2);
    auto const local = le(zip, at + 42, 4);
    ZipFile f{zip.substr(at + 46, name_length), {}};
    EXPECT_EQ(method, 0u);
    EXPECT_EQ(le(zip, local, 4), 0x04034b50u);
    auto const data = local + 30 + le(zip, local + 26, 2) + le(zip, local + 28, 2);
    f.content = zip.substr(data, size);
    EXPECT_EQ(crc32(f.content), crc) << f.name;
    files.push_back(f);
    at += 46 + name_length + le(zip, at + 30, 2) + le(zip, at + 32, 2);
  }
  return files;
}

json upload(std::string const& name, std::string const& base64) {
  return {
      {"data",
       {{"type", "file"},
        {"attributes", {{"name", name}, {"content", base64}, {"content-type", "text/plain"}, {"note", "z testu"}}}}}};
}

TEST_F(FilesExport, UploadReadListDelete) {
  auto const partner = api().ids("/partners").at(3);
  auto const created = api().post("/partners/" + partner + "/files", upload("priloha.txt", "b2JzYWggcHJpbG9oeSAy"));
  ASSERT_EQ(created.status, 200) << created.body;
  auto const id = created.doc["data"]["id"].get<std::string>();
  EXPECT_EQ(created.doc["data"]["type"], "file");
  EXPECT_EQ(created.doc["links"]["self"], emu().base_url() + "/partners/" + partner + "/files");

  auto const file = api().get("/files/" + id);
  ASSERT_EQ(file.status, 200) << file.body;
  auto const& attributes = file.doc["data"]["attributes"];
  EXPECT_EQ(attributes["content"], "b2JzYWggcHJpbG9oeSAy");
  EXPECT_EQ(attributes["size"], 15);  // "obsah prilohy 2"
  EXPECT_EQ(attributes["name"], "priloha.txt");
  EXPECT_EQ(attributes["note"], "z testu");
  EXPECT_EQ(attributes["content-type"], "text/plain");
  EXPECT_EQ(attributes["created-date"].get<std::string>().size(), 19u);
  EXPECT_EQ(file.doc["data"]["relationships"]["user"]["data"]["id"], "11142");

  auto const list = api().get("/partners/" + partner + "/files");
  ASSERT_EQ(list.doc["data"].size(), 1u);
  auto const& item = list.doc["data"][0];
  EXPECT_EQ(item["id"], id);
  EXPECT_FALSE(item["attributes"].contains("content"));  // lists show name, size, created-date
  EXPECT_EQ(item["attributes"]["size"], 15);

  EXPECT_EQ(api().del("/files/" + id).status, 204);
  EXPECT_EQ(api().get("/files/" + id).status, 404);
  EXPECT_TRUE(api().get("/partners/" + partner + "/files").doc["data"].empty());
}

TEST_F(FilesExport, UploadValidation) {
  auto const partner = api().ids("/partners").at(3);
  auto reply = api().post("/partners/" + partner + "/files", upload("x.txt", "not base64!"));
  EXPECT_EQ(reply.status, 422);
  EXPECT_EQ(reply.error()["source"]["pointer"], "/data/attributes/content");
  EXPECT_EQ(api().post("/partners/99999999/files", upload("x.txt", "AA==")).status, 404);
  auto doc = upload("x.txt", "AA==");
  doc["data"]["type"] = "document";
  EXPECT_EQ(api().post("/partners/" + partner + "/files", doc).status, 409);
}

TEST_F(FilesExport, DemoAttachmentAndDeletionWithPartner) {
  auto const first = api().ids("/partners").front();
  auto const files = api().get("/partners/" + first + "/files").doc["data"];
  ASSERT_EQ(files.size(), 1u);
  auto const id = files[0]["id"].get<std::string>();
  EXPECT_EQ(api().get("/files/" + id).status, 200);
  EXPECT_EQ(api().del("/partners/" + first).status, 204);
  EXPECT_EQ(api().get("/files/" + id).status, 404);  // attachments go with their partner
}

TEST_F(FilesExport, XmlExportIsAZipOfTheFilteredPartners) {
  auto const reply =
      api().get("/partners/export/xml", {{"includeContacts", "true"}, {"filter[search-text]", "tatrastav"}});
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.header("Content-Type"), "application/zip");
  auto const files = unzip(reply.body);
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].name, "partners.xml");
  auto const& xml = files[0].content;
  EXPECT_EQ(xml.rfind("<?xml", 0), 0u);
  EXPECT_NE(xml.find("<name>Tatrastav s.r.o.</name>"), std::string::npos);
  EXPECT_NE(xml.find("<contacts>"), std::string::npos);
  EXPECT_EQ(xml.find("Považská"), std::string::npos);  // filtered out

  auto const without = unzip(api().get("/partners/export/xml", {{"filter[search-text]", "tatrastav"}}).body);
  EXPECT_EQ(without.at(0).content.find("<contacts>"), std::string::npos);
  EXPECT_EQ(api().get("/partners/export/xml", {{"includeContacts", "maybe"}}).status, 400);
}

TEST_F(FilesExport, PohodaExportHasEveryPartner) {
  auto const reply = api().get("/partners/export/pohoda");
  ASSERT_EQ(reply.status, 200);
  auto const files = unzip(reply.body);
  ASSERT_EQ(files.size(), 1u);
  auto const& xml = files[0].content;
  std::size_t items = 0;
  for (auto at = xml.find("<dat:dataPackItem"); at != std::string::npos; at = xml.find("<dat:dataPackItem", at + 1))
    ++items;
  EXPECT_EQ(items, 25u);
  EXPECT_NE(xml.find("<typ:ids>SK</typ:ids>"), std::string::npos);
  EXPECT_EQ(api().get("/partners/export/pohoda", {{"includeContacts", "true"}}).status, 400);  // xml export only
}

}  // namespace
}  // namespace emu_test
