/**
 * Whole-catalogue order indexes over live products. A search for very common text ("oleh",
 * or the first letter typed) matches tens of thousands of products; rather than look each
 * one up and sort them all to show 50, the page walks one of these indexes in the asked
 * order and keeps the first 50 that match (see core/catalogue/search.ts, "walk").
 */
export const sql = /* sql */ `
CREATE INDEX products_live_by_updated ON products (updated_at) WHERE deleted_at IS NULL;
CREATE INDEX products_live_by_name ON products (name COLLATE NOCASE) WHERE deleted_at IS NULL;
CREATE INDEX products_live_by_price ON products (min_price) WHERE deleted_at IS NULL;
`;
