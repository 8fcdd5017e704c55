/** A short seeded fuzz run, as in `npm run fuzz -- --cases 30 --seed 1`: any finding fails the test. */
import { describe, expect, it } from "vitest";
import { runCampaign } from "../../fuzz/campaign.js";
import { groupsText, summaryText } from "../../fuzz/report.js";

describe("fuzz", () => {
  it("a short seeded run finds nothing", async () => {
    const report = await runCampaign({ cases: 30, seed: 1, timeoutMs: 10_000, workers: 2, timeLimitMs: 3_600_000, minimisePerKind: 0, minimiseBudgetMs: 0 });
    // Minimised repros: `npm run fuzz -- --cases 30 --seed 1`.
    expect(groupsText(report), summaryText(report, 1)).toBe("");
  });
});
