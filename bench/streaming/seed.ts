/**
 * The benchmark's data: `requests` saved HTTP requests spread over several workspaces, 10 % of them
 * deltas, each request with 5 search params, headers, form bodies and assertions (linked lists).
 * Deterministic (ids are counters, other values come from a seeded PRNG), so the "before" and
 * "after" databases hold the same rows. Written in one transaction through prepared statements,
 * with the columns both schemas share (the after schema's version and change_log fill themselves).
 */
import type Database from "better-sqlite3";

export const WORKSPACES = 5;
export const FOLDERS_PER_WORKSPACE = 10;
export const CHILDREN_PER_KIND = 5;
/** First second of the data; requests are created three per second after it. */
export const T0 = 1_700_000_000;

export const childTables = ["http_search_param", "http_header", "http_body_form", "http_assert"] as const;

/** Where the seeded rows are, known without reading them back (worker threads recompute it). */
export interface Layout {
  readonly requests: number;
  readonly workspaceIds: readonly Buffer[];
  /** Base requests of each workspace, in creation order. */
  readonly bases: readonly Buffer[][];
  /** Bases that have deltas (up to four each), per workspace. */
  readonly parents: readonly Buffer[][];
}

export interface DataSet extends Layout {
  /** The last second any request was created or updated in. */
  readonly lastSecond: number;
}

/** A 16-byte id: a tag per kind of row, then a counter (so ids never collide across tables). */
export function idOf(tag: number, n: number): Buffer {
  const b = Buffer.alloc(16);
  b[0] = tag;
  b.writeUInt32BE(n, 12);
  return b;
}

/** Ids of rows written by load-test workers start at tag 16 (see worker-ops.ts). */
const Tag = { workspace: 1, folder: 2, request: 3, child: 4 } as const;

/** mulberry32: a small seeded PRNG, so every run seeds the same values. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Request i belongs to workspace i % WORKSPACES as its k-th request (k = i / WORKSPACES). In each
 * block of 40 of a workspace's requests, positions 9, 19, 29 and 39 are deltas of the block's first
 * request: 10 % of requests are deltas, and one base in 36 has four of them.
 */
function deltaParentK(k: number): number | undefined {
  return k % 10 === 9 ? k - (k % 40) : undefined;
}

export function layout(requests: number): Layout {
  const workspaceIds = Array.from({ length: WORKSPACES }, (_, w) => idOf(Tag.workspace, w));
  const bases: Buffer[][] = workspaceIds.map(() => []);
  const parents: Buffer[][] = workspaceIds.map(() => []);
  for (let i = 0; i < requests; i++) {
    const w = i % WORKSPACES;
    const k = Math.floor(i / WORKSPACES);
    if (deltaParentK(k) === undefined) bases[w].push(requestId(i));
    else if (k % 40 === 9) parents[w].push(requestId((k - 9) * WORKSPACES + w));
  }
  return { requests, workspaceIds, bases, parents };
}

export const requestId = (i: number) => idOf(Tag.request, i);
export const folderId = (w: number, f: number) => idOf(Tag.folder, w * FOLDERS_PER_WORKSPACE + f);

export function seed(db: Database.Database, requests: number): DataSet {
  const rand = prng(requests);
  const data = layout(requests);
  const insertWorkspace = db.prepare("INSERT INTO workspaces (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)");
  const insertFolder = db.prepare("INSERT INTO files (id, workspace_id, parent_id, name, created_at, updated_at) VALUES (?, ?, NULL, ?, ?, ?)");
  const insertHttp = db.prepare(`INSERT INTO http (id, workspace_id, folder_id, name, url, method, description, is_delta, parent_http_id,
    delta_name, delta_url, delta_method, delta_description, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertChild = Object.fromEntries(
    childTables.map((t) => [t, t === "http_assert"
      ? db.prepare("INSERT INTO http_assert (id, http_id, expression, enabled, prev, next, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
      : db.prepare(`INSERT INTO ${t} (id, http_id, key, value, enabled, prev, next, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)]),
  );
  const methods = ["GET", "POST", "PUT", "DELETE", "PATCH"];
  let child = 0;
  let lastSecond = T0;
  db.transaction(() => {
    data.workspaceIds.forEach((id, w) => {
      insertWorkspace.run(id, `workspace ${w}`, T0, T0);
      for (let f = 0; f < FOLDERS_PER_WORKSPACE; f++) insertFolder.run(folderId(w, f), id, `folder ${f}`, T0, T0);
    });
    for (let i = 0; i < requests; i++) {
      const w = i % WORKSPACES;
      const k = Math.floor(i / WORKSPACES);
      const id = requestId(i);
      const createdAt = T0 + Math.floor(i / 3);
      // A third of the requests were edited again within the next hour.
      const updatedAt = rand() < 1 / 3 ? createdAt + Math.floor(rand() * 3600) : createdAt;
      lastSecond = Math.max(lastSecond, updatedAt);
      const folder = rand() < 0.8 ? folderId(w, Math.floor(rand() * FOLDERS_PER_WORKSPACE)) : null;
      const parentK = deltaParentK(k);
      if (parentK === undefined) {
        insertHttp.run(id, data.workspaceIds[w], folder, `request ${i}`, `https://api.example.com/v1/items/${i}`, methods[i % methods.length], `saved request ${i}`, 0, null, null, null, null, null, createdAt, updatedAt);
      } else {
        const some = (v: string) => (rand() < 0.5 ? v : null);
        insertHttp.run(id, data.workspaceIds[w], folder, `request ${i}`, "", "GET", "", 1, requestId(parentK * WORKSPACES + w), some(`override ${i}`), some(`https://staging.example.com/${i}`), some("POST"), some(`delta ${i}`), createdAt, updatedAt);
      }
      for (const table of childTables) {
        const first = child;
        for (let c = 0; c < CHILDREN_PER_KIND; c++, child++) {
          const prev = c === 0 ? null : idOf(Tag.child, child - 1);
          const next = c === CHILDREN_PER_KIND - 1 ? null : idOf(Tag.child, child + 1);
          const enabled = rand() < 0.8 ? 1 : 0;
          if (table === "http_assert") insertChild[table].run(idOf(Tag.child, child), id, `response.status == ${200 + c}`, enabled, prev, next, updatedAt);
          else insertChild[table].run(idOf(Tag.child, child), id, `key${c}`, `value ${first + c}`, enabled, prev, next, updatedAt);
        }
      }
    }
  })();
  return { ...data, lastSecond };
}
