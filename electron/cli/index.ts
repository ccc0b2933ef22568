import { runCli } from './run';

/** Entry point of `akar` (`npm run akar -- ...` or the `bin` entry). */
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  env: process.env,
  // On a terminal the line is redrawn in place; in a log, a line at most every 2 seconds.
  progress: progressWriter(),
});

function progressWriter(): (text: string) => void {
  if (process.stderr.isTTY) return (text) => process.stderr.write(`\r${text}\x1b[K`);
  let last = 0;
  return (text) => {
    if (Date.now() - last < 2000) return;
    last = Date.now();
    process.stderr.write(`${text}\n`);
  };
}
