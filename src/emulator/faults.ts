/**
 * Which requests fail, reproducibly: a small seeded PRNG (mulberry32) draws two numbers per
 * request in arrival order — "does it fail?" and "which kind?" — so the same seed and the same
 * request sequence give the same faults. Faults queued by tests (`injectFaults`) come first.
 */
import { KitError } from "../errors.js";
import type { Fault, FaultKind, FaultOptions } from "./types.js";

export const FAULT_KINDS: readonly FaultKind[] = [
  "429",
  "500",
  "502",
  "503",
  "504",
  "html",
  "reset",
  "timeout",
  "truncated",
  "500-after-store",
  "502-after-store",
  "503-after-store",
  "504-after-store",
  "html-after-store",
  "reset-after-store",
  "timeout-after-store",
];

export const DEFAULT_FAULT_DELAY_MS = 35_000;

export function isFaultKind(value: string): value is FaultKind {
  return (FAULT_KINDS as readonly string[]).includes(value);
}

/** True for faults that let the request run (and any change be stored) before failing it. */
export function runsFirst(kind: FaultKind): boolean {
  return kind.endsWith("-after-store") || kind === "truncated";
}

export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultPlanner {
  private readonly queue: Fault[] = [];
  private readonly random: (() => number) | undefined;
  private readonly kinds: readonly FaultKind[];
  private readonly rate: number;
  readonly seed: number | undefined;
  readonly delayMs: number;

  constructor(options: FaultOptions | undefined, fallbackSeed: number) {
    const rate = options?.rate ?? 0;
    if (!(rate >= 0 && rate <= 1)) throw new KitError("E_USAGE", `fault rate ${rate} is not between 0 and 1`);
    const kinds = options?.kinds ?? FAULT_KINDS;
    if (kinds.length === 0) throw new KitError("E_USAGE", "the list of fault kinds is empty");
    for (const kind of kinds) if (!isFaultKind(kind)) throw new KitError("E_USAGE", `unknown fault kind "${String(kind)}"`);
    this.kinds = kinds;
    this.rate = rate;
    this.seed = rate > 0 ? (options?.seed ?? fallbackSeed) : undefined;
    this.random = this.seed === undefined ? undefined : mulberry32(this.seed);
    this.delayMs = options?.delayMs ?? DEFAULT_FAULT_DELAY_MS;
  }

  inject(faults: readonly (Fault | FaultKind)[]): void {
    for (const f of faults) {
      const fault = typeof f === "string" ? { kind: f } : f;
      if (!isFaultKind(fault.kind)) throw new KitError("E_USAGE", `unknown fault kind "${String(fault.kind)}"`);
      this.queue.push(fault);
    }
  }

  /** The fault for the request that just arrived, if any. */
  next(method: string, pathname: string): Fault | undefined {
    const fail = this.random?.() ?? 1;
    const pick = this.random?.() ?? 0;
    const path = pathname.replace(/^\/gateway(?=\/|$)/, "");
    const index = this.queue.findIndex(
      (f) => (f.method === undefined || f.method.toUpperCase() === method) && (f.path === undefined || path.includes(f.path)),
    );
    if (index >= 0) return this.queue.splice(index, 1)[0];
    if (fail >= this.rate) return undefined;
    return { kind: this.kinds[Math.floor(pick * this.kinds.length)] as FaultKind };
  }
}
