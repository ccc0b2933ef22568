/**
 * Seeded fault injection for the practice marketplace's `/rest/*` APIs: the faults of a
 * rural 3G link (reliability.md §4, Toxiproxy's toxics) plus the one only a simulator can
 * give, "processed but response lost", which is what makes naive clients create duplicates.
 *
 * Reproducibility: every eligible request draws exactly three numbers from one mulberry32
 * stream, in arrival order (fault, latency, detail), whatever fault it gets. So a seed and
 * a request order give the same fault sequence, and changing one probability does not shift
 * the draws of later requests.
 */

export const FAULT_KINDS = ['drop', 'reset', '5xx', 'throttle', 'lost', 'slow', 'malformed'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultSpec {
  /** Probability per request of each kind; together at most 1. */
  readonly drop?: number;
  readonly reset?: number;
  readonly '5xx'?: number;
  readonly throttle?: number;
  readonly lost?: number;
  readonly slow?: number;
  readonly malformed?: number;
  /** Added to every eligible request, in ms: `[min, max]` (a single number for both). */
  readonly latency?: number | readonly [number, number];
  readonly seed?: number;
  /** Only these API paths (e.g. `/product/create`) get faults; all `/rest` APIs when absent. */
  readonly paths?: readonly string[];
}

export interface FaultDecision {
  readonly kind: FaultKind | null;
  readonly latencyMs: number;
  /** A third draw in [0, 1): which 5xx status, how long Retry-After, which garbage, where to cut. */
  readonly detail: number;
}

export const DEFAULT_FAULT_SEED = 1;

/** The PRNG of the spec: tiny, fast, and the same on every platform. */
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

const PROBABILITY = /^(0(\.\d+)?|1(\.0+)?|\.\d+)$/;

/**
 * `drop=0.03,lost=0.05,5xx=0.03,throttle=0.03,reset=0.02,slow=0.02,latency=20-200,malformed=0.01,seed=7,paths=/product/create|/image/upload`.
 * An empty string means no faults. Throws a TypeError naming the bad part.
 */
export function parseFaultSpec(text: string): FaultSpec {
  const spec: Record<string, unknown> = {};
  for (const part of text.split(',')) {
    const item = part.trim();
    if (item === '') continue;
    const eq = item.indexOf('=');
    if (eq <= 0) throw new TypeError(`fault spec: "${item}" is not name=value`);
    const name = item.slice(0, eq).trim();
    const value = item.slice(eq + 1).trim();
    if ((FAULT_KINDS as readonly string[]).includes(name)) {
      if (!PROBABILITY.test(value)) throw new TypeError(`fault spec: ${name} must be a probability, got "${value}"`);
      spec[name] = Number(value);
    } else if (name === 'latency') {
      const m = /^(\d+)(?:-(\d+))?$/.exec(value);
      if (!m) throw new TypeError(`fault spec: latency must be "ms" or "min-max", got "${value}"`);
      spec.latency = [Number(m[1]), Number(m[2] ?? m[1])];
    } else if (name === 'seed') {
      if (!/^\d+$/.test(value)) throw new TypeError(`fault spec: seed must be a whole number, got "${value}"`);
      spec.seed = Number(value);
    } else if (name === 'paths') {
      spec.paths = value.split('|').map((p) => p.trim());
    } else {
      throw new TypeError(`fault spec: unknown fault "${name}"`);
    }
  }
  return normaliseFaultSpec(spec as FaultSpec);
}

/** Checks an object spec (probabilities in [0, 1] summing to at most 1, a sane latency). */
export function normaliseFaultSpec(spec: FaultSpec): FaultSpec {
  let total = 0;
  for (const kind of FAULT_KINDS) {
    const p = spec[kind] ?? 0;
    if (!Number.isFinite(p) || p < 0 || p > 1) throw new TypeError(`fault spec: ${kind} must be in [0, 1]`);
    total += p;
  }
  if (total > 1 + 1e-9) throw new TypeError(`fault spec: probabilities add up to ${total}, more than 1`);
  const latency = spec.latency;
  if (latency !== undefined) {
    const [min, max] = typeof latency === 'number' ? [latency, latency] : latency;
    if (!(Number.isInteger(min) && Number.isInteger(max) && min >= 0 && max >= min && max <= 60_000)) {
      throw new TypeError('fault spec: latency must be whole ms, 0 <= min <= max <= 60000');
    }
  }
  if (spec.seed !== undefined && !Number.isInteger(spec.seed)) throw new TypeError('fault spec: seed must be whole');
  for (const path of spec.paths ?? []) {
    if (!path.startsWith('/')) throw new TypeError(`fault spec: path "${path}" must start with /`);
  }
  return spec;
}

export function toFaultSpec(spec: string | FaultSpec | undefined): FaultSpec {
  if (spec === undefined) return {};
  return typeof spec === 'string' ? parseFaultSpec(spec) : normaliseFaultSpec(spec);
}

export class FaultInjector {
  private spec: FaultSpec = {};
  private random: () => number = mulberry32(DEFAULT_FAULT_SEED);

  constructor(
    spec: string | FaultSpec | undefined,
    private readonly defaultSeed: number = DEFAULT_FAULT_SEED,
  ) {
    this.set(spec);
  }

  /** Replaces the spec and restarts the PRNG from the spec's seed (or the server's). */
  set(spec: string | FaultSpec | undefined): void {
    this.spec = toFaultSpec(spec);
    this.random = mulberry32(this.spec.seed ?? this.defaultSeed);
  }

  current(): FaultSpec {
    return this.spec;
  }

  /** Whether `apiPath` draws from the stream at all (paths outside `paths` do not). */
  applies(apiPath: string): boolean {
    return this.spec.paths === undefined || this.spec.paths.includes(apiPath);
  }

  /** Called once per eligible request, synchronously on arrival, so arrival order is draw order. */
  decide(apiPath: string): FaultDecision {
    if (!this.applies(apiPath)) return { kind: null, latencyMs: 0, detail: 0 };
    const r = this.random();
    const l = this.random();
    const detail = this.random();
    let kind: FaultKind | null = null;
    let edge = 0;
    for (const candidate of FAULT_KINDS) {
      edge += this.spec[candidate] ?? 0;
      if (r < edge) {
        kind = candidate;
        break;
      }
    }
    const latency = this.spec.latency ?? 0;
    const [min, max] = typeof latency === 'number' ? [latency, latency] : latency;
    return { kind, latencyMs: Math.floor(min + l * (max - min + 1 - 1e-9)), detail };
  }
}
