// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// The generic building blocks every module client is made of. A module declares
// which blocks it has and at which paths; the blocks do the work through one
// internal request pipeline (auth, company, retries, logging, error mapping).
// Every method is virtual so that flowii::testing can mock any module.
#ifndef FLOWII_API_HPP
#define FLOWII_API_HPP

#include <flowii/binary.hpp>
#include <flowii/change_feed.hpp>
#include <flowii/options.hpp>
#include <flowii/query.hpp>
#include <flowii/resource.hpp>
#include <flowii/result.hpp>

#include <algorithm>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace flowii {

namespace detail {
class Core;

/// Joins path segments, percent-encoding each one ("/partners", "1?a=b" -> "/partners/1%3Fa%3Db";
/// ".." -> "/partners/%2E%2E", so that an id can never climb out of its collection).
std::string make_path(std::initializer_list<std::string_view> segments);

// The generic operations (src/core/operations.cpp). `path` is relative to the base URL.
// `type` is the JSON:API type the typed call expects (T::kType; empty: any): `data`
// of another type or shape is kInvalidResponse, never a wrong object.
Result<Page<Resource>> list_page(Core& core, std::string const& path, ListQuery const& query,
                                 CallOptions const& options, std::string_view type = {});
/// Unpaged code lists (FLOWii returns them whole).
Result<std::vector<Resource>> list_all(Core& core, std::string const& path, ListQuery const& query,
                                       CallOptions const& options, std::string_view type = {});
Result<Resource> read(Core& core, std::string const& path, ListQuery const& query, CallOptions const& options,
                      std::string_view type = {});
/// How a create whose outcome is unknown can be settled (ReconcileOptions).
enum class Reconcile {
  kNo,                ///< it cannot: kOutcomeUnknown goes to the caller
  kByCreatedFromList  ///< list `path` with filter[created-from] and match what was sent
};
/// A resource is reconcilable when its list query has `created_from` (the blueprint's
/// filter[created-from]): the query declaration is the one place that says so.
template <typename Q, typename = void>
struct lists_created_from : std::false_type {};
template <typename Q>
struct lists_created_from<Q, std::void_t<decltype(std::declval<Q&>().created_from(std::declval<UnixTime>()))>>
    : std::true_type {};
/// A list with filter[edited-from] (partners, orders, business cases, tasks, cash
/// flow, goods); with it or created-from, the list can feed a ChangeFeed.
template <typename Q, typename = void>
struct lists_edited_from : std::false_type {};
template <typename Q>
struct lists_edited_from<Q, std::void_t<decltype(std::declval<Q&>().edited_from(std::declval<UnixTime>()))>>
    : std::true_type {};
template <typename Q>
constexpr bool lists_changes() {
  return lists_created_from<Q>::value || lists_edited_from<Q>::value;
}
template <typename Q>
constexpr Reconcile reconcile_for() {
  return lists_created_from<Q>::value ? Reconcile::kByCreatedFromList : Reconcile::kNo;
}
/// POST of a resource; returns it with the id (and any attributes) the server sent back.
/// The answer must be one resource of the type sent, or of `answer_type` when given.
Result<Resource> create(Core& core, std::string const& path, Resource const& resource, CallOptions const& options,
                        Reconcile reconcile = Reconcile::kNo, std::string_view answer_type = {});
/// The records at `path` that match `sent`, among those created since `attempted`
/// (this machine's clock) less ReconcileOptions::skew_margin, or since the
/// `created` date `sent` carries when that is earlier; at most
/// ReconcileOptions::max_pages pages are read (src/core/reconcile.cpp).
Result<std::vector<Resource>> find_created(Core& core, std::string const& path, Resource const& sent,
                                           UnixTime attempted, CallOptions const& options);
/// POST whose answer has no resource (e.g. 204 task message, device registration).
Status post(Core& core, std::string const& path, Resource const& resource, CallOptions const& options);
/// PATCH of a resource (FLOWii answers 204, cash flow 200).
Status update(Core& core, std::string const& path, Resource const& resource, CallOptions const& options);
Status remove(Core& core, std::string const& path, CallOptions const& options);
/// GET of a non-JSON:API body (zip, XML, PDF).
Result<Binary> download(Core& core, std::string const& path, ListQuery const& query, CallOptions const& options);
/// Error for calls made on a default-constructed (mock base) API object.
Status no_client_status();
/// The client's PagingOptions (its defaults for every Pager).
PagingOptions const& paging_options(Core const& core);
/// ClientOptions::wall_clock of the client (system_clock without a client).
std::function<std::chrono::system_clock::time_point()> wall_clock(Core const* core);
}  // namespace detail

/// Where a block lives: the client core and the collection path ("/partners").
/// Shared by all blocks of one module (virtual base).
class Endpoint {
 public:
  virtual ~Endpoint() = default;

 protected:
  Endpoint() = default;  // for mocks
  Endpoint(std::shared_ptr<detail::Core> core, std::string collection)
      : core_(std::move(core)), collection_(std::move(collection)) {}
  std::string const& collection() const { return collection_; }
  std::shared_ptr<detail::Core> const& core_ptr() const { return core_; }
  std::string item_path(std::string const& id) const { return detail::make_path({collection_, id}); }
  /// A Pager over `fetch` with this client's paging defaults (PagingOptions::prefetch,
  /// PagingOptions::parallel_pages), which a listing may override.
  template <typename T, typename Q>
  Pager<T, Q> pager(typename Pager<T, Q>::FetchPage fetch, Q query) const {
    if (!core_) return Pager<T, Q>(std::move(fetch), std::move(query));
    auto const& paging = detail::paging_options(*core_);
    // A parallel_pages out of range already fails every call with the Client's own message.
    return Pager<T, Q>(std::move(fetch), std::move(query), paging.prefetch)
        .parallel(std::clamp(paging.parallel_pages, 1, PagingOptions::kMaxParallelPages));
  }
  std::string sub_path(std::string const& id, std::string_view sub) const {
    return detail::make_path({collection_, id, sub});
  }
  /// Runs `op` with the core, or returns the "no client" error for mock bases.
  template <typename R, typename Op>
  R with_core(Op&& op) const {
    if (!core_) return R(detail::no_client_status());
    return op(*core_);
  }

 private:
  std::shared_ptr<detail::Core> core_;
  std::string collection_;
};

/// List (paged) and read.
template <typename T, typename Q = Query>
class ReadApi : public virtual Endpoint {
 public:
  /// One page; resume a listing by setting query.page(n).
  virtual Result<Page<T>> list_page(Q const& query = {}, CallOptions const& options = {}) {
    return with_core<Result<Page<T>>>([&](detail::Core& c) -> Result<Page<T>> {
      auto page = detail::list_page(c, collection(), query, options, T::kType);
      if (!page) return page.status();
      return typed_page<T>(std::move(page).value());
    });
  }
  /// Every item, fetched lazily page by page. The Pager must not outlive the Client.
  Pager<T, Q> list(Q query = {}, CallOptions options = {}) {
    return pager<T, Q>([this, options](Q const& q) { return list_page(q, options); }, std::move(query));
  }
  /// A change feed over this list (change_feed.hpp; lists with filter[edited-from]
  /// or filter[created-from] only). Like a Pager, it must not outlive the Client.
  template <typename QQ = Q, std::enable_if_t<detail::lists_changes<QQ>(), int> = 0>
  ChangeFeed<T> changes(ChangeFeedOptions options = {}, ChangeCursor cursor = {}, CallOptions call = {}) {
    using detail::FeedFilter;
    detail::FeedSource source;
    source.created_from = detail::lists_created_from<Q>::value;
    source.edited_from = detail::lists_edited_from<Q>::value;
    source.list = [this, call](FeedFilter filter, UnixTime from, int page,
                               int size) -> Result<detail::FeedSource::Ids> {
      Q query;
      if (filter != FeedFilter::kNone) {
        query.set_filter(filter == FeedFilter::kCreatedFrom ? "created-from" : "edited-from", from);
      }
      query.set_page(page);
      query.set_page_size(size);
      auto listed = list_page(query, call);
      if (!listed) return listed.status();
      detail::FeedSource::Ids ids;
      ids.last = listed->last;
      for (auto const& item : listed->items) ids.ids.push_back(item.id());
      return ids;
    };
    source.get = [this, call](std::string const& id) -> Result<Resource> {
      auto record = get(id, call);
      if (!record) return record.status();
      return Resource(std::move(record).value());
    };
    source.now = detail::wall_clock(core_ptr().get());
    return ChangeFeed<T>(std::move(source), std::move(options), std::move(cursor));
  }
  /// One resource with its `included` resources reachable via `included()` / `related<T>()`.
  virtual Result<T> get(std::string const& id, CallOptions const& options = {}) {
    return with_core<Result<T>>([&](detail::Core& c) -> Result<T> {
      auto r = detail::read(c, item_path(id), {}, options, T::kType);
      if (!r) return r.status();
      return T(std::move(r).value());
    });
  }
};

/// ReadApi plus create (POST), update (PATCH) and remove (DELETE).
template <typename T, typename Q = Query>
class CrudApi : public ReadApi<T, Q> {
 public:
  /// Creates the resource (nested related objects included). Not retried unless the
  /// request provably never reached FLOWii. Returns it with the new id.
  virtual Result<T> create(T const& resource, CallOptions const& options = {}) {
    return this->template with_core<Result<T>>([&](detail::Core& c) -> Result<T> {
      auto r = detail::create(c, this->collection(), resource, options, detail::reconcile_for<Q>());
      if (!r) return r.status();
      return T(std::move(r).value());
    });
  }
  /// The records that a create of `sent` attempted at `attempted` may have made,
  /// found as the SDK settles a create whose answer was lost (ADR 0010): FLOWii's
  /// list with filter[created-from] from shortly before `attempted`, compared with
  /// every attribute and related id of `sent`. For a create whose outcome is
  /// unknown to the caller itself, e.g. a program stopped after sending it: one
  /// match is the record it made, none means that sending it again is safe.
  /// Lists with filter[created-from] only.
  template <typename QQ = Q, std::enable_if_t<detail::lists_created_from<QQ>::value, int> = 0>
  Result<std::vector<T>> find_created(T const& sent, UnixTime attempted, CallOptions const& options = {}) {
    return this->template with_core<Result<std::vector<T>>>([&](detail::Core& c) -> Result<std::vector<T>> {
      auto found = detail::find_created(c, this->collection(), sent, attempted, options);
      if (!found) return found.status();
      return std::vector<T>(found->begin(), found->end());
    });
  }
  /// PATCHes resource.id() with what the object holds (a read-modify-write keeps
  /// attributes the SDK does not know).
  virtual Status update(T const& resource, CallOptions const& options = {}) {
    return this->template with_core<Status>(
        [&](detail::Core& c) { return detail::update(c, this->item_path(resource.id()), resource, options); });
  }
  virtual Status remove(std::string const& id, CallOptions const& options = {}) {
    return this->template with_core<Status>(
        [&](detail::Core& c) { return detail::remove(c, this->item_path(id), options); });
  }
};

/// Unpaged code list at a path: all items, and one by id.
template <typename T>
class CodeListApi : public virtual Endpoint {
 public:
  virtual Result<std::vector<T>> list(CallOptions const& options = {}) {
    return with_core<Result<std::vector<T>>>([&](detail::Core& c) -> Result<std::vector<T>> {
      auto all = detail::list_all(c, collection(), {}, options, T::kType);
      if (!all) return all.status();
      return std::vector<T>(all->begin(), all->end());
    });
  }
  virtual Result<T> get(std::string const& id, CallOptions const& options = {}) {
    return with_core<Result<T>>([&](detail::Core& c) -> Result<T> {
      auto r = detail::read(c, item_path(id), {}, options, T::kType);
      if (!r) return r.status();
      return T(std::move(r).value());
    });
  }
};

/// A hierarchical code list (types and subtypes, categories and subcategories):
/// children of an item live at `<collection>/<id>/<child_segment>`.
template <typename T>
class TreeCodeListApi : public CodeListApi<T> {
 public:
  virtual Result<std::vector<T>> children(std::string const& parent_id, CallOptions const& options = {}) {
    return this->template with_core<Result<std::vector<T>>>([&](detail::Core& c) -> Result<std::vector<T>> {
      auto all = detail::list_all(c, this->sub_path(parent_id, child_segment()), {}, options, T::kType);
      if (!all) return all.status();
      return std::vector<T>(all->begin(), all->end());
    });
  }

 protected:
  /// "/ordertypes/{id}/ordertypes": the last segment of the collection.
  std::string child_segment() const {
    auto const& c = this->collection();
    return c.substr(c.rfind('/') + 1);
  }
};

/// A stand-alone code list object: CodeListApi bound to its own path.
template <typename T>
class CodeList : public CodeListApi<T> {
 public:
  CodeList() = default;
  CodeList(std::shared_ptr<detail::Core> core, std::string path) : Endpoint(std::move(core), std::move(path)) {}
};

template <typename T>
class TreeCodeList : public TreeCodeListApi<T> {
 public:
  TreeCodeList() = default;
  TreeCodeList(std::shared_ptr<detail::Core> core, std::string path) : Endpoint(std::move(core), std::move(path)) {}
};

/// A paged list under an owner: `<collection>/<owner id>/<segment>` (e.g. partner contacts).
template <typename T>
Result<Page<T>> owned_page(detail::Core& core, std::string const& path, ListQuery const& query,
                           CallOptions const& options) {
  auto page = detail::list_page(core, path, query, options, T::kType);
  if (!page) return page.status();
  return typed_page<T>(std::move(page).value());
}

}  // namespace flowii

#endif  // FLOWII_API_HPP
