/**
 * Headless Chromium for tests that need a browser (Debian's `chromium`; CI installs it with
 * `apt-get install -y chromium`; `CHROMIUM` names another binary). Without it these tests fail.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const chromium = process.env.CHROMIUM ?? "chromium";

/** Runs headless Chromium with `args` and returns what it printed on stdout. */
export async function headlessChromium(args: readonly string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(chromium, ["--headless", "--no-sandbox", "--disable-gpu", ...args], { timeout: 120_000, maxBuffer: 64 << 20 }).catch((e: Error) => {
    throw new Error(`headless ${chromium} did not run (install Debian's chromium: apt-get install -y chromium): ${e.message}`);
  });
  return stdout;
}
