// Dredd hooks for the contract run of flowii-emulator against FLOWii's
// blueprint (tests/contract/run-dredd.sh). They only supply what an example
// cannot know: real credentials, a token, and ids of records that exist in the
// emulator (records created from the blueprint's own create examples for
// deletes and detail reads). Expectations (status, headers, bodies) are never
// changed, except that an MSON body schema is dropped so that gavel checks the
// example body instead (see the first beforeEach).
//
// Skipped transactions (the blueprint itself is wrong there), with the reason
// (docs/emulator.md lists them too):
const skips = {
  'Documents > Document > Generate document PDF':
      'the blueprint gives a PDF the JSON:API media type and no body; the format is undocumented, '
      + 'the emulator serves application/pdf',
  'Goods > Good list > Get good list':
      'the first example good has "rate-type" where the second one and the good detail have "vat-rate" '
      + '(a typo in the example; gavel matches list items by position)',
};
const hooks = require('hooks');
const http = require('http');

const env = process.env;
const base = new URL(env.FLOWII_API_URL);
const company = env.FLOWII_COMPANY_ID;
let all = [];  // every transaction: the create and list examples of each collection
let accessToken = '';

// One HTTP call to the emulator; resolves to {status, json, text}.
function call(method, path, body, contentType) {
  return new Promise((resolve, reject) => {
    const headers = {'Api-Key': env.FLOWII_API_KEY, Accept: 'application/vnd.api+json'};
    if (accessToken) headers.Authorization = `Bearer ${accessToken}`;
    if (body !== undefined) {
      headers['Content-Type'] = contentType || 'application/vnd.api+json';
      headers['Content-Length'] = Buffer.byteLength(body);
    }
    const req = http.request({host: base.hostname, port: base.port, method, path, headers}, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => { text += chunk; });
      res.on('end', () => {
        let json = null;
        try { json = JSON.parse(text); } catch (e) { json = null; }
        resolve({status: res.statusCode, json, text});
      });
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const withCompany = (path) => `${path}${path.includes('?') ? '&' : '?'}companyId=${company}`;
const form = (fields) => Object.entries(fields).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');

async function passwordGrant() {
  const saved = accessToken;
  accessToken = '';
  const r = await call('POST', '/token', form({grant_type: 'password', username: env.FLOWII_USERNAME,
                                                password: env.FLOWII_PASSWORD}),
                       'application/x-www-form-urlencoded');
  accessToken = saved;
  if (r.status !== 200 || !r.json) throw new Error(`POST /token answered ${r.status}: ${r.text}`);
  return r.json;
}

const pathOf = (t) => t.fullPath.split('?')[0];
const queryOf = (t) => (t.fullPath.includes('?') ? t.fullPath.slice(t.fullPath.indexOf('?')) : '');
const parse = (text) => { try { return JSON.parse(text); } catch (e) { return null; } };
const pattern = (p) => p.replace(/\/\d+(?=\/|$)/g, '/{id}');

// The blueprint's create example for records under `collection` ("/tasks/1/activityintervals"
// or, for records created only below an owner like files, any ".../files" upload).
function createExample(collection) {
  const posts = all.filter((t) => t.request.method === 'POST' && t.request.body);
  return posts.find((t) => pattern(pathOf(t)) === pattern(collection)) ||
         posts.find((t) => pathOf(t).split('/').pop() === collection.split('/').pop());
}

// Creates a record the way the blueprint's example does; returns its id.
async function createIn(collection) {
  const example = createExample(collection);
  if (!example) throw new Error(`no create example for ${collection}`);
  const target = await resolvePath(pathOf(example), 'POST');
  const body = await resolveBody(example.request.body, target, null);
  const r = await call('POST', withCompany(target), body);
  if (r.status !== 200 || !r.json || !r.json.data) throw new Error(`POST ${target} answered ${r.status}: ${r.text}`);
  return r.json.data.id;
}

// The blueprint's list examples: where records of a type are listed, and the
// example records (to find the emulator record most like a referenced one).
function listExamples(type) {
  return all.filter((t) => {
    if (t.request.method !== 'GET' || pattern(pathOf(t)) !== pathOf(t)) return false;
    const body = parse(t.expected.body);
    return body && Array.isArray(body.data) && body.data.length > 0 && body.data[0].type === type;
  });
}

// Where the blueprint itself names one type two ways (items link "unit-of-measure",
// /units lists "unit").
const aliases = {'unit-of-measure': 'unit'};
// A custom field value must link a custom field of its kind (FLOWii's value-types).
const customFieldKinds = {'custom-field-bool-value': 1, 'custom-field-numeric-value': 2, 'custom-field-string-value': 3,
                          'custom-field-date-value': 4, 'custom-field-enum-value': 6};

// Records of `type` the emulator shows in some list's `included`, for types without a list of their own.
async function includedOfType(type) {
  for (const t of all) {
    if (t.request.method !== 'GET') continue;
    const body = parse(t.expected.body);
    if (!body || !Array.isArray(body.included) || !body.included.some((d) => d.type === type)) continue;
    const r = await call('GET', (await resolvePath(pathOf(t), 'GET')) + queryOf(t));
    const found = ((r.json && r.json.included) || []).filter((d) => d.type === type);
    if (found.length > 0) return found;
  }
  return [];
}

function likeness(a, b) {
  if (!a || !b) return 0;
  return Object.keys(a).filter((k) => JSON.stringify(a[k]) === JSON.stringify(b[k])).length;
}

// An id of an existing record that can stand for the blueprint's `id`: the id
// itself if the emulator has it, else the listed record most like the
// blueprint's example record (e.g. a custom field of the same value-type).
async function existingIn(collection, id, type, module, wanted, query, taken) {
  if (collection && (await call('GET', withCompany(`${collection}/${id}`))).status === 200) return id;
  const lists = collection ? [{fullPath: withCompany(collection), expected: {}}] : [];
  const examples = type ? listExamples(aliases[type] || type) : [];
  const prefix = module || (collection ? collection.split('/')[1] : '');
  // A list in the same module first (partners' custom fields for a partner).
  examples.sort((a, b) => (pathOf(b).split('/')[1] === prefix) - (pathOf(a).split('/')[1] === prefix));
  lists.push(...all.filter((t) => t.request.method === 'GET' && collection && pathOf(t) === collection), ...examples);
  const pick = (candidates, example) => {
    if (candidates.find((d) => String(d.id) === String(id))) return String(id);
    // Distinct example records stay distinct (a partner's base and extended type).
    const free = candidates.filter((d) => !(taken && taken.has(String(d.id))));
    const records = free.length > 0 ? free : candidates;
    const attributes = wanted || (example ? example.attributes : null);
    records.sort((a, b) => likeness(b.attributes, attributes) - likeness(a.attributes, attributes));
    return records.length > 0 ? records[0].id : null;
  };
  for (const list of lists) {
    let path = pathOf(list) + (await resolveQuery(queryOf(list)));
    for (const [name, value] of Object.entries(query || {})) path = path.replace(new RegExp(`${name}=[^&]*`), `${name}=${value}`);
    const r = await call('GET', path.includes('companyId=') ? path : withCompany(path));
    if (r.status !== 200 || !r.json || !Array.isArray(r.json.data) || r.json.data.length === 0) continue;
    const example = ((parse(list.expected.body) || {}).data || []).find((d) => String(d.id) === String(id));
    const found = pick(r.json.data.filter((d) => !type || d.type === (aliases[type] || type)), example);
    if (found !== null) return found;
  }
  if (collection) return createIn(collection);
  if (type) {
    const found = pick(await includedOfType(type), null);
    if (found !== null) return found;
  }
  throw new Error(`no ${type} to stand for ${id}`);
}

// A record created for a detail read gets what the read example shows but the
// create example does not write: a to-one link to the same record as another
// of its links (a partner's mailing address is its billing address), and
// records below it the blueprint shows how to create (a task's messages).
async function completeLike(path, example) {
  const r = await call('GET', withCompany(path));
  const record = r.json && r.json.data;
  if (!record || !example || !example.relationships) return;
  const have = (name) => record.relationships && record.relationships[name] && record.relationships[name].data;
  const links = Object.entries(example.relationships).filter(([, rel]) => rel && rel.data);
  const patch = {};
  for (const [name, rel] of links) {
    const want = rel.data;
    if (!Array.isArray(want) && !have(name)) {
      const twin = links.find(([other, o]) => other !== name && !Array.isArray(o.data) && o.data.type === want.type &&
                                              String(o.data.id) === String(want.id) && have(other));
      if (twin) patch[name] = {data: {type: want.type, id: have(twin[0]).id}};
    } else if (Array.isArray(want) && want.length > 0 && Array.isArray(have(name)) && have(name).length === 0) {
      const example = all.find((t) => t.request.method === 'POST' && pattern(pathOf(t)).startsWith(`${pattern(path)}/`) &&
                                      ((parse(t.request.body) || {}).data || {}).type === want[0].type);
      if (!example) continue;
      const target = `${path}/${pathOf(example).split('/').pop()}`;
      const added = await call('POST', withCompany(target), await resolveBody(example.request.body, target, null));
      if (added.status >= 300) throw new Error(`POST ${target} answered ${added.status}: ${added.text}`);
    }
  }
  if (Object.keys(patch).length === 0) return;
  const body = JSON.stringify({data: {type: record.type, id: record.id, relationships: patch}});
  const changed = await call('PATCH', withCompany(path), body);
  if (changed.status >= 300) throw new Error(`PATCH ${path} answered ${changed.status}: ${changed.text}`);
}

// Replaces every numeric path segment by an id that exists in the emulator. The
// last one of a DELETE, or of a detail read where the blueprint shows how such
// records are created, becomes a record created for it: deletes then take away
// nothing later transactions read, and reads show what was written (completed
// like the read example, `expected`).
async function resolvePath(path, method, type, expected) {
  const segments = path.split('/');
  for (let i = 1; i < segments.length; ++i) {
    if (!/^\d+$/.test(segments[i])) continue;
    const collection = segments.slice(0, i).join('/');
    const last = i === segments.length - 1;
    const read = method === 'GET' && last && type && createExample(collection);
    segments[i] = method === 'DELETE' && last || read ? await createIn(collection)
                                                     : await existingIn(collection, segments[i], last ? type : null);
    if (read) await completeLike(segments.slice(0, i + 1).join('/'), expected);
  }
  return segments.join('/');
}

// Query parameters naming records (companyDataId=37) get existing ids too.
async function resolveQuery(query) {
  const parts = [];
  for (const part of query.replace(/^\?/, '').split('&').filter((p) => p)) {
    const [name, value] = part.split('=');
    const m = /^(.+)Id$/.exec(name);
    if (m && name !== 'companyId' && /^\d+$/.test(value)) {
      const type = m[1].replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
      parts.push(`${name}=${await existingIn(null, value, type)}`);
    } else {
      parts.push(part);
    }
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

// A request body's links to other records get ids that exist: references by
// {type, id} an equivalent record; nested records updated in place (id with
// attributes) the id of the owner's current related record, else none (created).
async function resolveResource(resource, owner, module, assigned) {
  // The company a record belongs to is the one of the request.
  if (resource.attributes && resource.attributes['company-id'] !== undefined) {
    resource.attributes['company-id'] = Number(company);
  }
  for (const [name, rel] of Object.entries(resource.relationships || {})) {
    if (!rel || !rel.data) continue;
    const items = Array.isArray(rel.data) ? rel.data : [rel.data];
    const current = owner && owner.relationships && owner.relationships[name] && owner.relationships[name].data;
    const currentItems = current ? (Array.isArray(current) ? current : [current]) : [];
    for (let i = 0; i < items.length; ++i) {
      const item = items[i];
      if (item.attributes || item.relationships) {
        if (item.id !== undefined) {
          if (currentItems[i]) item.id = currentItems[i].id;
          else delete item.id;
        }
        await resolveResource(item, null, module, assigned);
      } else if (item.id !== undefined && item.type) {
        const kind = item.type === 'custom-field' ? customFieldKinds[resource.type] : undefined;
        const wanted = kind ? {'value-type': kind} : undefined;
        // A document's code lists are per document type (the lists' documentType parameter).
        const query = resource.type === 'document' && resource.attributes ? {documentType: resource.attributes.type} : {};
        const key = `${item.type}:${item.id}`;
        if (!assigned.has(item.type)) assigned.set(item.type, new Map());
        const byExample = assigned.get(item.type);
        const id = byExample.has(key) ? byExample.get(key)
            : await existingIn(null, item.id, item.type, module, wanted, query, new Set(byExample.values())).catch(() => null);
        if (id !== null) {
          byExample.set(key, String(id));
          item.id = typeof item.id === 'number' ? Number(id) : String(id);
        }
      }
    }
  }
  await matchHierarchy(resource, 'subtype', 'type');
  await matchHierarchy(resource, 'subcategory', 'category');
}

// A subtype (subcategory) must be a child of the record's type (category): take
// a parent that has children, and its first child.
async function matchHierarchy(resource, childName, parentName) {
  const rels = resource.relationships || {};
  const child = rels[childName] && rels[childName].data;
  const parent = rels[parentName] && rels[parentName].data;
  if (!child || !parent || Array.isArray(child) || Array.isArray(parent)) return;
  const list = listExamples(parent.type)[0];
  if (!list) return;
  const parents = await call('GET', withCompany(pathOf(list)));
  const ids = [String(parent.id), ...((parents.json && parents.json.data) || []).map((d) => String(d.id))];
  for (const id of ids) {
    const children = await call('GET', withCompany(`${pathOf(list)}/${id}${pathOf(list).slice(pathOf(list).lastIndexOf('/'))}`));
    const first = children.json && Array.isArray(children.json.data) && children.json.data[0];
    if (first) {
      parent.id = typeof parent.id === 'number' ? Number(id) : id;
      child.id = typeof child.id === 'number' ? Number(first.id) : first.id;
      return;
    }
  }
}

async function resolveBody(text, path, method) {
  const body = parse(text);
  if (!body || !body.data || typeof body.data !== 'object') return text;
  let owner = null;
  if (method === 'PATCH') {
    const r = await call('GET', withCompany(path));
    owner = r.json && r.json.data;
    // A PATCH body names the record it changes; it must be the one in the URL.
    if (body.data.id !== undefined) body.data.id = path.split('/').pop();
  }
  await resolveResource(body.data, owner, path.split('/')[1], new Map());
  return JSON.stringify(body, null, 2);
}

function replaceHeader(t, name, value) {
  const key = Object.keys(t.request.headers).find((k) => k.toLowerCase() === name.toLowerCase());
  t.request.headers[key || name] = value;
}

// Runs an async hook body under Dredd's callback protocol; a setup error fails the transaction.
const step = (fn) => (transaction, done) => {
  fn(transaction).then(() => done(), (error) => {
    transaction.fail = `hook setup failed: ${error.message}`;
    done();
  });
};

hooks.beforeAll(step(async (transactions) => {
  all = transactions;
  accessToken = (await passwordGrant()).access_token;
}));

hooks.beforeEach(step(async (t) => {
  if (skips[t.name]) {
    t.skip = true;
    return;
  }
  // gavel validates a body against the schema drafter makes from an MSON
  // "+ Attributes" section instead of the example, and that schema accepts
  // any object: without it the example's keys and shapes are checked.
  if (t.expected.body && t.expected.bodySchema) delete t.expected.bodySchema;

  replaceHeader(t, 'Api-Key', env.FLOWII_API_KEY);
  if (pathOf(t) === '/token') return;
  replaceHeader(t, 'Authorization', `Bearer ${accessToken}`);
  if (!/[?&]companyId=/.test(t.fullPath) && pathOf(t) !== '/companies') t.fullPath = withCompany(t.fullPath);

  const expected = parse(t.expected.body);
  const type = expected && expected.data && !Array.isArray(expected.data) ? expected.data.type : null;
  const path = await resolvePath(pathOf(t), t.request.method, type, type ? expected.data : null);
  t.fullPath = path + (await resolveQuery(queryOf(t)));
  t.request.uri = t.fullPath;
  if (t.request.body && /json/.test(t.request.headers['Content-Type'] || '')) {
    t.request.body = await resolveBody(t.request.body, path, t.request.method);
  }
}));

hooks.before('Account > Token > Get token > Example 1', (t) => {
  t.request.body = form({grant_type: 'password', username: env.FLOWII_USERNAME, password: env.FLOWII_PASSWORD});
});

hooks.before('Account > Token > Get token > Example 2', step(async (t) => {
  const grant = await passwordGrant();
  t.request.body = form({grant_type: 'refresh_token', client_id: env.FLOWII_USERNAME,
                         refresh_token: grant.refresh_token});
}));
