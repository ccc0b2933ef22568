/**
 * Building blocks for hostile IPC payloads: values that are wrong for every field of the
 * contract, and a way to plant them at every position of a valid input.
 */

const MEGABYTE = 1024 * 1024;

/** `{ a: { a: { ... } } }`, `depth` levels deep (built iteratively: no stack limits here). */
export function deeplyNested(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = { leaf: true };
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

/** Objects whose *own* keys are `__proto__` / `constructor`, as JSON.parse produces them. */
export const PROTO_PAYLOADS = {
  protoKey: () => JSON.parse('{"__proto__":{"polluted":1}}') as Record<string, unknown>,
  constructorKey: () => JSON.parse('{"constructor":{"prototype":{"polluted":1}}}') as Record<string, unknown>,
};

/**
 * Values no field of the contract accepts (ids, prices, names, flags, lists, ...). `null`
 * is missing on purpose: some fields (weightKg, categoryId) legitimately take it.
 */
export function badValues(): readonly { label: string; value: unknown }[] {
  return [
    { label: 'NaN', value: Number.NaN },
    { label: 'Infinity', value: Number.POSITIVE_INFINITY },
    { label: '-Infinity', value: Number.NEGATIVE_INFINITY },
    { label: '-1', value: -1 },
    { label: '-0.5', value: -0.5 },
    { label: '1e308', value: 1e308 },
    { label: '2^53+2', value: 2 ** 53 + 2 },
    { label: 'bigint', value: 10n },
    { label: 'true', value: true },
    { label: '1 MB string', value: 'x'.repeat(MEGABYTE) },
    { label: '1 MB of spaces', value: ' '.repeat(MEGABYTE) },
    { label: 'control characters', value: '\u0000\u0007\u001b[31m' },
    { label: 'empty array', value: [] },
    { label: '10,000-element array', value: Array.from({ length: 10_000 }, () => ({ price: 1 })) },
    { label: 'nested array', value: [[[[1]]]] },
    { label: 'date', value: new Date(0) },
    { label: 'object with a __proto__ key', value: PROTO_PAYLOADS.protoKey() },
    { label: 'object with a constructor key', value: PROTO_PAYLOADS.constructorKey() },
    { label: '10,000-deep object', value: deeplyNested(10_000) },
  ];
}

/** Top-level payloads that are not an input object at all. */
export function nonObjectPayloads(): readonly { label: string; value: unknown }[] {
  return [
    { label: 'undefined', value: undefined },
    { label: 'null', value: null },
    { label: '0', value: 0 },
    { label: 'string', value: 'sellers' },
    { label: 'array', value: [{ id: 1 }] },
    ...badValues().filter((v) => typeof v.value !== 'object' || Array.isArray(v.value)),
  ];
}

export type Path = readonly (string | number)[];

export interface Variant {
  /** Human-readable description, for failure messages. */
  readonly label: string;
  /** Where the damage is (a dot path; '' for the whole payload). */
  readonly at: string;
  readonly payload: unknown;
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

function setAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = clone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = value;
  return copy;
}

function deleteAt(root: unknown, path: Path): unknown {
  const copy = clone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (Array.isArray(node)) node.splice(Number(last), 1);
  else delete node[last];
  return copy;
}

/** Every path inside a JSON-like value (objects and arrays), parents before children. */
function paths(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [];
  const out: Path[] = [];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  for (const [key, child] of entries) {
    out.push([...prefix, key]);
    out.push(...paths(child, [...prefix, key]));
  }
  return out;
}

/** Every object inside a value (including the value itself), as paths. */
function objectPaths(value: unknown): Path[] {
  const all: Path[] = [[], ...paths(value)];
  return all.filter((p) => {
    let node: unknown = value;
    for (const key of p) node = (node as Record<string | number, unknown>)[key];
    return node !== null && typeof node === 'object' && !Array.isArray(node);
  });
}

/**
 * Damaged copies of a valid input: each field removed, each field replaced by each bad
 * value, and extra keys (plain, `__proto__`, `constructor`, a 1 MB name) added to every
 * object. The caller decides which variants its schema still accepts.
 */
export function damagedVariants(valid: unknown): Variant[] {
  const out: Variant[] = [];
  for (const path of paths(valid)) {
    const at = path.join('.');
    // Removing a list element makes the list itself wrong (too short), so blame the list.
    const removedFrom = typeof path[path.length - 1] === 'number' ? path.slice(0, -1).join('.') : at;
    out.push({ label: `without ${at}`, at: removedFrom, payload: deleteAt(valid, path) });
    for (const bad of badValues())
      out.push({ label: `${at} = ${bad.label}`, at, payload: setAt(valid, path, bad.value) });
  }
  for (const path of objectPaths(valid)) {
    const at = path.join('.');
    const where = at || 'top level';
    const withKey = (key: string, value: unknown, label: string) => {
      const target = setAt(valid, path, { ...(pathValue(valid, path) as object) }) as unknown;
      const node = path.length === 0 ? target : pathValue(target, path);
      Object.defineProperty(node, key, { value, enumerable: true, writable: true, configurable: true });
      out.push({ label: `${label} at ${where}`, at, payload: target });
    };
    withKey('unexpected', 1, 'extra key');
    withKey('__proto__', { polluted: 1 }, 'own __proto__ key');
    withKey('constructor', { prototype: { polluted: 1 } }, 'own constructor key');
    withKey('k'.repeat(MEGABYTE), 1, '1 MB key name');
  }
  return out;
}

function pathValue(root: unknown, path: Path): unknown {
  let node = root;
  for (const key of path) node = (node as Record<string | number, unknown>)[key];
  return node;
}

/** The value at a dot path (`skus.0.id`) inside a payload, or undefined. */
export function valueAtDotPath(root: unknown, dotPath: string): unknown {
  let node = root;
  for (const key of dotPath.split('.')) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}
