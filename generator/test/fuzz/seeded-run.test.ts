/** A short seeded fuzz run, as in `npm run fuzz -- --cases 30 --seed 1`: any finding fails the test. */
import { describe, expect, it } from "vitest";
import { runCampaign } from "../../fuzz/campaign.js";
import { groupsText, summaryText } from "../../fuzz/report.js";

describe("fuzz", () => {
  // Skipped until the generator's fixes are merged: on main at f70d781 this run finds
  // [does-not-compile] `-- name: await :one` emits `export function await` (issue 13, reserved names),
  // [bad-bytes-accepted] invalid UTF-8 in a schema file is accepted (issue 6/13),
  // [gen-rejects-valid] `sqlc.arg(select)` is reported as SQLite's `near "(": syntax error` (issue 13).
  it.skip("a short seeded run finds nothing", async () => {
    const report = await runCampaign({ cases: 30, seed: 1, timeoutMs: 10_000, workers: 2, timeLimitMs: 3_600_000, minimisePerKind: 0, minimiseBudgetMs: 0 });
    // Minimised repros: `npm run fuzz -- --cases 30 --seed 1`.
    expect(groupsText(report), summaryText(report, 1)).toBe("");
  });
});
