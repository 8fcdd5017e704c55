/**
 * The parser's output, as snapshots of the AST: spans are shown as the text they cover
 * (`@ …`), so a snapshot reads as what each node is. `npx vitest -u` rewrites them after an
 * intended change; review the diff like code.
 */
import { describe, expect, it } from "vitest";
import { parseStatement, parseViewSelect } from "../../parse/parse-statement.js";

const statements: Record<string, string> = {
  "select with join, grouping and paging": "SELECT w.name AS workspace, count(*) AS n FROM workspaces w LEFT JOIN http h ON h.workspace_id = w.id WHERE w.created_at > ? GROUP BY w.id HAVING count(*) > 1 ORDER BY n DESC LIMIT ? OFFSET ?",
  "compound select": "SELECT id FROM a UNION ALL SELECT id FROM b ORDER BY 1 LIMIT 5",
  "recursive cte": "WITH RECURSIVE up(id, parent) AS (SELECT id, parent_id FROM n WHERE id = :start UNION ALL SELECT n.id, n.parent_id FROM n JOIN up ON n.id = up.parent) SELECT * FROM up",
  "insert with upsert and returning": "INSERT INTO t (id, name) VALUES (?, ?), (?, 'x') ON CONFLICT (id) DO UPDATE SET name = excluded.name WHERE t.name <> ? RETURNING id, name AS n",
  "insert select": "INSERT INTO t (id) SELECT id FROM s WHERE s.k = @k",
  "update with row assignment, from and returning": "UPDATE t AS x SET (a, b) = (?, ?), c = c + 1 FROM s WHERE s.id = x.id AND x.v = sqlc.arg(version) RETURNING x.*",
  "delete with order and limit": "DELETE FROM t INDEXED BY t_idx WHERE id IN (sqlc.slice(ids)) ORDER BY id LIMIT ?",
  "placeholders of every spelling": "SELECT ?, ?2, :a, @b, $c, $1, :1, sqlc.narg(d), sqlc.embed(t) FROM t",
  expressions:
    "SELECT CASE WHEN a BETWEEN 1 AND 2.5 THEN 'x' ELSE NULL END, CAST(b AS VARCHAR(10)), c NOT IN (1, 2), d IN (SELECT 1), EXISTS (SELECT 1), e IS NULL, f NOTNULL, g IS NOT NULL, h COLLATE nocase, j ->> '$.k', -k, NOT l, x'00', TRUE, (m, n) > (1, 2) FROM t",
  "window and filter keep their placeholders in order": "SELECT sum(a) FILTER (WHERE b > ?) OVER (PARTITION BY c + ? ORDER BY d ROWS 2 PRECEDING), ? FROM t LIMIT ?, ?",
  "values body": "VALUES (1, ?), (2, ?)",
  "table function and subquery in FROM": "SELECT j.value FROM json_each(?) AS j, (SELECT 1 AS one) s NATURAL JOIN u USING (id)",
  "what SQLite accepts and the parser did not": "UPDATE t SET prénom == ?\f WHERE id == ? AND name = sqlc.arg(select)",
  "problems: variable numbers and macros": "SELECT ?0, ?32767, sqlc.nope(x), sqlc.arg(a, b) FROM t",
  "a statement analysis does not read": "CREATE TABLE t (id INTEGER DEFAULT (?))",
  "SQLite's spellings the previous parser (sql-parser-cst) refused or misread":
    "SELECT a FROM t WHERE a LIKE ? ESCAPE '!' AND b = NOT ? AND c > 1_000 AND d = $e(1) AND f = 1.e5 AND g = .5",
  "keywords SQLite lets be names": "SELECT key, value, replace(action, 'a', 'b') AS text FROM json_each(?) AS row WHERE type = 'x'",
  "more keywords SQLite lets be names, which the previous parser refused": "SELECT filter, offset, match, window, do FROM t WHERE match = ? AND do > 1 LIMIT 1 OFFSET 2",
};

/** The outcome as plain data, every span replaced by the text it covers. */
function readable(value: unknown, sql: string): unknown {
  if (Array.isArray(value)) return value.map((v) => readable(v, sql));
  if (value === null || typeof value !== "object") return value;
  const entries = Object.entries(value).map(([k, v]) => {
    if (k === "span" && typeof v === "object" && v !== null && "start" in v && "end" in v) return [k, `@ ${sql.slice(Number(v.start), Number(v.end))}`];
    return [k, readable(v, sql)];
  });
  return Object.fromEntries(entries);
}

describe("parseStatement", () => {
  for (const [name, sql] of Object.entries(statements)) {
    it(name, () => {
      const outcome = parseStatement(sql, 0);
      expect(outcome.ok).toBe(true);
      if (!outcome.ok) return;
      // One pass in text order: occurrences are numbered as they are written.
      const starts = outcome.parsed.params.map((p) => p.span.start);
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
      expect(readable(outcome, sql)).toMatchSnapshot();
    });
  }

  it("keeps file offsets: spans start at the statement's base", () => {
    const outcome = parseStatement("SELECT ?", 100);
    expect(outcome.ok && outcome.parsed.params[0].span).toEqual({ start: 107, end: 108 });
  });

  it("reports what it cannot parse", () => {
    const outcome = parseStatement("SELECT FROM WHERE", 0);
    expect(outcome.ok).toBe(false);
  });
});

describe("parseViewSelect", () => {
  it("reads the SELECT of a view", () => {
    const sql = "CREATE VIEW v AS SELECT id, name FROM t WHERE id > 0";
    expect(readable(parseViewSelect(sql), sql)).toMatchSnapshot();
  });

  it("is null for anything else", () => {
    expect(parseViewSelect("CREATE TABLE t (id)")).toBeNull();
  });
});
