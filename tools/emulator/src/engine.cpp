// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include "engine.hpp"

#include <algorithm>
#include <set>

#include "api_error.hpp"
#include "common/ascii.hpp"
#include "jsonapi.hpp"
#include "listing.hpp"
#include "serializer.hpp"
#include "text.hpp"
#include "writer.hpp"
#include "zip.hpp"

namespace flowii::emulator {

namespace {

using Handler = std::function<HttpReply(Ctx&)>;

std::vector<std::string> operator+(std::vector<std::string> a, std::vector<std::string> const& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

RouteEndpoint endpoint(std::vector<std::string> params, Handler handler) {
  return RouteEndpoint{Access::kCompany, std::move(params), std::move(handler)};
}

bool in_scope(ResourceSpec const& spec, Record const& record) {
  return spec.scope.empty() || record.scope == spec.scope;
}

// The records a spec's collection shows, before request filters.
std::vector<Record const*> collection_records(Ctx const& ctx, ResourceSpec const& spec) {
  auto records = ctx.view().all(spec.type);
  records.erase(
      std::remove_if(records.begin(), records.end(),
                     [&](Record const* r) { return !in_scope(spec, *r) || (spec.list_where && !spec.list_where(*r)); }),
      records.end());
  return apply_filters(ctx, spec.filters, std::move(records));
}

// FLOWii answers a create with 200 and the new id only; uploads (and a few
// others) add links.self, the collection they were posted to.
HttpReply created_reply(Ctx const& ctx, std::string const& type, std::string const& id, bool self_link) {
  nlohmann::json document = {{"data", {{"type", type}, {"id", id}, {"attributes", nlohmann::json::object()}}}};
  if (self_link) document["links"] = {{"self", ctx.base_url + ctx.request.path}};
  return document_reply(200, document);
}

// PATCH/DELETE answer 204, or an empty 200 where FLOWii documents that.
HttpReply empty_reply(int status) {
  HttpReply reply = no_content();
  reply.status = status;
  return reply;
}

void check_flags(Ctx const& ctx, std::vector<std::string> const& names) {
  for (auto const& name : names) {
    for (auto const& value : ctx.request.query_values(name)) {
      auto const v = common::to_lower(value);
      if (v != "true" && v != "false" && v != "1" && v != "0") {
        throw ErrorReply({at_parameter(400, name, name + " must be true or false.")});
      }
    }
  }
}

void add_collection_routes(Router& router, ResourceSpec const& spec) {
  ResourceSpec const* s = &spec;
  if (spec.ops.count(Op::kList) > 0) {
    router.add("GET", spec.collection, endpoint(page_params() + filter_params(spec.filters), [s](Ctx& ctx) {
                 return list_reply(ctx, collection_records(ctx, *s), s->paged);
               }));
  }
  if (spec.ops.count(Op::kCreate) > 0) {
    router.add("POST", spec.collection, endpoint({}, [s](Ctx& ctx) {
                 auto const document = parse_document(ctx.request);
                 auto const id =
                     write_atomically(ctx, [&](Writer& w) { return w.create(s->type, s->scope, document["data"]); });
                 return created_reply(ctx, s->type, id, s->create_self_link);
               }));
  }
  for (auto const& ex : spec.exports) {
    Export const* e = &ex;
    router.add("GET", spec.collection + "/export/" + ex.name,
               endpoint(filter_params(spec.filters) + ex.params, [s, e](Ctx& ctx) {
                 check_flags(ctx, e->params);
                 auto const records = collection_records(ctx, *s);
                 std::string const content = e->write(ExportInput{records, ctx.view(), ctx.request});
                 HttpReply reply;
                 reply.content_type = "application/zip";
                 reply.body = make_zip({{e->entry_name, content}}, ctx.now());
                 reply.headers = {
                     {"Content-Disposition", "attachment; filename=\"" + s->type + "-export-" + e->name + ".zip\""}};
                 return reply;
               }));
  }
}

void add_item_routes(Router& router, ResourceSpec const& spec) {
  ResourceSpec const* s = &spec;
  std::string const item = spec.item_path() + "/{id}";
  if (spec.ops.count(Op::kRead) > 0) {
    router.add("GET", item,
               endpoint({}, [s](Ctx& ctx) { return detail_reply(ctx, find_or_404(ctx, *s, ctx.path_params.at(0))); }));
  }
  if (spec.self_alias) {
    router.add("GET", spec.item_path() + "/self",
               endpoint({}, [s](Ctx& ctx) { return detail_reply(ctx, find_or_404(ctx, *s, ctx.user->id)); }));
  }
  if (spec.ops.count(Op::kUpdate) > 0) {
    router.add("PATCH", item, endpoint({}, [s](Ctx& ctx) {
                 Record const& record = find_or_404(ctx, *s, ctx.path_params.at(0));
                 auto const document = parse_document(ctx.request);
                 write_atomically(ctx, [&](Writer& w) {
                   w.update(document["data"], record);
                   return std::string();
                 });
                 return empty_reply(s->update_status);
               }));
  }
  if (spec.ops.count(Op::kRemove) > 0) {
    router.add("DELETE", item, endpoint({}, [s](Ctx& ctx) {
                 remove_record(ctx, find_or_404(ctx, *s, ctx.path_params.at(0)).ref());
                 return empty_reply(s->remove_status);
               }));
  }
}

void add_sublist_routes(Router& router, ResourceSpec const& spec) {
  ResourceSpec const* s = &spec;
  for (auto const& sub : spec.sublists) {
    SubList const* l = &sub;
    std::string const path = spec.item_path() + "/{id}/" + sub.segment;
    router.add("GET", path, endpoint(page_params(), [s, l](Ctx& ctx) {
                 Record const& owner = find_or_404(ctx, *s, ctx.path_params.at(0));
                 std::vector<Record const*> items;
                 std::set<Ref> seen;
                 for (auto const& via : l->via) {
                   for (Record const* r : via.records(owner, ctx.view())) {
                     if (r->type == l->type && seen.insert(r->ref()).second) items.push_back(r);
                   }
                 }
                 return list_reply(ctx, items, l->paged, Shape::kSublist);
               }));
    if (!sub.attach) continue;
    router.add("POST", path, endpoint({}, [s, l](Ctx& ctx) {
                 Ref const owner = find_or_404(ctx, *s, ctx.path_params.at(0)).ref();
                 auto const document = parse_document(ctx.request);
                 auto const id =
                     write_atomically(ctx, [&](Writer& w) { return w.create(l->type, {}, document["data"], owner); });
                 return created_reply(ctx, l->type, id, true);
               }));
  }
}

}  // namespace

std::string write_atomically(Ctx& ctx, std::function<std::string(Writer&)> const& write) {
  Store::Transaction transaction(ctx.state.store, ctx.company);
  ErrorList errors;
  Writer writer(ctx, errors);
  std::string result = write(writer);
  errors.raise_if_any();
  transaction.commit();
  return result;
}

Record const& find_or_404(Ctx const& ctx, ResourceSpec const& spec, std::string const& id) {
  Record const* record = ctx.view().find({spec.type, id});
  if (record == nullptr || !in_scope(spec, *record)) {
    throw ErrorReply(404, "There is no " + spec.type + " with id " + id + ".");
  }
  return *record;
}

HttpReply detail_reply(Ctx const& ctx, Record const& record) {
  Serializer const serializer(ctx);
  IncludedSet included;
  included.exclude(record.ref());
  serializer.include_related(record, Shape::kDetail, included);
  nlohmann::json document = {{"data", serializer.resource(record, Shape::kDetail, false)},
                             {"links", {{"self", self_link(ctx)}}}};
  if (!included.empty()) document["included"] = included.items();
  return document_reply(200, document);
}

void add_routes(Router& router, Catalog const& catalog) {
  for (auto const& module : catalog.modules()) {
    for (auto const& route : module.routes) router.add(route.method, route.pattern, route.endpoint);
    for (auto const& spec : module.resources) {
      add_collection_routes(router, spec);
      add_item_routes(router, spec);
      add_sublist_routes(router, spec);
    }
  }
}

}  // namespace flowii::emulator
