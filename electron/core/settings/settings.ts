import { DEFAULT_LANGUAGE, languageSchema, type Language } from '../../shared/catalogue';
import type { Db } from '../db/open';

/** Small key/value preferences that belong to the laptop's data, not to one window. */
export class SettingsStore {
  constructor(private readonly db: Db) {}

  language(): Language {
    const row = this.db
      .prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?')
      .get('language');
    // A value written by hand or by a future version falls back to the default, never crashes.
    const parsed = languageSchema.safeParse(row?.value);
    return parsed.success ? parsed.data : DEFAULT_LANGUAGE;
  }

  setLanguage(language: Language): Language {
    this.db
      .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
      .run('language', language);
    return language;
  }

  /** True once the seller stopped photo processing; it then waits for "Lanjutkan", also after a restart. */
  photosPaused(): boolean {
    return (
      this.db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get('photos.paused')
        ?.value === 'yes'
    );
  }

  setPhotosPaused(paused: boolean): void {
    this.db
      .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
      .run('photos.paused', paused ? 'yes' : 'no');
  }

  /** Whether the outbox is sent by itself whenever the marketplace can be reached (on unless turned off). */
  autoUpload(): boolean {
    return (
      this.db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get('uploads.auto')
        ?.value !== 'no'
    );
  }

  setAutoUpload(enabled: boolean): void {
    this.db
      .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
      .run('uploads.auto', enabled ? 'yes' : 'no');
  }

  /** The Lazada app key a trainer entered on this laptop (its secret is in the secret store). */
  lazadaAppKey(): string | null {
    const value = this.db
      .prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?')
      .get('lazada.appKey')?.value;
    return value === undefined || value === '' ? null : value;
  }

  setLazadaAppKey(appKey: string): void {
    this.db
      .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
      .run('lazada.appKey', appKey);
  }
}
