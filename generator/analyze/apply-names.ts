/**
 * Final model and field names, after analysis: models singular as sqlc makes them (`users` → `User`)
 * unless `exactTableNames`, and sqlc's `rename` applied: a key naming a column (or the, singular,
 * table a model is named after) gets the given name. Renames are Go names (`UserID`); as fields
 * they start lower case (`userID`). A rename that makes two fields of one object alike is an error.
 */
import type { DiagnosticBag } from "../diagnostics/diagnostic.js";
import type { ModelIR, ModuleIR, ParamIR, QueryIR, RowField } from "../ir/query-ir.js";
import { camelCase, pascalCase } from "./naming.js";
import { singular } from "./singular.js";

export interface Naming {
  /** Models named exactly after their tables (sqlc's emit_exact_table_names). */
  readonly exactTableNames?: boolean;
  /** Tables whose model name is not made singular (sqlc's inflection_exclude_table_names). */
  readonly inflectionExclusions?: readonly string[];
  /** sqlc's rename: a column or (singular) table name → the name to give it. */
  readonly rename?: Readonly<Record<string, string>>;
}

export function applyNames(models: readonly ModelIR[], modules: readonly ModuleIR[], naming: Naming, bag: DiagnosticBag): { models: ModelIR[]; modules: ModuleIR[] } {
  const rename = naming.rename ?? {};
  const renamed = (sqlName: string | undefined): string | undefined => (sqlName !== undefined && Object.hasOwn(rename, sqlName) ? rename[sqlName] : undefined);
  const modelName = (table: string) => {
    const base = naming.exactTableNames === true ? table : singular(table, naming.inflectionExclusions);
    return renamed(base) ?? pascalCase(base);
  };
  // Embeds name their model as analysis did (the table in PascalCase): the same map renames them.
  const names = new Map(models.map((m) => [m.name, modelName(m.table)]));
  const field = (sqlName: string | undefined, current: string) => {
    const to = renamed(sqlName);
    return to === undefined ? current : fieldName(to);
  };
  const outModels = models.map((m) => {
    const fields = m.fields.map((f) => ({ ...f, field: field(f.column, f.field) }));
    checkUnique(m.fields.map((f) => f.field), fields.map((f) => f.field), `model ${names.get(m.name)!}`, m.source?.file ?? null, m.source?.span ?? null, bag);
    return { ...m, name: names.get(m.name)!, fields };
  });
  const outModules = modules.map((mod) => ({ ...mod, queries: mod.queries.map((q) => renameQuery(q, field, names, bag)) }));
  return { models: outModels, modules: outModules };
}

type FieldOf = (sqlName: string | undefined, current: string) => string;

function renameQuery(q: QueryIR, field: FieldOf, models: ReadonlyMap<string, string>, bag: DiagnosticBag): QueryIR {
  const params: ParamIR[] = q.params.map((p) => ({ ...p, field: field(p.name, p.field) }));
  const column = (index: number) => q.columns[index]?.name;
  checkUnique(q.params.map((p) => p.field), params.map((p) => p.field), `the parameters of query "${q.name}"`, q.file, q.nameSpan, bag);
  if (q.result.kind !== "row") return { ...q, params };
  const row: RowField[] = q.result.fields.map((f) =>
    f.kind === "column"
      ? { ...f, field: field(column(f.index), f.field) }
      : { ...f, field: embedField(f.field, f.model, models), model: models.get(f.model) ?? f.model, fields: f.fields.map((x) => ({ ...x, field: field(column(x.index), x.field) })) },
  );
  checkUnique(q.result.fields.map((f) => f.field), row.map((f) => f.field), `the row of query "${q.name}"`, q.file, q.nameSpan, bag);
  const model = q.result.model === null ? null : (models.get(q.result.model) ?? q.result.model);
  return { ...q, params, result: { ...q.result, fields: row, model } };
}

/** An embed named after its model (not an alias) takes the model's new name, as sqlc names it after the struct. */
function embedField(current: string, model: string, models: ReadonlyMap<string, string>): string {
  const renamed = models.get(model);
  return renamed !== undefined && current === camelCase(model) ? camelCase(renamed) : current;
}

/** Fields analysis named are already unique (or reported): only those a rename changed are checked. */
function checkUnique(before: readonly string[], fields: readonly string[], owner: string, file: string | null, span: { start: number; end: number } | null, bag: DiagnosticBag): void {
  if (fields.every((f, i) => f === before[i])) return;
  const seen = new Set<string>();
  for (const f of fields) {
    if (seen.has(f)) bag.report("SG207", `rename gives two fields of ${owner} the name ${f}`, file, span, ["Change the rename in the sqlc config so that each field keeps a name of its own."]);
    seen.add(f);
  }
}

/** A Go field name as a TypeScript field: its leading capitals lower case (`UserID` → `userID`, `URLPath` → `urlPath`, `ID` → `id`). */
export function fieldName(goName: string): string {
  const lead = /^[A-Z]*/.exec(goName)![0].length;
  if (lead === goName.length) return goName.toLowerCase();
  // In `URLPath` the last capital of the run starts the next word.
  const cut = lead > 1 && /[a-z]/.test(goName.charAt(lead)) ? lead - 1 : lead;
  return goName.slice(0, cut).toLowerCase() + goName.slice(cut);
}
