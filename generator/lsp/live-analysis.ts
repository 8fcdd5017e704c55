/**
 * The latest analysis of the project while the user types: edits within a short pause are one
 * run, and a request waits for the run that includes every edit made before it. One generate
 * session serves every run: the schema stays applied and unchanged files are not analysed again.
 */
import type { Options } from "../config/options.js";
import { GenerateSession } from "../pipeline/incremental.js";
import { analyse, type Analysis } from "./workspace.js";

const PAUSE_MS = 60;

export class LiveAnalysis {
  private generation = 0;
  private latest: Promise<Analysis> | undefined;
  private readonly session = new GenerateSession();

  constructor(
    private readonly options: () => Options,
    private readonly buffers: () => ReadonlyMap<string, string>,
    private readonly onResult: (analysis: Analysis) => void,
    /** A run that threw (a bug in sqlgen): reported, and the server goes on to the next edit. */
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Something changed: analyse again after the pause, unless something changes again first. */
  schedule(): void {
    const generation = ++this.generation;
    this.latest = new Promise<void>((r) => setTimeout(r, PAUSE_MS)).then(async () => {
      // A newer edit has its own run; wait for that one instead of running for a stale text.
      if (generation !== this.generation) return this.current();
      const analysis = await analyse(this.session, this.options(), this.buffers());
      if (generation === this.generation) this.onResult(analysis);
      return analysis;
    });
    // Requests awaiting this run see its failure; nothing else may leave it unhandled.
    this.latest.catch((e: unknown) => {
      if (generation === this.generation) this.onError(e);
    });
  }

  current(): Promise<Analysis> {
    if (this.latest === undefined) this.schedule();
    return this.latest!;
  }
}
