import type { Shell } from '../../electron/main/handlers';

/**
 * The desktop around the handler table, without Electron: every dialog is cancelled (so
 * no file is read or written) and every request is recorded in `asked`, so a test can
 * prove that a refused call never got as far as asking the user anything.
 */
export function cancellingShell(): { shell: Shell; asked: string[] } {
  const asked: string[] = [];
  const shell: Shell = {
    pickSpreadsheet: async () => {
      asked.push('open');
      return null;
    },
    pickSaveTarget: async (defaultName) => {
      asked.push(`save ${defaultName}`);
      return null;
    },
    pickPhotoFiles: async () => {
      asked.push('photos');
      return null;
    },
    pickPhotoFolder: async () => {
      asked.push('photo folder');
      return null;
    },
    openStorefront: async (url) => {
      asked.push(`storefront ${url}`);
    },
    openSignIn: async (url) => {
      asked.push(`sign-in ${url}`);
    },
  };
  return { shell, asked };
}
