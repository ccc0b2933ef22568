/** `--data DIR` or `--data=DIR` from the command line that started the app. */
export function pickDataDirFlag(argv: readonly string[]): string | undefined {
  for (const [index, arg] of argv.entries()) {
    if (arg === '--data') return argv[index + 1] || undefined;
    if (arg.startsWith('--data=')) return arg.slice('--data='.length) || undefined;
  }
  return undefined;
}
