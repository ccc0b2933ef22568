import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../../electron/shared/contract';
import { useToast } from '../app/toasts';
import { api } from './api';
import { errorMessage } from './errors';

/**
 * Deleting moves to the trash and is undone from a toast, the same way for participants
 * and products; the channel pair is the only difference.
 */
export type TrashKind = 'seller' | 'product';

const CHANNELS = {
  seller: { remove: 'sellers:delete', restore: 'sellers:restore' },
  product: { remove: 'products:delete', restore: 'products:restore' },
} as const satisfies Record<TrashKind, { remove: Channel; restore: Channel }>;

export function restoreFromTrash(kind: TrashKind, id: number) {
  return api.invoke(CHANNELS[kind].restore, { id });
}

/**
 * `remove(item)`: moves it to the trash at once (no "are you sure?"), then offers
 * "Urungkan" in a toast. `changed` runs after each move, so the screen can reload its list.
 */
export function useMoveToTrash(kind: TrashKind, changed: () => void) {
  const { t } = useTranslation();
  const toast = useToast();

  return useCallback(
    async (item: { readonly id: number; readonly name: string }) => {
      const result = await api.invoke(CHANNELS[kind].remove, { id: item.id });
      if (!result.ok) {
        toast({ message: errorMessage(t, result.error), tone: 'error' });
        return;
      }
      changed();
      toast({
        message: t('toast.movedToTrash', { name: item.name }),
        action: {
          label: t('actions.undo'),
          icon: 'undo',
          run: async () => {
            const restored = await restoreFromTrash(kind, item.id);
            changed();
            toast(
              restored.ok
                ? { message: t('toast.restored', { name: item.name }) }
                : { message: errorMessage(t, restored.error), tone: 'error' },
            );
          },
        },
      });
    },
    [kind, changed, t, toast],
  );
}
