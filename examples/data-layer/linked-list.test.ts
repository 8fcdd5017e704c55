/** Moving items of a request's ordered child lists, on real SQLite. */
import { describe, expect, it } from "vitest";
import * as q from "../../generated/index.js";
import { fresh, createHttp, id } from "./fixtures.js";
import { append, move, remove } from "./linked-list.js";

const http = id(1);

function withHeaders(n: number) {
  const { db } = fresh();
  createHttp(db, 1);
  for (let i = 1; i <= n; i++) {
    append(db, "HTTPHeader", http, id(100 + i), () =>
      q.insertHTTPHeader(db, { id: id(100 + i), httpId: http, key: `h${i}`, value: "", enabled: true, prev: null, next: null }),
    );
  }
  return db;
}

const order = (db: q.Database) => q.listHTTPHeadersOrdered(db, { httpId: http }).map((h) => h.key);

describe("linked lists", () => {
  it("appends in order", () => {
    expect(order(withHeaders(4))).toEqual(["h1", "h2", "h3", "h4"]);
  });

  it("moves an item after another, to the front, and to the end", () => {
    const db = withHeaders(4);
    move(db, "HTTPHeader", http, id(101), id(103));
    expect(order(db)).toEqual(["h2", "h3", "h1", "h4"]);
    move(db, "HTTPHeader", http, id(104), null);
    expect(order(db)).toEqual(["h4", "h2", "h3", "h1"]);
    move(db, "HTTPHeader", http, id(104), id(101));
    expect(order(db)).toEqual(["h2", "h3", "h1", "h4"]);
  });

  it("removes an item and relinks its neighbours", () => {
    const db = withHeaders(3);
    remove(db, "HTTPHeader", id(102), () => q.deleteHTTPHeader(db, { id: id(102) }));
    expect(order(db)).toEqual(["h1", "h3"]);
    const [first, last] = q.listHTTPHeadersOrdered(db, { httpId: http });
    expect(first.next).toEqual(last.id);
    expect(last.prev).toEqual(first.id);
  });

  it("works the same for every child table", () => {
    const { db } = fresh();
    createHttp(db, 1);
    for (const i of [1, 2, 3]) {
      append(db, "HTTPAssert", http, id(200 + i), () => q.insertHTTPAssert(db, { id: id(200 + i), httpId: http, expression: `a${i}`, enabled: true, prev: null, next: null }));
    }
    move(db, "HTTPAssert", http, id(203), null);
    expect(q.listHTTPAssertsOrdered(db, { httpId: http }).map((a) => a.expression)).toEqual(["a3", "a1", "a2"]);
  });
});
