import type { Language } from '../../shared/catalogue';
import type { PracticeInfo } from '../../shared/uploads';
import { startPracticeServer, type PracticeServer } from './server';

/** The practice shops of this laptop, kept beside akar.db so they survive restarts. */
export const PRACTICE_DB_FILE = 'practice.db';

export interface PracticeHostOptions {
  readonly dbPath: string;
  readonly language: () => Language;
  readonly qcDelayMs?: number;
  readonly log?: (line: string) => void;
}

/**
 * The practice marketplace as the app runs it: started on demand on 127.0.0.1, once, and
 * stopped with the core. Its app key and secret are made on first start and remembered
 * in its own database, so connections made before keep working after a restart.
 */
export class PracticeHost {
  private running: Promise<PracticeServer> | null = null;

  constructor(private readonly options: PracticeHostOptions) {}

  server(port?: number): Promise<PracticeServer> {
    this.running ??= startPracticeServer({
      dbPath: this.options.dbPath,
      language: this.options.language(),
      ...(this.options.qcDelayMs !== undefined ? { qcDelayMs: this.options.qcDelayMs } : {}),
      ...(port !== undefined ? { port } : {}),
      ...(this.options.log ? { log: this.options.log } : {}),
    }).catch((error: unknown) => {
      this.running = null;
      throw error;
    });
    return this.running;
  }

  async start(port?: number): Promise<PracticeInfo> {
    const server = await this.server(port);
    return { baseUrl: server.baseUrl, storefrontUrl: server.storefrontUrl };
  }

  /** Stops the server; null when it is not running, so a caller can close at once (see Core.close). */
  stop(): Promise<void> | null {
    const running = this.running;
    this.running = null;
    return running ? running.then((server) => server.close()) : null;
  }
}
