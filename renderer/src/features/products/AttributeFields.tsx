import { Controller, useWatch, type Control, type UseFormRegister, type UseFormSetValue } from 'react-hook-form';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CategoryAttribute, CategoryDetail } from '../../../../electron/shared/categories';
import { Field, type FieldControlProps } from '../../ui/Field';
import { DatePreview } from './DatePreview';
import { OptionChips } from './OptionChips';
import { attributeFormValue, formAttributes, isFilled, type ProductValues } from './productValues';
import { toggleOption } from './variations';

interface AttributeFieldsProps {
  readonly category: CategoryDetail;
  /** Shown instead of the fields while the category's attributes are not on this laptop. */
  readonly whenUnknown: ReactNode;
  readonly control: Control<ProductValues>;
  readonly register: UseFormRegister<ProductValues>;
  readonly setValue: UseFormSetValue<ProductValues>;
  readonly errorFor: (path: string) => string | undefined;
}

/** Free-text attributes that Lazada keeps short; rich text is description-sized. */
const MAX_TEXT = 255;

/**
 * The chosen category's own questions ("Masa Simpan", "Bahan"), each as the input its kind
 * calls for. What is needed before the product can be marked ready comes first; the rest
 * help buyers find the product and can wait, so they sit in a section of their own.
 */
export function AttributeFields({
  category,
  whenUnknown,
  control,
  register,
  setValue,
  errorFor,
}: AttributeFieldsProps) {
  const { t } = useTranslation();
  const attributes = formAttributes(category);
  const values = useWatch({ control, name: 'attributes' });
  if (!category.attributesKnown) return whenUnknown;
  if (attributes.length === 0) return null;

  const mandatory = attributes.filter((attribute) => attribute.isMandatory);
  const optional = attributes.filter((attribute) => !attribute.isMandatory);
  // The optional ones start folded, unless something is already in them or wrong there.
  const optionalOpen = optional.some(
    (attribute) => isFilled(values?.[attribute.name]) || errorFor(`attributes.${attribute.name}`) !== undefined,
  );
  const field = (attribute: CategoryAttribute) => (
    <AttributeField
      key={attribute.name}
      attribute={attribute}
      control={control}
      register={register}
      setValue={setValue}
      error={errorFor(`attributes.${attribute.name}`)}
    />
  );

  return (
    <div className="attributes" data-testid="attributes">
      {mandatory.length > 0 ? (
        <div className="attributes__group">
          <p className="attributes__intro">{t('attributes.mandatoryIntro', { name: category.name })}</p>
          <div className="form-grid form-grid--two">{mandatory.map(field)}</div>
        </div>
      ) : null}
      {optional.length > 0 ? (
        <details className="attributes__more" open={optionalOpen || mandatory.length === 0}>
          <summary className="attributes__summary">
            {t('attributes.optionalTitle', { count: optional.length })}
            <span className="attributes__summary-hint">{t('attributes.optionalHint')}</span>
          </summary>
          <div className="form-grid form-grid--two">{optional.map(field)}</div>
        </details>
      ) : null}
    </div>
  );
}

function AttributeField({
  attribute,
  control,
  register,
  setValue,
  error,
}: {
  attribute: CategoryAttribute;
  control: Control<ProductValues>;
  register: UseFormRegister<ProductValues>;
  setValue: UseFormSetValue<ProductValues>;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const id = `attribute-${attribute.name}`;
  const path = `attributes.${attribute.name}` as const;
  const label = attribute.isMandatory ? t('attributes.mandatoryLabel', { label: attribute.label }) : attribute.label;
  const key = hintKey(attribute);
  const hint = key ? t(key) : undefined;

  if (attribute.inputType === 'multiSelect') {
    return (
      <Controller
        control={control}
        name={path}
        render={({ field }) => {
          const chosen = attributeFormValue(attribute, field.value) as string[];
          const toggle = (option: string) =>
            field.onChange(chosen.includes(option) ? chosen.filter((item) => item !== option) : [...chosen, option]);
          return (
            <fieldset
              className={`field attribute-choices${error ? ' field--invalid' : ''}`}
              aria-describedby={[error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ')}
            >
              <legend className="field__label">{label}</legend>
              <div className="attribute-choices__options">
                {attribute.options.map((option, index) => (
                  <label className="attribute-choices__option" key={option.value}>
                    <input
                      type="checkbox"
                      ref={index === 0 ? field.ref : undefined}
                      checked={chosen.includes(option.value)}
                      onChange={() => toggle(option.value)}
                      onBlur={field.onBlur}
                    />
                    {option.label}
                  </label>
                ))}
              </div>
              {error ? (
                <p className="field__error" id={`${id}-error`}>
                  {error}
                </p>
              ) : null}
              {hint ? (
                <p className="field__hint" id={`${id}-hint`}>
                  {hint}
                </p>
              ) : null}
            </fieldset>
          );
        }}
      />
    );
  }

  const control_ = (props: FieldControlProps) => {
    switch (attribute.inputType) {
      case 'singleSelect':
        return <SelectControl attribute={attribute} control={control} register={register} props={props} />;
      case 'richText':
        return <textarea className="input" rows={3} {...props} {...register(path)} />;
      case 'date':
        return (
          <>
            <input className="input input--date" type="date" {...props} {...register(path)} />
            <AttributeDate control={control} path={path} />
          </>
        );
      case 'numeric':
        return (
          <input className="input" type="text" inputMode="decimal" autoComplete="off" {...props} {...register(path)} />
        );
      case 'enumInput':
        return (
          <>
            <input
              className="input"
              type="text"
              autoComplete="off"
              maxLength={MAX_TEXT}
              list={attribute.options.length > 0 ? `${id}-options` : undefined}
              {...props}
              {...register(path)}
            />
            <OptionsList id={`${id}-options`} attribute={attribute} />
          </>
        );
      case 'multiEnumInput':
        return (
          <MultiTextControl
            attribute={attribute}
            control={control}
            register={register}
            setValue={setValue}
            props={props}
          />
        );
      default:
        return (
          <input className="input" type="text" autoComplete="off" maxLength={MAX_TEXT} {...props} {...register(path)} />
        );
    }
  };

  return (
    <Field
      id={id}
      label={label}
      hint={hint}
      error={error}
      className={
        attribute.inputType === 'richText' || attribute.inputType === 'multiEnumInput' ? 'form-grid__wide' : undefined
      }
    >
      {control_}
    </Field>
  );
}

/** The hint of each kind of attribute (ui.json `attributes`), if it has one. */
function hintKey(attribute: CategoryAttribute) {
  switch (attribute.inputType) {
    case 'numeric':
      return 'attributes.numericHint' as const;
    case 'multiEnumInput':
      return 'attributes.multiTextHint' as const;
    case 'multiSelect':
      return 'attributes.multiSelectHint' as const;
    case 'enumInput':
      return attribute.options.length > 0 ? ('attributes.enumHint' as const) : null;
    default:
      return null;
  }
}

function OptionsList({ id, attribute }: { id: string; attribute: CategoryAttribute }) {
  if (attribute.options.length === 0) return null;
  return (
    <datalist id={id}>
      {attribute.options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label === option.value ? undefined : option.label}
        </option>
      ))}
    </datalist>
  );
}

/**
 * A list to choose one from. A stored value the list does not have (an older tree, an
 * import) stays shown as a choice, so opening a product never silently changes it.
 */
function SelectControl({
  attribute,
  control,
  register,
  props,
}: {
  attribute: CategoryAttribute;
  control: Control<ProductValues>;
  register: UseFormRegister<ProductValues>;
  props: FieldControlProps;
}) {
  const { t } = useTranslation();
  const path = `attributes.${attribute.name}` as const;
  const current = attributeFormValue(attribute, useWatch({ control, name: path }));
  const stray =
    typeof current === 'string' && current.trim() && !attribute.options.some((option) => option.value === current)
      ? current
      : null;
  return (
    <select className="input" {...props} {...register(path)}>
      <option value="">{t('attributes.choose')}</option>
      {attribute.options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
      {stray ? <option value={stray}>{stray}</option> : null}
    </select>
  );
}

/**
 * Several values typed into one box ("Katun, Rayon"), with the known ones as buttons
 * underneath that add or take out a value: easier than typing for a first-time seller.
 */
function MultiTextControl({
  attribute,
  control,
  register,
  setValue,
  props,
}: {
  attribute: CategoryAttribute;
  control: Control<ProductValues>;
  register: UseFormRegister<ProductValues>;
  setValue: UseFormSetValue<ProductValues>;
  props: FieldControlProps;
}) {
  const { t } = useTranslation();
  const path = `attributes.${attribute.name}` as const;
  const text = attributeFormValue(attribute, useWatch({ control, name: path })) as string;
  const chosen = new Set(
    text
      .split(/[,;]/)
      .map((item) => item.trim().toUpperCase())
      .filter(Boolean),
  );
  return (
    <>
      <input className="input" type="text" autoComplete="off" {...props} {...register(path)} />
      <OptionChips
        label={t('attributes.quickPick', { label: attribute.label })}
        options={attribute.options}
        pressed={(value) => chosen.has(value.toUpperCase())}
        onToggle={(value) => setValue(path, toggleOption(text, value), { shouldDirty: true })}
      />
    </>
  );
}

function AttributeDate({ control, path }: { control: Control<ProductValues>; path: `attributes.${string}` }) {
  const value = useWatch({ control, name: path });
  return <DatePreview value={typeof value === 'string' ? value : undefined} />;
}
