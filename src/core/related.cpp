// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include <flowii/related.hpp>

#include "common/base64.hpp"

namespace flowii {

Result<std::string> AttachmentsApi::upload_attachment(std::string const& owner_id, FileUpload const& file,
                                                      CallOptions const& options) {
  FileInfo f;
  f.set_name(file.name);
  f.set("content", common::base64_encode(file.content));
  f.set_content_type(file.content_type.empty() ? std::string("application/octet-stream") : file.content_type);
  if (!file.note.empty()) f.set_note(file.note);
  auto created = detail::create(core(), sub_path(owner_id, "files"), f, options);
  if (!created) return created.status();
  return created->id();
}

Result<Page<FileInfo>> AttachmentsApi::attachments(std::string const& owner_id, Query const& query,
                                                   CallOptions const& options) {
  return page_under<FileInfo>(owner_id, "files", query, options);
}

Result<Page<Task>> WorkItemsApi::tasks(std::string const& owner_id, Query const& query, CallOptions const& options) {
  return page_under<Task>(owner_id, "tasks", query, options);
}

Result<Page<Communication>> WorkItemsApi::communications(std::string const& owner_id, Query const& query,
                                                         CallOptions const& options) {
  return page_under<Communication>(owner_id, "communications", query, options);
}

Result<Page<Mail>> WorkItemsApi::mails(std::string const& owner_id, Query const& query, CallOptions const& options) {
  return page_under<Mail>(owner_id, "mails", query, options);
}

}  // namespace flowii
