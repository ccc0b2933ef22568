import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon, type IconName } from '../ui/Icon';

/**
 * One short message at a time at the bottom of the screen, optionally with one button:
 * "Urungkan" after a delete (undo replaces "are you sure?" dialogs: deleting is instant
 * and reversible), or "Buka" to go to what was just restored.
 * Messages stay ten seconds; people who read slowly need that long to find the button.
 */
export interface ToastAction {
  readonly label: string;
  readonly icon: IconName;
  readonly run: () => void | Promise<void>;
}

export interface ToastRequest {
  readonly message: string;
  readonly action?: ToastAction;
  readonly tone?: 'info' | 'error';
}

interface Toast extends ToastRequest {
  readonly id: number;
}

const SHOW_MS = 10_000;

type ShowToast = (toast: ToastRequest) => void;
const ToastContext = createContext<ShowToast | null>(null);

export function useToast(): ShowToast {
  const show = useContext(ToastContext);
  if (!show) throw new Error('useToast outside <ToastProvider>');
  return show;
}

let nextId = 1;

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toast, setToast] = useState<Toast | null>(null);
  const show = useCallback<ShowToast>((request) => setToast({ ...request, id: nextId++ }), []);
  const dismiss = useCallback(() => setToast(null), []);
  const { i18n } = useTranslation();

  // A message is written in the language of its moment; after a switch it would be the
  // one thing left in the old language. Deleted items stay in the trash, so nothing is lost.
  useEffect(() => {
    i18n.on('languageChanged', dismiss);
    return () => i18n.off('languageChanged', dismiss);
  }, [i18n, dismiss]);

  return (
    <ToastContext.Provider value={show}>
      {children}
      <ToastView toast={toast} onDismiss={dismiss} />
    </ToastContext.Provider>
  );
}

function ToastView({ toast, onDismiss }: { toast: Toast | null; onDismiss: () => void }) {
  const { t } = useTranslation();

  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(onDismiss, SHOW_MS);
    return () => clearTimeout(timer);
  }, [toast, onDismiss]);

  const runAction = useMemo(() => {
    const action = toast?.action;
    if (!action) return null;
    // The toast goes at once, so a second click cannot restore twice; an undo shows its
    // own "dipulihkan" toast when done.
    return () => {
      onDismiss();
      void action.run();
    };
  }, [toast, onDismiss]);

  // The live region stays in the page so screen readers announce each new message.
  return (
    <div className="toast-region" role="status" aria-live="polite" aria-label={t('toast.region')}>
      {toast ? (
        <div className={`toast toast--${toast.tone ?? 'info'}`} key={toast.id} data-testid="toast">
          <span className="toast__message">{toast.message}</span>
          {toast.action && runAction ? (
            <button type="button" className="toast__action" onClick={runAction}>
              <Icon name={toast.action.icon} />
              {toast.action.label}
            </button>
          ) : null}
          <button type="button" className="toast__close" onClick={onDismiss} aria-label={t('actions.close')}>
            <Icon name="close" />
          </button>
        </div>
      ) : null}
    </div>
  );
}
