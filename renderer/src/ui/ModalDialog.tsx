import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './Icon';

/**
 * A modal window on top of the screen: a title, a close button, an error line, and the
 * content. Escape and the close button both call `onClose` (so React state is the one
 * way it closes); while `busy` neither works. Focus goes to the first thing to fill in
 * (or `[data-autofocus]`) and back to the button that opened it.
 */
export function ModalDialog({
  title,
  onClose,
  busy = false,
  failure,
  failureTestId,
  className,
  testId,
  children,
}: {
  title: string;
  onClose: () => void;
  busy?: boolean;
  /** Shown under the title, already in the user's words. */
  failure?: ReactNode;
  failureTestId?: string;
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    // The browser would give focus back on close(), but React removes the dialog first; so
    // the button that opened it gets focus back here, and a keyboard user keeps their place.
    const opener = document.activeElement;
    if (!element.open) element.showModal();
    (
      element.querySelector<HTMLElement>('[data-autofocus]') ?? element.querySelector<HTMLElement>('form input')
    )?.focus();
    return () => {
      element.close();
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={dialog}
      className={['modal-dialog', className ?? ''].filter(Boolean).join(' ')}
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onClose();
      }}
    >
      <div className="modal-dialog__head">
        <h2 className="modal-dialog__title" id={titleId}>
          {title}
        </h2>
        <button
          type="button"
          className="modal-dialog__close"
          aria-label={t('actions.close')}
          onClick={onClose}
          disabled={busy}
        >
          <Icon name="close" />
        </button>
      </div>
      {failure ? (
        <p className="modal-dialog__failure" role="alert" data-testid={failureTestId}>
          <Icon name="alert" />
          <span>{failure}</span>
        </p>
      ) : null}
      {children}
    </dialog>
  );
}
