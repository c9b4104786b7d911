// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Shared / account: small single-path calls over the generic operations, plus
// the base64 decoding of file contents. Permissions and countries are declared
// operations (FLOWII_ACCOUNT_OPERATIONS).
#include <flowii/account.hpp>

#include "common/base64.hpp"

namespace flowii {

UsersApi::UsersApi(std::shared_ptr<detail::Core> core) : Endpoint(std::move(core), "/users") {}

UsersApi::UsersApi() : UsersApi(detail::unbound_core()) {}

Result<User> UsersApi::self(CallOptions const& options) {
  return detail::read_as<User>(core(), item_path("self"), options);
}

FilesApi::FilesApi(std::shared_ptr<detail::Core> core) : Endpoint(std::move(core), "/files") {}

FilesApi::FilesApi() : FilesApi(detail::unbound_core()) {}

Result<FileInfo> FilesApi::get(std::string const& id, CallOptions const& options) {
  return detail::read_as<FileInfo>(core(), item_path(id), options);
}

Result<Binary> FilesApi::download(std::string const& id, CallOptions const& options) {
  auto file = get(id, options);
  if (!file) return file.status();
  auto content = file->get<std::string>("content");
  // What FLOWii sends is strict base64; a reader tolerates harmless variants of it.
  auto bytes = content ? common::base64_decode(*content, common::Base64Form::kTolerant) : std::nullopt;
  if (!bytes) {
    return Status(ErrorCode::kInvalidResponse,
                  "file " + id + " came without a valid base64 `content` (a linked file has only `link`)")
        .with_request("GET " + item_path(id));
  }
  Binary out;
  out.bytes = std::move(*bytes);
  out.content_type = file->content_type().value_or("application/octet-stream");
  out.filename = file->name().value_or("");
  return out;
}

Status FilesApi::remove(std::string const& id, CallOptions const& options) {
  return detail::remove(core(), item_path(id), options);
}

AccountApi::AccountApi(std::shared_ptr<detail::Core> core)
    : Endpoint(core, "/notifications"), users_(core), files_(std::move(core)) {}

AccountApi::AccountApi() : AccountApi(detail::unbound_core()) {}

UsersApi& AccountApi::users() { return users_; }

Result<Page<Notification>> AccountApi::notifications_page(Query const& query, CallOptions const& options) {
  return page_at<Notification>(core_ptr(), collection(), query, options);
}

Pager<Notification> AccountApi::notifications(Query query, CallOptions options) {
  return pager<Notification, Query>(
      page_source<Notification, Query>(this, &AccountApi::notifications_page, collection(), options), std::move(query));
}

Status AccountApi::mark_read(std::string const& notification_id, bool read, CallOptions const& options) {
  Notification n;
  n.set_id(notification_id);
  n.set_is_read(read);
  return detail::update(core(), item_path(notification_id), n, options);
}

Result<HomeSummary> AccountApi::home_summary(CallOptions const& options) {
  return detail::read_as<HomeSummary>(core(), "/summary/home", options);
}

Result<NotificationsSummary> AccountApi::notifications_summary(CallOptions const& options) {
  return detail::read_as<NotificationsSummary>(core(), "/summary/notifications", options);
}

Status AccountApi::register_device(std::string const& fcm_token, PlatformType platform, CallOptions const& options) {
  Device device;
  device.set_fcm_token(fcm_token).set_platform_type(platform);
  return detail::post(core(), "/devices", device, options);
}

Result<Tag> AccountApi::tag(std::string const& id, CallOptions const& options) {
  return detail::read_as<Tag>(core(), detail::make_path({"/tags", id}), options);
}

FilesApi& AccountApi::files() { return files_; }

}  // namespace flowii
