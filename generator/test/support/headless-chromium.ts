/**
 * Headless Chromium for tests that run a page: Debian's `chromium` (CI installs it: `apt-get install
 * -y chromium`; CHROMIUM names another binary). Without it these tests fail, saying so.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const chromium = process.env.CHROMIUM ?? "chromium";

/**
 * Runs headless Chromium on `url` with `flags` (`--dump-dom`, `--screenshot=…`) and resolves with what
 * it printed. The page runs for `virtualMs` of virtual time: Chromium skips idle stretches, and
 * pauses virtual time while the page waits on the network.
 */
export async function headlessChromium(url: string, flags: readonly string[], virtualMs = 600_000): Promise<string> {
  const args = ["--headless", "--no-sandbox", "--disable-gpu", `--virtual-time-budget=${virtualMs}`, ...flags, url];
  const { stdout } = await promisify(execFile)(chromium, args, { timeout: 120_000, maxBuffer: 64 << 20 }).catch((e: Error) => {
    throw new Error(`headless ${chromium} did not run (install Debian's chromium: apt-get install -y chromium): ${e.message}`);
  });
  return stdout;
}

/** The page's DOM once its virtual time is spent, serialised. */
export const dumpDom = (url: string, virtualMs?: number): Promise<string> => headlessChromium(url, ["--dump-dom"], virtualMs);
