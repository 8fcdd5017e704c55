import type { ModelIR } from "../ir/query-ir.js";
import { docText } from "./safe-text.js";
import { interfaceDecl } from "./ts-printer.js";
import { typeText } from "./ts-text.js";

/** generated/models.ts: one interface per table and view, as rows read with `SELECT *`. */
export function emitModels(models: readonly ModelIR[]): string[] {
  return models.map((m) =>
    interfaceDecl({
      name: m.name,
      exported: true,
      doc: docText([`A row of \`${m.table}\`.`, ...m.indexes.map(indexDoc)]),
      properties: m.fields.map((f) => ({ name: f.field, type: typeText(f.type), doc: fieldDoc(f) })),
    }),
  );
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
