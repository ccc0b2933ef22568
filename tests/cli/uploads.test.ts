import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, EXIT } from '../../electron/cli/run';
import { createCore } from '../../electron/core';
import { runAkar } from '../support/cli';
import { tempDir } from '../support/temp';
import { allowInBrowser, seedShop } from '../support/uploads';

const root = path.resolve(import.meta.dirname, '../..');
let children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children) child.kill('SIGKILL');
  children = [];
});

interface Running {
  readonly child: ChildProcess;
  readonly url: string;
  readonly appKey: string;
  readonly appSecret: string;
  readonly output: () => string;
}

/** `akar practice-server` as a real process, once it printed where it listens. */
function startPracticeProcess(dataDir: string, ...args: string[]): Promise<Running> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'electron/cli/index.ts', '--data', dataDir, 'practice-server', ...args],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  children.push(child);
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /berjalan di (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      const appKey = /App Key: (\S+)/.exec(out)?.[1];
      const appSecret = /App Secret: (\S+)/.exec(out)?.[1];
      if (url && appKey && appSecret) resolve({ child, url, appKey, appSecret, output: () => out });
    });
    child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`practice-server exited (${code}): ${out}`)));
  });
}

describe('akar practice-server, connect and upload', () => {
  it('connects through the authorisation page, uploads, and reports what went live; a second run sends nothing', async () => {
    const dataDir = tempDir();
    const practiceDir = tempDir();
    const core = createCore({ dataDir });
    const shop = await seedShop(core, tempDir(), { count: 3, photos: 2 });
    await core.close();
    const server = await startPracticeProcess(practiceDir, '--port', '0', '--qc-delay', '0');

    // `akar connect` prints the address to open, then waits for the browser's redirect.
    const out: string[] = [];
    let opened: (url: string) => void = () => undefined;
    const authorizeUrl = new Promise<string>((resolve) => (opened = resolve));
    const connecting = runCli(
      [
        '--data',
        dataDir,
        'connect',
        'practice',
        '--seller',
        String(shop.sellerId),
        '--endpoint',
        server.url,
        '--app-key',
        server.appKey,
        '--app-secret',
        server.appSecret,
      ],
      {
        stdout: (text) => {
          out.push(text);
          const url = /(http:\/\/127\.0\.0\.1:\d+\/oauth\/authorize\S+)/.exec(text)?.[1];
          if (url) opened(url);
        },
        stderr: (text) => out.push(text),
        env: {},
      },
    );
    await allowInBrowser(await authorizeUrl, 'Keripik Sari');
    expect(await connecting, out.join('\n')).toBe(EXIT.ok);
    expect(out.join('\n')).toContain('Toko tersambung ke practice');
    expect(out.join('\n')).toContain(path.join(dataDir, 'secrets.json'));

    const first = await runAkar(dataDir, 'upload', '--seller', String(shop.sellerId), '--marketplace', 'practice');
    expect(first.code, first.stderr + first.stdout).toBe(EXIT.ok);
    expect(first.stdout).toContain('3 produk masuk antrean unggah.');
    expect(first.stdout).toContain('Tayang: 3.');
    expect(first.progress.some((line) => line.startsWith('Mengunggah'))).toBe(true);

    const again = await runAkar(dataDir, 'upload', '--marketplace', 'practice');
    expect(again.code).toBe(EXIT.ok);
    expect(again.stdout).toContain('0 produk masuk antrean unggah.');

    // The storefront shows the shop's live listings to a buyer.
    const storefront = await (await fetch(`${server.url}/`)).text();
    expect(storefront).toContain('Keripik Sari');

    server.child.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => server.child.once('exit', resolve));
    expect(code).toBe(0);
    expect(server.output()).toContain('Toko latihan dihentikan');
  }, 120_000);

  it('explains usage mistakes and a shop that is not connected', async () => {
    const dataDir = tempDir();
    const badMarket = await runAkar(dataDir, 'upload', '--marketplace', 'shopee');
    expect(badMarket.code).toBe(EXIT.usage);
    expect(badMarket.stderr).toContain('lazada atau practice');
    await runAkar(dataDir, 'seller', 'add', '--name', 'Ibu Sari');
    const notConnected = await runAkar(dataDir, 'upload', '--seller', '1', '--marketplace', 'practice');
    expect(notConnected.code).toBe(EXIT.rejected);
    expect(notConnected.stderr).toContain('belum tersambung');
    const badFaults = await runAkar(dataDir, 'practice-server', '--faults', 'explode=2');
    expect(badFaults.code).toBe(EXIT.usage);
  });
});
