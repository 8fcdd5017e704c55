/** Hover text: the TypeScript a query, parameter, result column, table or column becomes. */
import type { ModelIR, QueryIR, RowField, ValueType } from "../ir/query-ir.js";
import { assertNever } from "../parse/ast.js";
import type { Target } from "./locate.js";
// The same spelling of a type as the generated code (brands, Dates, JSON types, CHECK unions).
import { typeText } from "../emit/ts-text.js";

export function hoverText(target: Target): string {
  switch (target.kind) {
    case "header":
      return queryText(target.query);
    case "param": {
      const p = target.param;
      return `parameter \`${p.name}\` of ${target.query.name}\n\n${code(`${p.field}: ${typeText(p.type)}${p.list ? "[]" : ""}`)}\n\n${nullability(p.type)}${p.list ? "\n\na list (sqlc.slice)" : ""}`;
    }
    case "result": {
      const c = target.column;
      const field = resultFieldOf(target.query, target.index);
      const from = c.table === null ? "" : `\n\nfrom \`${c.table}${c.column === null ? "" : `.${c.column}`}\``;
      return `result column \`${c.name}\` of ${target.query.name}\n\n${code(`${field}: ${typeText(c.type)}`)}\n\n${nullability(c.type)}${from}`;
    }
    case "table":
      return `${target.table.kind} \`${target.table.name}\`${target.model === undefined ? "" : `\n\n${code(modelText(target.model))}`}`;
    case "column": {
      const field = target.model?.fields.find((f) => f.column.toLowerCase() === target.column.name.toLowerCase());
      const type = field === undefined ? "" : `\n\n${code(`${field.field}: ${typeText(field.type)}`)}\n\n${nullability(field.type)}`;
      return `column \`${target.table.name}.${target.column.name}\`${type}`;
    }
    default:
      return assertNever(target);
  }
}

function queryText(q: QueryIR): string {
  const params = q.params.map((p) => `  ${p.field}: ${typeText(p.type)}${p.list ? "[]" : ""};`);
  const lines = [`// ${q.name} :${q.command}`, `function ${q.identifiers.fn}(db, params): …`, `interface ${q.identifiers.params} {`, ...params, "}"];
  const r = q.result;
  if (r.kind === "scalar") lines.push(`// each row is one value: ${typeText(r.type)}`);
  else if (r.kind === "row" && r.model !== null) lines.push(`type ${q.identifiers.row} = ${r.model};`);
  else if (r.kind === "row") lines.push(`interface ${q.identifiers.row} {`, ...r.fields.map((f) => `  ${f.field}: ${fieldType(f)};`), "}");
  return code(lines.join("\n"));
}

function modelText(m: ModelIR): string {
  return [`interface ${m.name} {`, ...m.fields.map((f) => `  ${f.field}: ${typeText(f.type)};`), "}"].join("\n");
}

function fieldType(f: RowField): string {
  switch (f.kind) {
    case "column":
      return typeText(f.type);
    case "embed":
      return `${f.model}${f.nullable ? " | null" : ""}`;
    default:
      return assertNever(f);
  }
}

/** The row field a result column lands in (embedded columns as `embed.field`); `value` for a one-value result. */
function resultFieldOf(q: QueryIR, index: number): string {
  if (q.result.kind === "scalar") return "value";
  for (const f of q.result.kind === "row" ? q.result.fields : []) {
    if (f.kind === "column" && f.index === index) return f.field;
    if (f.kind === "embed") {
      const inner = f.fields.find((e) => e.index === index);
      if (inner !== undefined) return `${f.field}.${inner.field}`;
    }
  }
  return "(not in the row)";
}

/** "nullable: right side of LEFT JOIN `folders f`", "not null: column declared NOT NULL". */
function nullability(t: ValueType): string {
  return `${t.nullable ? "nullable" : "not null"}${t.why === undefined ? "" : `: ${t.why}`}`;
}

function code(text: string): string {
  return "```typescript\n" + text + "\n```";
}
