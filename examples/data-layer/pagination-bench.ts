/**
 * Part of `npm run bench`: paging a whole workspace snapshot by keyset cursor (the shipped
 * GetHTTPWorkspaceSnapshotStreaming) against the spec's LIMIT/OFFSET, side by side on one database.
 * OFFSET rereads every skipped row, so a full snapshot costs O(n²/page); the keyset query seeks.
 */
import { randomBytes } from "node:crypto";
import * as q from "../../generated/index.js";
import { openStreamingDatabase } from "./connection.js";
import { asHttpId, asWorkspaceId } from "./ids.js";

const ROWS = Number(process.env.BENCH_PAGING_ROWS ?? 20_000);
const PAGE = 100;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);

const { db, close } = openStreamingDatabase(":memory:");
const workspaceId = asWorkspaceId(randomBytes(16));
q.createWorkspace(db, { id: workspaceId, name: "bench" });
db.transaction(() => {
  for (let i = 0; i < ROWS; i++) {
    q.createHTTP(db, { id: asHttpId(randomBytes(16)), workspaceId, folderId: null, name: `request ${i}`, url: "", method: "GET", description: "" });
  }
})();
// Spread the rows over many seconds, a few per second as in real use.
db.prepare("UPDATE http SET updated_at = 1700000000 + rowid / 3").run();
db.pragma("optimize");

function keyset(): number {
  let n = 0;
  let cursor: { afterUpdatedAt: number; afterId: q.HttpId } = { afterUpdatedAt: -1, afterId: asHttpId(new Uint8Array(0)) };
  for (;;) {
    const rows = q.getHTTPWorkspaceSnapshotStreaming(db, { workspaceId, ...cursor, pageSize: PAGE });
    n += rows.length;
    if (rows.length < PAGE) return n;
    const last = rows[rows.length - 1];
    cursor = { afterUpdatedAt: last.updatedAt, afterId: last.id };
  }
}

function offset(): number {
  let n = 0;
  for (let page = 0; ; page++) {
    const rows = q.getHTTPWorkspaceSnapshotOffset(db, { workspaceId, updatedAt: 0, limit: PAGE, offset: page * PAGE });
    n += rows.length;
    if (rows.length < PAGE) return n;
  }
}

const samples: Record<string, number[]> = { keyset: [], offset: [] };
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, fn] of Object.entries({ keyset, offset })) {
    const t0 = performance.now();
    if (fn() !== ROWS) throw new Error(`${name} returned the wrong number of rows`);
    samples[name].push(performance.now() - t0);
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const k = median(samples.keyset);
const o = median(samples.offset);
console.log(`\nsnapshot of ${ROWS} requests in pages of ${PAGE}, median of ${ROUNDS} alternating rounds`);
console.log(`  keyset (GetHTTPWorkspaceSnapshotStreaming)  ${k.toFixed(1).padStart(9)} ms`);
console.log(`  LIMIT/OFFSET (the spec's)                   ${o.toFixed(1).padStart(9)} ms`);
console.log(`  keyset is ${(o / k).toFixed(1)}× faster`);
close();
