import type { resources } from './resources';

/**
 * Types `t()` keys against the Indonesian files (the default language), so a missing or
 * misspelt key fails `npm run typecheck` instead of showing a raw key to a seller.
 */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'ui';
    resources: (typeof resources)['id'] & (typeof resources)['en'];
  }
}
