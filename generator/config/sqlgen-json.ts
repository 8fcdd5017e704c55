/** Reads `sqlgen.json`: every key checked against the key table, errors at the key's position. */
import { posix } from "node:path";
import type { DiagnosticBag } from "../diagnostics/diagnostic.js";
import type { SourceFile } from "../source/source-file.js";
import type { Node } from "yaml";
import { booleanValue, entries, parseConfig, spanOf, stringList, stringValue } from "./config-document.js";
import { driverNames, isDriver } from "../targets/drivers.js";
import { readTypeOptions } from "./type-options.js";
import { importExtensions, isImportExtension } from "../emit/import-extension.js";
import { configKeys, editorKeys, type ConfigKeyName, type ConfigValueKind, type Settings } from "./config-keys.js";

export function readSqlgenJson(file: SourceFile, bag: DiagnosticBag): Settings {
  const strictJson = jsonSyntaxError(file.text);
  if (strictJson !== null) {
    bag.report("SG012", `${file.path} is not valid JSON: ${strictJson.message}`, file.path, { start: strictJson.at, end: strictJson.at + 1 }, ["sqlgen.json is plain JSON: no comments, no trailing commas."]);
    return {};
  }
  const root = parseConfig(file, bag);
  const pairs = entries(root);
  if (pairs === null) {
    bag.report("SG014", `${file.path} must hold one JSON object`, file.path, spanOf(root, file), [`For example {"schema": "schema", "queries": "queries", "out": "generated"}.`]);
    return {};
  }
  const dir = posix.dirname(file.path);
  const settings: Record<string, unknown> = {};
  for (const { key, keySpan, value } of pairs) {
    if (editorKeys.includes(key)) continue;
    if (!Object.hasOwn(configKeys, key)) {
      bag.report("SG013", `unknown key "${key}" in ${file.path}`, file.path, keySpan, [`Known keys: ${Object.keys(configKeys).join(", ")}.`]);
      continue;
    }
    const kind: ConfigValueKind = configKeys[key as ConfigKeyName].kind;
    const read = kind === "types" ? readTypeOptions(value, file, bag) : readValue(kind, value);
    if (read === undefined) {
      bag.report("SG014", `"${key}" must be ${expected(kind)}`, file.path, spanOf(value, file), [configKeys[key as ConfigKeyName].description + "."]);
      continue;
    }
    settings[key] = kind === "boolean" || kind === "driver" || kind === "types" || kind === "importExtension" ? read : typeof read === "string" ? rebase(dir, read) : (read as string[]).map((p) => rebase(dir, p));
  }
  return settings as Settings;
}

function readValue(kind: Exclude<ConfigValueKind, "types">, value: Node | null | undefined): boolean | string | readonly string[] | undefined {
  switch (kind) {
    case "boolean":
      return booleanValue(value);
    case "path":
      return stringValue(value);
    case "paths":
      return stringList(value);
    case "driver": {
      const name = stringValue(value);
      return name !== undefined && isDriver(name) ? name : undefined;
    }
    case "importExtension": {
      const extension = stringValue(value);
      return extension !== undefined && isImportExtension(extension) ? extension : undefined;
    }
  }
}

function expected(kind: ConfigValueKind): string {
  switch (kind) {
    case "driver":
      return `one of ${driverNames.map((d) => JSON.stringify(d)).join(", ")}`;
    case "paths":
      return "a path or a non-empty list of paths (strings)";
    case "path":
      return "a path (a string)";
    case "boolean":
      return "true or false";
    case "types":
      return 'an object: {"table.column" or "DECLARED TYPE": "bigint" | "date" | "json" | {…}}';
    case "importExtension":
      return importExtensions.map((e) => JSON.stringify(e)).join(" or ");
  }
}

/** A path written in a config file is relative to that file's folder. */
export function rebase(configDir: string, path: string): string {
  return posix.isAbsolute(path) || configDir === "." ? path : posix.normalize(posix.join(configDir, path));
}

/** JSON.parse is the judge of strict JSON (YAML would accept comments); its message names an offset. */
function jsonSyntaxError(text: string): { message: string; at: number } | null {
  try {
    JSON.parse(text);
    return null;
  } catch (e) {
    const message = (e as Error).message;
    const position = /position (\d+)/.exec(message);
    return { message: message.replace(/ at position \d+.*$/, ""), at: position ? Number(position[1]) : 0 };
  }
}
