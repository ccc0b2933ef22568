import { useState } from 'react';
import { useWatch, type Control, type UseFormRegister, type UseFormSetValue } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { formatRupiah } from '../../lib/money';
import { parseWholeAmount } from '../../lib/numbers';
import { Field } from '../../ui/Field';
import { Icon } from '../../ui/Icon';
import { DatePreview } from './DatePreview';
import type { ProductValues, SkuField } from './productValues';

/** A variation as a variant card needs it: its name, and options to offer for it. */
export interface VariationInfo {
  readonly name: string;
  readonly options: readonly string[];
}

interface SkuFieldsProps {
  readonly index: number;
  readonly control: Control<ProductValues>;
  readonly register: UseFormRegister<ProductValues>;
  readonly setValue: UseFormSetValue<ProductValues>;
  readonly errorFor: (path: string) => string | undefined;
  /** Empty for a product without variations: the card is then just "price and stock". */
  readonly variations: readonly VariationInfo[];
  readonly canRemove: boolean;
  readonly onRemove: () => void;
  /** Offered when there are several variants: gives them all this one's package. */
  readonly onCopyPackage: (() => void) | null;
}

const PROMO_FIELDS = ['specialPrice', 'specialFrom', 'specialTo'] as const;

/**
 * One variant as a labelled card rather than a spreadsheet row: sellers who have never
 * used a spreadsheet read "Harga (Rp)" above a box more easily than a column header.
 * The promotion price stays folded away behind one button until it is used.
 */
export function SkuFields({
  index,
  control,
  register,
  setValue,
  errorFor,
  variations,
  canRemove,
  onRemove,
  onCopyPackage,
}: SkuFieldsProps) {
  const { t } = useTranslation();
  const number = index + 1;
  const path = (field: SkuField) => `skus.${index}.${field}` as const;
  const promoText = useWatch({ control, name: path('specialPrice') });
  const promoError = PROMO_FIELDS.some((field) => errorFor(path(field)) !== undefined);
  const [promoOpen, setPromoOpen] = useState(() => Boolean(promoText?.trim()));
  const showPromo = promoOpen || promoError || Boolean(promoText?.trim());
  const simple = variations.length === 0;

  const input = (
    field: SkuField,
    label: string,
    options: { hint?: string; numeric?: 'numeric' | 'decimal'; required?: boolean; list?: string } = {},
  ) => (
    <Field
      id={`sku-${index}-${field}`}
      label={label}
      hint={options.hint}
      error={errorFor(path(field))}
      required={options.required}
    >
      {(controlProps) => (
        <input
          className="input"
          type="text"
          autoComplete="off"
          {...(options.numeric ? { inputMode: options.numeric } : {})}
          {...(options.list ? { list: options.list } : {})}
          {...controlProps}
          {...register(path(field))}
        />
      )}
    </Field>
  );

  const closePromo = () => {
    for (const field of PROMO_FIELDS) setValue(path(field), '', { shouldDirty: true });
    setPromoOpen(false);
  };

  return (
    <fieldset className={`variant${simple ? ' variant--simple' : ''}`} data-testid={`variant-${number}`}>
      <legend className="variant__legend">
        {simple ? t('productForm.priceAndStock') : t('productForm.variant', { number })}
      </legend>
      {simple ? null : (
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
      )}
      <div className="form-grid form-grid--four">
        {variations.map((variation, at) => {
          const field = at === 0 ? 'option1' : 'option2';
          const listId = `sku-${index}-${field}-options`;
          return (
            <div key={field} className="variant__option">
              {input(field, variation.name, {
                required: true,
                ...(variation.options.length > 0 ? { list: listId } : {}),
              })}
              {variation.options.length > 0 ? (
                <datalist id={listId}>
                  {variation.options.map((option) => (
                    <option key={option} value={option} />
                  ))}
                </datalist>
              ) : null}
            </div>
          );
        })}
        <Field
          id={`sku-${index}-price`}
          label={t('productForm.price')}
          hint={t('productForm.priceHint')}
          error={errorFor(path('price'))}
          required
          note={<PricePreview control={control} index={index} field="price" />}
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
        {input('sellerSku', t('productForm.sellerSku'), { hint: t('productForm.sellerSkuHint') })}
      </div>

      {showPromo ? (
        <fieldset className="promo" data-testid={`promo-${number}`}>
          <legend className="promo__legend">{t('productForm.promo')}</legend>
          <p className="promo__intro">{t('productForm.promoIntro')}</p>
          <div className="form-grid form-grid--four">
            <Field
              id={`sku-${index}-specialPrice`}
              label={t('productForm.specialPrice')}
              hint={t('productForm.specialPriceHint')}
              error={errorFor(path('specialPrice'))}
              note={<PricePreview control={control} index={index} field="specialPrice" />}
            >
              {(controlProps) => (
                <input
                  className="input"
                  type="text"
                  inputMode="numeric"
                  autoComplete="off"
                  {...controlProps}
                  {...register(path('specialPrice'))}
                />
              )}
            </Field>
            {(['specialFrom', 'specialTo'] as const).map((field) => (
              <Field
                key={field}
                id={`sku-${index}-${field}`}
                label={t(`productForm.${field}`)}
                error={errorFor(path(field))}
                note={<WatchedDate control={control} index={index} field={field} />}
              >
                {(controlProps) => (
                  <input className="input input--date" type="date" {...controlProps} {...register(path(field))} />
                )}
              </Field>
            ))}
            <div className="promo__remove">
              <button
                type="button"
                className="button button--quiet button--danger"
                onClick={closePromo}
                aria-label={t('productForm.removePromoNamed', { number })}
              >
                <Icon name="close" />
                {t('productForm.removePromo')}
              </button>
            </div>
          </div>
        </fieldset>
      ) : (
        <button
          type="button"
          className="button button--quiet variant__promo"
          onClick={() => setPromoOpen(true)}
          aria-label={simple ? undefined : t('productForm.addPromoNamed', { number })}
        >
          <Icon name="plus" />
          {t('productForm.addPromo')}
        </button>
      )}

      <div className="variant__group-head">
        <p className="variant__group">{t('productForm.package')}</p>
        {onCopyPackage ? (
          <button
            type="button"
            className="button button--quiet variant__copy"
            onClick={onCopyPackage}
            aria-label={t('productForm.copyPackageNamed', { number })}
          >
            {t('productForm.copyPackage')}
          </button>
        ) : null}
      </div>
      <div className="form-grid form-grid--four">
        {input('weightKg', t('productForm.weightKg'), { hint: t('productForm.weightHint'), numeric: 'decimal' })}
        {input('lengthCm', t('productForm.lengthCm'), { numeric: 'decimal' })}
        {input('widthCm', t('productForm.widthCm'), { numeric: 'decimal' })}
        {input('heightCm', t('productForm.heightCm'), { numeric: 'decimal' })}
      </div>
    </fieldset>
  );
}

/** Echoes a typed price as rupiah ("= Rp 15.000"), so a missing zero is caught by eye. */
function PricePreview({
  control,
  index,
  field,
}: {
  control: Control<ProductValues>;
  index: number;
  field: 'price' | 'specialPrice';
}) {
  const { t } = useTranslation();
  const text = useWatch({ control, name: `skus.${index}.${field}` });
  const value = parseWholeAmount(text ?? '');
  if (value === null || !Number.isInteger(value) || value <= 0) return null;
  return (
    <p className="field__preview" aria-live="polite">
      {t('productForm.pricePreview', { price: formatRupiah(value) })}
    </p>
  );
}

function WatchedDate({
  control,
  index,
  field,
}: {
  control: Control<ProductValues>;
  index: number;
  field: 'specialFrom' | 'specialTo';
}) {
  return <DatePreview value={useWatch({ control, name: `skus.${index}.${field}` })} />;
}
