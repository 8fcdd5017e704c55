/**
 * Runs every generated function of every successful golden case against a real better-sqlite3
 * database holding data, and checks each returned row against the declared Row type: the field
 * names, the runtime type of each value, and null only where the type allows it.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import type { QueryIR, RowField, ValueType } from "../ir/query-ir.js";
import { generate } from "../pipeline/generate.js";
import { caseInput, caseNames, runCase } from "./support/cases.js";
import { openFilled, paramValue } from "./support/fill-database.js";

let rowsChecked = 0;

function checkValue(where: string, value: unknown, t: ValueType): void {
  if (value === null) {
    expect(t.nullable || t.mapping?.kind === "json", `${where} is null but typed ${t.ts}`).toBe(true);
    return;
  }
  const m = t.mapping;
  if (m?.kind === "date") expect(value, where).toBeInstanceOf(Date);
  else if (m?.kind === "bigint") expect(typeof value, where).toBe("bigint");
  else if (m?.kind === "literals") expect(m.values, where).toContain(value);
  else if (m?.kind === "json") return;
  else if (t.ts === "Uint8Array") expect(value, where).toBeInstanceOf(Uint8Array);
  else if (t.ts !== "unknown") expect(typeof value, where).toBe(t.ts);
}

/** One result of a `:one` or `:many` query: a value, or a row object. */
function checkResult(q: QueryIR, result: unknown): void {
  if (q.result.kind === "scalar") checkValue(`${q.name} value`, result, q.result.type);
  else checkRow(q, result as Record<string, unknown>);
  rowsChecked++;
}

function checkRow(q: QueryIR, row: Record<string, unknown>): void {
  const fields: readonly RowField[] = q.result.kind === "row" ? q.result.fields : [];
  expect(Object.keys(row), `${q.name} row fields`).toEqual(fields.map((f) => f.field));
  for (const f of fields) {
    const where = `${q.name}.${f.field}`;
    if (f.kind === "column") checkValue(where, row[f.field], f.type);
    else if (row[f.field] === null) expect(f.nullable, `${where} is null`).toBe(true);
    else for (const x of f.fields) checkValue(`${where}.${x.field}`, (row[f.field] as Record<string, unknown>)[x.field], x.type);
  }
}

describe.each(caseNames())("case %s", (name) => {
  it("runs against real data with the declared types", async () => {
    const c = await runCase(name);
    if (c.generate.code !== 0) return; // error cases are covered by golden.test.ts
    // A case generated for another driver runs on that driver (conformance suite, runtime tests).
    if ((c.spec.driver ?? "better-sqlite3") !== "better-sqlite3") return;
    const input = caseInput(c.dir);
    const analysis = await generate({ ...input, options: { ...input.options, emit: false } });
    const db = openFilled(c.dir);
    for (const m of analysis.program.modules) {
      const mod = (await import(pathToFileURL(join(c.outDir, m.fileName)).href)) as Record<string, (...args: unknown[]) => unknown>;
      for (const q of m.queries) {
        const params = Object.fromEntries(q.params.map((p) => [p.field, paramValue(p)]));
        const args = q.params.length > 0 ? [db, params] : [db];
        db.exec("SAVEPOINT q");
        try {
          const result = mod[q.identifiers.fn](...args);
          if (q.command === "one" && q.result.kind !== "none" && q.result.always) expect(result, `${q.name} always returns a row`).not.toBeUndefined();
          if (q.command === "one" && result !== undefined) checkResult(q, result);
          if (q.command === "many") {
            for (const row of result as unknown[]) checkResult(q, row);
            expect([...(mod[q.identifiers.iterate](...args) as Iterable<unknown>)]).toEqual(result);
          }
          if (q.command === "execrows" || q.command === "execlastid") expect(typeof result).toBe("number");
          if (q.command === "execresult") expect(Object.keys(result as object)).toEqual(["changes", "lastInsertRowid"]);
        } catch (e) {
          // Generic values may violate a UNIQUE or CHECK constraint; anything else is a failure.
          if (!String((e as { code?: unknown }).code).startsWith("SQLITE_CONSTRAINT")) throw e;
        } finally {
          db.exec("ROLLBACK TO q; RELEASE q");
        }
      }
    }
    db.close();
  });
});

it("checked a meaningful number of rows", () => {
  expect(rowsChecked).toBeGreaterThan(100);
});
