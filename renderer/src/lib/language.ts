import type { Language } from '../../../electron/shared/catalogue';

/** Mirrors `DEFAULT_LANGUAGE` in electron/shared (the renderer may import only its types). */
export const DEFAULT_LANGUAGE: Language = 'id';
