import { z } from 'zod';
import { emptyInput, idSchema } from './catalogue';

/**
 * The marketplace category tree as the renderer and the CLI see it: what the category
 * picker browses and searches, and the category attributes a product form asks for.
 * Names and labels arrive already in the app's language (the core reads it from the
 * settings), so no input here carries a language.
 */

/** Lazada's attribute input types (`/category/attributes/get`, field `input_type`). */
export const ATTRIBUTE_INPUT_TYPES = [
  'text',
  'numeric',
  'singleSelect',
  'multiSelect',
  'richText',
  'date',
  /** One value: pick an option or type your own (Lazada accepts both). */
  'enumInput',
  /** Several values: pick options or type your own. */
  'multiEnumInput',
] as const;
export type AttributeInputType = (typeof ATTRIBUTE_INPUT_TYPES)[number];

/** Lazada limits text attributes to 255 characters unless documented otherwise. */
export const MAX_ATTRIBUTE_TEXT = 255;
/** Rich text attributes hold description-like HTML; Lazada's description limit. */
export const MAX_ATTRIBUTE_RICH_TEXT = 25_000;
/** Lazada's attribute names are short snake_case keys (`color_family`, `net_weight`). */
export const MAX_ATTRIBUTE_NAME = 100;

export const DEFAULT_CATEGORY_SEARCH_LIMIT = 20;
export const MAX_CATEGORY_SEARCH_LIMIT = 50;
export const DEFAULT_RECENT_CATEGORIES = 5;
export const DEFAULT_CATEGORY_SUGGESTIONS = 3;

/** One choice of a select attribute: `value` is what goes to the marketplace, `label` what the user reads. */
export interface AttributeOption {
  readonly value: string;
  readonly label: string;
}

export interface CategoryAttribute {
  /** Lazada's key, e.g. `brand`, `color_family`, `net_weight`. */
  readonly name: string;
  readonly label: string;
  readonly inputType: AttributeInputType;
  /** Needed before a product can be marked ready (for sale properties: on every variant). */
  readonly isMandatory: boolean;
  /**
   * A sale property (variation) such as colour or size: its values belong to the SKUs
   * (variant names), not to the product.
   */
  readonly isSaleProp: boolean;
  /** Empty for free-text types, and for selects whose list Lazada keeps elsewhere (brands). */
  readonly options: readonly AttributeOption[];
}

/** A category as one line of a list (search results, children, recent, suggestions). */
export interface CategorySummary {
  readonly id: number;
  readonly name: string;
  /** Names from the top of the tree down to this category itself (its own name is last). */
  readonly path: readonly string[];
  /** Only a leaf can be a product's category. */
  readonly leaf: boolean;
}

export interface CategoryCrumb {
  readonly id: number;
  readonly name: string;
}

export interface CategoryDetail {
  readonly id: number;
  readonly name: string;
  readonly leaf: boolean;
  /** From the top of the tree down to this category itself. */
  readonly path: readonly CategoryCrumb[];
  /**
   * False when the tree came without this leaf's attributes (a fetched tree loads them one
   * leaf at a time): the form cannot know yet which are mandatory.
   */
  readonly attributesKnown: boolean;
  /** In Lazada's order; empty for a category that is not a leaf. */
  readonly attributes: readonly CategoryAttribute[];
  /** Empty for a leaf. */
  readonly children: readonly CategorySummary[];
}

// ---------- channel inputs (the channels are not wired yet) ----------

/** categories:search — leaves whose name, keywords or path match every word typed. */
export const categorySearchInput = z.strictObject({
  query: z.string().trim().max(100),
  limit: z.number().int().min(1).max(MAX_CATEGORY_SEARCH_LIMIT).optional(),
});
/** categories:get */
export const categoryGetInput = z.strictObject({ id: idSchema });
/** categories:children — `parentId: null` lists the top of the tree. */
export const categoryChildrenInput = z.strictObject({ parentId: idSchema.nullable() });
/** categories:recent */
export const categoryRecentInput = emptyInput;
/** categories:suggest — from a product name as typed. */
export const categorySuggestInput = z.strictObject({ name: z.string().trim().max(255) });

export type CategorySearchInput = z.infer<typeof categorySearchInput>;
export type CategoryGetInput = z.infer<typeof categoryGetInput>;
export type CategoryChildrenInput = z.infer<typeof categoryChildrenInput>;
export type CategorySuggestInput = z.infer<typeof categorySuggestInput>;
