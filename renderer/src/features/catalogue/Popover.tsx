import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

/**
 * A button that opens a small panel under it (the category filter, the export choices).
 * Focus moves into the panel when it opens; Escape, a click outside or a choice closes it
 * and focus goes back to the button, so keyboard users never lose their place.
 */
export function Popover({
  button,
  buttonLabel,
  buttonClassName = 'button',
  panelLabel,
  align = 'start',
  wide = false,
  children,
}: {
  button: ReactNode;
  /** When the button's text alone does not say what it is for ("Keripik" under "Kategori"). */
  buttonLabel?: string;
  buttonClassName?: string;
  panelLabel: string;
  align?: 'start' | 'end';
  /** Room for a category picker rather than a short menu. */
  wide?: boolean;
  children: (close: () => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  // Bumped by a choice or Escape: focus then goes back to the button (a click outside leaves it where it landed).
  const [refocus, setRefocus] = useState(0);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  const close = () => {
    setOpen(false);
    setRefocus((count) => count + 1);
  };

  useEffect(() => {
    if (refocus > 0) trigger.current?.focus();
  }, [refocus]);

  useEffect(() => {
    if (!open) return;
    const start =
      panel.current?.querySelector<HTMLElement>('[data-autofocus]') ??
      panel.current?.querySelector<HTMLElement>('input, button, select');
    start?.focus();
    const outside = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, [open]);

  return (
    <div className="popover" ref={root}>
      <button
        ref={trigger}
        type="button"
        className={buttonClassName}
        aria-label={buttonLabel}
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onClick={() => setOpen((was) => !was)}
      >
        {button}
      </button>
      {open ? (
        <div
          ref={panel}
          id={id}
          role="dialog"
          aria-label={panelLabel}
          className={`popover__panel popover__panel--${align}${wide ? ' popover__panel--wide' : ''}`}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.stopPropagation();
              close();
            }
          }}
        >
          {children(close)}
        </div>
      ) : null}
    </div>
  );
}
