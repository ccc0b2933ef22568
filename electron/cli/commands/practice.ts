import path from 'node:path';
import { PRACTICE_DB_FILE } from '../../core/practice/host';
import { parseFaultSpec } from '../../core/practice/faults';
import { startPracticeServer } from '../../core/practice/server';
import { EXIT, UsageError, wholeNumber, type Command, type CommandOutcome } from '../run';

/** Resolves on Ctrl+C or a polite kill, so the server closes its database cleanly. */
function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export const practiceCommands: Record<string, Command> = {
  /**
   * akar practice-server [--port N] [--app-key K --app-secret S] [--faults SPEC] [--seed N] [--qc-delay SECONDS] [--qps N]
   * Runs the practice marketplace on 127.0.0.1 until stopped; its shops are kept in the data folder.
   */
  'practice-server': {
    options: ['port', 'app-key', 'app-secret', 'faults', 'seed', 'qc-delay', 'qps'],
    async run({ core, options, args, t, say, language }): Promise<CommandOutcome> {
      const port = wholeNumber(options.port);
      const seed = wholeNumber(options.seed);
      const qcDelay = wholeNumber(options['qc-delay']);
      const qps = wholeNumber(options.qps);
      const badNumber = [port, seed, qcDelay, qps].some((value) => typeof value === 'string');
      if (
        args.length > 0 ||
        badNumber ||
        (options['app-key'] === undefined) !== (options['app-secret'] === undefined)
      ) {
        throw new UsageError(t('practice.usage'));
      }
      let faults;
      try {
        faults = options.faults === undefined ? undefined : parseFaultSpec(options.faults);
      } catch (error) {
        throw new UsageError(
          t('practice.badFaults', { detail: error instanceof Error ? error.message : String(error) }),
        );
      }
      const server = await startPracticeServer({
        dbPath: path.join(core.dataDir, PRACTICE_DB_FILE),
        language,
        ...(typeof port === 'number' ? { port } : {}),
        ...(options['app-key'] !== undefined ? { appKey: options['app-key'] } : {}),
        ...(options['app-secret'] !== undefined ? { appSecret: options['app-secret'] } : {}),
        ...(faults !== undefined ? { faults } : {}),
        ...(typeof seed === 'number' ? { seed } : {}),
        ...(typeof qcDelay === 'number' ? { qcDelayMs: qcDelay * 1000 } : {}),
        // One limit for every API (Lazada's differ; a benchmark lifts them all).
        ...(typeof qps === 'number' ? { qps: { default: qps, '/image/upload': qps } } : {}),
      });
      say?.(
        t('practice.started', {
          url: server.baseUrl,
          storefront: server.storefrontUrl,
          appKey: server.appKey,
          appSecret: server.appSecret,
        }),
      );
      await untilStopped();
      await server.close();
      return { result: { ok: true, value: null }, text: t('practice.stopped'), exitCode: EXIT.ok };
    },
  },
};
