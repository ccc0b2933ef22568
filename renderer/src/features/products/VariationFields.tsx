import { useId, useState } from 'react';
import {
  useWatch,
  type Control,
  type UseFormGetValues,
  type UseFormRegister,
  type UseFormSetValue,
} from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CategoryAttribute } from '../../../../electron/shared/categories';
import { MAX_SKUS_PER_PRODUCT } from '../../../../electron/shared/plain/limits';
import { Field } from '../../ui/Field';
import { Icon } from '../../ui/Icon';
import { OptionChips } from './OptionChips';
import type { ProductValues, SkuValues } from './productValues';
import {
  combineVariants,
  optionKey,
  optionsFor,
  parseOptions,
  toggleOption,
  usedOptions,
  variationNames,
  joinOptions,
} from './variations';

interface VariationFieldsProps {
  readonly control: Control<ProductValues>;
  readonly register: UseFormRegister<ProductValues>;
  readonly setValue: UseFormSetValue<ProductValues>;
  readonly getValues: UseFormGetValues<ProductValues>;
  readonly errorFor: (path: string) => string | undefined;
  /** The chosen category's sale properties: offered first as names, their options as values. */
  readonly saleProperties: readonly CategoryAttribute[];
  /** Puts a new list of variants in place (the form drops messages that pointed at the old one). */
  readonly onReplace: (skus: SkuValues[]) => void;
}

type Message = { readonly kind: 'done' | 'problem'; readonly text: string };

const COMMON_NAMES = ['color', 'size', 'flavor', 'pattern', 'contents'] as const;

/**
 * Naming the variations ("Warna", "Ukuran") and, from their options typed once
 * ("Merah, Biru" and "S, M, L"), making every combination as variants. The options typed
 * here are only a helper for "Buat semua kombinasi": each variant keeps its own option
 * in its card, which is what is saved.
 */
export function VariationFields({
  control,
  register,
  setValue,
  getValues,
  errorFor,
  saleProperties,
  onReplace,
}: VariationFieldsProps) {
  const { t } = useTranslation();
  const id = useId();
  const [first, second] = useWatch({ control, name: ['variation1', 'variation2'] });
  const [options1, setOptions1] = useState(() => joinOptions(usedOptions(getValues('skus'), 'option1')));
  const [options2, setOptions2] = useState(() => joinOptions(usedOptions(getValues('skus'), 'option2')));
  const [showSecond, setShowSecond] = useState(() => getValues('variation2').trim() !== '');
  const [message, setMessage] = useState<Message | null>(null);
  const [undo, setUndo] = useState<SkuValues[] | null>(null);

  const names = variationNames(
    saleProperties,
    COMMON_NAMES.map((name) => t(`productForm.variationNames.${name}`)),
  );
  const count1 = parseOptions(options1).length;
  const count2 = showSecond ? parseOptions(options2).length : 0;
  const total = count1 * (count2 || 1);

  const problem = (text: string, focus?: string) => {
    setMessage({ kind: 'problem', text });
    setUndo(null);
    if (focus) requestAnimationFrame(() => document.getElementById(focus)?.focus());
  };

  const make = () => {
    const name1 = getValues('variation1').trim();
    const name2 = showSecond ? getValues('variation2').trim() : '';
    const list1 = parseOptions(options1);
    const list2 = showSecond ? parseOptions(options2) : [];
    if (!name1) return problem(t('productForm.combine.needName', { number: 1 }), `${id}-name-1`);
    if (list1.length === 0) return problem(t('productForm.combine.needOptions', { name: name1 }), `${id}-options-1`);
    if (showSecond && list2.length > 0 && !name2) {
      return problem(t('productForm.combine.needName', { number: 2 }), `${id}-name-2`);
    }
    if (showSecond && name2 && list2.length === 0) {
      return problem(t('productForm.combine.needOptions', { name: name2 }), `${id}-options-2`);
    }
    const before = getValues('skus');
    const result = combineVariants(before, list1, list2, MAX_SKUS_PER_PRODUCT);
    if (result.kind === 'too_many') {
      return problem(t('productForm.combine.tooMany', { count: result.count, maximum: MAX_SKUS_PER_PRODUCT }));
    }
    if (result.kind === 'no_options') return problem(t('productForm.combine.needOptions', { name: name1 }));
    onReplace(result.skus);
    const kept = result.skus.length - result.created;
    const parts = [t('productForm.combine.done', { count: result.skus.length })];
    if (kept > 0 && result.created > 0) parts.push(t('productForm.combine.kept', { count: kept }));
    if (result.dropped.length > 0) {
      const dropped = result.dropped.map((sku) => [sku.option1, sku.option2].filter(Boolean).join(' / ') || '—');
      parts.push(t('productForm.combine.dropped', { count: result.dropped.length, names: dropped.join(', ') }));
    }
    setMessage({ kind: 'done', text: parts.join(' ') });
    setUndo(before);
  };

  const removeSecond = () => {
    setShowSecond(false);
    setOptions2('');
    setValue('variation2', '', { shouldDirty: true });
    // The second options mean nothing without their variation.
    getValues('skus').forEach((_, index) => setValue(`skus.${index}.option2`, '', { shouldDirty: true }));
  };

  const block = (number: 1 | 2) => {
    const field = number === 1 ? 'variation1' : 'variation2';
    const current = (number === 1 ? first : second) ?? '';
    const other = (number === 1 ? second : first) ?? '';
    const typed = number === 1 ? options1 : options2;
    const setTyped = number === 1 ? setOptions1 : setOptions2;
    const known = optionsFor(current, saleProperties);
    const chosen = new Set(parseOptions(typed).map(optionKey));
    const offered = names.filter((name) => optionKey(name) !== optionKey(other));
    const label = current.trim() || t('productForm.variationN', { number });
    return (
      <div className="variation" data-testid={`variation-${number}`}>
        <Field
          id={`${id}-name-${number}`}
          label={t('productForm.variationName', { number })}
          hint={t(number === 1 ? 'productForm.variationNameHint1' : 'productForm.variationNameHint2')}
          error={errorFor(field)}
        >
          {(controlProps) => (
            <input
              className="input"
              type="text"
              autoComplete="off"
              maxLength={40}
              {...controlProps}
              {...register(field)}
            />
          )}
        </Field>
        <div className="chips" role="group" aria-label={t('productForm.variationSuggestions', { number })}>
          {offered.map((name) => (
            <button
              type="button"
              key={name}
              className="chip"
              aria-pressed={optionKey(name) === optionKey(current)}
              onClick={() => setValue(field, name, { shouldDirty: true })}
            >
              {name}
            </button>
          ))}
        </div>
        <Field
          id={`${id}-options-${number}`}
          label={t('productForm.variationOptions', { name: label })}
          hint={t(number === 1 ? 'productForm.variationOptionsHint1' : 'productForm.variationOptionsHint2')}
        >
          {(controlProps) => (
            <input
              className="input"
              type="text"
              autoComplete="off"
              value={typed}
              onChange={(event) => setTyped(event.target.value)}
              {...controlProps}
            />
          )}
        </Field>
        <OptionChips
          label={t('productForm.optionSuggestions', { name: label })}
          options={known.map((option) => ({ value: option, label: option }))}
          pressed={(option) => chosen.has(optionKey(option))}
          onToggle={(option) => setTyped(toggleOption(typed, option))}
        />
      </div>
    );
  };

  return (
    <div className="variations" data-testid="variations">
      <p className="variations__intro">{t('productForm.variationsIntro')}</p>
      <div className="variations__grid">
        {block(1)}
        {showSecond ? (
          <div className="variations__second">
            {block(2)}
            <button type="button" className="button button--quiet button--danger" onClick={removeSecond}>
              <Icon name="close" />
              {t('productForm.removeSecondVariation')}
            </button>
          </div>
        ) : (
          <div className="variations__add-second">
            <button
              type="button"
              className="button"
              onClick={() => {
                setShowSecond(true);
                requestAnimationFrame(() => document.getElementById(`${id}-name-2`)?.focus());
              }}
            >
              <Icon name="plus" />
              {t('productForm.addSecondVariation')}
            </button>
            <p className="field__hint">{t('productForm.addSecondVariationHint')}</p>
          </div>
        )}
      </div>
      <div className="variations__make">
        <button type="button" className="button button--primary-soft" onClick={make}>
          <Icon name="check" />
          {t('productForm.combine.button')}
        </button>
        {total > 0 ? (
          <span className="variations__count">
            {t('productForm.combine.preview', { count: total, maximum: MAX_SKUS_PER_PRODUCT })}
          </span>
        ) : null}
      </div>
      <div className="variations__message" role="status">
        {message ? (
          <p className={message.kind === 'problem' ? 'field__error' : 'variations__done'}>
            {message.kind === 'done' ? <Icon name="check" /> : null}
            <span>
              {message.text}{' '}
              {undo ? (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    onReplace(undo);
                    setUndo(null);
                    setMessage(null);
                  }}
                >
                  {t('actions.undo')}
                </button>
              ) : null}
            </span>
          </p>
        ) : null}
      </div>
    </div>
  );
}
