/**
 * Turns placeholder occurrences into the query's parameters. Identity follows SQLite: each `?`
 * is new, `?NNN` is parameter NNN, a name (`:id`, `@id`, `$id`, `sqlc.arg(id)`) is one parameter
 * however often it appears. Names come from the syntax, else from the context (param-hints).
 */
import type { DiagnosticBag } from "../diagnostics/diagnostic.js";
import type { ParamIR, ValueType } from "../ir/query-ir.js";
import { camelCase, NameAllocator } from "../ir/naming.js";
import type { ParamOccurrence } from "../parse/ast.js";
import type { ParamHint } from "./param-hints.js";

export interface ParamsResult {
  readonly params: ParamIR[];
  /** For each occurrence, the index of its parameter. */
  readonly bindings: number[];
}

interface Draft {
  readonly key: number;
  readonly explicitName: string | null;
  readonly occurrences: number[];
  slice: boolean;
  nullableMacro: boolean;
}

export function buildParams(occurrences: readonly ParamOccurrence[], hints: ReadonlyMap<number, ParamHint>, file: string, bag: DiagnosticBag): ParamsResult {
  const drafts = groupByIdentity(occurrences);
  const bindings: number[] = new Array(occurrences.length);
  drafts.forEach((d, i) => d.occurrences.forEach((o) => (bindings[o] = i)));

  const names = new NameAllocator();
  for (const d of drafts) if (d.explicitName !== null) names.reserve(d.explicitName);
  const params = drafts.map((d, i): ParamIR => {
    const known = d.occurrences.map((o) => hints.get(o)).filter((h) => h !== undefined && (h.name !== null || h.type !== null));
    const hint = known[0];
    const name = d.explicitName ?? names.allocate(hint?.name ?? `param_${i + 1}`);
    const typed = known.flatMap((h) => (h?.type ? [h.type] : []));
    // A parameter used in several places takes the first place's type, and may be null only if
    // every place allows it (`id = :id OR parent_id = :id` is not nullable).
    const type: ValueType = {
      ts: typed[0]?.ts ?? "unknown",
      nullable: d.nullableMacro || typed.length === 0 || typed.every((t) => t.nullable),
    };
    const first = occurrences[d.occurrences[0]];
    if (type.ts === "unknown") {
      bag.report("SG402", `cannot infer the type of parameter "${name}"`, file, first.span, [
        "It is typed `unknown`. Compare it with a column (`col = ?`), or give it a type: CAST(? AS TEXT).",
      ]);
    }
    if (d.slice && !d.occurrences.every((o) => hints.get(o)?.inList)) {
      bag.report("SG404", `sqlc.slice(${name}) must stand alone inside IN (…)`, file, first.span, ["Write `col IN (sqlc.slice(name))`."]);
    }
    return { name, field: camelCase(name), type, slice: d.slice };
  });
  checkFieldClashes(params, occurrences, drafts, file, bag);
  return { params, bindings };
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
  return [...drafts.values()].sort((a, b) => a.occurrences[0] - b.occurrences[0]);
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
