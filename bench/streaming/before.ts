/** The "before" side: the spec's own SQL (before/queries.sql) run as prepared statements on before/schema.sql. */
import { readFileSync } from "node:fs";
import type Database from "better-sqlite3";
import { benchFile } from "./files.js";
import type { SideQueries } from "./side-queries.js";

/** The statements of before/queries.sql by name (each follows a `-- name: X` line). */
export function beforeSql(): Record<string, string> {
  const text = readFileSync(benchFile("before/queries.sql"), "utf8");
  const parts = text.split(/^-- name: (\w+)\s*$/m);
  const out: Record<string, string> = {};
  for (let i = 1; i < parts.length; i += 2) out[parts[i]] = parts[i + 1].trim();
  return out;
}

export function beforeQueries(db: Database.Database): SideQueries {
  const sql = beforeSql();
  const stmt = (name: string) => db.prepare(sql[name]);
  const whole = stmt("GetHTTPsByWorkspaceID");
  const snapshot = stmt("GetHTTPWorkspaceSnapshotStreaming");
  const poll = stmt("StreamHTTPUpdates");
  const resolve = stmt("ResolveHTTPWithDeltasOptimized");
  const validate = stmt("ValidateHTTPForeignKeysBatch");
  const cascade = stmt("CascadeHTTPDeleteStreaming");
  // The slice is expanded to the list's length, one statement per length (as sqlc's code does per call).
  const deltas = new Map<number, Database.Statement>();
  const deltasFor = (n: number) => {
    let s = deltas.get(n);
    if (s === undefined) deltas.set(n, (s = db.prepare(sql.StreamHTTPDeltas.replace("? /*slice*/", new Array(n).fill("?").join(", ")))));
    return s;
  };
  return {
    snapshotPager: (ws, pageSize) => {
      let page = 0;
      // updated_at >= 0: the whole workspace (the parameter exists for incremental snapshots).
      return () => snapshot.all(ws, 0, pageSize, pageSize * page++);
    },
    poll: (ws, since, batch) => poll.all(since, since, ws, since, since, batch),
    deltas: (parentIds, since) => deltasFor(parentIds.length).all(...parentIds, since),
    resolve: (id, asOf) => resolve.get(id, asOf),
    validate: (ws, since) => validate.all(ws, since),
    cascadeDelete: (id, ws) => cascade.run(id, ws, ws, ws).changes,
    wholeWorkspace: (ws) => whole.all(ws),
  };
}
