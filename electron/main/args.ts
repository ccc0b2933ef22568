/** `--data DIR` or `--data=DIR` from the command line that started the app. */
export function pickDataDirFlag(argv: readonly string[]): string | undefined {
  for (const [index, arg] of argv.entries()) {
    if (arg === '--data') {
      // `--data --other-flag` names no folder; don't mistake the flag for one.
      const next = argv[index + 1];
      return next && !next.startsWith('--') ? next : undefined;
    }
    if (arg.startsWith('--data=')) return arg.slice('--data='.length) || undefined;
  }
  return undefined;
}
