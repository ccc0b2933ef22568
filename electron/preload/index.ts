import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { EVENT_PREFIX, IPC_PREFIX } from '../shared/channels';
import { buildApi } from './api';

/** The renderer's only door to main: `window.api`. No raw `ipcRenderer` is exposed. */
contextBridge.exposeInMainWorld(
  'api',
  buildApi({
    invoke: (channel, input) => ipcRenderer.invoke(`${IPC_PREFIX}${channel}`, input),
    subscribe(event, listener) {
      const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
      ipcRenderer.on(`${EVENT_PREFIX}${event}`, wrapped);
      return () => {
        ipcRenderer.removeListener(`${EVENT_PREFIX}${event}`, wrapped);
      };
    },
    // Electron knows which files came from the user's disk; a File the page built has no path.
    pathForFile: (file) => webUtils.getPathForFile(file),
  }),
);
