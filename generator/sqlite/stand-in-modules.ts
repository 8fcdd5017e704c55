/**
 * Virtual-table modules the target driver has and the WASM analysis build lacks (fts3, fts4,
 * fts4aux, fts3tokenize, geopoly). A stand-in module declares the same columns the real one
 * would (checked against the driver in targets.test.ts) and holds no rows: the analysis only
 * prepares statements, it never runs them.
 */
import type sqlite3InitModule from "@sqlite.org/sqlite-wasm";
import type { StandInModule } from "../targets/capabilities.js";

type Sqlite3 = Awaited<ReturnType<typeof sqlite3InitModule>>;

/**
 * The CREATE TABLE that the real module would declare for `table` created with `args`. Where a
 * column always holds one kind of value (docid, fts4aux counts, fts3tokenize offsets: see
 * https://sqlite.org/fts3.html) the stand-in declares it, though the driver declares no types,
 * so that generated types are precise.
 */
export function standInSchema(module: StandInModule, table: string, args: readonly string[]): string {
  const q = (name: string) => `"${name.split('"').join('""')}"`;
  switch (module) {
    case "fts3":
    case "fts4": {
      const columns = args.filter((a) => optionName(a) === null).map(firstWord);
      const languageId = args.find((a) => optionName(a) === "languageid");
      const lang = languageId === undefined ? "__langid" : unquote(languageId.slice(languageId.indexOf("=") + 1).trim());
      return `CREATE TABLE x(${[...(columns.length ? columns : ["content"]).map(q), `${q(table)} HIDDEN`, "docid INTEGER HIDDEN", `${q(lang)} INTEGER HIDDEN`].join(", ")})`;
    }
    case "fts4aux":
      return "CREATE TABLE x(term TEXT, col TEXT, documents INTEGER, occurrences INTEGER, languageid INTEGER HIDDEN)";
    case "fts3tokenize":
      return 'CREATE TABLE x(input TEXT, token TEXT, start INTEGER, "end" INTEGER, position INTEGER)';
    case "geopoly":
      return `CREATE TABLE x(${["_shape", ...args.map(firstWord)].map(q).join(", ")})`;
  }
}

/** `tokenize=porter` → "tokenize"; a column definition → null. */
function optionName(arg: string): string | null {
  const m = /^\s*(\w+)\s*=/.exec(arg);
  return m === null ? null : m[1].toLowerCase();
}

function firstWord(arg: string): string {
  const t = arg.trim();
  const quoted = /^("(?:[^"]|"")*"|`[^`]*`|\[[^\]]*\]|'(?:[^']|'')*')/.exec(t);
  return quoted ? unquote(quoted[1]) : t.split(/\s+/)[0];
}

function unquote(s: string): string {
  const q = s[0];
  if (q === "[") return s.slice(1, -1);
  if (q === '"' || q === "'" || q === "`") return s.slice(1, -1).split(q + q).join(q);
  return s;
}

/** Registers an empty module under each name, declaring the real module's columns. */
export function registerStandIns(sqlite3: Sqlite3, db: number, modules: readonly StandInModule[]): void {
  const { capi, vtab, wasm } = sqlite3;
  for (const module of modules) {
    const connect = (pDb: number, _aux: number, argc: number, argv: number, ppVtab: number): number => {
      const [, , table, ...args] = (wasm.cArgvToJs(argc, argv) ?? []).map(String);
      const rc = capi.sqlite3_declare_vtab(pDb, standInSchema(module, table, args));
      if (rc === 0) vtab.xVtab.create(ppVtab);
      return rc;
    };
    const methods = {
      xCreate: connect,
      xConnect: true,
      xDisconnect: (pVtab: number) => void vtab.xVtab.dispose(pVtab),
      xDestroy: true,
      xBestIndex: () => 0,
      xOpen: (_pVtab: number, ppCursor: number) => void vtab.xCursor.create(ppCursor),
      xClose: (pCursor: number) => void vtab.xCursor.dispose(pCursor),
      xFilter: () => 0,
      xNext: () => 0,
      xEof: () => 1,
      xColumn: () => 0,
      xRowid: () => 0,
      xUpdate: () => 0,
    };
    // sqlite-wasm's typings declare setupModule as its options object; at run time it is the function.
    const setupModule = vtab.setupModule as unknown as (opt: { methods: object; catchExceptions: boolean }) => Parameters<typeof capi.sqlite3_create_module>[2];
    const struct = setupModule({ methods, catchExceptions: true });
    capi.sqlite3_create_module(db, module, struct, 0);
  }
}
