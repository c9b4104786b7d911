// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Shared / account: module permissions, users, countries, notifications,
// dashboards (summaries), push-notification devices, tags and files.
#ifndef FLOWII_ACCOUNT_HPP
#define FLOWII_ACCOUNT_HPP

#include <flowii/api.hpp>
#include <flowii/binary.hpp>
#include <flowii/models/account.hpp>
#include <flowii/models/common.hpp>

#include <memory>
#include <string>
#include <vector>

/// The account operations of the common shapes (api.hpp): which FLOWii modules
/// the signed-in user sees (GET /permissions) and the countries (GET /countries;
/// FLOWii names them in Slovak, "Slovensko" has id 1).
#define FLOWII_ACCOUNT_OPERATIONS(SUB_LIST, CODE_LIST, DOWNLOAD)                                        \
  CODE_LIST(Permission, permissions, "/permissions", "permissions", "Which FLOWii modules you see", ()) \
  CODE_LIST(Country, countries, "/countries", "countries", "Countries", ("name"))

namespace flowii {

/// The company's users (/users, /users/{id}) and the signed-in one (/users/self).
class UsersApi : public CodeListApi<User> {
 public:
  explicit UsersApi(std::shared_ptr<detail::Core> core);
  /// The signed-in user's record within the company (GET /users/self).
  virtual Result<User> self(CallOptions const& options = {});

 protected:
  /// Bound to no Client: the base of MockUsersApi (flowii/testing/mocks.hpp).
  UsersApi();
};

/// Stored files (attachments) by id: /files/{id}. Upload and list them through
/// the module that owns them (e.g. client.partners().upload_attachment()).
class FilesApi : public virtual Endpoint {
 public:
  explicit FilesApi(std::shared_ptr<detail::Core> core);
  /// The file's metadata with its base64 `content` attribute (GET /files/{id}).
  virtual Result<FileInfo> get(std::string const& id, CallOptions const& options = {});
  /// The file's bytes, decoded from that content; content_type and filename come
  /// from the file's `content-type` and `name`.
  virtual Result<Binary> download(std::string const& id, CallOptions const& options = {});
  /// Deletes the file (DELETE /files/{id}).
  virtual Status remove(std::string const& id, CallOptions const& options = {});

 protected:
  /// Bound to no Client: the base of MockFilesApi (flowii/testing/mocks.hpp).
  FilesApi();
};

class AccountApi : public virtual Endpoint {
 public:
  explicit AccountApi(std::shared_ptr<detail::Core> core);

  FLOWII_OPERATION_METHODS(FLOWII_ACCOUNT_OPERATIONS)
  /// Users of the company: list(), get(id), self().
  virtual UsersApi& users();

  /// One page of the signed-in user's notifications (GET /notifications).
  virtual Result<Page<Notification>> notifications_page(Query const& query = {}, CallOptions const& options = {});
  /// Every notification, fetched page by page (like ReadApi::list()).
  Pager<Notification> notifications(Query query = {}, CallOptions options = {});
  /// Marks a notification read, or unread again (PATCH /notifications/{id} `is-read`).
  virtual Status mark_read(std::string const& notification_id, bool read = true, CallOptions const& options = {});

  /// Counts for the home dashboard (GET /summary/home).
  virtual Result<HomeSummary> home_summary(CallOptions const& options = {});
  /// The unread notification count (GET /summary/notifications).
  virtual Result<NotificationsSummary> notifications_summary(CallOptions const& options = {});

  /// Registers a device for FLOWii's push notifications (POST /devices; FLOWii
  /// answers 200 with no body).
  virtual Status register_device(std::string const& fcm_token, PlatformType platform, CallOptions const& options = {});

  /// One tag by id (GET /tags/{id}); tags are listed per module (partners().tags()).
  virtual Result<Tag> tag(std::string const& id, CallOptions const& options = {});
  /// Files by id: metadata, decoded content, deletion.
  virtual FilesApi& files();

 protected:
  /// Bound to no Client: the base of MockAccountApi (flowii/testing/mocks.hpp).
  AccountApi();

 private:
  UsersApi users_;
  FilesApi files_;
};

}  // namespace flowii

#endif  // FLOWII_ACCOUNT_HPP
