// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Shared / account: small single-path calls over the generic operations, plus
// the base64 decoding of file contents.
#include <flowii/account.hpp>

#include "core/base64.hpp"

namespace flowii {
namespace {

// GET of one resource at a fixed path, as the model T.
template <typename T>
Result<T> read_as(detail::Core& core, std::string const& path, CallOptions const& options) {
  auto r = detail::read(core, path, {}, options, T::kType);
  if (!r) return r.status();
  return T(std::move(r).value());
}

}  // namespace

UsersApi::UsersApi(std::shared_ptr<detail::Core> core) : Endpoint(std::move(core), "/users") {}

Result<User> UsersApi::self(CallOptions const& options) {
  return with_core<Result<User>>([&](detail::Core& c) { return read_as<User>(c, item_path("self"), options); });
}

FilesApi::FilesApi(std::shared_ptr<detail::Core> core) : Endpoint(std::move(core), "/files") {}

Result<FileInfo> FilesApi::get(std::string const& id, CallOptions const& options) {
  return with_core<Result<FileInfo>>([&](detail::Core& c) { return read_as<FileInfo>(c, item_path(id), options); });
}

Result<Binary> FilesApi::download(std::string const& id, CallOptions const& options) {
  auto file = get(id, options);
  if (!file) return file.status();
  auto content = file->get<std::string>("content");
  auto bytes = content ? detail::base64_decode(*content) : std::nullopt;
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
  return with_core<Status>([&](detail::Core& c) { return detail::remove(c, item_path(id), options); });
}

AccountApi::AccountApi(std::shared_ptr<detail::Core> core)
    : Endpoint(core, "/notifications"), users_(core), files_(std::move(core)) {}

Result<std::vector<Permission>> AccountApi::permissions(CallOptions const& options) {
  return CodeList<Permission>(core_ptr(), "/permissions").list(options);
}

UsersApi& AccountApi::users() { return users_; }

Result<std::vector<Country>> AccountApi::countries(CallOptions const& options) {
  return CodeList<Country>(core_ptr(), "/countries").list(options);
}

Result<Page<Notification>> AccountApi::notifications_page(Query const& query, CallOptions const& options) {
  return with_core<Result<Page<Notification>>>(
      [&](detail::Core& c) { return owned_page<Notification>(c, collection(), query, options); });
}

Pager<Notification> AccountApi::notifications(Query query, CallOptions options) {
  return pager<Notification, Query>([this, options](Query const& q) { return notifications_page(q, options); },
                                    std::move(query));
}

Status AccountApi::mark_read(std::string const& notification_id, bool read, CallOptions const& options) {
  return with_core<Status>([&](detail::Core& c) {
    Notification n;
    n.set_id(notification_id);
    n.set_is_read(read);
    return detail::update(c, item_path(notification_id), n, options);
  });
}

Result<HomeSummary> AccountApi::home_summary(CallOptions const& options) {
  return with_core<Result<HomeSummary>>(
      [&](detail::Core& c) { return read_as<HomeSummary>(c, "/summary/home", options); });
}

Result<NotificationsSummary> AccountApi::notifications_summary(CallOptions const& options) {
  return with_core<Result<NotificationsSummary>>(
      [&](detail::Core& c) { return read_as<NotificationsSummary>(c, "/summary/notifications", options); });
}

Status AccountApi::register_device(std::string const& fcm_token, PlatformType platform, CallOptions const& options) {
  return with_core<Status>([&](detail::Core& c) {
    Device device;
    device.set_fcm_token(fcm_token).set_platform_type(platform);
    return detail::post(c, "/devices", device, options);
  });
}

Result<Tag> AccountApi::tag(std::string const& id, CallOptions const& options) {
  return with_core<Result<Tag>>([&](detail::Core& c) {
    return read_as<Tag>(c, detail::make_path({"/tags", id}), options);
  });
}

FilesApi& AccountApi::files() { return files_; }

}  // namespace flowii
