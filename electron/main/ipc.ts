import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS, IPC_PREFIX } from '../shared/channels';
import type { Language } from '../shared/catalogue';
import { dispatch, type Handlers } from './handlers';
import { isTrustedSender } from './security';

interface IpcHooks {
  /** Lets main follow the user's language (the menu) after the renderer changes it. */
  onLanguageChanged(language: Language): void;
}

/**
 * Registers every contract channel through one path: sender check, then `dispatch`
 * (contract validation, core call, Result). Nothing else in main calls `ipcMain.handle`.
 */
export function registerIpc(handlers: Handlers, devServerUrl: string | undefined, hooks: IpcHooks): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(`${IPC_PREFIX}${channel}`, async function handleAkarIpc(event: IpcMainInvokeEvent, input: unknown) {
      // Only the app's own top-level page: never a subframe, never another origin.
      const frame = event.senderFrame;
      if (!frame || frame.parent !== null || !isTrustedSender(frame.url, devServerUrl)) {
        return { ok: false, error: { code: 'forbidden_sender', message: 'IPC from an untrusted frame was refused' } };
      }
      const result = await dispatch(handlers, channel, input);
      if (channel === 'settings:setLanguage' && result.ok) hooks.onLanguageChanged(result.value as Language);
      return result;
    });
  }
}
