import { createContext, useContext, useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulkChange, Language, ProductSummary } from '../../../../electron/shared/catalogue';
import type { AppError } from '../../../../electron/shared/result';
import { MAX_BRAND_LENGTH, MAX_PRICE_RUPIAH, MAX_STOCK, MAX_WEIGHT_KG } from '../../../../electron/shared/plain/limits';
import {
  formatRupiah,
  parseDecimal,
  parseRupiah,
  parseWeightKg,
  parseWholeNumber,
  type ParsedNumber,
} from '../../../../electron/shared/plain/numbers';
import { errorMessage } from '../../lib/errors';
import { formatNumber } from '../../lib/numbers';
import type { JobProgress } from '../../lib/useJobProgress';
import { Icon } from '../../ui/Icon';
import { JobProgressBar } from '../../ui/JobProgressBar';
import { ModalDialog } from '../../ui/ModalDialog';
import { CategoryPicker } from '../categories/CategoryPicker';

/** The changes that need a value first; marking ready or draft needs none (and is undone, not confirmed). */
export type BulkKind = 'category' | 'brand' | 'weight' | 'stock' | 'price';

/** What a dialog hands back. */
export interface BulkRequest {
  readonly change: BulkChange;
}

const MAX_PERCENT_UP = 1000;
const MAX_PERCENT_DOWN = 90;
/** An everyday price for the example when no ticked product is loaded. */
const EXAMPLE_PRICE = 20_000;

/**
 * One bulk change, asked for in a small modal dialog: a title saying how many products it
 * touches, one question, a live example where numbers are involved, and errors under the
 * field in plain words. Escape or "Batal" closes it; focus starts in the first field.
 */
export function BulkDialog({
  kind,
  count,
  sample,
  onApply,
  onClose,
  progress,
  onStop,
}: {
  kind: BulkKind;
  count: number;
  /** A ticked product, for the price example. */
  sample: ProductSummary | null;
  /** Saves; resolves to the error to show, or null when done (the dialog is then closed by the caller). */
  onApply: (request: BulkRequest) => Promise<AppError | null>;
  onClose: () => void;
  /** How far the change is while it is saved. */
  progress: JobProgress | null;
  /** Stops the change while it is saved; nothing of it is kept. */
  onStop: () => void;
}) {
  const { t, i18n } = useTranslation('catalogue');
  const { t: ui } = useTranslation();
  const number = formatNumber(count, i18n.language as Language);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AppError | null>(null);

  async function apply(request: BulkRequest) {
    setBusy(true);
    setFailure(null);
    const error = await onApply(request);
    // On success the caller closes the dialog; only a failure keeps it here.
    if (error) {
      setBusy(false);
      setFailure(error);
    }
  }

  const forms: Record<BulkKind, ReactNode> = {
    price: <PriceForm sample={sample} onSubmit={apply} />,
    weight: <WeightForm onSubmit={apply} />,
    stock: <StockForm onSubmit={apply} />,
    brand: <BrandForm onSubmit={apply} />,
    category: <CategoryForm onSubmit={apply} />,
  };

  return (
    <ModalDialog
      title={t(`bulk.${kind}.title`, { count, number })}
      onClose={onClose}
      busy={busy}
      failure={failure ? errorMessage(ui, failure) : null}
    >
      <BulkContext.Provider value={{ count, number, busy, onCancel: onClose }}>{forms[kind]}</BulkContext.Provider>
      {busy ? (
        <JobProgressBar
          title={t('bulk.applying', { count, number })}
          progress={progress}
          onCancel={onStop}
          testId="bulk-progress"
        />
      ) : null}
    </ModalDialog>
  );
}

// ---------- the forms ----------

interface BulkContextValue {
  readonly count: number;
  /** The count as the interface language writes it ("1.234"). */
  readonly number: string;
  readonly busy: boolean;
  readonly onCancel: () => void;
}

const BulkContext = createContext<BulkContextValue>({ count: 0, number: '0', busy: false, onCancel: () => undefined });

type Submit = (request: BulkRequest) => void;

/** The form frame every change shares: its fields, then "Terapkan ke 45 produk" and "Batal". */
function BulkForm({ onSubmit, children }: { onSubmit: () => void; children: ReactNode }) {
  const { t } = useTranslation('catalogue');
  const { t: ui } = useTranslation();
  const { count, number, busy, onCancel } = useContext(BulkContext);
  return (
    <form
      className="modal-dialog__form"
      noValidate
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        if (!busy) onSubmit();
      }}
    >
      {children}
      <div className="modal-dialog__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          <Icon name="check" />
          {busy ? t('bulk.applying', { count, number }) : t('bulk.apply', { count, number })}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel} disabled={busy}>
          {ui('actions.cancel')}
        </button>
      </div>
    </form>
  );
}

/** A text field with its hint and error tied to it for screen readers. */
function NumberField({
  label,
  hint,
  error,
  value,
  onChange,
  note,
  inputMode = 'decimal',
}: {
  label: string;
  hint: string;
  error: string | null;
  value: string;
  onChange: (value: string) => void;
  note?: ReactNode;
  inputMode?: 'decimal' | 'numeric' | 'text';
}) {
  const id = useId();
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="input modal-dialog__input"
        data-autofocus
        value={value}
        inputMode={inputMode}
        autoComplete="off"
        aria-invalid={Boolean(error)}
        aria-describedby={`${error ? `${id}-error ` : ''}${id}-hint`}
        onChange={(event) => onChange(event.target.value)}
      />
      {note}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <p className="field__hint" id={`${id}-hint`}>
        {hint}
      </p>
    </div>
  );
}

type NumberError = 'empty' | 'notANumber' | 'hasDecimals' | 'ambiguous' | 'negative';

/** Why typed text is not a usable number, in the form's words; null when it is one. */
function numberError(parsed: ParsedNumber): NumberError | null {
  if (parsed.kind === 'empty') return 'empty';
  if (parsed.kind === 'number') return null;
  switch (parsed.reason) {
    case 'has_decimals':
      return 'hasDecimals';
    case 'ambiguous':
      return 'ambiguous';
    case 'negative':
      return 'negative';
    default:
      return 'notANumber';
  }
}

type Direction = 'up' | 'down';
type PriceMode = 'amount' | 'percent';

/** What the core does to each price (bulk-edit.ts): add rupiah, or a percentage rounded to whole rupiah. */
function movedPrice(price: number, mode: PriceMode, value: number): number {
  return mode === 'amount' ? price + value : Math.round((price * (100 + value)) / 100);
}

function PriceForm({ sample, onSubmit }: { sample: ProductSummary | null; onSubmit: Submit }) {
  const { t } = useTranslation('catalogue');
  const [direction, setDirection] = useState<Direction>('up');
  const [mode, setMode] = useState<PriceMode>('percent');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);

  const parsed = mode === 'amount' ? parseRupiah(text) : parseDecimal(text.replace(/%\s*$/, ''));
  const amount = parsed.kind === 'number' ? parsed.value : null;
  const value = amount === null ? null : direction === 'up' ? amount : -amount;

  function check(): string | null {
    const problem = numberError(parsed);
    if (problem === 'negative') return t('bulk.price.negative');
    if (problem) return t(`bulk.errors.${problem}`, { example: mode === 'amount' ? '2000' : '10' });
    if (amount === null || amount === 0) return t('bulk.errors.zero');
    if (mode === 'percent' && direction === 'down' && amount > MAX_PERCENT_DOWN) {
      return t('bulk.price.tooMuchDown', { maximum: MAX_PERCENT_DOWN });
    }
    if (mode === 'percent' && direction === 'up' && amount > MAX_PERCENT_UP) {
      return t('bulk.price.tooMuchUp', { maximum: MAX_PERCENT_UP });
    }
    if (mode === 'amount' && amount > MAX_PRICE_RUPIAH) {
      return t('bulk.price.tooBig', { maximum: formatRupiah(MAX_PRICE_RUPIAH) });
    }
    return null;
  }

  const before = sample?.minPrice ?? EXAMPLE_PRICE;
  const after = value === null || value === 0 ? null : movedPrice(before, mode, value);

  return (
    <BulkForm
      onSubmit={() => {
        const problem = check();
        setError(problem);
        if (!problem && value !== null) onSubmit({ change: { kind: 'price', mode, value } });
      }}
    >
      <Choice
        legend={t('bulk.price.direction')}
        value={direction}
        options={[
          { value: 'up', label: t('bulk.price.up') },
          { value: 'down', label: t('bulk.price.down') },
        ]}
        onChange={setDirection}
      />
      <Choice
        legend={t('bulk.price.mode')}
        value={mode}
        options={[
          { value: 'percent', label: t('bulk.price.percent') },
          { value: 'amount', label: t('bulk.price.amount') },
        ]}
        onChange={(next) => {
          setMode(next);
          setError(null);
        }}
      />
      <NumberField
        label={mode === 'amount' ? t('bulk.price.amountLabel') : t('bulk.price.percentLabel')}
        hint={mode === 'amount' ? t('bulk.price.amountHint') : t('bulk.price.percentHint')}
        error={error}
        value={text}
        onChange={(next) => {
          setText(next);
          setError(null);
        }}
      />
      <p className="bulk-example" aria-live="polite" data-testid="price-example">
        <span className="bulk-example__label">
          {sample ? t('bulk.price.exampleFor', { name: sample.name }) : t('bulk.price.example')}
        </span>{' '}
        <span className="bulk-example__prices">
          {formatRupiah(before)}
          <Icon name="arrow" />
          {/* The arrow is drawn; a screen reader says the word instead. */}
          <span className="catalogue-sr-only"> {t('bulk.price.becomes')} </span>
          {after === null ? '…' : after < 1 ? t('bulk.price.belowOne') : formatRupiah(after)}
        </span>
      </p>
    </BulkForm>
  );
}

function WeightForm({ onSubmit }: { onSubmit: Submit }) {
  const { t, i18n } = useTranslation('catalogue');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const parsed = parseWeightKg(text, 'kg');
  const weight = parsed.kind === 'number' ? parsed.value : null;

  function check(): string | null {
    const problem = numberError(parsed);
    if (problem) return t(`bulk.errors.${problem}`, { example: t('bulk.weight.example') });
    if (weight === null || weight <= 0) return t('bulk.errors.zero');
    if (weight > MAX_WEIGHT_KG) return t('bulk.weight.tooBig', { maximum: MAX_WEIGHT_KG });
    // Couriers and the marketplace take at most 2 decimals (10 grams).
    if (Math.abs(weight * 100 - Math.round(weight * 100)) > 1e-9) return t('bulk.weight.tooPrecise');
    return null;
  }

  return (
    <BulkForm
      onSubmit={() => {
        const problem = check();
        setError(problem);
        if (!problem && weight !== null) onSubmit({ change: { kind: 'weight', weightKg: weight } });
      }}
    >
      <NumberField
        label={t('bulk.weight.label')}
        hint={t('bulk.weight.hint')}
        error={error}
        value={text}
        onChange={(next) => {
          setText(next);
          setError(null);
        }}
        note={
          weight !== null && weight > 0 ? (
            <p className="field__preview">= {formatNumber(weight, i18n.language as Language)} kg</p>
          ) : null
        }
      />
    </BulkForm>
  );
}

function StockForm({ onSubmit }: { onSubmit: Submit }) {
  const { t, i18n } = useTranslation('catalogue');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const parsed = parseWholeNumber(text);

  function check(): string | null {
    const problem = numberError(parsed);
    if (problem) return t(`bulk.errors.${problem}`, { example: '10' });
    if (parsed.kind === 'number' && parsed.value > MAX_STOCK)
      return t('bulk.stock.tooBig', { maximum: formatNumber(MAX_STOCK, i18n.language as Language) });
    return null;
  }

  return (
    <BulkForm
      onSubmit={() => {
        const problem = check();
        setError(problem);
        if (!problem && parsed.kind === 'number') onSubmit({ change: { kind: 'stock', stock: parsed.value } });
      }}
    >
      <NumberField
        label={t('bulk.stock.label')}
        hint={t('bulk.stock.hint')}
        error={error}
        value={text}
        inputMode="numeric"
        onChange={(next) => {
          setText(next);
          setError(null);
        }}
      />
    </BulkForm>
  );
}

function BrandForm({ onSubmit }: { onSubmit: Submit }) {
  const { t } = useTranslation('catalogue');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);

  return (
    <BulkForm
      onSubmit={() => {
        const brand = text.trim();
        const problem =
          brand === ''
            ? t('bulk.brand.empty')
            : brand.length > MAX_BRAND_LENGTH
              ? t('bulk.brand.tooLong', { maximum: MAX_BRAND_LENGTH })
              : null;
        setError(problem);
        if (!problem) onSubmit({ change: { kind: 'brand', brand } });
      }}
    >
      <NumberField
        label={t('bulk.brand.label')}
        hint={t('bulk.brand.hint')}
        error={error}
        value={text}
        inputMode="text"
        onChange={(next) => {
          setText(next);
          setError(null);
        }}
      />
    </BulkForm>
  );
}

function CategoryForm({ onSubmit }: { onSubmit: Submit }) {
  const { t } = useTranslation('catalogue');
  const [picked, setPicked] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  return (
    <BulkForm
      onSubmit={() => {
        if (picked === null) {
          setError(t('bulk.category.none'));
          return;
        }
        onSubmit({ change: { kind: 'category', categoryId: picked } });
      }}
    >
      {error ? <p className="field__error">{error}</p> : null}
      <CategoryPicker
        value={picked}
        onChange={(id) => {
          setPicked(id);
          setError(null);
        }}
      />
      <p className="field__hint">{t('bulk.category.hint')}</p>
    </BulkForm>
  );
}

/** Two or three big radio buttons in a labelled group (the product form's `choice` style). */
function Choice<V extends string>({
  legend,
  value,
  options,
  onChange,
}: {
  legend: string;
  value: V;
  options: readonly { value: V; label: string }[];
  onChange: (value: V) => void;
}) {
  const name = useId();
  return (
    <fieldset className="choice bulk-choice">
      <legend className="field__label">{legend}</legend>
      <div className="choice__options">
        {options.map((option) => (
          <label key={option.value} className="choice__option">
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={option.value === value}
              onChange={() => onChange(option.value)}
            />
            <span className="choice__text">
              <strong>{option.label}</strong>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
