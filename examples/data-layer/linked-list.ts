/**
 * Ordered child lists (search params, headers, form bodies, assertions) as doubly linked lists.
 * Each change runs in one IMMEDIATE transaction so that concurrent writers never see a torn list.
 */
import * as q from "../../generated/index.js";
import { immediate, type Database } from "../../generated/index.js";

export type ChildTable = "HTTPSearchParam" | "HTTPHeader" | "HTTPBodyForm" | "HTTPAssert";

type Id = Uint8Array;
interface Links { prev: Id | null; next: Id | null }

/** The generated queries one child table needs; every child table has the same set. */
interface ListQueries {
  first(httpId: Id, except: Id): Id | undefined;
  last(httpId: Id, except: Id): Id | undefined;
  links(id: Id): Links | undefined;
  setLinks(id: Id, links: Links): void;
  setPrev(id: Id, prev: Id | null): void;
  setNext(id: Id, next: Id | null): void;
}

function queries(db: Database, table: ChildTable): ListQueries {
  // The generated functions of each table share names and shapes: look them up by name.
  const fn = q as unknown as Record<string, (db: Database, params: object) => unknown>;
  const call = <T>(name: string, params: object) => fn[name.replace("%", table)](db, params) as T;
  return {
    first: (httpId, except) => call<Id | undefined>("getFirst%", { httpId, id: except }),
    last: (httpId, except) => call<Id | undefined>("getLast%", { httpId, id: except }),
    links: (id) => call<Links | undefined>("get%", { id }),
    setLinks: (id, links) => call("set%Links", { id, ...links }),
    setPrev: (id, prev) => call("set%Prev", { id, prev }),
    setNext: (id, next) => call("set%Next", { id, next }),
  };
}

/** Detaches `id` from its neighbours and clears its own links. */
function unlink(list: ListQueries, id: Id): void {
  const item = list.links(id);
  if (item === undefined) throw new Error("no such list item");
  if (item.prev) list.setNext(item.prev, item.next);
  if (item.next) list.setPrev(item.next, item.prev);
  list.setLinks(id, { prev: null, next: null });
}

/** Links the detached item `id` after `after`, or first when `after` is null. */
function linkAfter(list: ListQueries, httpId: Id, id: Id, after: Id | null): void {
  const next = after === null ? (list.first(httpId, id) ?? null) : (list.links(after)?.next ?? null);
  list.setLinks(id, { prev: after, next });
  if (after) list.setNext(after, id);
  if (next) list.setPrev(next, id);
}

/** Inserts with `insert` (which writes the row with no links), then links it last. */
export function append(db: Database, table: ChildTable, httpId: Id, id: Id, insert: () => void): void {
  immediate(db, () => {
    const list = queries(db, table);
    const tail = list.last(httpId, id) ?? null;
    insert();
    linkAfter(list, httpId, id, tail);
  });
}

/** Moves `id` right after `after`, or to the front when `after` is null. */
export function move(db: Database, table: ChildTable, httpId: Id, id: Id, after: Id | null): void {
  immediate(db, () => {
    const list = queries(db, table);
    unlink(list, id);
    linkAfter(list, httpId, id, after);
  });
}

/** Unlinks `id`, then deletes it with `del`. */
export function remove(db: Database, table: ChildTable, id: Id, del: () => void): void {
  immediate(db, () => {
    unlink(queries(db, table), id);
    del();
  });
}
