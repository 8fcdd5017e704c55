/** Name resolution: which relations a column reference can see, and what each column holds. */
import { withNullable } from "./value-type.js";
import type { CatalogTable } from "../schema/catalog.js";
import type { ValueType } from "../ir/query-ir.js";

export interface RelColumn {
  readonly name: string;
  readonly type: ValueType;
  /** Origin in the schema, when the column is a plain reference to a table column. */
  readonly table: string | null;
  readonly column: string | null;
  readonly hidden: boolean;
}

export interface Relation {
  /** The name the query uses for it: alias, or table name. */
  readonly name: string;
  readonly table: CatalogTable | null;
  readonly columns: readonly RelColumn[];
  /** On the optional side of an outer join: every column may read as NULL. */
  readonly nullable: boolean;
  /** When nullable, the join that makes it so ("right side of LEFT JOIN `folders f`"). */
  readonly nullableWhy?: string;
  /** Columns that `*` leaves out (the right-hand copies of USING / NATURAL join columns). */
  readonly starExcluded: ReadonlySet<string>;
}

/** Common table expressions visible at a point, innermost first. */
export class CteEnv {
  private readonly entries = new Map<string, readonly RelColumn[]>();

  constructor(private readonly parent: CteEnv | null) {}

  define(name: string, columns: readonly RelColumn[]): void {
    this.entries.set(name.toLowerCase(), columns);
  }

  find(name: string): readonly RelColumn[] | undefined {
    return this.entries.get(name.toLowerCase()) ?? this.parent?.find(name);
  }
}

export interface Resolved {
  readonly relation: Relation;
  readonly column: RelColumn;
}

export class Scope {
  /** Columns the WHERE clause proves non-null, by relation (see proveByWhere), with the proof. */
  private readonly proven = new Map<Relation, Map<string, string>>();

  constructor(
    readonly relations: readonly Relation[],
    readonly parent: Scope | null,
    readonly env: CteEnv,
    /** The SELECT has GROUP BY: each aggregate sees at least one row. */
    readonly grouped = false,
  ) {}

  relation(name: string): Relation | undefined {
    const lower = name.toLowerCase();
    return this.relations.find((r) => r.name.toLowerCase() === lower) ?? this.parent?.relation(name);
  }

  /** Records that rows where `column` of `relation` is NULL never reach the result, and why (`WHERE f.id IS NOT NULL`). */
  proveNotNull(relation: Relation, column: string, why: string): void {
    let proofs = this.proven.get(relation);
    if (proofs === undefined) this.proven.set(relation, (proofs = new Map()));
    if (!proofs.has(column.toLowerCase())) proofs.set(column.toLowerCase(), why);
  }

  /**
   * The type a column reads as in the result: nullable when the column is, or when its relation is
   * on the optional side of an outer join, unless the WHERE clause filtered NULLs out.
   */
  resultType(r: Resolved): ValueType {
    for (let s: Scope | null = this; s !== null; s = s.parent) {
      const proof = s.proven.get(r.relation)?.get(r.column.name.toLowerCase());
      if (proof !== undefined) return withNullable(r.column.type, false, proof);
    }
    return readType(r);
  }

  /** Resolves `table.column` or `column`, looking outwards for correlated subqueries. */
  resolve(table: string | null, column: string): Resolved | undefined {
    const lower = column.toLowerCase();
    const candidates = table === null ? this.relations : this.relations.filter((r) => r.name.toLowerCase() === table.toLowerCase());
    for (const relation of candidates) {
      const found = relation.columns.find((c) => c.name.toLowerCase() === lower);
      if (found) return { relation, column: found };
    }
    return this.parent?.resolve(table, column);
  }
}

/** The value type a resolved column reference reads as. */
export function readType(r: Resolved): ValueType {
  return r.relation.nullable && !r.column.type.nullable ? withNullable(r.column.type, true, r.relation.nullableWhy) : r.column.type;
}
