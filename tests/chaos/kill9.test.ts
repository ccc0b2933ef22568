import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../support/random';

/**
 * "Nothing is lost": a child process commits catalogue writes through the real core and
 * reports each commit; we SIGKILL it at a random moment, reopen, and check that SQLite is
 * intact, every acknowledged write is there in full, and no product is half-written.
 * Rounds are few here to keep CI fast; raise AKAR_KILL_ROUNDS for a longer soak.
 */
const ROUNDS = Number(process.env['AKAR_KILL_ROUNDS'] ?? 12);
const root = path.resolve(import.meta.dirname, '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'akar-kill9-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/**
 * Each child process starts tsx and loads the core, whose module graph now includes the
 * spreadsheet readers (exceljs alone takes ~2 s to import on a busy 2-core machine), so
 * a child takes seconds to start: the time limit is per process started, not the default.
 */
const TIME_LIMIT = { timeout: 60_000 + ROUNDS * 20_000 };

/** Small seeded PRNG so a failing round can be replayed. */
/** Runs the writer until it has acknowledged something, then kills it after a random delay. */
function runAndKill(delayMs: number): Promise<Map<number, number>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'tests/chaos/writer.ts'), dataDir], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked = new Map<number, number>();
    let buffer = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const match = /^ack (\d+) (\d+)$/.exec(line);
        if (match) acked.set(Number(match[1]), Number(match[2]));
      }
      timer ??= setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') resolve(acked);
      else reject(new Error(`writer exited by itself: ${stderr}`));
    });
  });
}

describe('kill -9 during writes', () => {
  it(`loses no acknowledged commit, leaves nothing half-written (${ROUNDS} rounds)`, TIME_LIMIT, async () => {
    const random = seededRandom(20261127);
    const everAcked = new Map<number, number>();
    for (let round = 0; round < ROUNDS; round++) {
      const acked = await runAndKill(Math.floor(random() * 400));
      for (const [id, skus] of acked) everAcked.set(id, skus);
      expect(acked.size, `round ${round} acknowledged nothing`).toBeGreaterThan(0);

      const db = new Database(path.join(dataDir, 'akar.db'));
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(db.pragma('foreign_key_check')).toEqual([]);
        const live = new Map(
          db
            .prepare<[], { id: number; n: number }>(
              `SELECT p.id, COUNT(s.id) AS n FROM products p
               LEFT JOIN skus s ON s.product_id = p.id AND s.deleted_at IS NULL GROUP BY p.id`,
            )
            .all()
            .map((r) => [r.id, r.n]),
        );
        for (const [id, skus] of everAcked) {
          expect(live.get(id), `round ${round}: acknowledged product ${id}`).toBeGreaterThanOrEqual(skus);
        }
        // A product row without SKUs would mean a transaction was cut in half.
        for (const [id, n] of live) expect(n, `round ${round}: product ${id} has no SKUs`).toBeGreaterThan(0);
      } finally {
        db.close();
      }
    }
  });
});
