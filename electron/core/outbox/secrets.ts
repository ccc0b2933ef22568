import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * Where marketplace tokens and app secrets are kept. The core never decides how they are
 * protected: the desktop app gives it a store backed by Electron's safeStorage (in main,
 * out of the core's reach), the CLI a file only its user can read (and says so), tests a
 * file in a temp dir.
 */
export interface SecretStore {
  get(name: string): Promise<string | null>;
  set(name: string, value: string): Promise<void>;
  delete(name: string): Promise<void>;
  /** Where the secrets are and how they are protected, in words for the CLI to show. */
  readonly description: string;
  /**
   * True when the operating system's key store encrypts them (safeStorage with DPAPI,
   * Keychain or a Linux keyring); false for a plain file, or Linux without a keyring
   * (safeStorage's `basic_text`), where anyone using this computer account could read them.
   */
  readonly lockedByOs: boolean;
}

const fileSchema = z.record(z.string(), z.string());

/**
 * Secrets in a JSON file with 0600 permissions (owner read/write only). Plain text: on a
 * shared laptop this protects from other accounts, not from the same account, which is
 * why the desktop app uses safeStorage instead. Writes go to a temp file that is renamed
 * over the old one, so a crash leaves the old or the new file, never half of one.
 */
export class FileSecretStore implements SecretStore {
  readonly description: string;
  readonly lockedByOs = false;

  constructor(private readonly file: string) {
    this.description = file;
  }

  async get(name: string): Promise<string | null> {
    return this.read()[name] ?? null;
  }

  async set(name: string, value: string): Promise<void> {
    this.write({ ...this.read(), [name]: value });
  }

  async delete(name: string): Promise<void> {
    const all = this.read();
    delete all[name];
    this.write(all);
  }

  private read(): Record<string, string> {
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw error;
    }
    const parsed = fileSchema.safeParse(JSON.parse(text));
    if (!parsed.success) throw new Error(`${this.file} is not a secrets file Akar wrote`);
    return parsed.data;
  }

  private write(all: Record<string, string>): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, JSON.stringify(all), { mode: 0o600 });
    fs.chmodSync(temp, 0o600);
    fs.renameSync(temp, this.file);
  }
}
