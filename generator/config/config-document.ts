/**
 * A config file (JSON or YAML) as a tree whose every node knows its place in the file, so a bad key
 * or value is reported at its file:line:col. The `yaml` package parses both: JSON is YAML.
 */
import { isMap, isScalar, isSeq, parseDocument, type Node } from "yaml";
import type { DiagnosticBag, Span } from "../diagnostics/diagnostic.js";
import type { SourceFile } from "../source/source-file.js";

export interface Entry {
  readonly key: string;
  readonly keySpan: Span;
  readonly value: Node | null;
}

/** The top-level node, or null (reported) when the file does not parse. */
export function parseConfig(file: SourceFile, bag: DiagnosticBag): Node | null {
  const doc = parseDocument(file.text, { prettyErrors: false, uniqueKeys: true });
  const error = doc.errors[0];
  if (error !== undefined) {
    bag.report("SG012", `${file.path} is not valid: ${error.message.split("\n")[0]}`, file.path, { start: error.pos[0], end: error.pos[1] }, ["Fix the syntax; the file must be valid JSON or YAML."]);
    return null;
  }
  return doc.contents as Node | null;
}

export function spanOf(node: Node | null, file: SourceFile): Span {
  const range = node?.range;
  return range ? { start: range[0], end: range[1] } : { start: 0, end: Math.min(1, file.text.length) };
}

/** The pairs of a mapping with their key names, or null when `node` is not a mapping. */
export function entries(node: Node | null): Entry[] | null {
  if (!isMap(node)) return null;
  return node.items.map((pair) => {
    const key = pair.key as Node;
    return { key: String(isScalar(key) ? key.value : key), keySpan: { start: key.range?.[0] ?? 0, end: key.range?.[1] ?? 0 }, value: (pair.value as Node | null) ?? null };
  });
}

/** The value of `key` in a mapping, or undefined. */
export function field(node: Node | null, key: string): Node | null | undefined {
  return entries(node)?.find((e) => e.key === key)?.value;
}

export function stringValue(node: Node | null | undefined): string | undefined {
  return isScalar(node) && typeof node.value === "string" ? node.value : undefined;
}

/** A string, or a non-empty list of strings (sqlc and sqlgen both accept either); undefined otherwise. */
export function stringList(node: Node | null | undefined): string[] | undefined {
  const one = stringValue(node);
  if (one !== undefined) return [one];
  if (!isSeq(node) || node.items.length === 0) return undefined;
  const all = node.items.map((item) => stringValue(item as Node));
  return all.every((s): s is string => s !== undefined) ? all : undefined;
}

export function booleanValue(node: Node | null | undefined): boolean | undefined {
  return isScalar(node) && typeof node.value === "boolean" ? node.value : undefined;
}
