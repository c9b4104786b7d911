// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// The generic core of the resource commands: what `flowii <resource> <action>`
// can do with one resource, type-erased over the SDK's typed APIs. A declaration
// (resource_table.cpp) binds a name to an accessor of the Client; the templates
// here turn ReadApi / CrudApi / CodeListApi / TreeCodeListApi shapes into actions,
// and FLOWII_CLI_OPERATIONS turns a module's declared operations (api.hpp) into
// one command each.
#ifndef FLOWII_CLI_RESOURCE_COMMAND_HPP
#define FLOWII_CLI_RESOURCE_COMMAND_HPP

#include <flowii/client.hpp>

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace flowii::cli {

/// Called after every page of a listing with the number of items so far.
using Progress = std::function<void(std::size_t)>;

/// What a download action gets from the command line.
struct DownloadRequest {
  std::string id;
  ListQuery filters;
  std::string language;
  bool include = false;  ///< the action's --include-* flag
};

/// A binary download (PDF, XML or Pohoda export) written with --out.
struct Download {
  std::string action;  ///< "pdf", "export-xml"
  std::string help;
  bool takes_id = false;  ///< a positional ID (else --filter applies)
  bool takes_language = false;
  std::string include_flag;  ///< e.g. "--include-contacts"; empty = none
  std::function<Result<Binary>(Client&, DownloadRequest const&)> fetch;
};

/// An action that is not list/get/create/update/delete, e.g. `mark-read ID`.
struct Verb {
  std::string action;  ///< "mark-read"
  std::string help;
  std::string value_option;  ///< a required option with the action's value, e.g. "--state"; empty = none
  bool takes_id = true;      ///< a positional ID
  std::function<Status(Client&, std::string const& parent, std::string const& id, std::string const& value)> run;
};

/// A change feed of one resource (ChangeFeed<T>, change_feed.hpp) over Resource,
/// for `flowii watch`. stop() may be called from another thread.
class Feed {
 public:
  using OnChange = std::function<void(Resource const& record, bool is_new)>;
  virtual ~Feed() = default;
  virtual Result<PollSummary> poll(OnChange const& on_change) = 0;
  virtual Status follow(OnChange const& on_change, std::function<void(PollSummary const&)> const& after_poll) = 0;
  virtual void stop() = 0;
  virtual ChangeCursor cursor() const = 0;
};

/// One resource of the command line: its actions (empty functions are absent).
/// A resource with a `parent` lives under another one (a task's activities):
/// each of its actions takes `--parent ID`, which reaches every function as
/// `parent`; top-level resources get an empty one.
struct ResourceCommand {
  std::string name;  ///< "partners"
  std::string help;
  std::string type;                  ///< JSON:API type of what `create` sends
  std::string parent;                ///< what --parent names ("task"); empty = top level
  std::vector<std::string> columns;  ///< table columns besides the id
  bool paged = false;                ///< list takes --filter, --page, --page-size, --all

  std::function<Result<std::vector<Resource>>(Client&, std::string const& parent, ListQuery const&, bool all,
                                              Progress const&)>
      list;
  /// Trees: `list --parent ID` lists the children of a top-level item.
  std::function<Result<std::vector<Resource>>(Client&, std::string const&)> children;
  std::function<Result<Resource>(Client&, std::string const& parent, std::string const& id)> get;
  std::function<Result<Resource>(Client&, std::string const& parent, Resource const&)> create;
  /// The declared fields of what `create` sends (they type the cells of a CSV import).
  std::vector<FieldSpec> fields;
  /// The records a create of `sent` attempted at a time may have made (CrudApi::find_created),
  /// for lists with FLOWii's created-from filter; empty for the others.
  std::function<Result<std::vector<Resource>>(Client&, std::string const& parent, Resource const& sent,
                                              UnixTime attempted)>
      find_created;
  std::function<Status(Client&, std::string const& parent, Resource const&)> update;
  std::function<Status(Client&, std::string const& parent, std::string const& id)> remove;
  std::vector<Download> downloads;
  std::vector<Verb> verbs;
  /// `flowii watch`: a feed of the resource's changes, for lists with FLOWii's
  /// edited-from or created-from filter (set by Declare::read when the SDK has it).
  std::function<std::unique_ptr<Feed>(Client&, ChangeFeedOptions, ChangeCursor)> changes;
};

namespace declare {

// ---- erasing the model type --------------------------------------------------
inline Result<Resource> erase(Result<Resource> r) { return r; }
template <typename T>
Result<Resource> erase(Result<T> r) {
  if (!r) return r.status();
  return Resource(std::move(r).value());
}
template <typename T>
Result<std::vector<Resource>> erase_all(Result<std::vector<T>> r) {
  if (!r) return r.status();
  return std::vector<Resource>(r->begin(), r->end());
}
/// A single object (a summary) listed as a list of one.
template <typename T>
Result<std::vector<Resource>> erase_all(Result<T> r) {
  if (!r) return r.status();
  return std::vector<Resource>{Resource(std::move(r).value())};
}

/// A typed query (PartnerQuery, ...) holding the filters and paging of `query`.
template <typename Q>
Q typed_query(ListQuery const& query) {
  Q typed;
  static_cast<ListQuery&>(typed) = query;
  return typed;
}

/// The model and query of a ReadApi-derived class, and the model of a CodeListApi.
template <typename T, typename Q>
std::pair<T, Q> read_types(ReadApi<T, Q> const*);
template <typename T>
T code_list_type(CodeListApi<T> const*);
template <typename Access>
using ApiOf = std::remove_reference_t<std::invoke_result_t<Access, Client&>>;

/// Whether an API's list can feed changes (ReadApi::changes exists for it).
template <typename Api, typename = void>
struct has_changes : std::false_type {};
template <typename Api>
struct has_changes<Api, std::void_t<decltype(std::declval<Api&>().changes())>> : std::true_type {};

/// ChangeFeed<T> as a Feed.
template <typename T>
class TypedFeed : public Feed {
 public:
  explicit TypedFeed(ChangeFeed<T> feed) : feed_(std::move(feed)) {}
  Result<PollSummary> poll(OnChange const& on_change) override { return feed_.poll(untyped(on_change)); }
  Status follow(OnChange const& on_change, std::function<void(PollSummary const&)> const& after_poll) override {
    return feed_.follow(untyped(on_change), after_poll);
  }
  void stop() override { feed_.stop(); }
  ChangeCursor cursor() const override { return feed_.cursor(); }

 private:
  static std::function<void(Change<T> const&)> untyped(OnChange const& on_change) {
    return [&on_change](Change<T> const& change) { on_change(change.record, change.is_new); };
  }
  ChangeFeed<T> feed_;
};
template <typename T>
std::unique_ptr<Feed> erase_feed(ChangeFeed<T> feed) {
  return std::make_unique<TypedFeed<T>>(std::move(feed));
}

/// Calls a declaration's function with the parent when it takes one
/// (`(Client&, std::string const& parent, ...)`), else without it.
template <typename F, typename... Args>
decltype(auto) with_parent(F const& f, Client& client, std::string const& parent, Args&&... args) {
  if constexpr (std::is_invocable_v<F const&, Client&, std::string const&, Args&&...>) {
    return f(client, parent, std::forward<Args>(args)...);
  } else {
    return f(client, std::forward<Args>(args)...);
  }
}

/// Builds a ResourceCommand: `Declare("partners", "...").crud(access).columns({...})`.
class Declare {
 public:
  Declare(std::string name, std::string help) {
    c_.name = std::move(name);
    c_.help = std::move(help);
  }
  operator ResourceCommand() const { return c_; }  // NOLINT(google-explicit-constructor)
  std::string const& name() const { return c_.name; }

  Declare& columns(std::vector<std::string> keys) {
    c_.columns = std::move(keys);
    return *this;
  }
  /// Every action needs `--parent ID` (`noun` names it in the help); the
  /// functions below may then take `std::string const& parent` after the client.
  Declare& under(std::string noun) {
    c_.parent = std::move(noun);
    return *this;
  }

  /// A paged list: fetch(client, Q) -> Result<Page<T>>, one page or all of them.
  template <typename Q, typename Fetch>
  Declare& pages(Fetch fetch) {
    c_.paged = true;
    c_.list = [fetch](Client& client, std::string const& parent, ListQuery const& query, bool all,
                      Progress const& progress) {
      return list_pages([fetch, &client, &parent](Q const& q) { return with_parent(fetch, client, parent, q); },
                        typed_query<Q>(query), all, progress);
    };
    return *this;
  }
  /// An unpaged list: fetch(client) -> Result<std::vector<T>> (or one T).
  template <typename Fetch>
  Declare& list(Fetch fetch) {
    c_.list = [fetch](Client& client, std::string const& parent, ListQuery const&, bool, Progress const&) {
      return erase_all(with_parent(fetch, client, parent));
    };
    return *this;
  }
  template <typename Fetch>
  Declare& get(Fetch fetch) {
    c_.get = [fetch](Client& client, std::string const& parent, std::string const& id) {
      return erase(with_parent(fetch, client, parent, id));
    };
    return *this;
  }
  /// create(client, T const&) -> Result<T> (or Result<Resource>).
  template <typename T, typename Create>
  Declare& create(Create create) {
    c_.type = T::kType;
    c_.fields = T::fields();
    c_.create = [create](Client& client, std::string const& parent, Resource const& r) {
      return erase(with_parent(create, client, parent, T(r)));
    };
    return *this;
  }
  /// update(client, T const&) -> Status: a PATCH of the attributes given.
  template <typename T, typename Update>
  Declare& update(Update update) {
    c_.type = T::kType;
    c_.update = [update](Client& client, std::string const& parent, Resource const& r) {
      return with_parent(update, client, parent, T(r));
    };
    return *this;
  }
  /// `list --parent ID`: children(client, parent_id) -> Result<std::vector<T>>.
  template <typename Fetch>
  Declare& children(Fetch fetch) {
    c_.children = [fetch](Client& client, std::string const& parent) { return erase_all(fetch(client, parent)); };
    return *this;
  }
  template <typename Remove>
  Declare& remove(Remove remove) {
    c_.remove = [remove](Client& client, std::string const& parent, std::string const& id) {
      return with_parent(remove, client, parent, id);
    };
    return *this;
  }
  Declare& download(Download d) {
    c_.downloads.push_back(std::move(d));
    return *this;
  }
  Declare& verb(Verb v) {
    c_.verbs.push_back(std::move(v));
    return *this;
  }

  // ---- the SDK's generic blocks ---------------------------------------------
  /// ReadApi: paged list with the API's query type, get, and `flowii watch` when
  /// the list can feed changes.
  template <typename Access>
  Declare& read(Access access) {
    using Types = decltype(read_types(static_cast<ApiOf<Access>*>(nullptr)));
    using Q = typename Types::second_type;
    pages<Q>([access](Client& c, Q const& q) { return access(c).list_page(q); });
    if constexpr (has_changes<ApiOf<Access>>::value) {
      c_.changes = [access](Client& c, ChangeFeedOptions options, ChangeCursor cursor) {
        return erase_feed(access(c).changes(std::move(options), std::move(cursor)));
      };
    }
    return get([access](Client& c, std::string const& id) { return access(c).get(id); });
  }
  /// CrudApi: ReadApi plus create, update (PATCH of the given attributes) and delete.
  template <typename Access>
  Declare& crud(Access access) {
    using Types = decltype(read_types(static_cast<ApiOf<Access>*>(nullptr)));
    using T = typename Types::first_type;
    read(access);
    create<T>([access](Client& c, T const& r) { return access(c).create(r); });
    if constexpr (detail::lists_created_from<typename Types::second_type>::value) {
      c_.find_created = [access](Client& c, std::string const&, Resource const& sent, UnixTime attempted) {
        return erase_all(access(c).find_created(T(sent), attempted));
      };
    }
    update<T>([access](Client& c, T const& r) { return access(c).update(r); });
    return remove([access](Client& c, std::string const& id) { return access(c).remove(id); });
  }
  /// CodeListApi: the whole list, get.
  template <typename Access>
  Declare& code_list(Access access) {
    list([access](Client& c) { return access(c).list(); });
    return get([access](Client& c, std::string const& id) { return access(c).get(id); });
  }
  /// TreeCodeListApi: a code list whose `list --parent ID` shows the children.
  template <typename Access>
  Declare& tree(Access access) {
    children([access](Client& c, std::string const& parent) { return access(c).children(parent); });
    return code_list(access);
  }

 private:
  /// One page, or every page through the SDK's Pager (reporting progress per page).
  template <typename T, typename Q>
  static Result<std::vector<Resource>> collect(std::function<Result<Page<T>>(Q const&)> fetch, Q query, bool all,
                                               Progress const& progress) {
    if (!all) {
      auto page = fetch(query);
      if (!page) return page.status();
      return std::vector<Resource>(page->items.begin(), page->items.end());
    }
    std::size_t fetched = 0;
    auto counted = [&fetch, &fetched, &progress](Q const& q) {
      auto page = fetch(q);
      if (page && !page->items.empty()) {
        fetched += page->items.size();
        if (progress) progress(fetched);
      }
      return page;
    };
    std::vector<Resource> items;
    for (auto const& item : Pager<T, Q>(counted, std::move(query))) {
      if (!item) return item.status();
      items.emplace_back(*item);
    }
    return items;
  }
  template <typename Fetch, typename Q>
  static Result<std::vector<Resource>> list_pages(Fetch fetch, Q query, bool all, Progress const& progress) {
    using PageT = typename std::invoke_result_t<Fetch, Q const&>;
    using T = typename std::remove_reference_t<decltype(std::declval<PageT&>().value().items.front())>;
    return collect<T, Q>(std::function<Result<Page<T>>(Q const&)>(std::move(fetch)), std::move(query), all, progress);
  }

  ResourceCommand c_;
};

/// The declaration named `name` in `table`, to add actions to a generated one;
/// a name missing from the table is a bug of the table, reported as such.
Declare& find(std::vector<Declare>& table, std::string const& name);

}  // namespace declare

// ---- the declared operations of a module (api.hpp), as commands ----------------

#define FLOWII_DETAIL_CLI_SUB_LIST(T, method, segment, command, summary, shown)                                       \
  rows.push_back(                                                                                                     \
      ::flowii::cli::declare::Declare(command, summary)                                                               \
          .under(noun)                                                                                                \
          .pages<::flowii::Query>([access](::flowii::Client& c, std::string const& owner, ::flowii::Query const& q) { \
            return access(c).method(owner, q);                                                                        \
          })                                                                                                          \
          .columns({FLOWII_DETAIL_UNPAREN shown}));
#define FLOWII_DETAIL_CLI_CODE_LIST(T, method, path, command, summary, shown)            \
  rows.push_back(::flowii::cli::declare::Declare(command, summary)                       \
                     .list([access](::flowii::Client& c) { return access(c).method(); }) \
                     .columns({FLOWII_DETAIL_UNPAREN shown}));
#define FLOWII_DETAIL_CLI_DOWNLOAD(method, segment, command, summary)                                    \
  rows.push_back(::flowii::cli::declare::Declare(command, summary)                                       \
                     .download({"download", summary, true, false, "",                                    \
                                [access](::flowii::Client& c, ::flowii::cli::DownloadRequest const& r) { \
                                  return access(c).method(r.id);                                         \
                                }}));

/// Appends to `table` (a std::vector<Declare>) one command per operation that
/// OPERATIONS declares (FLOWII_<MODULE>_OPERATIONS): `access` is the Client's
/// accessor of the module, `owner` what --parent names for its sub-lists.
#define FLOWII_CLI_OPERATIONS(table, module_access, owner, OPERATIONS)                              \
  do {                                                                                              \
    auto& rows = (table);                                                                           \
    auto access = (module_access);                                                                  \
    [[maybe_unused]] std::string const noun = (owner);                                              \
    OPERATIONS(FLOWII_DETAIL_CLI_SUB_LIST, FLOWII_DETAIL_CLI_CODE_LIST, FLOWII_DETAIL_CLI_DOWNLOAD) \
  } while (false)

/// Every resource of the command line, in help order.
std::vector<ResourceCommand> const& resource_commands();

}  // namespace flowii::cli

#endif  // FLOWII_CLI_RESOURCE_COMMAND_HPP
