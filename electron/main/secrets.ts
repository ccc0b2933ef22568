import { safeStorage } from 'electron';
import { FileSecretStore, type SecretStore } from '../core/outbox/secrets';

/** The part of Electron's safeStorage used here (its async API; the sync one is deprecated). */
export interface AsyncEncryptor {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
  /** Linux only: which key store safeStorage uses (`basic_text` is a fixed key: no protection). */
  getSelectedStorageBackend?(): string;
}

/** The desktop app's secrets file, beside akar.db; the CLI's plain one is `secrets.json`. */
export const SAFE_SECRETS_FILE = 'secrets.safe.json';

/**
 * Marketplace tokens and app secrets as the desktop app keeps them: encrypted by the
 * operating system through safeStorage (DPAPI on Windows, Keychain on macOS, the keyring on
 * Linux), in main only, and stored as base64 in a 0600 file. The core worker asks for them
 * by message and never sees the key. Where the OS offers no encryption, nothing is stored
 * and the connection fails with a message, rather than a token being written in clear.
 */
export class SafeStorageSecrets implements SecretStore {
  readonly description: string;
  private readonly file: FileSecretStore;

  constructor(
    filePath: string,
    private readonly storage: AsyncEncryptor = safeStorage,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {
    this.file = new FileSecretStore(filePath);
    this.description = `${filePath} (safeStorage)`;
  }

  /**
   * Windows and macOS always have their key store. On Linux without a keyring safeStorage
   * falls back to `basic_text` (a fixed key): sign-ins still work, and the app says they
   * are not locked, rather than refusing the practice shop on every such laptop.
   */
  get lockedByOs(): boolean {
    if (this.platform !== 'linux') return true;
    const backend = this.storage.getSelectedStorageBackend?.() ?? 'unknown';
    return backend !== 'basic_text' && backend !== 'unknown';
  }

  async get(name: string): Promise<string | null> {
    const stored = await this.file.get(name);
    if (stored === null) return null;
    const { result, shouldReEncrypt } = await this.storage.decryptStringAsync(Buffer.from(stored, 'base64'));
    // The OS rotated its key: store it again under the new one.
    if (shouldReEncrypt) await this.set(name, result);
    return result;
  }

  async set(name: string, value: string): Promise<void> {
    if (!(await this.storage.isAsyncEncryptionAvailable())) {
      throw new Error('this computer offers no encryption for saved sign-ins (safeStorage)');
    }
    const encrypted = await this.storage.encryptStringAsync(value);
    await this.file.set(name, encrypted.toString('base64'));
  }

  delete(name: string): Promise<void> {
    return this.file.delete(name);
  }
}
