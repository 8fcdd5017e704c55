/**
 * Results and parameters cross process boundaries as JSON: values JSON cannot hold are tagged.
 * Every BLOB, whatever class a driver returns it as (Buffer, Uint8Array), encodes the same way, so
 * a driver returning anything else (ArrayBuffer, number[]) shows up as a difference.
 */
export type Encoded = null | boolean | number | string | Encoded[] | { readonly [key: string]: Encoded };

export function encode(value: unknown): Encoded {
  if (value === undefined) return { $undefined: true };
  if (value === null || typeof value === "boolean" || typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) && !Object.is(value, -0) ? value : { $number: String(value) };
  if (typeof value === "bigint") return { $bigint: value.toString() };
  if (value instanceof Date) return { $date: Number.isNaN(value.getTime()) ? "invalid" : value.toISOString() };
  if (value instanceof Uint8Array) return { $blob: Array.from(value, (b) => b.toString(16).padStart(2, "0")).join("") };
  if (Array.isArray(value)) return value.map(encode);
  if (typeof value === "object") {
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) return { $class: (value as object).constructor?.name ?? "unknown" };
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encode(v)]));
  }
  return { $unsupported: typeof value };
}

/** The inverse for parameters (plain objects of numbers, strings, booleans, blobs, bigints, dates, lists). */
export function decode(value: Encoded): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(decode);
  const tagged = value as Record<string, Encoded>;
  if (typeof tagged["$blob"] === "string") return Uint8Array.from((tagged["$blob"].match(/../g) ?? []).map((h) => parseInt(h, 16)));
  if (typeof tagged["$bigint"] === "string") return BigInt(tagged["$bigint"]);
  if (typeof tagged["$date"] === "string") return new Date(tagged["$date"]);
  return Object.fromEntries(Object.entries(tagged).map(([k, v]) => [k, decode(v)]));
}

/**
 * What the suite compares of an error: whether SQLite refused a constraint, or something else went
 * wrong. Drivers word and wrap SQLite's messages differently; the class of failure must agree.
 */
export function errorClass(e: unknown): string {
  const text = `${(e as { code?: unknown } | null)?.code ?? ""} ${(e as { message?: unknown } | null)?.message ?? String(e)}`;
  if (/constraint/i.test(text)) return "constraint";
  if (e instanceof RangeError) return "range";
  return "error";
}
