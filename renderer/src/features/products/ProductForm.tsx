import { useCallback, useMemo, useState } from 'react';
import { useFieldArray, useForm, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Language, Product } from '../../../../electron/shared/catalogue';
import { MAX_SKUS_PER_PRODUCT } from '../../lib/sharedConstants';
import { useNavigation } from '../../app/navigation';
import { useToast } from '../../app/toasts';
import { api } from '../../lib/api';
import type { Reword } from '../../lib/errors';
import { useServerProblems } from '../../lib/useServerProblems';
import { ErrorSummary, type SummaryItem } from '../../ui/ErrorSummary';
import { Field } from '../../ui/Field';
import { FormActions } from '../../ui/FormActions';
import { Icon } from '../../ui/Icon';
import {
  emptySku,
  PRODUCT_FIELDS,
  productToValues,
  SKU_NUMBER_FIELDS,
  SKU_TEXT_FIELDS,
  valuesToInput,
  type ProductField,
  type ProductValues,
  type SkuField,
} from './productValues';
import { SkuFields } from './SkuFields';

const SKU_FIELDS: readonly SkuField[] = [...SKU_TEXT_FIELDS, ...SKU_NUMBER_FIELDS];
const SKU_PATH = /^skus\.(\d+)\.(\w+)$/;

interface ProductFormProps {
  readonly sellerId: number;
  readonly sellerName: string;
  readonly product: Product | null;
}

export function ProductForm({ sellerId, sellerName, product }: ProductFormProps) {
  const { t, i18n } = useTranslation();
  const { go, back } = useNavigation();
  const toast = useToast();
  const { control, register, handleSubmit, setFocus, formState } = useForm<ProductValues>({
    // Measures start in the language the form opens in; either decimal mark reads back.
    defaultValues: productToValues(product, i18n.language as Language),
  });
  const variants = useFieldArray({ control, name: 'skus', keyName: 'key' });
  const [notNumbers, setNotNumbers] = useState<readonly string[]>([]);

  const variantCount = variants.fields.length;
  const knownField = useCallback(
    (field: string) => {
      if ((PRODUCT_FIELDS as readonly string[]).includes(field)) return true;
      const match = SKU_PATH.exec(field);
      return match !== null && Number(match[1]) < variantCount && (SKU_FIELDS as string[]).includes(match[2] ?? '');
    },
    [variantCount],
  );
  // "Write digits only" with an example that fits the field: 15000 for a price, 0,5 (0.5 in
  // English) for kg.
  const extra = useMemo(
    () =>
      new Map(
        notNumbers.map((path) => {
          const field = SKU_PATH.exec(path)?.[2];
          const example =
            field === 'price' || field === 'stock' || field === 'weightKg'
              ? t(`form.example.${field}`)
              : t('form.example.size');
          return [path, t('form.notANumber', { example })];
        }),
      ),
    [notNumbers, t],
  );
  const reword = useCallback<Reword>(
    (field, reason) =>
      reason === 'invalid_format' && SKU_PATH.exec(field)?.[2] === 'sellerSku'
        ? t('productForm.sellerSkuFormat')
        : null,
    [t],
  );
  const { problems, fail, clear, summaryRef } = useServerProblems(knownField, { extra, reword });

  const productLabels: Record<ProductField, string> = {
    name: t('productForm.name'),
    description: t('productForm.description'),
    brand: t('productForm.brand'),
    status: t('productForm.status'),
  };
  const skuLabels: Record<SkuField, string> = {
    variantName: t('productForm.variantName'),
    sellerSku: t('productForm.sellerSku'),
    price: t('productForm.price'),
    stock: t('productForm.stock'),
    weightKg: t('productForm.weightKg'),
    lengthCm: t('productForm.lengthCm'),
    widthCm: t('productForm.widthCm'),
    heightCm: t('productForm.heightCm'),
  };

  const submit = handleSubmit(async (values) => {
    const { input, notNumbers: typos } = valuesToInput(values);
    setNotNumbers(typos);
    const result = product
      ? await api.invoke('products:update', { id: product.id, changes: input })
      : await api.invoke('products:create', { ...input, sellerId });
    if (!result.ok) {
      fail(result.error);
      return;
    }
    clear();
    toast({ message: t('toast.productSaved', { name: result.value.name }) });
    go({ screen: 'products', sellerId, sellerName });
  });

  // Adding or removing a variant shifts the numbers, so earlier messages would point at
  // the wrong card: they are dropped and come back on the next save if still true.
  const addVariant = () => {
    clear();
    setNotNumbers([]);
    variants.append(emptySku(), { focusName: `skus.${variantCount}.variantName` });
  };
  const removeVariant = (index: number) => {
    clear();
    setNotNumbers([]);
    variants.remove(index);
  };

  const summary: SummaryItem[] = [];
  for (const [path, message] of problems.byField) {
    const sku = SKU_PATH.exec(path);
    const label = sku
      ? t('productForm.fieldInVariant', { number: Number(sku[1]) + 1, field: skuLabels[sku[2] as SkuField] })
      : productLabels[path as ProductField];
    summary.push({ key: path, label, message, focus: () => setFocus(path as FieldPath<ProductValues>) });
  }
  problems.general.forEach((message, index) => summary.push({ key: `general-${index}`, label: null, message }));

  const errorFor = (path: string) => problems.byField.get(path);

  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate>
      <h1 className="screen-head__title">{product ? t('productForm.titleEdit') : t('productForm.titleNew')}</h1>
      <ErrorSummary ref={summaryRef} items={summary} fieldCount={problems.byField.size} />

      <section className="panel" aria-labelledby="product-main">
        <h2 className="panel__title" id="product-main">
          {t('productForm.main')}
        </h2>
        <div className="form-grid form-grid--two">
          <Field
            id="product-name"
            className="form-grid__wide"
            label={productLabels.name}
            hint={t('productForm.nameHint')}
            error={errorFor('name')}
            required
          >
            {(controlProps) => (
              <input className="input" type="text" autoComplete="off" {...controlProps} {...register('name')} />
            )}
          </Field>
          <Field
            id="product-description"
            className="form-grid__wide"
            label={productLabels.description}
            hint={t('productForm.descriptionHint')}
            error={errorFor('description')}
          >
            {(controlProps) => <textarea className="input" rows={3} {...controlProps} {...register('description')} />}
          </Field>
          <Field
            id="product-brand"
            label={productLabels.brand}
            hint={t('productForm.brandHint')}
            error={errorFor('brand')}
          >
            {(controlProps) => (
              <input className="input" type="text" autoComplete="off" {...controlProps} {...register('brand')} />
            )}
          </Field>
          <fieldset className="choice" aria-describedby="product-status-hint">
            <legend className="field__label">{productLabels.status}</legend>
            <div className="choice__options">
              <label className="choice__option">
                <input type="radio" value="draft" {...register('status')} />
                <span className="choice__text">
                  <strong>{t('status.draft')}</strong>
                  <span>{t('productForm.statusDraftHint')}</span>
                </span>
              </label>
              <label className="choice__option">
                <input type="radio" value="ready" {...register('status')} />
                <span className="choice__text">
                  <strong>{t('status.ready')}</strong>
                  <span>{t('productForm.statusReadyHint')}</span>
                </span>
              </label>
            </div>
            {errorFor('status') ? <p className="field__error">{errorFor('status')}</p> : null}
            <p className="field__hint" id="product-status-hint">
              {t('productForm.statusHint')}
            </p>
          </fieldset>
        </div>
      </section>

      <section className="panel" aria-labelledby="product-variants">
        <h2 className="panel__title" id="product-variants">
          {t('productForm.variants')}
        </h2>
        <p className="panel__intro">{t('productForm.variantsHint')}</p>
        {variants.fields.map((field, index) => (
          <SkuFields
            key={field.key}
            index={index}
            control={control}
            register={register}
            errorFor={errorFor}
            canRemove={variantCount > 1}
            onRemove={() => removeVariant(index)}
          />
        ))}
        <button
          type="button"
          className="button"
          onClick={addVariant}
          disabled={variantCount >= MAX_SKUS_PER_PRODUCT}
          title={
            variantCount >= MAX_SKUS_PER_PRODUCT
              ? t('productForm.maxVariants', { maximum: MAX_SKUS_PER_PRODUCT })
              : undefined
          }
        >
          <Icon name="plus" />
          {t('productForm.addVariant')}
        </button>
      </section>

      <FormActions saveLabel={t('productForm.save')} saving={formState.isSubmitting} onCancel={back} sticky />
    </form>
  );
}
