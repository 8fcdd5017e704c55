import type { SourceFile } from "ts-morph";
import type { ModelIR } from "../ir/query-ir.js";
import { typeText } from "./ts-text.js";

/** generated/models.ts: one interface per table and view, as rows read with `SELECT *`. */
export function emitModels(file: SourceFile, models: readonly ModelIR[]): void {
  for (const m of models) {
    file.addInterface({
      name: m.name,
      isExported: true,
      docs: [`A row of \`${m.table}\`.`],
      properties: m.fields.map((f) => ({ name: f.field, type: typeText(f.type), docs: f.field === f.column ? [] : [`Column \`${f.column}\`.`] })),
    });
  }
}
