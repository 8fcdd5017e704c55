/**
 * After the load test: is everything SQLite acknowledged in the database, and nothing else? Each
 * check is a query whose answer is compared with what the workers recorded; any failure fails the run.
 */
import type Database from "better-sqlite3";
import { childTables, CHILDREN_PER_KIND } from "./seed.js";
import type { Acks } from "./worker-ops.js";

export interface Baseline {
  /** Every request's version before the test, by hex id. */
  readonly versions: Map<string, number>;
  /** The change feed's last seq before the test. */
  readonly seq: number;
}

export interface Check {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
}

const hexOf = (b: Buffer) => b.toString("hex");

export function baseline(db: Database.Database): Baseline {
  const rows = db.prepare("SELECT id, version FROM http").raw().all() as [Buffer, number][];
  return { versions: new Map(rows.map(([id, v]) => [hexOf(id), v])), seq: db.prepare("SELECT coalesce(max(seq), 0) FROM change_log").pluck().get() as number };
}

export function mergeAcks(all: readonly Acks[]): Acks {
  const out: Acks = { created: [], createdDeltas: [], deleted: [], updates: {} };
  for (const a of all) {
    out.created.push(...a.created);
    out.createdDeltas.push(...a.createdDeltas);
    out.deleted.push(...a.deleted);
    for (const [id, n] of Object.entries(a.updates)) out.updates[id] = (out.updates[id] ?? 0) + n;
  }
  return out;
}

export function checkIntegrity(db: Database.Database, start: Baseline, acks: Acks): Check[] {
  const checks: Check[] = [];
  const check = (name: string, ok: boolean, detail: string) => checks.push({ name, ok, detail });
  const count = (sql: string, ...params: unknown[]) => db.prepare(sql).pluck().get(...params) as number;
  const deleted = new Set(acks.deleted);
  const blob = (hex: string) => Buffer.from(hex, "hex");

  const kept = acks.created.filter((id) => !deleted.has(id));
  const childCount = (id: string) => childTables.reduce((n, t) => n + count(`SELECT count(*) FROM ${t} WHERE http_id = ?`, blob(id)), 0);
  const exists = (id: string) => count("SELECT count(*) FROM http WHERE id = ?", blob(id)) === 1;
  const present = kept.filter(exists).length;
  const complete = kept.filter((id) => childCount(id) === 4 * CHILDREN_PER_KIND).length;
  check("acknowledged creates present", present === kept.length, `${present} of ${kept.length} requests created and not deleted are present`);
  check("created requests have all their children", complete === kept.length, `${complete} of ${kept.length} have ${4 * CHILDREN_PER_KIND} children`);
  const deltas = acks.createdDeltas.filter(exists).length;
  check("acknowledged deltas present", deltas === acks.createdDeltas.length, `${deltas} of ${acks.createdDeltas.length} deltas present`);
  const gone = acks.deleted.filter((id) => !exists(id) && childCount(id) === 0).length;
  check("acknowledged deletes gone, children included", gone === acks.deleted.length, `${gone} of ${acks.deleted.length} deleted requests absent with their children`);

  // Versions: only acknowledged updates moved them, one each.
  const acked = Object.values(acks.updates).reduce((a, b) => a + b, 0);
  let increments = 0;
  let wrong = 0;
  for (const [id, version] of db.prepare("SELECT id, version FROM http").raw().all() as [Buffer, number][]) {
    const was = start.versions.get(hexOf(id)) ?? 1;
    increments += version - was;
    if (version - was !== (acks.updates[hexOf(id)] ?? 0)) wrong++;
  }
  check("every version increment accounted for", wrong === 0 && increments === acked, `${increments} increments for ${acked} acknowledged updates; ${wrong} requests differ`);

  // The change feed: gap-free, and exactly the acknowledged writes on http since the test began.
  const [n, lo, hi] = db.prepare("SELECT count(*), min(seq), max(seq) FROM change_log").raw().get() as [number, number, number];
  check("change feed seqs gap-free", n === hi - lo + 1, `${n} entries, seqs ${lo}…${hi}`);
  const feed = (op: string) => count("SELECT count(*) FROM change_log WHERE seq > ? AND table_name = 'http' AND op = ?", start.seq, op);
  const inserts = acks.created.length + acks.createdDeltas.length;
  check("change feed: one insert per acknowledged create", feed("insert") === inserts, `${feed("insert")} inserts for ${inserts} creates`);
  check("change feed: one update per acknowledged update", feed("update") === acked, `${feed("update")} updates for ${acked} acknowledged updates`);
  check("change feed: one tombstone per acknowledged delete", feed("delete") === acks.deleted.length, `${feed("delete")} tombstones for ${acks.deleted.length} deletes`);

  const fk = db.prepare("PRAGMA foreign_key_check").all().length;
  check("PRAGMA foreign_key_check clean", fk === 0, `${fk} violations`);
  const integrity = (db.prepare("PRAGMA integrity_check").pluck().all() as string[]).join("; ");
  check("PRAGMA integrity_check clean", integrity === "ok", integrity.slice(0, 200));

  const orphans: Record<string, number> = Object.fromEntries(childTables.map((t) => [t, count(`SELECT count(*) FROM ${t} c WHERE NOT EXISTS (SELECT 1 FROM http h WHERE h.id = c.http_id)`)]));
  orphans["http (workspace)"] = count("SELECT count(*) FROM http h WHERE NOT EXISTS (SELECT 1 FROM workspaces w WHERE w.id = h.workspace_id)");
  orphans["http (folder)"] = count("SELECT count(*) FROM http h WHERE h.folder_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM files f WHERE f.id = h.folder_id)");
  orphans["http (delta without base parent)"] = count("SELECT count(*) FROM http d WHERE d.is_delta = 1 AND NOT EXISTS (SELECT 1 FROM http p WHERE p.id = d.parent_http_id AND p.is_delta = 0)");
  orphans["files (workspace)"] = count("SELECT count(*) FROM files f WHERE NOT EXISTS (SELECT 1 FROM workspaces w WHERE w.id = f.workspace_id)");
  const found = Object.entries(orphans).filter(([, k]) => k > 0);
  check("no orphans in child tables", found.length === 0, found.length === 0 ? `none in ${Object.keys(orphans).join(", ")}` : found.map(([t, k]) => `${t}: ${k}`).join(", "));
  return checks;
}
