import { useWatch, type Control, type UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { formatRupiah } from '../../lib/money';
import { parseWholeAmount } from '../../lib/numbers';
import { Field } from '../../ui/Field';
import { Icon } from '../../ui/Icon';
import type { ProductValues, SkuField } from './productValues';

interface SkuFieldsProps {
  readonly index: number;
  readonly control: Control<ProductValues>;
  readonly register: UseFormRegister<ProductValues>;
  readonly errorFor: (path: string) => string | undefined;
  readonly canRemove: boolean;
  readonly onRemove: () => void;
}

/**
 * One variant as a labelled card rather than a spreadsheet row: sellers who have never
 * used a spreadsheet read "Harga (Rp)" above a box more easily than a column header.
 */
export function SkuFields({ index, control, register, errorFor, canRemove, onRemove }: SkuFieldsProps) {
  const { t } = useTranslation();
  const number = index + 1;
  const path = (field: SkuField) => `skus.${index}.${field}` as const;

  const input = (field: SkuField, label: string, options: { hint?: string; numeric?: 'numeric' | 'decimal' } = {}) => (
    <Field id={`sku-${index}-${field}`} label={label} hint={options.hint} error={errorFor(path(field))}>
      {(controlProps) => (
        <input
          className="input"
          type="text"
          autoComplete="off"
          {...(options.numeric ? { inputMode: options.numeric } : {})}
          {...controlProps}
          {...register(path(field))}
        />
      )}
    </Field>
  );

  return (
    <fieldset className="variant" data-testid={`variant-${number}`}>
      <legend className="variant__legend">{t('productForm.variant', { number })}</legend>
      <button
        type="button"
        className="button button--quiet button--danger variant__remove"
        onClick={onRemove}
        disabled={!canRemove}
        aria-label={t('productForm.removeVariant', { number })}
      >
        <Icon name="trash" />
        {t('productForm.removeVariantShort')}
      </button>
      <div className="form-grid form-grid--four">
        {input('variantName', t('productForm.variantName'), { hint: t('productForm.variantNameHint') })}
        {input('sellerSku', t('productForm.sellerSku'), { hint: t('productForm.sellerSkuHint') })}
        <Field
          id={`sku-${index}-price`}
          label={t('productForm.price')}
          hint={t('productForm.priceHint')}
          error={errorFor(path('price'))}
          required
          note={<PricePreview control={control} index={index} />}
        >
          {(controlProps) => (
            <input
              className="input"
              type="text"
              inputMode="numeric"
              autoComplete="off"
              {...controlProps}
              {...register(path('price'))}
            />
          )}
        </Field>
        {input('stock', t('productForm.stock'), { hint: t('productForm.stockHint'), numeric: 'numeric' })}
      </div>
      <p className="variant__group">{t('productForm.package')}</p>
      <div className="form-grid form-grid--four">
        {input('weightKg', t('productForm.weightKg'), { hint: t('productForm.weightHint'), numeric: 'decimal' })}
        {input('lengthCm', t('productForm.lengthCm'), { numeric: 'decimal' })}
        {input('widthCm', t('productForm.widthCm'), { numeric: 'decimal' })}
        {input('heightCm', t('productForm.heightCm'), { numeric: 'decimal' })}
      </div>
    </fieldset>
  );
}

/** Echoes the typed price as rupiah ("= Rp 15.000"), so a missing zero is caught by eye. */
function PricePreview({ control, index }: { control: Control<ProductValues>; index: number }) {
  const { t } = useTranslation();
  const text = useWatch({ control, name: `skus.${index}.price` });
  const value = parseWholeAmount(text ?? '');
  if (value === null || !Number.isInteger(value) || value <= 0) return null;
  return (
    <p className="field__preview" aria-live="polite">
      {t('productForm.pricePreview', { price: formatRupiah(value) })}
    </p>
  );
}
