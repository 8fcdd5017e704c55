/** The parser's CST as this adapter reads it, and small readers of its nodes. */
import type * as A from "./ast.js";

/** The CST is a wide union over many dialects; the adapter reads it structurally. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Cst = { readonly type: string; readonly range?: [number, number]; readonly [key: string]: any };

export function placeholderSyntax(text: string): A.ParamSyntax {
  if (text === "?") return { kind: "anonymous" };
  if (text.startsWith("?")) return { kind: "numbered", number: Number(text.slice(1)) };
  return { kind: "named", name: text.slice(1) };
}

/** `sqlc.x(...)` → "x"; anything else → null. */
export function macroName(n: Cst): string | null {
  if (n.type !== "func_call" || n.name?.type !== "member_expr") return null;
  const object: Cst = n.name.object;
  if (object.type !== "identifier" || String(object.name).toLowerCase() !== "sqlc") return null;
  return String(n.name.property.name).toLowerCase();
}

export function macroArgument(arg: Cst): string | null {
  if (arg.type === "identifier") return arg.name;
  if (arg.type === "string_literal") return arg.value;
  return null;
}

export function entityName(n: Cst): string {
  if (n.type === "member_expr") return n.property.name;
  return n.name ?? n.text ?? "";
}

export function keywordWords(op: Cst | Cst[]): string {
  return (Array.isArray(op) ? op : [op]).map((k) => String(k.name)).join(" ").toLowerCase();
}

export function dataTypeName(n: Cst): string {
  if (n.type === "data_type_name") return (Array.isArray(n.name) ? n.name : [n.name]).map((k: Cst) => k.text).join(" ");
  if (n.type === "modified_data_type") return dataTypeName(n.dataType);
  return n.text ?? "";
}

/** The SELECT of a `CREATE VIEW … AS SELECT …` statement, or null if it cannot be read. */
