/**
 * Turns placeholder occurrences into the query's parameters. Identity and order follow SQLite: each
 * `?` is new, `?NNN` is parameter NNN, a name (`:id`, `@id`, `$id`, `sqlc.arg(id)`) is one parameter
 * however often it appears; parameters are listed by SQLite's index. Names come from the syntax,
 * else from the context (param-hints). A parameter is a list (`sqlc.slice`) everywhere or nowhere.
 */
import { withNullable } from "./value-type.js";
import type { DiagnosticBag } from "../diagnostics/diagnostic.js";
import { lineColAt, type SourceFile } from "../source/source-file.js";
import type { ParamIR, ValueType } from "../ir/query-ir.js";
import { camelCase, NameAllocator } from "./naming.js";
import type { ParamOccurrence } from "../parse/ast.js";
import type { ParamHint } from "./param-hints.js";

export interface ParamsResult {
  readonly params: ParamIR[];
  /** For each occurrence, the index of its parameter. */
  readonly paramOf: number[];
}

interface Draft {
  readonly key: number;
  readonly explicitName: string | null;
  readonly occurrences: number[];
  slice: boolean;
  nullableMacro: boolean;
}

export function buildParams(occurrences: readonly ParamOccurrence[], hints: ReadonlyMap<number, ParamHint>, source: SourceFile, bag: DiagnosticBag): ParamsResult {
  const file = source.path;
  const drafts = groupByIdentity(occurrences);
  const paramOf: number[] = new Array(occurrences.length);
  drafts.forEach((d, i) => d.occurrences.forEach((o) => (paramOf[o] = i)));

  const names = new NameAllocator();
  for (const d of drafts) if (d.explicitName !== null) names.reserve(d.explicitName);
  const params = drafts.map((d, i): ParamIR => {
    const known = d.occurrences.map((o) => hints.get(o)).filter((h) => h !== undefined && (h.name !== null || h.type !== null));
    const hint = known[0];
    const name = d.explicitName ?? names.allocate(hint?.name ?? `param_${i + 1}`);
    const typed = known.flatMap((h) => (h?.type ? [h.type] : []));
    // A parameter used in several places takes the first place's type, and may be null only if
    // every place allows it (`id = :id OR parent_id = :id` is not nullable).
    const nullability = paramNullability(d, typed);
    const type: ValueType = typed[0] ? withNullable(typed[0], nullability.nullable, nullability.why) : { ts: "unknown", ...nullability };
    const first = occurrences[d.occurrences[0]];
    if (type.ts === "unknown") {
      bag.report("SG402", `cannot infer the type of parameter "${name}"`, file, first.span, [
        "It is typed `unknown`. Compare it with a column (`col = ?`), or give it a type: CAST(? AS TEXT).",
      ]);
    }
    if (d.slice && !d.occurrences.every((o) => hints.get(o)?.inList)) {
      bag.report("SG404", `sqlc.slice(${name}) must stand alone inside IN (…)`, file, first.span, ["Write `col IN (sqlc.slice(name))`."]);
    }
    if (d.slice) checkListEverywhere(d, name, occurrences, source, bag);
    // The column a type came from goes with it (sqlc's column overrides apply there too).
    const column = known.find((h) => h?.type)?.origin ?? null;
    return { name, field: camelCase(name), type, list: d.slice, column };
  });
  checkFieldClashes(params, occurrences, drafts, file, bag);
  return { params, paramOf };
}

/** Nullable with sqlc.narg, when no place tells, or when every place allows NULL; with the reason. */
function paramNullability(d: Draft, typed: readonly ValueType[]): Pick<ValueType, "nullable" | "why"> {
  if (d.nullableMacro) return { nullable: true, why: "sqlc.narg() allows NULL" };
  if (typed.length === 0) return { nullable: true, why: "no place it is used says whether NULL is allowed" };
  const notNull = typed.find((t) => !t.nullable);
  return notNull === undefined ? { nullable: true, why: typed[0].why } : { nullable: false, why: notNull.why };
}

/** A list binds one placeholder per item: the same parameter cannot also be one value elsewhere. */
function checkListEverywhere(d: Draft, name: string, occurrences: readonly ParamOccurrence[], source: SourceFile, bag: DiagnosticBag): void {
  const isList = (o: number) => { const s = occurrences[o].syntax; return s.kind === "macro" && s.macro === "slice"; };
  const list = d.occurrences.find(isList)!;
  for (const o of d.occurrences.filter((x) => !isList(x))) {
    const at = lineColAt(source, occurrences[list].span.start);
    bag.report("SG406", `parameter "${name}" is a list (sqlc.slice) at ${source.path}:${at.line}:${at.col} and a single value here`, source.path, occurrences[o].span, [
      "A list binds one placeholder per item and cannot also be bound as one value. Use sqlc.slice everywhere, or give the single value its own name.",
    ]);
  }
}

function groupByIdentity(occurrences: readonly ParamOccurrence[]): Draft[] {
  const drafts = new Map<number, Draft>();
  const byName = new Map<string, number>();
  let max = 0;
  occurrences.forEach((o, index) => {
    let key: number;
    const s = o.syntax;
    let name: string | null = null;
    if (s.kind === "anonymous") key = ++max;
    else if (s.kind === "numbered") {
      key = s.number;
      max = Math.max(max, key);
    } else {
      name = s.name;
      const known = byName.get(name.toLowerCase());
      key = known ?? ++max;
      byName.set(name.toLowerCase(), key);
    }
    let d = drafts.get(key);
    if (d === undefined) {
      d = { key, explicitName: name, occurrences: [], slice: false, nullableMacro: false };
      drafts.set(key, d);
    }
    d.occurrences.push(index);
    if (s.kind === "macro" && s.macro === "slice") d.slice = true;
    if (s.kind === "macro" && s.macro === "narg") d.nullableMacro = true;
  });
  // SQLite's parameter index: `?2 … ?1` lists ?1 first.
  return [...drafts.values()].sort((a, b) => a.key - b.key);
}

function checkFieldClashes(params: readonly ParamIR[], occurrences: readonly ParamOccurrence[], drafts: readonly Draft[], file: string, bag: DiagnosticBag): void {
  const seen = new Map<string, string>();
  params.forEach((p, i) => {
    const other = seen.get(p.field);
    if (other !== undefined) {
      bag.report("SG403", `parameters "${other}" and "${p.name}" both become the field "${p.field}"`, file, occurrences[drafts[i].occurrences[0]].span, [
        "Rename one of them.",
      ]);
    }
    seen.set(p.field, p.name);
  });
}
