// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Blocks shared by the modules whose records own attachments and work items
// (partners, orders, business cases, tasks, communications).
#ifndef FLOWII_RELATED_HPP
#define FLOWII_RELATED_HPP

#include <flowii/api.hpp>
#include <flowii/models/common.hpp>
#include <flowii/models/tasks.hpp>

#include <string>

namespace flowii {

/// `<collection>/<id>/files`: upload and list attachments.
class AttachmentsApi : public virtual Endpoint {
 public:
  /// Uploads a file (the SDK base64-encodes it) to the record `owner_id` of this
  /// module. FLOWii's schema requires only `company-id` (sent as companyId);
  /// FileUpload always sends the name and content too. Returns the new file's
  /// id; read or delete it later through client.account().files().
  virtual Result<std::string> upload_attachment(std::string const& owner_id, FileUpload const& file,
                                                CallOptions const& options = {});
  virtual Result<Page<FileInfo>> attachments(std::string const& owner_id, Query const& query = {},
                                             CallOptions const& options = {});
};

/// `<collection>/<id>/tasks|communications|mails`: the work logged on a record.
class WorkItemsApi : public virtual Endpoint {
 public:
  virtual Result<Page<Task>> tasks(std::string const& owner_id, Query const& query = {},
                                   CallOptions const& options = {});
  /// Communications ("events") of the record.
  virtual Result<Page<Communication>> communications(std::string const& owner_id, Query const& query = {},
                                                     CallOptions const& options = {});
  virtual Result<Page<Mail>> mails(std::string const& owner_id, Query const& query = {},
                                   CallOptions const& options = {});
};

}  // namespace flowii

#endif  // FLOWII_RELATED_HPP
