/**
 * Query plans (spec section 5.2): every streaming query searches an index, none scans http.
 * Plans are read from the real SQLite with EXPLAIN QUERY PLAN on the generated SQL.
 */
import { describe, expect, it } from "vitest";
import * as q from "../../generated/index.js";
import { fresh } from "./fixtures.js";

interface Expectation {
  readonly sql: string;
  /** Indexes the plan must use. */
  readonly uses: readonly string[];
  /** Aliases of http (or of a child table) in the statement: none may be scanned in full. */
  readonly noScanOf: readonly string[];
  /** The index delivers rows in ORDER BY order: no sort per page. */
  readonly noSort?: boolean;
  /** A plan line the query depends on: the index seek that makes it fast (a keyset page seeks to its cursor). */
  readonly seeks?: string;
}

// A slice is planned with two list items, as at run time.
const twoItems = (parts: q.SqlParts) => parts.map((p) => (typeof p === "string" ? p : "value" in p ? "?" : "?, ?")).join("");

const expectations: Record<string, Expectation> = {
  "spec 5.2 example": {
    sql: "SELECT h.id, h.name, h.updated_at FROM http h WHERE h.workspace_id = ? AND h.is_delta = FALSE AND h.updated_at > ? ORDER BY h.updated_at DESC LIMIT 100",
    uses: ["http_workspace_streaming_idx"],
    noScanOf: ["h"],
    noSort: true,
  },
  GetHTTPWorkspaceSnapshotStreaming: { sql: q.getHTTPWorkspaceSnapshotStreamingSql, uses: ["http_workspace_streaming_idx"], noScanOf: ["h"], noSort: true, seeks: "SEARCH h USING INDEX http_workspace_streaming_idx (workspace_id=? AND is_delta=? AND (updated_at,id)>(?,?))" },
  StreamHTTPUpdates: { sql: q.streamHTTPUpdatesSql, uses: ["http_workspace_streaming_idx"], noScanOf: ["h"], noSort: true, seeks: "SEARCH h USING INDEX http_workspace_streaming_idx (workspace_id=? AND is_delta=? AND (updated_at,id)>(?,?))" },
  StreamHTTPDeltas: { sql: twoItems(q.streamHTTPDeltasSql), uses: ["http_delta_resolution_idx"], noScanOf: ["h"], seeks: "SEARCH h USING INDEX http_delta_resolution_idx (parent_http_id=? AND is_delta=? AND (updated_at,id)>(?,?))" },
  ResolveHTTPWithDeltasOptimized: { sql: q.resolveHTTPWithDeltasOptimizedSql, uses: ["sqlite_autoindex_http_1", "http_delta_resolution_idx"], noScanOf: ["h", "d"] },
  ValidateHTTPForeignKeysBatch: { sql: q.validateHTTPForeignKeysBatchSql, uses: ["sqlite_autoindex_workspaces_1", "sqlite_autoindex_files_1"], noScanOf: ["h", "w", "f", "p"] },
  CascadeHTTPDeleteStreaming: { sql: q.cascadeHTTPDeleteStreamingSql, uses: ["sqlite_autoindex_http_1", "http_delta_resolution_idx"], noScanOf: ["h", "http"], seeks: "SEARCH h USING INDEX http_delta_resolution_idx (parent_http_id=?)" },
  StreamWorkspaceChanges: { sql: q.streamWorkspaceChangesSql, uses: ["change_log_workspace_idx"], noScanOf: ["c", "h"], noSort: true, seeks: "SEARCH c USING INDEX change_log_workspace_idx (workspace_id=? AND seq>?)" },
  GetHTTPsByWorkspaceID: { sql: q.getHTTPsByWorkspaceIDSql, uses: ["http_batch_processing_idx"], noScanOf: ["http"] },
  ListRecentHTTPActivity: { sql: q.listRecentHTTPActivitySql, uses: ["http_recent_activity_idx"], noScanOf: ["http"], noSort: true },
  StreamEnabledHTTPHeaders: { sql: q.streamEnabledHTTPHeadersSql, uses: ["http_header_streaming_idx"], noScanOf: ["http_header"], noSort: true },
  StreamEnabledHTTPSearchParams: { sql: q.streamEnabledHTTPSearchParamsSql, uses: ["http_search_param_streaming_idx"], noScanOf: ["http_search_param"], noSort: true },
  StreamEnabledHTTPBodyForms: { sql: q.streamEnabledHTTPBodyFormsSql, uses: ["http_body_form_streaming_idx"], noScanOf: ["http_body_form"], noSort: true },
  StreamEnabledHTTPAsserts: { sql: q.streamEnabledHTTPAssertsSql, uses: ["http_assert_streaming_idx"], noScanOf: ["http_assert"], noSort: true },
  ListHTTPHeadersOrdered: { sql: q.listHTTPHeadersOrderedSql, uses: ["http_header_ordering_stream_idx"], noScanOf: ["c"] },
};

function queryPlan(db: q.Database & { prepare(sql: string): { all(...a: unknown[]): unknown[] } }, sql: string): string[] {
  const placeholders = (sql.match(/\?/g) ?? []).length;
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...new Array(placeholders).fill(null)) as { detail: string }[]).map((r) => r.detail);
}

describe("query plans", () => {
  const { db } = fresh();
  it.each(Object.entries(expectations))("%s searches its index", (_, e) => {
    const plan = queryPlan(db, e.sql);
    const text = plan.join("\n");
    for (const index of e.uses) expect(text, `plan:\n${text}`).toContain(`INDEX ${index}`);
    for (const alias of e.noScanOf) expect(plan.filter((line) => line === `SCAN ${alias}` || line.startsWith(`SCAN ${alias} `)), `plan:\n${text}`).toEqual([]);
    if (e.noSort) expect(text, `plan:\n${text}`).not.toContain("TEMP B-TREE");
    if (e.seeks) expect(plan, `plan:\n${text}`).toContain(e.seeks);
  });
});
