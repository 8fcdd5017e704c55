/**
 * Cloudflare D1 on Miniflare (Node 22): `db` is Miniflare's proxy of a real D1 binding, so the
 * generated code runs in Node while every statement runs in workerd's D1. (generator/test/d1/
 * runs the same code inside the worker itself.) One Miniflare serves every case: `open()` empties
 * its database, and the last `close()` stops it, so that the runner's process can end.
 */
import { Miniflare } from "miniflare";
import type { Connection } from "../runner.js";

interface D1 {
  prepare(sql: string): unknown;
  batch(statements: unknown[]): Promise<{ results: unknown[] }[]>;
}

let mf: Miniflare | null = null;
let stopping: ReturnType<typeof setTimeout> | undefined;

export async function open(): Promise<Connection> {
  clearTimeout(stopping);
  mf ??= new Miniflare({ modules: true, script: "export default { fetch() { return new Response(); } };", d1Databases: ["DB"], compatibilityDate: "2026-07-01" });
  const db = (await mf.getD1Database("DB")) as unknown as D1;
  await empty(db);
  // D1 has foreign keys on, always (workerd builds SQLite with DEFAULT_FOREIGN_KEYS).
  return {
    db,
    exec: async (sql) => {
      const each = statements(sql);
      if (each.length > 0) await db.batch(each.map((s) => db.prepare(s)));
    },
    close: () => {
      const last = mf;
      stopping = setTimeout(() => {
        mf = null;
        void last?.dispose();
      }, 1000);
    },
  };
}

/**
 * Drops every view, trigger and table, newest first: children before the parents their foreign
 * keys name (dropping a child after its parent fails on D1, where foreign keys are always on).
 */
async function empty(db: D1): Promise<void> {
  const internal = "name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE '\\_cf\\_%' ESCAPE '\\'";
  const [listed] = await db.batch([db.prepare(`SELECT type, name FROM sqlite_master WHERE type IN ('view', 'trigger', 'table') AND ${internal} ORDER BY type = 'table', rowid DESC`)]);
  const objects = (listed?.results ?? []) as { type: string; name: string }[];
  if (objects.length === 0) return;
  const drops = objects.map((o) => `DROP ${o.type.toUpperCase()} IF EXISTS "${o.name.replaceAll('"', '""')}"`);
  await db.batch(["PRAGMA defer_foreign_keys = ON", ...drops].map((s) => db.prepare(s)));
}

/**
 * A script's statements, one by one: D1's `exec()` takes one statement per line, and schemas span
 * lines. Splits at `;` outside quotes, comments and trigger bodies (BEGIN/CASE … END).
 */
export function statements(script: string): string[] {
  const out: string[] = [];
  let start = 0;
  let depth = 0;
  const trigger = () => /^\s*CREATE\s+(?:TEMP\s+|TEMPORARY\s+)?TRIGGER\b/i.test(script.slice(start).replace(/^(?:\s|--[^\n]*\n|\/\*[\s\S]*?\*\/)*/, ""));
  for (let i = 0; i < script.length; i++) {
    const c = script[i]!;
    if (c === "'" || c === '"' || c === "`" || c === "[") {
      const close = c === "[" ? "]" : c;
      i = script.indexOf(close, i + 1);
      if (i < 0) break;
    } else if (c === "-" && script[i + 1] === "-") {
      i = script.indexOf("\n", i);
      if (i < 0) break;
    } else if (c === "/" && script[i + 1] === "*") {
      i = script.indexOf("*/", i + 2) + 1;
      if (i <= 0) break;
    } else if (/[A-Za-z_]/.test(c) && !/[\w$]/.test(script[i - 1] ?? " ")) {
      const word = /^\w+/.exec(script.slice(i))![0].toUpperCase();
      if ((word === "BEGIN" || word === "CASE") && trigger()) depth++;
      else if (word === "END" && depth > 0) depth--;
      i += word.length - 1;
    } else if (c === ";" && depth === 0) {
      out.push(script.slice(start, i + 1));
      start = i + 1;
    }
  }
  out.push(script.slice(start));
  return out.filter((s) => /[^\s;]/.test(s.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, "")));
}
