/**
 * sqlc overrides name Go types; those with a TypeScript meaning today are the scalars: integers and
 * floats → number, string → string, bool → boolean, []byte → Uint8Array, each also as a pointer
 * (`*string`) or `database/sql`'s Null types, which may be NULL. Times and JSON become type options
 * (see goTypeToMapping); big integers and other types have no meaning here.
 */
import type { Node } from "yaml";
import type { ValueType, TsType } from "../ir/query-ir.js";
import type { TypeMappingOption } from "./type-options.js";
import { booleanValue, field, stringValue } from "./config-document.js";

const scalars: Readonly<Record<string, TsType>> = {
  int: "number", int8: "number", int16: "number", int32: "number", int64: "number",
  uint: "number", uint8: "number", uint16: "number", uint32: "number", uint64: "number",
  float32: "number", float64: "number", byte: "number", rune: "number",
  string: "string", bool: "boolean", "[]byte": "Uint8Array", "[]uint8": "Uint8Array",
};

const nullTypes: Readonly<Record<string, TsType>> = {
  NullString: "string", NullInt64: "number", NullInt32: "number", NullInt16: "number", NullByte: "number", NullFloat64: "number", NullBool: "boolean",
};

/** A `go_type` (a string such as `*int64`, or sqlc's object form) as a TS type, or null when it has none here. */
export function goTypeToTs(goType: Node | null | undefined): ValueType | null {
  const text = stringValue(goType);
  if (text !== undefined) return fromText(text);
  // The object form: { type, pointer, import, package, slice }: only a bare scalar has a meaning here.
  const type = stringValue(field(goType ?? null, "type"));
  if (type === undefined || stringValue(field(goType ?? null, "import")) !== undefined || booleanValue(field(goType ?? null, "slice")) === true) return null;
  const ts = scalars[type];
  return ts === undefined ? null : { ts, nullable: booleanValue(field(goType ?? null, "pointer")) === true };
}

function fromText(text: string): ValueType | null {
  const pointer = text.startsWith("*");
  const name = pointer ? text.slice(1) : text;
  const scalar = scalars[name];
  if (scalar !== undefined) return { ts: scalar, nullable: pointer };
  const sqlNull = /^(?:database\/sql\.|sql\.)(Null\w+)$/.exec(name)?.[1];
  const ts = sqlNull === undefined || pointer ? undefined : nullTypes[sqlNull];
  return ts === undefined ? null : { ts, nullable: true };
}

/**
 * Go types that sqlgen's type options express: times → a Date (stored as the column's storage class
 * says), JSON → parsed JSON. Null when the go_type is none of them.
 */
export function goTypeToMapping(goType: Node | null | undefined): TypeMappingOption | null {
  const text = stringValue(goType) ?? stringValue(field(goType ?? null, "type"));
  const name = text?.replace(/^\*/, "");
  if (name === "time.Time" || name === "sql.NullTime" || name === "database/sql.NullTime") return { kind: "date", encoding: null };
  if (name === "json.RawMessage" || name === "encoding/json.RawMessage") return { kind: "json", type: null };
  return null;
}

/** A short way to show a go_type in messages. */
export function goTypeText(goType: Node | null | undefined): string {
  return stringValue(goType) ?? stringValue(field(goType ?? null, "type")) ?? "(object)";
}
