#!/usr/bin/env node
// Runs Electronegativity over the source tree and fails on any finding not reviewed in
// security/electronegativity-allowlist.json. The tool itself always exits 0, so its
// SARIF output is what this gate reads.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronVersion = JSON.parse(
  fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8'),
).version;
const sarifFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'akar-eng-')), 'findings.sarif');
const bin = path.join(root, 'node_modules/.bin/electronegativity');

// -x skips the one check that needs the internet (Electron's release list).
execFileSync(bin, ['-i', root, '-e', electronVersion, '-o', sarifFile, '-x', 'AvailableSecurityFixesGlobalCheck'], {
  stdio: ['ignore', 'ignore', 'inherit'],
});

const findings = JSON.parse(fs.readFileSync(sarifFile, 'utf8')).runs.flatMap((run) =>
  run.results.map((result) => {
    const location = result.locations?.[0]?.physicalLocation;
    return {
      check: result.ruleId,
      level: result.level,
      file: location?.artifactLocation?.uri ?? '',
      line: location?.region?.startLine ?? 0,
      message: result.message?.text ?? '',
    };
  }),
);
const { accepted } = JSON.parse(fs.readFileSync(path.join(root, 'security/electronegativity-allowlist.json'), 'utf8'));
const ignoredDirs = ['out/', 'dist/', 'node_modules/', 'test-results/'];

const unexplained = [];
const seen = new Map();
let reviewed = 0;
for (const { check, level, file, line, message } of findings) {
  const relative = path.relative(root, file).split(path.sep).join('/');
  if (ignoredDirs.some((dir) => relative.startsWith(dir))) continue;
  const key = `${check} ${relative}`;
  seen.set(key, (seen.get(key) ?? 0) + 1);
  const entry = accepted.find((a) => a.check === check && a.file === relative && a.reason);
  // Accepted only up to the reviewed number of occurrences in that file.
  if (entry && seen.get(key) <= (entry.count ?? 1)) {
    reviewed++;
    continue;
  }
  unexplained.push(`${check} (${level}) ${relative}:${line}: ${message}`);
}

if (unexplained.length > 0) {
  console.error(
    `Electronegativity: ${unexplained.length} finding(s) not reviewed in security/electronegativity-allowlist.json:`,
  );
  for (const line of unexplained) console.error(`  ${line}`);
  process.exit(1);
}
console.log(
  `Electronegativity: no unexplained findings (${reviewed} reviewed and accepted, see security/electronegativity-allowlist.json).`,
);
