/**
 * The `types` key of sqlgen.json: what columns read as in TypeScript. Keys name a column
 * (`users.settings`) or a declared type (`DATETIME`); values are a shorthand (`"bigint"`, `"date"`,
 * `"json"`) or an object: `{ "type": "date", "encoding": "unixepoch" }`,
 * `{ "type": "json", "tsType": "Settings", "from": "../src/settings.js" }`, `{ "brand": "WorkspaceId" }`.
 */
import { isMap, type Node } from "yaml";
import type { DiagnosticBag } from "../diagnostics/diagnostic.js";
import type { DateEncoding, TypeMapping } from "../ir/query-ir.js";
import type { SourceFile } from "../source/source-file.js";
import type { SourceSpan } from "../parse/schema-shape.js";
import { entries, spanOf, stringValue } from "./config-document.js";

/** One entry of `types`, as read: checked against the schema later (see analyze/column-types.ts). */
export interface TypeOption {
  /** `table.column`, or a declared type's name (no dot). */
  readonly target: string;
  /** A date's encoding is null when the option leaves it to the column's storage class. */
  readonly mapping: TypeMappingOption | null;
  /** A brand's name, or true for one named after the column. */
  readonly brand: string | true | null;
  /** Where the option is written, for diagnostics. */
  readonly at: SourceSpan | null;
}

export type TypeMappingOption = Exclude<TypeMapping, { kind: "date" | "literals" }> | { readonly kind: "date"; readonly encoding: DateEncoding | null };

const kinds = ["bigint", "date", "json"] as const;
const encodings: readonly DateEncoding[] = ["iso", "sqlite", "unixepoch", "unixepoch-ms"];
const objectKeys = ["type", "encoding", "tsType", "from", "brand"];

export function readTypeOptions(node: Node | null, file: SourceFile, bag: DiagnosticBag): TypeOption[] | undefined {
  const pairs = entries(node);
  if (pairs === null) return undefined;
  const out: TypeOption[] = [];
  for (const { key, keySpan, value } of pairs) {
    const at = { file: file.path, span: keySpan };
    const fail = (message: string, where: Node | null = value) => {
      bag.report("SG014", `"types"."${key}": ${message}`, file.path, spanOf(where, file), [
        'A value is "bigint", "date", "json", or an object such as {"type": "date", "encoding": "unixepoch"}, {"type": "json", "tsType": "Settings", "from": "../src/settings.js"}, {"brand": "WorkspaceId"}.',
      ]);
    };
    const shorthand = stringValue(value);
    if (shorthand !== undefined) {
      const mapping = mappingOf(shorthand, null, null, null);
      if (typeof mapping === "string") fail(mapping);
      else out.push({ target: key, mapping, brand: null, at });
      continue;
    }
    const fields = entries(value);
    if (fields === null || !isMap(value)) {
      fail("must be a string or an object");
      continue;
    }
    const get = (name: string) => fields.find((f) => f.key === name)?.value ?? null;
    const unknown = fields.find((f) => !objectKeys.includes(f.key));
    if (unknown) {
      fail(`unknown key "${unknown.key}" (known: ${objectKeys.join(", ")})`, null);
      continue;
    }
    const type = stringValue(get("type"));
    const brandNode = get("brand");
    const brand = brandNode === null ? null : stringValue(brandNode) ?? (isTrue(brandNode) ? true : undefined);
    if (brand === undefined || (typeof brand === "string" && !/^[A-Za-z_$][\w$]*$/.test(brand))) {
      fail("brand must be true or a TypeScript type name", brandNode);
      continue;
    }
    const mapping = type === undefined ? null : mappingOf(type, stringValue(get("encoding")) ?? null, stringValue(get("tsType")) ?? null, stringValue(get("from")) ?? null);
    if (typeof mapping === "string") fail(mapping);
    else if (mapping === null && brand === null) fail('needs "type" or "brand"');
    else out.push({ target: key, mapping, brand, at });
  }
  return out;
}

function isTrue(node: Node): boolean {
  return (node as { value?: unknown }).value === true;
}

/** The mapping an option asks for, or what is wrong with it. */
function mappingOf(type: string, encoding: string | null, tsType: string | null, from: string | null): TypeMappingOption | string {
  if (!(kinds as readonly string[]).includes(type)) return `unknown type "${type}" (known: ${kinds.join(", ")})`;
  if (encoding !== null && type !== "date") return `"encoding" is for dates`;
  if ((tsType !== null || from !== null) && type !== "json") return `"tsType" and "from" are for json`;
  switch (type as (typeof kinds)[number]) {
    case "bigint":
      return { kind: "bigint" };
    case "date":
      if (encoding !== null && !(encodings as readonly string[]).includes(encoding)) return `unknown date encoding "${encoding}" (known: ${encodings.join(", ")})`;
      return { kind: "date", encoding: encoding as DateEncoding | null };
    case "json":
      if (tsType !== null && !/^[A-Za-z_$][\w$]*$/.test(tsType)) return `tsType must be a type name, imported from "from"`;
      if ((tsType === null) !== (from === null)) return `"tsType" and "from" go together: the type and the module it is imported from`;
      return { kind: "json", type: tsType !== null && from !== null ? { name: tsType, from } : null };
  }
}
