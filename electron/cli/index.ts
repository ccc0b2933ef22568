import { runCli } from './run';

/** Entry point of `akar` (`npm run akar -- ...` or the `bin` entry). */
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  env: process.env,
});
