import { parseArgs } from 'node:util';
import type { TFunction } from 'i18next';
import { createCore, CoreError, resolveDataDir, type Core } from '../core';
import type { Language } from '../shared/catalogue';
import type { ProgressEvent } from '../shared/contract';
import type { AppError, Result } from '../shared/result';
import { productCommands } from './commands/products';
import { sellerCommands } from './commands/sellers';
import { photoCommands } from './commands/photos';
import { practiceCommands } from './commands/practice';
import { uploadCommands } from './commands/uploads';
import { categoryCommands } from './commands/categories';
import { spreadsheetCommands } from './commands/spreadsheets';
import { trashCommands } from './commands/trash';
import { cliTranslator, describeError, pickLanguage } from './i18n';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: NodeJS.ProcessEnv;
  /** Long work's progress line ("Foto 12 dari 40 (30%) · sekitar 8 detik lagi"), redrawn in place. */
  readonly progress?: (text: string) => void;
}

/** Exit codes scripts can rely on. */
export const EXIT = { ok: 0, rejected: 1, usage: 2, cannotOpen: 3 } as const;

/** Every option any command takes; each command lists which of them it accepts. */
const OPTIONS = {
  data: { type: 'string' },
  json: { type: 'boolean' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  name: { type: 'string' },
  business: { type: 'string' },
  phone: { type: 'string' },
  district: { type: 'string' },
  notes: { type: 'string' },
  query: { type: 'string' },
  all: { type: 'boolean' },
  seller: { type: 'string' },
  description: { type: 'string' },
  brand: { type: 'string' },
  status: { type: 'string' },
  price: { type: 'string' },
  stock: { type: 'string' },
  weight: { type: 'string' },
  length: { type: 'string' },
  width: { type: 'string' },
  height: { type: 'string' },
  sku: { type: 'string' },
  variant: { type: 'string', multiple: true },
  variation: { type: 'string' },
  variation2: { type: 'string' },
  category: { type: 'string' },
  'dry-run': { type: 'boolean' },
  format: { type: 'string' },
  out: { type: 'string' },
  product: { type: 'string' },
  marketplace: { type: 'string' },
  endpoint: { type: 'string' },
  'app-key': { type: 'string' },
  'app-secret': { type: 'string' },
  'access-token': { type: 'string' },
  'refresh-token': { type: 'string' },
  code: { type: 'string' },
  wait: { type: 'boolean' },
  port: { type: 'string' },
  faults: { type: 'string' },
  seed: { type: 'string' },
  'qc-delay': { type: 'string' },
  qps: { type: 'string' },
} as const;

export type Options = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];
const GLOBAL_OPTIONS = ['data', 'json', 'lang', 'help'] as const;

/** What a command hands back: the core's Result plus, on success, the text for a person. */
export interface CommandOutcome {
  readonly result: Result<unknown>;
  readonly text: string;
  /** When success still means "not everything went in" (an import that skipped rows). */
  readonly exitCode?: number;
}

export function outcome<T>(result: Result<T>, render: (value: T) => string): CommandOutcome {
  return { result, text: result.ok ? render(result.value) : '' };
}

export interface Command {
  readonly options: readonly (keyof typeof OPTIONS)[];
  readonly run: (ctx: CommandContext) => Promise<CommandOutcome>;
}

export interface CommandContext {
  readonly core: Core;
  readonly options: Options;
  readonly args: readonly string[];
  readonly t: TFunction;
  /** The language the CLI speaks (--lang, else the app's); exported files follow it too. */
  readonly language: Language;
  /** Prints a line at once, before the command ends (an address to open in the browser). */
  readonly say?: (text: string) => void;
}

/** A usage mistake found before the core is asked (bad flags, unreadable variant text). */
export class UsageError extends Error {}

const COMMANDS: Readonly<Record<string, Command>> = {
  ...sellerCommands,
  ...productCommands,
  ...trashCommands,
  ...spreadsheetCommands,
  ...photoCommands,
  ...uploadCommands,
  ...categoryCommands,
  ...practiceCommands,
};

/**
 * The `akar` command line, on the same core as the desktop app. Returns the exit code
 * instead of calling process.exit, so tests run it in-process.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  const early = await cliTranslator(pickLanguage(undefined, io.env) ?? 'id');
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    io.stderr(explainParseError(early, error));
    return EXIT.usage;
  }
  const { values, positionals } = parsed;
  const [group, verb, ...rest] = positionals;
  // "seller add NAME..." has a verb; "import FILE" and "export" do not.
  const twoWords = COMMANDS[`${group ?? ''} ${verb ?? ''}`.trim()];
  const key = twoWords ? `${group ?? ''} ${verb ?? ''}`.trim() : (group ?? '');
  const command = twoWords ?? COMMANDS[key];
  const args = twoWords ? rest : positionals.slice(1);
  // Until the data folder is open, speak --lang / AKAR_LANG, else Indonesian.
  const flagLanguage = pickLanguage(values.lang, io.env);
  const before = flagLanguage && flagLanguage !== 'id' ? await cliTranslator(flagLanguage) : early;

  if (!group || group === 'help' || values.help) {
    io.stdout(before('usage'));
    return group && group !== 'help' && !command ? EXIT.usage : EXIT.ok;
  }
  if (!command) {
    io.stderr(before('unknownCommand', { command: positionals.join(' ') }));
    return EXIT.usage;
  }
  // Usage mistakes are reported before anything is opened, let alone created.
  const allowed = new Set<string>([...GLOBAL_OPTIONS, ...command.options]);
  const stray = Object.keys(values).find((name) => !allowed.has(name));
  if (stray) {
    io.stderr(before('badOption', { detail: `--${stray} (${key})` }));
    return EXIT.usage;
  }

  let core: Core;
  // Progress is worded once the translator for the app's language exists (below).
  let onProgress: (event: ProgressEvent) => void = () => undefined;
  try {
    core = createCore({ dataDir: resolveDataDir(values.data, io.env), onProgress: (event) => onProgress(event) });
  } catch (error) {
    const appError: AppError =
      error instanceof CoreError ? error.error : { code: 'db_open_failed', message: String(error) };
    if (values.json) io.stdout(JSON.stringify({ ok: false, error: appError }, null, 2));
    else io.stderr(describeError(before, appError));
    return EXIT.cannotOpen;
  }

  try {
    // Without --lang, speak the language the user chose in the desktop app.
    const info = await core.appInfo();
    const language = flagLanguage ?? (info.ok ? info.value.language : 'id');
    const t = await cliTranslator(language);
    const { progress } = io;
    if (progress) onProgress = (event) => progress(progressLine(t, event));
    let done: CommandOutcome;
    try {
      done = await command.run({ core, options: values, args, t, language, say: io.stdout });
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      io.stderr(error.message);
      return EXIT.usage;
    }
    if (values.json) io.stdout(JSON.stringify(done.result, null, 2));
    else if (done.result.ok) io.stdout(done.text);
    else io.stderr(describeError(t, done.result.error));
    return done.result.ok ? (done.exitCode ?? EXIT.ok) : EXIT.rejected;
  } finally {
    core.close();
  }
}

/** "Foto 12 dari 40 (30%) · sekitar 8 detik lagi". */
export function progressLine(t: TFunction, event: ProgressEvent): string {
  const percent = event.total > 0 ? Math.floor((event.done / event.total) * 100) : 0;
  const line = t(`progress.${event.kind}`, { done: event.done, total: event.total, percent });
  if (event.etaMs === undefined || event.done >= event.total) return line;
  const seconds = Math.max(1, Math.ceil(event.etaMs / 1000));
  return `${line} · ${seconds < 90 ? t('progress.etaSeconds', { count: seconds }) : t('progress.etaMinutes', { count: Math.ceil(seconds / 60) })}`;
}

/** node:util's parseArgs speaks English; say the same thing in the user's language. */
function explainParseError(t: TFunction, error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const option = /'(--?[^' <]+)/.exec(error instanceof Error ? error.message : '')?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return t('unknownOption', { option });
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return t('optionValue', { option });
  return t('badOption', { detail: error instanceof Error ? error.message : String(error) });
}

/**
 * Flag text to numbers. Text that is not a number of the right kind is passed through
 * untouched, so the core's validation names the field and says what is wrong.
 * Whole numbers (prices, stock, ids) are digits only: Indonesians write "15.000" for
 * fifteen thousand, so a dot must never be read as a decimal point here.
 */
export function wholeNumber(value: string | undefined): number | string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : value;
}

/** Weights and sizes may use a decimal comma or point: "0,5" and "0.5" are both half. */
export function measureNumber(value: string | undefined): number | string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim().replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : value;
}
