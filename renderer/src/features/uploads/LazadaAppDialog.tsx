import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../electron/shared/result';
import type { LazadaApp } from '../../../../electron/shared/sign-in';
import { api } from '../../lib/api';
import { errorMessage, issueMessage } from '../../lib/errors';
import { Field } from '../../ui/Field';
import { Icon } from '../../ui/Icon';
import { ModalDialog } from '../../ui/ModalDialog';
import { useUploadWords } from './useUploadWords';

/**
 * "Kunci aplikasi Lazada": the app key and secret a trainer copies once from Lazada Open
 * Platform's App Console, and the callback address to register there. The secret is sent
 * to main's encrypted store and never shown again (the field starts empty every time).
 */
export function LazadaAppDialog({
  app,
  onSaved,
  onClose,
}: {
  app: LazadaApp | null;
  onSaved: (app: LazadaApp) => void;
  onClose: () => void;
}) {
  const { t } = useUploadWords();
  const { t: ui } = useTranslation();
  const [appKey, setAppKey] = useState(app?.appKey ?? '');
  const [appSecret, setAppSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AppError | null>(null);
  const problem = (field: string) => {
    const issue = failure?.issues?.find((i) => i.field === field);
    return issue ? issueMessage(ui, issue) : undefined;
  };

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    const answer = await api
      .invoke('lazada:setApp', { appKey, appSecret })
      .catch(() => ({ ok: false as const, error: { code: 'internal' as const, message: 'save failed' } }));
    setBusy(false);
    if (answer.ok) onSaved(answer.value);
    else setFailure(answer.error);
  }

  return (
    <ModalDialog
      title={t('lazadaApp.title')}
      onClose={onClose}
      busy={busy}
      failure={failure && !failure.issues ? errorMessage(ui, failure) : null}
      testId="lazada-app-dialog"
    >
      <form className="modal-dialog__form" onSubmit={(event) => void save(event)}>
        <p>{t('lazadaApp.intro')}</p>
        <Field id="lazada-app-key" label={t('lazadaApp.appKey')} required error={problem('appKey')}>
          {(control) => (
            <input
              {...control}
              className="input"
              value={appKey}
              autoComplete="off"
              spellCheck={false}
              onChange={(event) => setAppKey(event.target.value)}
            />
          )}
        </Field>
        <Field
          id="lazada-app-secret"
          label={t('lazadaApp.appSecret')}
          required
          hint={app?.secretsLockedByOs === false ? undefined : t('lazadaApp.secretHint')}
          error={problem('appSecret')}
        >
          {(control) => (
            <input
              {...control}
              className="input"
              type="password"
              value={appSecret}
              autoComplete="off"
              onChange={(event) => setAppSecret(event.target.value)}
            />
          )}
        </Field>
        {app?.secretsLockedByOs === false ? (
          <p className="shop-card__warning" data-testid="secrets-unlocked">
            {t('lazadaApp.unlocked')}
          </p>
        ) : null}
        {app ? (
          <div className="sign-in__callback">
            <p>{t('lazadaApp.callback')}</p>
            <code data-testid="lazada-callback">{app.redirectUri}</code>
          </div>
        ) : null}
        <div className="modal-dialog__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            <Icon name="check" />
            {busy ? t('lazadaApp.saving') : t('lazadaApp.save')}
          </button>
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            {t('lazadaApp.cancel')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
