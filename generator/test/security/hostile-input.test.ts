/**
 * Nothing from input reaches generated code unescaped: comments, table/column/index names and file
 * names that try to close a comment or a line are generated from, and every emitted file must parse
 * to exactly the declarations the IR calls for — no statement more.
 */
import ts from "typescript";
import { describe, expect, it } from "vitest";
import type { ProgramIR } from "../../ir/query-ir.js";
import { generate } from "../../pipeline/generate.js";

const payload = `import("node:fs").then((fs) => fs.writeFileSync("pwned.txt", "x"));`;

const schema = `
CREATE TABLE "x*/ export const fromTable = 1; /*" (
  id INTEGER PRIMARY KEY,
  "y*/ export const fromColumn = 1; /*" TEXT,
  "line\u2028break" TEXT
);
CREATE INDEX "i*/ export const fromIndex = 1; /*" ON "x*/ export const fromTable = 1; /*" ("line\u2028break");
CREATE TABLE child (
  id INTEGER PRIMARY KEY,
  parent INTEGER REFERENCES "x*/ export const fromTable = 1; /*" (id)
);
`;

const queries = `
-- Reads one row. */ ${payload} /*
-- A second line with a line separator\u2028${payload}
-- name: GetT :one
SELECT * FROM "x*/ export const fromTable = 1; /*" WHERE id = ?;

/* A block doc comment ending a JSDoc early: *\\/ ${payload} */
-- name: ListChildren :many
SELECT id, parent AS "z*/ export const fromAlias = 1; /*" FROM child;

-- name: OddText :one
SELECT 'del\u007f line\u2028 para\u2029' AS odd,
  'multi-line' AS second;
`;

/** Top-level declarations of a TypeScript file, as `kind name`; anything else as its syntax kind. */
function declarations(text: string): string[] {
  const file = ts.createSourceFile("out.ts", text, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  return file.statements.map((s) => {
    if (ts.isImportDeclaration(s)) return "import";
    if (ts.isExportDeclaration(s)) return "export *";
    if (ts.isInterfaceDeclaration(s)) return `interface ${s.name.text}`;
    if (ts.isTypeAliasDeclaration(s)) return `type ${s.name.text}`;
    if (ts.isFunctionDeclaration(s)) return `function ${s.name?.text}`;
    if (ts.isVariableStatement(s)) return `const ${s.declarationList.declarations.map((d) => d.name.getText(file)).join(",")}`;
    return ts.SyntaxKind[s.kind];
  });
}

/** What the IR says each module declares. */
function expectedDeclarations(program: ProgramIR): Map<string, string[]> {
  const out = new Map<string, string[]>();
  out.set("models.ts", program.models.map((m) => `interface ${m.name}`));
  out.set("schema.ts", ["const migrations", "function migrate"]);
  out.set("index.ts", ["export *", "export *", "export *", ...program.modules.map(() => "export *")]);
  for (const m of program.modules) {
    out.set(
      m.fileName,
      m.queries.flatMap((q) => {
        const n = q.identifiers;
        const rows = q.result.kind !== "none";
        return [
          `const ${n.sql}`,
          ...(q.params.length > 0 ? [`interface ${n.params}`] : []),
          ...(q.result.kind === "row" ? [q.result.model === null ? `interface ${n.row}` : `type ${n.row}`] : []),
          `const ${n.statement}`,
          ...(rows ? [`function ${n.mapper}`] : []),
          `function ${n.fn}`,
          ...(rows && q.command === "many" ? [`function ${n.iterate}`] : []),
        ];
      }),
    );
  }
  return out;
}

describe("hostile input", () => {
  it("cannot add code to generated files through comments or schema names", async () => {
    const result = await generate({ schema: [{ path: "schema.sql", text: schema }], queries: [{ path: "queries/q.sql", text: queries }], options: { queriesRoot: "queries" } });
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const files = result.files!;
    const expected = expectedDeclarations(result.program);
    for (const [name, text] of files) {
      if (name === "db.ts") continue;
      const actual = declarations(text).filter((d) => d !== "import");
      expect(actual, name).toEqual(expected.get(name));
      expect(text, name).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/);
    }
    // The payloads are still there, harmlessly inside comments, so the test saw them.
    expect(files.get("q.ts")).toContain("writeFileSync");
    expect(files.get("models.ts")).toContain("fromTable");
  });

  it("refuses a file name with a line break, which would end the generated header comment", async () => {
    const result = await generate({ schema: [{ path: "schema.sql", text: "CREATE TABLE t (id INTEGER PRIMARY KEY);" }], queries: [{ path: "queries/a\nexport const x = 1;.sql", text: "-- name: A :one\nSELECT id FROM t;" }], options: { queriesRoot: "queries" } });
    expect(result.diagnostics.map((d) => d.code)).toEqual(["SG010"]);
    expect(result.files).toBeNull();
  });
});
