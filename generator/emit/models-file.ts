/** generated/models.ts: one interface per table and view, as rows read with `SELECT *`, and the brands. */
import type { ModelIR, ProgramIR } from "../ir/query-ir.js";
import { docText } from "./safe-text.js";
import { importDecl, interfaceDecl, jsDoc, moduleText } from "./ts-printer.js";
import { baseTypeText, Imports, typeText } from "./ts-text.js";

export function emitModels(program: ProgramIR): string {
  const needs = new Imports();
  const brands = program.brands.map(({ brand, base }) =>
    [
      jsDoc(docText([`Values of \`${brand.column}\` (and of the columns that reference it): not interchangeable with other ${baseTypeText(base)} values.`])),
      `export type ${brand.name} = ${baseTypeText(base, needs)} & { readonly __brand: ${JSON.stringify(brand.column)} };`,
    ].join("\n"),
  );
  const interfaces = program.models.map((m) =>
    interfaceDecl({
      name: m.name,
      exported: true,
      doc: docText([`A row of \`${m.table}\`.`, ...m.indexes.map(indexDoc)]),
      properties: m.fields.map((f) => ({ name: f.field, type: typeText(f.type, needs), doc: fieldDoc(f) })),
    }),
  );
  const imports = [...needs.user].sort(([a], [b]) => a.localeCompare(b)).map(([from, names]) => importDecl([...names].sort(), from, true));
  return moduleText(imports, [...brands, ...interfaces]);
}

function fieldDoc(f: ModelIR["fields"][number]): string | undefined {
  const lines = f.field === f.column ? [] : [`Column \`${f.column}\`.`];
  if (f.references) {
    const action = f.references.onDelete === "NO ACTION" ? "" : ` (ON DELETE ${f.references.onDelete})`;
    lines.push(`References \`${f.references.table}.${f.references.column}\`${action}.`);
  }
  return lines.length === 0 ? undefined : docText(lines);
}

function indexDoc(i: ModelIR["indexes"][number]): string {
  const kind = [i.unique ? "unique" : "", i.partial ? "partial" : ""].filter(Boolean).join(", ");
  return `Index \`${i.name}\` (${i.columns.join(", ")})${kind ? `, ${kind}` : ""}.`;
}
