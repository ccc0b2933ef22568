/**
 * How many live products each participant has with each readiness problem mask, kept by
 * triggers. The catalogue's readiness filter ("belum lengkap", "tanpa berat"...) needs a
 * total for its page; counting ~35,000 index entries at 50,000 products took most of a
 * list page's 5 ms budget. These few hundred rows (participants x masks actually in use)
 * answer it in a fraction of a millisecond. Filters that also narrow by status, category
 * or text still count the index (see core/catalogue/search.ts).
 */
export const sql = /* sql */ `
CREATE TABLE product_problem_counts (
  seller_id INTEGER NOT NULL,
  problems INTEGER NOT NULL,
  live INTEGER NOT NULL CHECK (live >= 0),
  PRIMARY KEY (seller_id, problems)
) STRICT, WITHOUT ROWID;

INSERT INTO product_problem_counts (seller_id, problems, live)
  SELECT seller_id, problems, COUNT(*) FROM products WHERE deleted_at IS NULL GROUP BY seller_id, problems;

CREATE TRIGGER product_problem_counts_insert AFTER INSERT ON products
WHEN new.deleted_at IS NULL
BEGIN
  INSERT INTO product_problem_counts (seller_id, problems, live) VALUES (new.seller_id, new.problems, 1)
    ON CONFLICT (seller_id, problems) DO UPDATE SET live = live + 1;
END;

CREATE TRIGGER product_problem_counts_delete AFTER DELETE ON products
WHEN old.deleted_at IS NULL
BEGIN
  UPDATE product_problem_counts SET live = live - 1 WHERE seller_id = old.seller_id AND problems = old.problems;
END;

-- Only when what is counted changes: most saves leave the mask, the participant and the
-- trash state alone, and then this costs nothing.
CREATE TRIGGER product_problem_counts_update AFTER UPDATE OF problems, seller_id, deleted_at ON products
WHEN old.problems IS NOT new.problems OR old.seller_id IS NOT new.seller_id
  OR (old.deleted_at IS NULL) IS NOT (new.deleted_at IS NULL)
BEGIN
  UPDATE product_problem_counts SET live = live - 1
    WHERE old.deleted_at IS NULL AND seller_id = old.seller_id AND problems = old.problems;
  INSERT INTO product_problem_counts (seller_id, problems, live)
    SELECT new.seller_id, new.problems, 1 WHERE new.deleted_at IS NULL
    ON CONFLICT (seller_id, problems) DO UPDATE SET live = live + 1;
END;
`;
