import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { SecretStore } from '../../electron/core/outbox/secrets';
import { SafeStorageSecrets, type AsyncEncryptor } from '../../electron/main/secrets';
import { startTestCoreWorker } from '../support/core-worker';
import { unwrap } from '../support/results';
import { tempDir } from '../support/temp';
import { seedShop } from '../support/uploads';

// The OS keyring behind safeStorage cannot run without Electron; the class is given its
// encryptor, so the module's default never loads.
vi.mock('electron', () => ({ safeStorage: {} }));

/** Stands in for the OS: real AES-256-GCM under a key this "computer" keeps; `rotate` changes it. */
function osEncryptor(available = true) {
  let keys = [randomBytes(32)];
  const encryptor: AsyncEncryptor & { rotate(): void } = {
    isAsyncEncryptionAvailable: async () => available,
    encryptStringAsync: async (text) => {
      const iv = randomBytes(12);
      const key = keys[0] ?? Buffer.alloc(32);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
      return Buffer.concat([Buffer.from([keys.length]), iv, cipher.getAuthTag(), body]);
    },
    decryptStringAsync: async (data) => {
      const generation = data[0] ?? 0;
      const key = keys[keys.length - generation] ?? Buffer.alloc(32);
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(1, 13));
      decipher.setAuthTag(data.subarray(13, 29));
      const result = Buffer.concat([decipher.update(data.subarray(29)), decipher.final()]).toString('utf8');
      return { result, shouldReEncrypt: generation !== keys.length };
    },
    rotate: () => {
      keys = [randomBytes(32), ...keys];
    },
  };
  return encryptor;
}

describe('secrets kept by main with safeStorage', () => {
  it('stores only ciphertext, in a file only the user can read, and gives the secret back', async () => {
    const file = path.join(tempDir(), 'secrets.safe.json');
    const store = new SafeStorageSecrets(file, osEncryptor());
    await store.set('tokens:1', 'pa_very-secret-token');
    const onDisk = fs.readFileSync(file, 'utf8');
    expect(onDisk).not.toContain('very-secret');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(await store.get('tokens:1')).toBe('pa_very-secret-token');
    await store.delete('tokens:1');
    expect(await store.get('tokens:1')).toBeNull();
  });

  it('stores the secret again under a rotated key, and refuses to store anything without encryption', async () => {
    const file = path.join(tempDir(), 'secrets.safe.json');
    const encryptor = osEncryptor();
    const store = new SafeStorageSecrets(file, encryptor);
    await store.set('app-secret:lazada:1', 'S3CRET');
    const before = fs.readFileSync(file, 'utf8');
    encryptor.rotate();
    expect(await store.get('app-secret:lazada:1')).toBe('S3CRET');
    expect(fs.readFileSync(file, 'utf8')).not.toBe(before);
    expect(await store.get('app-secret:lazada:1')).toBe('S3CRET');

    const plainFile = path.join(tempDir(), 'secrets.safe.json');
    await expect(new SafeStorageSecrets(plainFile, osEncryptor(false)).set('tokens:1', 'x')).rejects.toThrow(
      'no encryption',
    );
    expect(fs.existsSync(plainFile)).toBe(false);
  });

  it("gives the worker's core main's store: tokens never land in the worker's own file", async () => {
    const kept = new Map<string, string>();
    const mainStore: SecretStore = {
      description: 'main',
      lockedByOs: true,
      get: async (name) => kept.get(name) ?? null,
      set: async (name, value) => void kept.set(name, value),
      delete: async (name) => void kept.delete(name),
    };
    const dataDir = tempDir();
    const core = await startTestCoreWorker({ dataDir, secrets: mainStore, autoUpload: false, practiceQcDelayMs: 0 });
    try {
      const shop = await seedShop(core, tempDir(), { count: 1, photos: 1 });
      unwrap(await core.practice.connect({ sellerId: shop.sellerId }));
      expect([...kept.keys()].sort()).toEqual([expect.stringMatching(/^app-secret:practice:/), 'tokens:1']);
      expect(fs.existsSync(path.join(dataDir, 'secrets.json'))).toBe(false);
      unwrap(await core.uploads.enqueue({ sellerId: shop.sellerId, marketplace: 'practice' }));
      const report = unwrap(await core.uploads.drain({ sellerId: shop.sellerId, marketplace: 'practice' }));
      expect(report.counts.in_qc + report.counts.live).toBe(1);
      // The screen learns from main whether the OS locks them.
      expect(unwrap(await core.uploads.lazadaApp()).secretsLockedByOs).toBe(true);
    } finally {
      await core.close();
    }
  }, 60_000);

  it('says whether the operating system locks them: not on Linux without a keyring', () => {
    const file = path.join(tempDir(), 'secrets.safe.json');
    const backend = (name: string) => ({ ...osEncryptor(), getSelectedStorageBackend: () => name });
    expect(new SafeStorageSecrets(file, backend('basic_text'), 'linux').lockedByOs).toBe(false);
    expect(new SafeStorageSecrets(file, backend('gnome_libsecret'), 'linux').lockedByOs).toBe(true);
    expect(new SafeStorageSecrets(file, backend('kwallet5'), 'linux').lockedByOs).toBe(true);
    expect(new SafeStorageSecrets(file, osEncryptor(), 'win32').lockedByOs).toBe(true);
    expect(new SafeStorageSecrets(file, osEncryptor(), 'darwin').lockedByOs).toBe(true);
  });
});
