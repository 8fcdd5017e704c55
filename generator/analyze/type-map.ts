import type { TsType } from "../ir/query-ir.js";

/**
 * Maps a declared SQLite type to the TypeScript type the driver returns, following SQLite's
 * affinity rules (https://sqlite.org/datatype3.html §3.1) with a few names that carry intent.
 */
export function tsTypeOfDeclared(declared: string | null): TsType {
  if (declared === null || declared.trim() === "") return "unknown";
  const t = declared.toUpperCase();
  if (/^BOOL(EAN)?\b/.test(t)) return "boolean";
  if (t.includes("INT")) return "number";
  if (t.includes("CHAR") || t.includes("CLOB") || t.includes("TEXT")) return "string";
  if (t.includes("BLOB")) return "Uint8Array";
  if (t.includes("REAL") || t.includes("FLOA") || t.includes("DOUB")) return "number";
  // NUMERIC affinity from here on.
  if (/^(DATE|DATETIME|TIMESTAMP|TIME)\b/.test(t)) return "string";
  if (/^JSON\b/.test(t)) return "string";
  if (/^(NUMERIC|DECIMAL|NUMBER)\b/.test(t)) return "number";
  return "unknown";
}
