import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Controller, useFieldArray, useForm, useWatch, type Control, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Language, Product } from '../../../../electron/shared/catalogue';
import { MAX_SKUS_PER_PRODUCT } from '../../../../electron/shared/plain/limits';
import { useNavigation } from '../../app/navigation';
import { useToast } from '../../app/toasts';
import { api } from '../../lib/api';
import type { Reword } from '../../lib/errors';
import { useServerProblems } from '../../lib/useServerProblems';
import { ErrorSummary, type SummaryItem } from '../../ui/ErrorSummary';
import { Field } from '../../ui/Field';
import { FormActions } from '../../ui/FormActions';
import { Icon } from '../../ui/Icon';
import { CategoryPicker } from '../categories/CategoryPicker';
import { useCategoryDetail } from '../categories/useCategoryDetail';
import { AttributeFields } from './AttributeFields';
import { FetchAttributes } from './FetchAttributes';
import { HighlightFields } from './HighlightFields';
import {
  ATTRIBUTE_PATH,
  attributeFormValue,
  formAttributes,
  HIGHLIGHT_PATH,
  PACKAGE_FIELDS,
  PRODUCT_FIELDS,
  productToValues,
  SKU_NUMBER_FIELDS,
  SKU_PATH,
  SKU_TEXT_FIELDS,
  skuLike,
  toFormError,
  valuesToInput,
  type ProductField,
  type ProductValues,
  type SkuField,
  type SkuValues,
} from './productValues';
import { ReadinessPanel } from './ReadinessPanel';
import type { CategoryKnowledge } from './readiness';
import { SkuFields, type VariationInfo } from './SkuFields';
import { VariationFields } from './VariationFields';
import type { PhotoSet } from '../photos/PhotoReadiness';
import { PHOTOS_ANCHOR } from '../photos/ProductPhotoSection';
import { optionsFor } from './variations';

const SKU_FIELDS: readonly SkuField[] = [...SKU_TEXT_FIELDS, ...SKU_NUMBER_FIELDS];
const CATEGORY_ANCHOR = 'product-category';

interface ProductFormProps {
  readonly sellerId: number;
  /** Kept for the screen's call; after saving, the form goes back to wherever it was opened from. */
  readonly sellerName: string;
  readonly product: Product | null;
  /** The product's photos (the photo studio's section), shown first: picture first. */
  readonly photos?: ReactNode;
  /** The same photos as data, for their line in the readiness panel. */
  readonly photoSet?: PhotoSet;
}

/** Brings the photo section into view and focus, for the readiness panel's photo line. */
function focusPhotos(): void {
  const section = document.getElementById(PHOTOS_ANCHOR);
  section?.scrollIntoView({ block: 'start' });
  section?.focus({ preventScroll: true });
}

/** Focuses the first control inside an element that is not itself a form field (the picker). */
function focusWithin(id: string): void {
  document.getElementById(id)?.querySelector<HTMLElement>('input, button:not(:disabled), select, textarea')?.focus();
}

export function ProductForm({ sellerId, product, photos, photoSet = 'new' }: ProductFormProps) {
  const { t, i18n } = useTranslation();
  const { back } = useNavigation();
  const toast = useToast();
  const { control, register, handleSubmit, setFocus, setValue, getValues, formState } = useForm<ProductValues>({
    // Measures start in the language the form opens in; either decimal mark reads back.
    defaultValues: productToValues(product, i18n.language as Language),
  });
  const variants = useFieldArray({ control, name: 'skus', keyName: 'key' });
  const highlights = useFieldArray({ control, name: 'highlights', keyName: 'key' });
  const [notNumbers, setNotNumbers] = useState<readonly string[]>([]);
  // A product with one variant and no variation stays a simple form; "Tambah varian" opens the rest.
  const [variationsOpen, setVariationsOpen] = useState(
    () => product !== null && (product.variation1 !== '' || product.skus.length > 1),
  );
  const [categoryId, variation1, variation2] = useWatch({
    control,
    name: ['categoryId', 'variation1', 'variation2'],
  });
  const [categoryLoad, reloadCategory] = useCategoryDetail(categoryId);
  const category = categoryLoad.state === 'ready' ? categoryLoad.detail : null;
  const shownAttributes = useMemo(() => formAttributes(category), [category]);
  const saleProperties = useMemo(
    () => (category?.leaf ? category.attributes.filter((attribute) => attribute.isSaleProp) : []),
    [category],
  );
  const knowledge: CategoryKnowledge =
    categoryLoad.state === 'none'
      ? { state: 'none' }
      : categoryLoad.state === 'gone'
        ? { state: 'gone' }
        : categoryLoad.state === 'ready'
          ? { state: 'known', detail: categoryLoad.detail }
          : { state: 'loading' };

  // Values stored or imported in the other shape (a list for a text box, text for
  // checkboxes) are put in the shape their input wants once the category is known.
  useEffect(() => {
    for (const attribute of shownAttributes) {
      const path = `attributes.${attribute.name}` as const;
      const current = getValues(path);
      if (current === undefined) continue;
      const wanted = attributeFormValue(attribute, current);
      if (JSON.stringify(wanted) !== JSON.stringify(current)) setValue(path, wanted);
    }
  }, [shownAttributes, getValues, setValue]);

  const variantCount = variants.fields.length;
  const highlightCount = highlights.fields.length;
  const shownAttributeNames = useMemo(
    () => new Set(shownAttributes.map((attribute) => attribute.name)),
    [shownAttributes],
  );
  const knownField = useCallback(
    (field: string) => {
      if ((PRODUCT_FIELDS as readonly string[]).includes(field)) {
        return variationsOpen || (field !== 'variation1' && field !== 'variation2');
      }
      const highlight = HIGHLIGHT_PATH.exec(field);
      if (highlight) return Number(highlight[1]) < highlightCount;
      const attribute = ATTRIBUTE_PATH.exec(field);
      if (attribute) return shownAttributeNames.has(attribute[1] ?? '');
      const sku = SKU_PATH.exec(field);
      if (!sku || Number(sku[1]) >= variantCount) return false;
      const name = sku[2] ?? '';
      if (name === 'option1' || name === 'option2') return variationsOpen;
      return (SKU_FIELDS as readonly string[]).includes(name);
    },
    [variantCount, highlightCount, shownAttributeNames, variationsOpen],
  );
  // "Write digits only" with an example that fits the field: 15000 for a price, 0,5 (0.5 in
  // English) for kg.
  const extra = useMemo(
    () =>
      new Map(
        notNumbers.map((path) => {
          const field = SKU_PATH.exec(path)?.[2];
          const example =
            field === 'price' || field === 'specialPrice'
              ? t('form.example.price')
              : field === 'stock' || field === 'weightKg'
                ? t(`form.example.${field}`)
                : t('form.example.size');
          return [path, t('form.notANumber', { example })];
        }),
      ),
    [notNumbers, t],
  );
  const variationName = useCallback(
    (number: 1 | 2) => (number === 1 ? variation1 : variation2)?.trim() || t('productForm.variationN', { number }),
    [variation1, variation2, t],
  );
  // The shared wording is right for most fields; these say more precisely what to do.
  const reword = useCallback<Reword>(
    (field, reason) => {
      const sku = SKU_PATH.exec(field)?.[2];
      const isOption = sku === 'option1' || sku === 'option2';
      if (reason === 'invalid_format' && sku === 'sellerSku') return t('productForm.sellerSkuFormat');
      if (reason === 'variation_needed') return t('productForm.issue.variationNeeded');
      if (reason === 'variation2_without_1') return t('productForm.issue.variation2Without1');
      if (reason === 'duplicate_in_product' && field === 'variation2') return t('productForm.issue.sameVariation');
      if (reason === 'duplicate_in_product' && isOption) return t('productForm.issue.sameCombination');
      if (reason === 'required' && isOption) {
        return t('productForm.issue.optionRequired', { name: variationName(sku === 'option1' ? 1 : 2) });
      }
      if (reason === 'special_not_below_price') return t('productForm.issue.specialNotBelowPrice');
      if (reason === 'required' && sku === 'specialFrom') return t('productForm.issue.specialFromRequired');
      if (reason === 'required' && sku === 'specialTo') return t('productForm.issue.specialToRequired');
      if (reason === 'ends_before_start') return t('productForm.issue.endsBeforeStart');
      if (field === 'categoryId' && reason === 'required_when_ready') return t('productForm.issue.categoryRequired');
      if (field === 'categoryId' && reason === 'invalid_choice') return t('productForm.issue.categoryGone');
      return null;
    },
    [t, variationName],
  );
  const { problems, fail, clear, summaryRef } = useServerProblems(knownField, { extra, reword });

  const productLabels: Record<ProductField, string> = {
    name: t('productForm.name'),
    description: t('productForm.description'),
    brand: t('productForm.brand'),
    condition: t('productForm.condition'),
    status: t('productForm.status'),
    categoryId: t('productForm.category'),
    variation1: t('productForm.variationName', { number: 1 }),
    variation2: t('productForm.variationName', { number: 2 }),
  };
  const skuLabel = (field: string): string => {
    if (field === 'option1') return variationName(1);
    if (field === 'option2') return variationName(2);
    const labels: Partial<Record<string, string>> = {
      sellerSku: t('productForm.sellerSku'),
      price: t('productForm.price'),
      specialPrice: t('productForm.specialPrice'),
      specialFrom: t('productForm.specialFrom'),
      specialTo: t('productForm.specialTo'),
      stock: t('productForm.stock'),
      weightKg: t('productForm.weightKg'),
      lengthCm: t('productForm.lengthCm'),
      widthCm: t('productForm.widthCm'),
      heightCm: t('productForm.heightCm'),
    };
    return labels[field] ?? field;
  };
  const labelFor = (path: string): string => {
    const sku = SKU_PATH.exec(path);
    if (sku) {
      const field = skuLabel(sku[2] ?? '');
      return variationsOpen ? t('productForm.fieldInVariant', { number: Number(sku[1]) + 1, field }) : field;
    }
    const highlight = HIGHLIGHT_PATH.exec(path);
    if (highlight) return t('productForm.highlightN', { number: Number(highlight[1]) + 1 });
    const attribute = ATTRIBUTE_PATH.exec(path);
    if (attribute) return shownAttributes.find((a) => a.name === attribute[1])?.label ?? path;
    return productLabels[path as ProductField] ?? path;
  };

  /** Moves to a field named by its contract path, wherever and whatever it is. */
  const focusField = (path: string) => {
    if (path === 'categoryId') return focusWithin(CATEGORY_ANCHOR);
    const highlight = HIGHLIGHT_PATH.exec(path);
    if (highlight) return setFocus(`highlights.${Number(highlight[1])}.text`);
    setFocus(path as FieldPath<ProductValues>);
  };

  const submit = handleSubmit(async (raw) => {
    // Blank highlight lines are just unused boxes: dropped before saving, so the lines sent
    // and the boxes on screen keep the same numbers for main's messages. One empty box
    // stays when there is nothing else, as an invitation (it is last, so it shifts nothing).
    const kept = raw.highlights.filter((line) => line.text.trim() !== '');
    const onScreen = kept.length > 0 ? kept : [{ text: '' }];
    if (onScreen.length !== raw.highlights.length) highlights.replace(onScreen);
    const values: ProductValues = { ...raw, highlights: kept };
    const { input, notNumbers: typos } = valuesToInput(values, { category, variations: variationsOpen });
    setNotNumbers(typos);
    const result = product
      ? await api.invoke('products:update', { id: product.id, changes: input })
      : await api.invoke('products:create', { ...input, sellerId });
    if (!result.ok) {
      fail(toFormError(result.error));
      return;
    }
    clear();
    toast({ message: t('toast.productSaved', { name: result.value.name }) });
    back();
  });

  // Adding, removing or regenerating variants shifts the numbers, so earlier messages would
  // point at the wrong card: they are dropped and come back on the next save if still true.
  const forgetProblems = () => {
    clear();
    setNotNumbers([]);
  };
  const openVariations = () => {
    setVariationsOpen(true);
    requestAnimationFrame(() => setFocus('variation1'));
  };
  const closeVariations = () => {
    forgetProblems();
    setVariationsOpen(false);
    setValue('variation1', '');
    setValue('variation2', '');
    setValue('skus.0.option1', '');
    setValue('skus.0.option2', '');
  };
  const addVariant = () => {
    forgetProblems();
    variants.append(skuLike(getValues(`skus.${variantCount - 1}`)), { focusName: `skus.${variantCount}.option1` });
  };
  const removeVariant = (index: number) => {
    forgetProblems();
    variants.remove(index);
  };
  const replaceVariants = (skus: SkuValues[]) => {
    forgetProblems();
    variants.replace(skus);
  };
  const copyPackage = (from: number) => {
    const source = getValues(`skus.${from}`);
    const before = getValues('skus').map((sku) => PACKAGE_FIELDS.map((field) => sku[field]));
    before.forEach((_, index) => {
      for (const field of PACKAGE_FIELDS) setValue(`skus.${index}.${field}`, source[field], { shouldDirty: true });
    });
    toast({
      message: t('productForm.packageCopied', { count: before.length }),
      action: {
        label: t('actions.undo'),
        icon: 'undo',
        run: () =>
          before.forEach((values, index) =>
            PACKAGE_FIELDS.forEach((field, at) => setValue(`skus.${index}.${field}`, values[at] ?? '')),
          ),
      },
    });
  };

  const summary: SummaryItem[] = [];
  for (const [path, message] of problems.byField) {
    summary.push({ key: path, label: labelFor(path), message, focus: () => focusField(path) });
  }
  problems.general.forEach((message, index) => summary.push({ key: `general-${index}`, label: null, message }));

  const errorFor = (path: string) => problems.byField.get(path);
  const variations: VariationInfo[] = variationsOpen
    ? [1, 2]
        .filter((number) => number === 1 || (variation2 ?? '').trim() !== '')
        .map((number) => {
          const name = variationName(number as 1 | 2);
          return { name, options: optionsFor(name, saleProperties) };
        })
    : [];

  return (
    <form className="form product-form" onSubmit={(event) => void submit(event)} noValidate>
      <h1 className="screen-head__title">{product ? t('productForm.titleEdit') : t('productForm.titleNew')}</h1>
      <ErrorSummary ref={summaryRef} items={summary} fieldCount={problems.byField.size} />

      <div className="product-form__layout">
        <div className="product-form__main">
          {photos}
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
                {(controlProps) => (
                  <textarea className="input" rows={4} {...controlProps} {...register('description')} />
                )}
              </Field>
              <HighlightFields lines={highlights} register={register} errorFor={errorFor} />
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
              <fieldset className="choice">
                <legend className="field__label">{productLabels.condition}</legend>
                <div className="choice__options">
                  <label className="choice__option choice__option--compact">
                    <input type="radio" value="new" {...register('condition')} />
                    <span className="choice__text">
                      <strong>{t('productForm.conditionNew')}</strong>
                    </span>
                  </label>
                  <label className="choice__option choice__option--compact">
                    <input type="radio" value="used" {...register('condition')} />
                    <span className="choice__text">
                      <strong>{t('productForm.conditionUsed')}</strong>
                    </span>
                  </label>
                </div>
                {errorFor('condition') ? <p className="field__error">{errorFor('condition')}</p> : null}
              </fieldset>
            </div>
          </section>

          <section className="panel" aria-labelledby="product-category-title">
            <h2 className="panel__title" id="product-category-title">
              {productLabels.categoryId}
            </h2>
            <p className="panel__intro">{t('productForm.categoryHint')}</p>
            <div
              id={CATEGORY_ANCHOR}
              className={errorFor('categoryId') ? 'category-field field--invalid' : 'category-field'}
            >
              <CategoryField control={control} />
              {errorFor('categoryId') ? <p className="field__error">{errorFor('categoryId')}</p> : null}
            </div>
            {category && category.leaf ? (
              <div className="product-form__attributes">
                <h3 className="panel__subtitle">{t('attributes.title', { name: category.name })}</h3>
                <AttributeFields
                  category={category}
                  whenUnknown={
                    <FetchAttributes sellerId={sellerId} categoryId={category.id} onLoaded={reloadCategory} />
                  }
                  control={control}
                  register={register}
                  setValue={setValue}
                  errorFor={errorFor}
                />
              </div>
            ) : null}
          </section>

          <section className="panel" aria-labelledby="product-variants">
            <h2 className="panel__title" id="product-variants">
              {t('productForm.variants')}
            </h2>
            {variationsOpen ? (
              <VariationFields
                control={control}
                register={register}
                setValue={setValue}
                getValues={getValues}
                errorFor={errorFor}
                saleProperties={saleProperties}
                onReplace={replaceVariants}
              />
            ) : null}
            {variants.fields.map((field, index) => (
              <SkuFields
                key={field.key}
                index={index}
                control={control}
                register={register}
                setValue={setValue}
                errorFor={errorFor}
                variations={variations}
                canRemove={variantCount > 1}
                onRemove={() => removeVariant(index)}
                onCopyPackage={variantCount > 1 ? () => copyPackage(index) : null}
              />
            ))}
            {variationsOpen ? (
              <div className="product-form__variant-actions">
                <button
                  type="button"
                  className="button"
                  onClick={addVariant}
                  disabled={variantCount >= MAX_SKUS_PER_PRODUCT}
                >
                  <Icon name="plus" />
                  {t('productForm.addOneVariant')}
                </button>
                {variantCount >= MAX_SKUS_PER_PRODUCT ? (
                  <span className="field__hint">{t('productForm.maxVariants', { maximum: MAX_SKUS_PER_PRODUCT })}</span>
                ) : null}
                {variantCount === 1 ? (
                  <button type="button" className="button button--quiet" onClick={closeVariations}>
                    {t('productForm.noVariations')}
                  </button>
                ) : null}
              </div>
            ) : (
              <div className="product-form__variant-actions">
                <button type="button" className="button" onClick={openVariations}>
                  <Icon name="plus" />
                  {t('productForm.addVariant')}
                </button>
                <span className="field__hint">{t('productForm.addVariantHint')}</span>
              </div>
            )}
          </section>
        </div>

        <ReadinessPanel
          control={control}
          register={register}
          category={knowledge}
          stored={product && product.categoryId === categoryId ? product.problems : []}
          statusError={errorFor('status')}
          onGo={focusField}
          photos={photoSet}
          onGoToPhotos={focusPhotos}
        />
      </div>

      <FormActions saveLabel={t('productForm.save')} saving={formState.isSubmitting} onCancel={back} sticky />
    </form>
  );
}

/** The picker bound to the form, with suggestions from the name as it is typed. */
function CategoryField({ control }: { control: Control<ProductValues> }) {
  const name = useWatch({ control, name: 'name' });
  return (
    <Controller
      control={control}
      name="categoryId"
      render={({ field }) => <CategoryPicker value={field.value} onChange={field.onChange} productName={name ?? ''} />}
    />
  );
}
