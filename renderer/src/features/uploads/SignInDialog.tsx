import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../electron/shared/result';
import type { Connection } from '../../../../electron/shared/uploads';
import { api } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { newJobId } from '../../lib/useJobProgress';
import { Icon } from '../../ui/Icon';
import { ModalDialog } from '../../ui/ModalDialog';
import { useUploadWords } from './useUploadWords';

const FAILURES = ['timeout', 'denied', 'port_busy', 'bad_code', 'closed', 'no_browser'] as const;

/**
 * "Hubungkan toko Lazada": main opens Lazada's sign-in page in the browser and this dialog
 * waits, saying what to do there. When the browser cannot come back to Akar, the seller
 * pastes the address it ended on. "Batal" stops the wait (the listener closes with it).
 */
export function SignInDialog({
  sellerId,
  sellerName,
  onConnected,
  onClose,
}: {
  sellerId: number;
  sellerName: string;
  onConnected: (connection: Connection) => void;
  onClose: () => void;
}) {
  const { t, tr } = useUploadWords();
  const { t: ui } = useTranslation();
  const [waiting, setWaiting] = useState(true);
  const [failure, setFailure] = useState<AppError | null>(null);
  const [pasted, setPasted] = useState('');
  const [attempt, setAttempt] = useState(0);
  const jobId = useRef<string | null>(null);
  const done = useRef(false);
  // The latest callback, without restarting the wait when the parent renders again.
  const connected = useRef(onConnected);
  useEffect(() => {
    connected.current = onConnected;
  }, [onConnected]);

  useEffect(() => {
    const job = newJobId('upload');
    jobId.current = job;
    void api
      .invoke('lazada:signIn', { sellerId, jobId: job })
      .catch(() => ({ ok: false as const, error: { code: 'internal' as const, message: 'sign-in failed' } }))
      .then((answer) => {
        if (jobId.current !== job) return;
        setWaiting(false);
        if (answer.ok) {
          done.current = true;
          connected.current(answer.value);
        } else if (answer.error.code !== 'cancelled') setFailure(answer.error);
      });
    return () => {
      // Closing the dialog (or starting again) stops this wait; the core closes its listener.
      if (!done.current) void api.invoke('jobs:cancel', { jobId: job }).catch(() => null);
    };
  }, [sellerId, attempt]);

  async function paste(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const answer = await api
      .invoke('lazada:pasteCode', { sellerId, text: pasted })
      .catch(() => ({ ok: false as const, error: { code: 'internal' as const, message: 'paste failed' } }));
    if (!answer.ok) setFailure(answer.error);
    // null: the waiting sign-in took the code and answers itself.
    else if (answer.value !== null) {
      done.current = true;
      onConnected(answer.value);
    }
  }

  const reason = failure?.code === 'sign_in_failed' ? String(failure.params?.reason ?? '') : '';
  const failureText = !failure
    ? null
    : (FAILURES as readonly string[]).includes(reason)
      ? tr(`signIn.failed.${reason}`)
      : errorMessage(ui, failure);

  return (
    <ModalDialog
      title={t('signIn.title', { name: sellerName })}
      onClose={onClose}
      failure={failureText}
      className="sign-in"
      testId="sign-in-dialog"
    >
      <div className="modal-dialog__form">
        <ol className="sign-in__steps">
          <li>{t('signIn.step1')}</li>
          <li>{t('signIn.step2', { name: sellerName })}</li>
          <li>{t('signIn.step3')}</li>
        </ol>
        {waiting ? (
          <p className="sign-in__waiting" role="status">
            <span className="sign-in__spinner" aria-hidden="true" />
            {t('signIn.waiting')}
          </p>
        ) : (
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              setWaiting(true);
              setFailure(null);
              setAttempt((n) => n + 1);
            }}
          >
            <Icon name="refresh" />
            {t('screen.lazada.connect')}
          </button>
        )}
        <form className="sign-in__paste" onSubmit={(event) => void paste(event)}>
          <label htmlFor="sign-in-paste">{t('signIn.pasteLabel')}</label>
          <div className="sign-in__paste-row">
            <input
              id="sign-in-paste"
              className="input"
              value={pasted}
              placeholder={t('signIn.pastePlaceholder')}
              autoComplete="off"
              spellCheck={false}
              onChange={(event) => setPasted(event.target.value)}
            />
            <button type="submit" className="button" disabled={pasted.trim() === ''}>
              {t('signIn.pasteButton')}
            </button>
          </div>
        </form>
        <div className="modal-dialog__actions">
          <button type="button" className="button" onClick={onClose} data-autofocus>
            {t('signIn.cancel')}
          </button>
        </div>
      </div>
    </ModalDialog>
  );
}
