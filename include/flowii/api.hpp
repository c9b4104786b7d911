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
/// The core of module objects that no Client made: mocks (flowii::testing) and the
/// Client of flowii::testing::make_client(). It sends nothing; every call fails with
/// kInvalidArgument saying that the mock has no expectation for it.
std::shared_ptr<Core> const& unbound_core();
/// Error for a default-constructed object that needs a Client (a ChangeFeed).
Status no_client_status();
/// The client's PagingOptions (its defaults for every Pager).
PagingOptions const& paging_options(Core const& core);
/// ClientOptions::wall_clock of the client (system_clock without a client).
std::function<std::chrono::system_clock::time_point()> wall_clock(Core const* core);

/// The models in `all`, each checked to be a T (Model::from_resource).
template <typename T>
Result<std::vector<T>> as_models(Result<std::vector<Resource>> all) {
  if (!all) return all.status();
  std::vector<T> out;
  out.reserve(all->size());
  for (auto& r : *all) {
    auto model = T::from_resource(std::move(r));
    if (!model) return model.status();
    out.push_back(std::move(model).value());
  }
  return out;
}
/// One resource read from a FLOWii answer, as the model T: the read, the check of
/// its JSON:API type and the wrapping, in one place.
template <typename T>
Result<T> as_model(Result<Resource> r) {
  if (!r) return r.status();
  return T::from_resource(std::move(r).value());
}
/// GET of one resource at `path`, as the model T.
template <typename T>
Result<T> read_as(Core& core, std::string const& path, CallOptions const& options) {
  return as_model<T>(read(core, path, {}, options, T::kType));
}
}  // namespace detail

/// Where a block lives: the client core and the collection path ("/partners").
/// Shared by all blocks of one module (virtual base). Never without a core: an
/// object that no Client made (a mock) is bound to detail::unbound_core().
class Endpoint {
 public:
  virtual ~Endpoint() = default;

 protected:
  /// Bound to detail::unbound_core(): the base of a mock (flowii/testing/mocks.hpp).
  Endpoint() : core_(detail::unbound_core()) {}
  Endpoint(std::shared_ptr<detail::Core> core, std::string collection)
      : core_(std::move(core)), collection_(std::move(collection)) {}
  std::string const& collection() const { return collection_; }
  std::shared_ptr<detail::Core> const& core_ptr() const { return core_; }
  detail::Core& core() const { return *core_; }
  /// True when a Client made this object: it is then exactly the SDK's class, so its
  /// virtual methods are the base implementations (see ReadApi::list).
  bool made_by_client() const { return core_ != detail::unbound_core(); }
  std::string item_path(std::string const& id) const { return detail::make_path({collection_, id}); }
  std::string sub_path(std::string const& id, std::string_view sub) const {
    return detail::make_path({collection_, id, sub});
  }
  /// A Pager over `fetch` with this client's paging defaults (PagingOptions::prefetch,
  /// PagingOptions::parallel_pages), which a listing may override.
  template <typename T, typename Q>
  Pager<T, Q> pager(typename Pager<T, Q>::FetchPage fetch, Q query) const {
    auto const& paging = detail::paging_options(*core_);
    // A parallel_pages out of range already fails every call with the Client's own message.
    return Pager<T, Q>(std::move(fetch), std::move(query), paging.prefetch)
        .parallel(std::clamp(paging.parallel_pages, 1, PagingOptions::kMaxParallelPages));
  }

  // ---- the operations of the common shapes (FLOWII_OPERATION_METHODS) ----------
  /// A paged list under a record: `<collection>/<owner id>/<segment>`.
  template <typename T>
  Result<Page<T>> page_under(std::string const& owner_id, std::string_view segment, ListQuery const& query,
                             CallOptions const& options) const {
    return page_at<T>(core_, sub_path(owner_id, segment), query, options);
  }
  /// An unpaged code list at a fixed path.
  template <typename T>
  Result<std::vector<T>> code_list_at(std::string const& path, CallOptions const& options) const {
    return detail::as_models<T>(detail::list_all(*core_, path, {}, options, T::kType));
  }
  /// A file of a record: `<collection>/<id>/<segment>`.
  Result<Binary> download_under(std::string const& id, std::string_view segment, CallOptions const& options) const {
    return detail::download(*core_, sub_path(id, segment), {}, options);
  }
  /// What a Pager or a feed calls for one page of the list at `path`, whose page
  /// method is `method` of `self`. An object a Client made is exactly the SDK's
  /// class, so its `method` is the base implementation: the function then holds the
  /// core and the path, not the object, and stays valid after the object and the
  /// Client are gone. Any other object (a mock) is called through `method`, so a
  /// mock's listing pages through its mocked page method.
  template <typename T, typename Q, typename Api>
  std::function<Result<Page<T>>(Q const&)> page_source(Api* self,
                                                       Result<Page<T>> (Api::*method)(Q const&, CallOptions const&),
                                                       std::string path, CallOptions options) const {
    if (!made_by_client()) return [self, method, options](Q const& q) { return (self->*method)(q, options); };
    return [core = core_, path = std::move(path), options](Q const& q) { return page_at<T>(core, path, q, options); };
  }
  /// One page at `path`, as a page of T. Static: a Pager may call it after the
  /// object is gone (it holds the core, not the object).
  template <typename T>
  static Result<Page<T>> page_at(std::shared_ptr<detail::Core> const& core, std::string const& path,
                                 ListQuery const& query, CallOptions const& options) {
    auto page = detail::list_page(*core, path, query, options, T::kType);
    if (!page) return page.status();
    return typed_page<T>(std::move(page).value());
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
    return page_at<T>(core_ptr(), collection(), query, options);
  }
  /// Every item, fetched lazily page by page. The Pager holds the client's core, not
  /// this object, so it may outlive both the Client and this object; a mock's list()
  /// pages through the mocked list_page() and must not outlive the mock.
  Pager<T, Q> list(Q query = {}, CallOptions options = {}) {
    return pager<T, Q>(fetch_page(options), std::move(query));
  }
  /// A change feed over this list (change_feed.hpp; lists with filter[edited-from]
  /// or filter[created-from] only). Like a Pager, it holds the core, not this object.
  template <typename QQ = Q, std::enable_if_t<detail::lists_changes<QQ>(), int> = 0>
  ChangeFeed<T> changes(ChangeFeedOptions options = {}, ChangeCursor cursor = {}, CallOptions call = {}) {
    using detail::FeedFilter;
    detail::FeedSource source;
    source.created_from = detail::lists_created_from<Q>::value;
    source.edited_from = detail::lists_edited_from<Q>::value;
    source.list = [fetch = fetch_page(call)](FeedFilter filter, UnixTime from, int page,
                                             int size) -> Result<detail::FeedSource::Ids> {
      Q query;
      if (filter != FeedFilter::kNone) {
        query.set_filter(filter == FeedFilter::kCreatedFrom ? "created-from" : "edited-from", from);
      }
      query.set_page(page);
      query.set_page_size(size);
      auto listed = fetch(query);
      if (!listed) return listed.status();
      detail::FeedSource::Ids ids;
      ids.last = listed->last;
      for (auto const& item : listed->items) ids.ids.push_back(item.id());
      return ids;
    };
    source.get = [get = fetch_one(call)](std::string const& id) -> Result<Resource> {
      auto record = get(id);
      if (!record) return record.status();
      return Resource(std::move(record).value());
    };
    source.now = detail::wall_clock(core_ptr().get());
    return ChangeFeed<T>(std::move(source), std::move(options), std::move(cursor));
  }
  /// One resource with its `included` resources reachable via `included()` / `related<T>()`.
  virtual Result<T> get(std::string const& id, CallOptions const& options = {}) {
    return detail::read_as<T>(core(), item_path(id), options);
  }

 private:
  // What a Pager or a feed calls (see Endpoint::page_source).
  std::function<Result<Page<T>>(Q const&)> fetch_page(CallOptions options) {
    return page_source<T, Q>(this, &ReadApi::list_page, collection(), options);
  }
  std::function<Result<T>(std::string const&)> fetch_one(CallOptions options) {
    if (!made_by_client()) return [this, options](std::string const& id) { return get(id, options); };
    return [core = core_ptr(), path = collection(), options](std::string const& id) {
      return detail::read_as<T>(*core, detail::make_path({path, id}), options);
    };
  }
};

/// ReadApi plus create (POST), update (PATCH) and remove (DELETE).
template <typename T, typename Q = Query>
class CrudApi : public ReadApi<T, Q> {
 public:
  /// Creates the resource (nested related objects included). Not retried unless the
  /// request provably never reached FLOWii. Returns it with the new id.
  virtual Result<T> create(T const& resource, CallOptions const& options = {}) {
    return detail::as_model<T>(
        detail::create(this->core(), this->collection(), resource, options, detail::reconcile_for<Q>()));
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
    return detail::as_models<T>(detail::find_created(this->core(), this->collection(), sent, attempted, options));
  }
  /// PATCHes resource.id() with what the object holds (a read-modify-write keeps
  /// attributes the SDK does not know).
  virtual Status update(T const& resource, CallOptions const& options = {}) {
    return detail::update(this->core(), this->item_path(resource.id()), resource, options);
  }
  virtual Status remove(std::string const& id, CallOptions const& options = {}) {
    return detail::remove(this->core(), this->item_path(id), options);
  }
};

/// Unpaged code list at a path: all items, and one by id.
template <typename T>
class CodeListApi : public virtual Endpoint {
 public:
  virtual Result<std::vector<T>> list(CallOptions const& options = {}) {
    return code_list_at<T>(collection(), options);
  }
  virtual Result<T> get(std::string const& id, CallOptions const& options = {}) {
    return detail::read_as<T>(core(), item_path(id), options);
  }
};

/// A hierarchical code list (types and subtypes, categories and subcategories):
/// children of an item live at `<collection>/<id>/<child_segment>`.
template <typename T>
class TreeCodeListApi : public CodeListApi<T> {
 public:
  virtual Result<std::vector<T>> children(std::string const& parent_id, CallOptions const& options = {}) {
    return this->template code_list_at<T>(this->sub_path(parent_id, child_segment()), options);
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
  CodeList(std::shared_ptr<detail::Core> core, std::string path) : Endpoint(std::move(core), std::move(path)) {}
};

template <typename T>
class TreeCodeList : public TreeCodeListApi<T> {
 public:
  TreeCodeList(std::shared_ptr<detail::Core> core, std::string path) : Endpoint(std::move(core), std::move(path)) {}
};

}  // namespace flowii

// ---- operations declared once ------------------------------------------------
//
// A module header lists its operations of the common shapes in one X-macro,
//
//   #define FLOWII_ORDERS_OPERATIONS(SUB_LIST, CODE_LIST, DOWNLOAD)
//     SUB_LIST(Document, documents, "documents", "order-documents",
//              "Invoicing documents allocated to an order", ("serial-nr", "type"))
//     CODE_LIST(CustomFieldDefinition, custom_fields, "/orders/customfields",
//               "order-custom-fields", "Custom-field definitions of orders", ())
//
// (each line but the last ending in a backslash), and expands it in its class with
// FLOWII_OPERATION_METHODS(FLOWII_ORDERS_OPERATIONS).
// Each line is one operation, and every other place that needs it expands the
// same list: the mock (FLOWII_OPERATION_MOCKS, flowii/testing/mocks.hpp), the
// command line (one `flowii <cli name>` resource with its help and table columns)
// and the blueprint coverage calls. The shapes:
//
//   SUB_LIST(Model, method, "segment", "cli-name", "help", (columns...))
//     Result<Page<Model>> method(owner_id, Query = {}, CallOptions = {}):
//     GET <collection>/{owner_id}/<segment>; `flowii cli-name list --parent ID`.
//   CODE_LIST(Model, method, "/path", "cli-name", "help", (columns...))
//     Result<std::vector<Model>> method(CallOptions = {}): GET <path>, unpaged;
//     `flowii cli-name list`.
//   DOWNLOAD(method, "segment", "cli-name", "help")
//     Result<Binary> method(id, CallOptions = {}): GET <collection>/{id}/<segment>;
//     `flowii cli-name download ID --out FILE`.
//
// Methods of other shapes are written out in the class, and a test checks that each
// has a mock, a coverage call and a command (tests/testing/declarations_test.cpp).

/// Expands to nothing: the shape a consumer of an operation list does not use.
#define FLOWII_OPERATION_IGNORE(...)
/// `(a, b)` -> `a, b`: the parenthesized columns of a declaration.
#define FLOWII_DETAIL_UNPAREN(...) __VA_ARGS__

// T is a type: parentheses around it would not compile (hence the NOLINTs).
#define FLOWII_DETAIL_SUB_LIST_METHOD(T, name, segment, cli, help, columns)                                        \
  /* NOLINTNEXTLINE(bugprone-macro-parentheses) */                                                                 \
  virtual ::flowii::Result<::flowii::Page<T>> name(std::string const& owner_id, ::flowii::Query const& query = {}, \
                                                   ::flowii::CallOptions const& options = {}) {                    \
    return this->template page_under<T>(owner_id, (segment), query, options);                                      \
  }
#define FLOWII_DETAIL_CODE_LIST_METHOD(T, name, path, cli, help, columns)                    \
  /* NOLINTNEXTLINE(bugprone-macro-parentheses) */                                           \
  virtual ::flowii::Result<std::vector<T>> name(::flowii::CallOptions const& options = {}) { \
    return this->template code_list_at<T>((path), options);                                  \
  }
#define FLOWII_DETAIL_DOWNLOAD_METHOD(name, segment, cli, help)                                                       \
  virtual ::flowii::Result<::flowii::Binary> name(std::string const& id, ::flowii::CallOptions const& options = {}) { \
    return this->download_under(id, (segment), options);                                                              \
  }

/// The virtual methods of an operation list (see above), with their bodies.
#define FLOWII_OPERATION_METHODS(OPERATIONS) \
  OPERATIONS(FLOWII_DETAIL_SUB_LIST_METHOD, FLOWII_DETAIL_CODE_LIST_METHOD, FLOWII_DETAIL_DOWNLOAD_METHOD)

#endif  // FLOWII_API_HPP
