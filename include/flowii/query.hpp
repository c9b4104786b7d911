// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// List queries (filter[...], page[number] from 0, page[size]), pages and the lazy
// Pager range. See docs/adr/0003-paging.md for when iteration stops.
#ifndef FLOWII_QUERY_HPP
#define FLOWII_QUERY_HPP

#include <flowii/datetime.hpp>
#include <flowii/options.hpp>
#include <flowii/resource.hpp>
#include <flowii/result.hpp>

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <future>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <system_error>
#include <type_traits>
#include <utility>
#include <vector>

namespace flowii {

/// Query parameters of a list call. Filters keep their insertion order; setting
/// the same filter twice replaces the value.
class ListQuery {
 public:
  /// `filter[name]=value`
  void set_filter(std::string name, std::string value);
  void set_filter(std::string name, std::int64_t value) { set_filter(std::move(name), std::to_string(value)); }
  void set_filter(std::string name, UnixTime value) { set_filter(std::move(name), value.seconds); }
  /// Array filters (e.g. `tag-ids`): FLOWii documents the type "array, long" but
  /// not the encoding; the SDK sends a comma-separated list.
  void set_filter(std::string name, std::vector<std::string> const& values);
  /// Any other query parameter (e.g. includeContacts=true).
  void set_param(std::string name, std::string value);
  void set_page(int number) { page_ = number; }
  void set_page_size(int size) { page_size_ = size; }

  std::optional<int> page() const { return page_; }
  std::optional<int> page_size() const { return page_size_; }
  std::vector<std::pair<std::string, std::string>> const& filters() const { return filters_; }
  std::vector<std::pair<std::string, std::string>> const& params() const { return params_; }
  /// All query parameters in wire order (params, filter[...], page[...]), not yet encoded.
  std::vector<std::pair<std::string, std::string>> to_query() const;

 private:
  std::vector<std::pair<std::string, std::string>> filters_;
  std::vector<std::pair<std::string, std::string>> params_;
  std::optional<int> page_;
  std::optional<int> page_size_;
};

/// Chainable setters shared by every typed query (CRTP).
template <typename Derived>
class QueryBuilder : public ListQuery {
 public:
  Derived& page(int number) {
    set_page(number);
    return self();
  }
  Derived& page_size(int size) {
    set_page_size(size);
    return self();
  }
  Derived& filter(std::string name, std::string value) {
    set_filter(std::move(name), std::move(value));
    return self();
  }
  Derived& param(std::string name, std::string value) {
    set_param(std::move(name), std::move(value));
    return self();
  }
  using ListQuery::page;
  using ListQuery::page_size;

 protected:
  Derived& self() { return static_cast<Derived&>(*this); }
};

/// A query with no typed filters.
class Query : public QueryBuilder<Query> {};

/// A page of results, with what is needed to fetch the next one or to resume later.
template <typename T>
struct Page {
  std::vector<T> items;
  int number = 0;           ///< the page[number] this page was fetched with
  std::optional<int> size;  ///< the page[size] requested, if any
  std::string self_link;
  std::string first_link;
  std::optional<std::string> next_link;  ///< links.next, when the server sends it
  bool last = true;                      ///< no further page is expected
  std::shared_ptr<Included const> included = std::make_shared<Included const>();

  /// The page number to ask for next, or nullopt when this is the last page.
  std::optional<int> next_page() const { return last ? std::nullopt : std::optional<int>(number + 1); }
};

/// Converts a page of resources to a page of T (a model view).
template <typename T>
Page<T> typed_page(Page<Resource> page) {
  Page<T> out;
  out.items.reserve(page.items.size());
  for (auto& r : page.items) out.items.emplace_back(std::move(r));
  out.number = page.number;
  out.size = page.size;
  out.self_link = std::move(page.self_link);
  out.first_link = std::move(page.first_link);
  out.next_link = std::move(page.next_link);
  out.last = page.last;
  out.included = std::move(page.included);
  return out;
}

/// A lazy input range over every item of a paged list, one page in memory at a time.
/// Elements are Result<T>: a failed page yields one error element, then the range ends.
/// With prefetch on, page k+1 is requested on a background thread as soon as page k
/// is handed out, so at most two pages are in memory. With parallel(N), pages k..k+N-1
/// are requested at once and handed out in page order, at most N+1 pages in memory
/// (docs/adr/0003-paging.md).
///
///     for (auto const& p : client.partners().list()) {
///       if (!p) { report(p.status()); break; }
///       use(*p);
///     }
template <typename T, typename Q = Query>
class Pager {
  struct State;  // declared before iterator uses it (clang requires it)

 public:
  using FetchPage = std::function<Result<Page<T>>(Q const&)>;

  Pager(FetchPage fetch, Q query, bool prefetch = false)
      : state_(std::make_shared<State>(std::move(fetch), std::move(query))) {
    state_->prefetch = prefetch;
  }

  /// Turns page prefetch on or off for this listing (default: PagingOptions::prefetch).
  /// Call before iterating. Returns a Pager sharing this one's state, so it can be
  /// chained on a temporary: `for (auto& p : api.list(q).prefetch()) ...`.
  Pager prefetch(bool on = true) {
    state_->prefetch = on;
    return *this;
  }

  /// Requests up to `pages` pages at once for this listing (default:
  /// PagingOptions::parallel_pages): 1 is one page at a time, more supersedes
  /// prefetch. Items come out in page order, exactly as with one page at a time.
  /// Outside 1..PagingOptions::kMaxParallelPages the listing yields one
  /// kInvalidArgument error element and requests nothing. Call before iterating;
  /// chains like prefetch().
  Pager parallel(int pages) {
    state_->parallel = pages;
    return *this;
  }

  class iterator {
   public:
    using iterator_category = std::input_iterator_tag;
    using value_type = Result<T>;
    using difference_type = std::ptrdiff_t;
    using pointer = Result<T> const*;
    using reference = Result<T> const&;

    iterator() = default;
    reference operator*() const { return *state_->current; }
    pointer operator->() const { return &*state_->current; }
    iterator& operator++() {
      state_->advance();
      if (state_->done) state_.reset();
      return *this;
    }
    void operator++(int) { ++*this; }
    friend bool operator==(iterator const& a, iterator const& b) { return a.state_ == b.state_; }
    friend bool operator!=(iterator const& a, iterator const& b) { return !(a == b); }

   private:
    friend class Pager;
    explicit iterator(std::shared_ptr<typename Pager::State> s) : state_(std::move(s)) {}
    std::shared_ptr<typename Pager::State> state_;
  };

  /// Starts (or continues) the iteration; a Pager is single-pass.
  iterator begin() {
    if (!state_->started) {
      state_->started = true;
      state_->start();
    }
    return state_->done ? iterator() : iterator(state_);
  }
  iterator end() { return iterator(); }

  /// Number of pages the listing used so far (requests made in parallel and
  /// discarded past its end or an error are not counted).
  int pages_fetched() const { return state_->pages_fetched; }

 private:
  struct State {
    State(FetchPage f, Q q) : fetch(std::move(f)), query(std::move(q)) {}
    FetchPage fetch;
    Q query;
    int number = 0;  // page[number] of the page to hand out next
    std::optional<Page<T>> page;
    std::size_t index = 0;
    std::optional<Result<T>> current;
    bool started = false;
    bool done = false;
    bool failed = false;
    int pages_fetched = 0;
    std::optional<ResourceId> previous_first;
    bool saw_next = false;
    bool prefetch = false;
    int parallel = 1;
    // Requests for pages number, number+1, ... in that order, each on its own thread.
    // Declared last so that it is destroyed first: destroying the State waits for
    // unfinished requests, and starts none.
    std::deque<std::future<Result<Page<T>>>> ahead;

    void start() {
      number = query.page().value_or(0);
      if (parallel < 1 || parallel > PagingOptions::kMaxParallelPages) {
        current.emplace(Status(ErrorCode::kInvalidArgument, "Pager::parallel(" + std::to_string(parallel) +
                                                                "): ask for 1 to " +
                                                                std::to_string(PagingOptions::kMaxParallelPages) +
                                                                " pages at once (1 = one page at a time)"));
        failed = true;
        return;
      }
      advance();
    }

    // Requests the next pages in the background until `window` are on their way.
    void request_ahead(std::size_t window) {
      while (ahead.size() < window) {
        Q next = query;
        next.set_page(number + static_cast<int>(ahead.size()));
        try {
          // The task owns copies of `fetch` and the query, never a reference to this State.
          ahead.push_back(std::async(std::launch::async, fetch, std::move(next)));
        } catch (std::system_error const&) {
          // No thread to be had: a page not asked for ahead is fetched when it is needed.
          return;
        }
      }
    }

    Result<Page<T>> fetch_next() {
      if (ahead.empty() && parallel > 1) request_ahead(static_cast<std::size_t>(parallel));
      if (ahead.empty()) {
        query.set_page(number);
        return fetch(query);
      }
      auto next = std::move(ahead.front());
      ahead.pop_front();
      return next.get();
    }

    // The listing is over: pages requested past its end are waited for and dropped.
    void finish() {
      done = true;
      ahead.clear();
    }

    void advance() {
      if (failed) {
        finish();
        return;
      }
      while (true) {
        if (page && index < page->items.size()) {
          current.emplace(std::move(page->items[index++]));
          return;
        }
        if (page && page->last) {
          finish();
          return;
        }
        page.reset();
        index = 0;
        auto next = fetch_next();
        ++number;
        ++pages_fetched;
        if (!next) {
          current.emplace(next.status());
          failed = true;
          ahead.clear();
          return;
        }
        page.emplace(std::move(next).value());
        if (page->items.empty()) {
          finish();
          return;
        }
        // A server that ignores page[number] would hand out page 0 forever: stop
        // when a page starts with the same item as the one before.
        auto first = page->items.front().ref();
        if (previous_first && *previous_first == first) {
          finish();
          return;
        }
        previous_first = std::move(first);
        // Parallel pages are read in any order, so the client may not yet have seen the
        // `next` links of earlier pages when this one was read: within the listing, a
        // page without `next` after pages with one is the last, in any order (ADR 0003).
        if (page->next_link) {
          saw_next = true;
        } else if (saw_next) {
          page->last = true;
        }
        if (!page->last) request_ahead(parallel > 1 ? static_cast<std::size_t>(parallel) : prefetch ? 1 : 0);
      }
    }
  };
  std::shared_ptr<State> state_;
};

}  // namespace flowii

/// Declares a typed query class with named filter setters:
///   TEXT(name, "key")  -> name(std::string)      filter[key]=value
///   ID(name, "key")    -> name(std::string id)
///   IDS(name, "key")   -> name(std::vector<std::string>)  (comma-separated)
///   TIME(name, "key")  -> name(UnixTime) and name(DateTime, utc_offset)  (unix seconds)
///   NUM(name, "key")   -> name(double) / name(std::int64_t) for amounts and enums
// `name` becomes a member function's name, which parentheses would break.
#define FLOWII_DETAIL_QTEXT(name, key) /* NOLINTNEXTLINE(bugprone-macro-parentheses) */ \
  auto& name(std::string v) {                                                           \
    set_filter(key, std::move(v));                                                      \
    return self();                                                                      \
  }
#define FLOWII_DETAIL_QIDS(name, key)             \
  auto& name(std::vector<std::string> const& v) { \
    set_filter(key, v);                           \
    return self();                                \
  }
#define FLOWII_DETAIL_QTIME(name, key)                                                                 \
  auto& name(::flowii::UnixTime v) {                                                                   \
    set_filter(key, v);                                                                                \
    return self();                                                                                     \
  }                                                                                                    \
  auto& name(::flowii::DateTime const& v, std::chrono::seconds utc_offset = std::chrono::seconds{0}) { \
    set_filter(key, ::flowii::UnixTime::from(v, utc_offset));                                          \
    return self();                                                                                     \
  }
#define FLOWII_DETAIL_QNUM(name, key)                                                          \
  template <typename I, std::enable_if_t<std::is_integral_v<I> || std::is_enum_v<I>, int> = 0> \
  auto& name(I v) {                                                                            \
    set_filter(key, static_cast<std::int64_t>(v));                                             \
    return self();                                                                             \
  }                                                                                            \
  auto& name(double v) {                                                                       \
    set_filter(key, ::flowii::detail_format_number(v));                                        \
    return self();                                                                             \
  }

namespace flowii {
/// Shortest round-trip text of a number ("12.5", "3").
std::string detail_format_number(double v);
}  // namespace flowii

#define FLOWII_QUERY(Name, FILTERS)                                                                                \
  /* NOLINTNEXTLINE(bugprone-macro-parentheses): Name is a class name */                                           \
  class Name : public ::flowii::QueryBuilder<Name> {                                                               \
   public:                                                                                                         \
    FILTERS(FLOWII_DETAIL_QTEXT, FLOWII_DETAIL_QTEXT, FLOWII_DETAIL_QIDS, FLOWII_DETAIL_QTIME, FLOWII_DETAIL_QNUM) \
  }

#endif  // FLOWII_QUERY_HPP
