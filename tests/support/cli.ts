import { runCli } from '../../electron/cli/run';

/** Runs `akar --data DIR ...args` in-process and keeps what it printed (and its progress lines). */
export async function runAkar(dataDir: string, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const progress: string[] = [];
  const code = await runCli(['--data', dataDir, ...args], {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    progress: (t) => progress.push(t),
    env: {},
  });
  return { code, stdout: out.join('\n'), stderr: err.join('\n'), progress };
}
