import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mimeType, resolveAppFile } from '../../electron/main/protocol-path';
import { tempDir } from '../support/temp';

/**
 * `akar://app/...` is how the window loads the renderer. A request that reaches outside the
 * renderer folder would let a compromised page read the user's files, so every trick to
 * climb out must be refused or land back inside.
 */

/** A renderer folder and, next to it, things that must never be served. */
function layout() {
  const base = tempDir();
  const root = path.join(base, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
  fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'export {}');
  fs.writeFileSync(path.join(root, 'assets', 'my file.js'), '');
  // A sibling whose name starts with the root's name: a naive startsWith(root) check passes it.
  fs.mkdirSync(path.join(base, 'renderer-evil'));
  fs.writeFileSync(path.join(base, 'renderer-evil', 'secret.txt'), 'secret');
  fs.writeFileSync(path.join(base, 'akar.db'), 'the catalogue');
  return { base, root };
}

function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  // A file may be *named* "..%2f..." and still be inside: compare whole path segments.
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

/** Attempts to leave the folder. Each must be refused (null) or resolve inside it. */
const TRAVERSALS: readonly string[] = [
  '../akar.db',
  '../../etc/passwd',
  '..%2fakar.db',
  '..%2F..%2Fetc%2Fpasswd',
  '%2e%2e%2fakar.db',
  '%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
  '%2e%2e/akar.db',
  '.%2e/akar.db',
  '%2e./akar.db',
  '%2e%2e',
  '..',
  '.',
  'assets/../../akar.db',
  'assets/%2e%2e/%2e%2e/akar.db',
  'assets/..%2f..%2fakar.db',
  '%2e%2e%2frenderer-evil/secret.txt',
  '..%2frenderer-evil%2fsecret.txt',
  '../renderer-evil/secret.txt',
  '..%5cakar.db',
  '%2e%2e%5cakar.db',
  '%2e%2e%5c%2e%2e%5cwindows%5cwin.ini',
  'assets%5c..%5c..%5cakar.db',
  '..\\akar.db',
  'assets\\..\\..\\akar.db',
  'index.html%00.png',
  '%00../akar.db',
  '..%00/akar.db',
  '/etc/passwd',
  '//etc/passwd',
  '%2fetc%2fpasswd',
  '%2F%2Fetc%2Fpasswd',
  'C:/Windows/win.ini',
  'C:%5CWindows%5Cwin.ini',
  'c:%2f..%2fakar.db',
  'C%3A%5CWindows',
  '\\\\server\\share\\file',
  '%5c%5cserver%5cshare',
  '%252e%252e%252fakar.db',
  '%252e%252e/akar.db',
  '..%252fakar.db',
  '%25%32%65%25%32%65%25%32%66akar.db',
  '%c0%ae%c0%ae%c0%afakar.db',
  '%c0%ae%c0%ae/akar.db',
  '%e0%80%ae%e0%80%ae/akar.db',
  '%',
  '%zz',
  '%2',
  '..;/akar.db',
  '.../akar.db',
  '\u2025/akar.db',
  '%e2%80%a5/akar.db',
  '\uff0e\uff0e/akar.db',
  '~/akar.db',
  'assets/app.js?../../akar.db',
  'assets/app.js#/../../akar.db',
  '../'.repeat(200) + 'etc/passwd',
  '%2e%2e%2f'.repeat(200) + 'etc/passwd',
  'a/'.repeat(5000) + 'index.html',
  'x'.repeat(100_000),
];

describe('resolveAppFile', () => {
  it('serves files inside the renderer folder', () => {
    const { root } = layout();
    expect(resolveAppFile(root, 'akar://app/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'akar://app')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'akar://app/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'akar://app/assets/app.js')).toBe(path.join(root, 'assets', 'app.js'));
    expect(resolveAppFile(root, 'akar://app/assets/app.js?v=3#top')).toBe(path.join(root, 'assets', 'app.js'));
    expect(resolveAppFile(root, 'akar://app/assets/my%20file.js')).toBe(path.join(root, 'assets', 'my file.js'));
  });

  it(`refuses or contains all ${TRAVERSALS.length} traversal attempts`, () => {
    const { base, root } = layout();
    expect(TRAVERSALS.length).toBeGreaterThanOrEqual(50);
    for (const attempt of TRAVERSALS) {
      const resolved = resolveAppFile(root, `akar://app/${attempt}`);
      if (resolved === null) continue;
      expect(isInside(root, resolved), `${attempt.slice(0, 80)} -> ${resolved.slice(0, 120)}`).toBe(true);
      // And it is not one of the files outside, by whatever name.
      expect(resolved).not.toBe(path.join(base, 'akar.db'));
    }
  });

  it('refuses outright what decodes to a climb, a backslash, a NUL byte, a drive or bad encoding', () => {
    const { root } = layout();
    const refused = [
      '..%2fakar.db',
      '%2e%2e%2fakar.db',
      'assets/..%2f..%2fakar.db',
      '%2e%2e%2frenderer-evil/secret.txt',
      '..%5cakar.db',
      '%2e%2e%5cakar.db',
      'assets%5c..%5c..%5cakar.db',
      'index.html%00.png',
      '..%00/akar.db',
      'C:/Windows/win.ini',
      'C%3A%5CWindows',
      'c:%2f..%2fakar.db',
      '%5c%5cserver%5cshare',
      '%c0%ae%c0%ae%c0%afakar.db',
      '%',
      '%zz',
      '%2e%2e%2f'.repeat(200) + 'etc/passwd',
    ];
    for (const attempt of refused)
      expect(resolveAppFile(root, `akar://app/${attempt}`), attempt.slice(0, 80)).toBeNull();
    expect(resolveAppFile(root, 'not a url')).toBeNull();
  });

  it('decodes once only: a double-encoded climb is a literal file name inside the folder', () => {
    const { root } = layout();
    // %252e -> "%2e" after one decode: a harmless (missing) file called "%2e%2e%2fakar.db".
    expect(resolveAppFile(root, 'akar://app/%252e%252e%252fakar.db')).toBe(path.join(root, '%2e%2e%2fakar.db'));
    expect(resolveAppFile(root, 'akar://app/..%252fakar.db')).toBe(path.join(root, '..%2fakar.db'));
  });

  it('lands plain ../ segments back inside, because the URL parser removes them first', () => {
    const { root } = layout();
    expect(resolveAppFile(root, 'akar://app/../akar.db')).toBe(path.join(root, 'akar.db'));
    expect(resolveAppFile(root, 'akar://app/assets/%2e%2e/%2e%2e/akar.db')).toBe(path.join(root, 'akar.db'));
  });

  it.skipIf(process.platform === 'win32')('follows a symlink inside the folder (lexical check only)', () => {
    const { base, root } = layout();
    fs.symlinkSync(path.join(base, 'renderer-evil'), path.join(root, 'linked'));
    const resolved = resolveAppFile(root, 'akar://app/linked/secret.txt');
    // Current behaviour, kept on purpose: the check is lexical, so a symlink *inside* the
    // renderer folder is followed out of it. Acceptable only because that folder is
    // app-owned (the packaged renderer, inside the installed app), never user-writable, and
    // the build does not create symlinks there. If it ever serves user content (photos),
    // that resolver must compare real paths instead.
    expect(resolved).toBe(path.join(root, 'linked', 'secret.txt'));
    expect(fs.realpathSync(resolved!)).toBe(path.join(base, 'renderer-evil', 'secret.txt'));
  });
});

describe('mimeType', () => {
  it('knows the renderer’s file types, ignoring case, and falls back to octet-stream', () => {
    expect(mimeType('index.html')).toBe('text/html; charset=utf-8');
    expect(mimeType('assets/APP.JS')).toBe('text/javascript; charset=utf-8');
    expect(mimeType('a.woff2')).toBe('font/woff2');
    expect(mimeType('photo.webp')).toBe('image/webp');
    expect(mimeType('notes')).toBe('application/octet-stream');
    expect(mimeType('evil.exe')).toBe('application/octet-stream');
  });
});
