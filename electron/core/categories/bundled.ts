import { z } from 'zod';
// A static import, so tsx (CLI), vitest and the bundled Electron main all carry the file
// without knowing where resources live on disk.
import snapshot from '../../../resources/categories/lazada-id.json';
import type { Db } from '../db/open';
import { CoreError } from '../errors';
import { activeTree, installTree, type InstalledTree } from './install';
import { compareTreeVersions, TREE_VERSION_PATTERN } from './schema';

/** The category snapshot shipped with this version of Akar (see resources/categories). */
export const BUNDLED_TREE: unknown = snapshot;

const versionOnly = z.looseObject({ snapshotVersion: z.string().regex(TREE_VERSION_PATTERN) });

export interface EnsureResult {
  /** True when this call installed the bundled snapshot. */
  readonly installed: boolean;
  readonly tree: InstalledTree;
}

/**
 * Makes sure a category tree is installed, to be called once when the data opens:
 *
 * - no tree yet: install the bundled snapshot;
 * - the bundled snapshot installed before, in an older version (Akar was updated):
 *   install the new one;
 * - a fetched tree: keep it, whatever the bundled version says. A fetch is what Lazada
 *   answered for this seller's country, and a newer fetch is what replaces it; a bundled
 *   snapshot is a curated stand-in (the current one even has made-up ids), so letting it
 *   overwrite real data would break the categories of products already made.
 *
 * Cheap when there is nothing to do: one row read, no parsing of the snapshot.
 */
export function ensureBundledTree(db: Db, bundled: unknown = BUNDLED_TREE): EnsureResult {
  const parsed = versionOnly.safeParse(bundled);
  if (!parsed.success) {
    throw new CoreError({ code: 'internal', message: 'The bundled category snapshot has no valid snapshotVersion' });
  }
  const version = parsed.data.snapshotVersion;
  const current = activeTree(db);
  if (current && (current.source === 'fetched' || compareTreeVersions(version, current.version) <= 0)) {
    return { installed: false, tree: current };
  }
  return { installed: true, tree: installTree(db, bundled, { source: 'bundled', version }) };
}
