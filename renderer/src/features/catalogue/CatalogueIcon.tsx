/**
 * Line icons for the table's buttons, drawn like ui/Icon (same stroke, size and hiding
 * from screen readers: a text label is always beside them). Kept here, not in ui/Icon,
 * because only the table and its entry points use them.
 */
const PATHS = {
  table: 'M4 5h16v14H4zM4 10h16M4 15h16M10 5v14',
  upload: 'M12 16V4M7 9l5-5 5 5M4 16v4h16v-4',
  download: 'M12 4v12M7 11l5 5 5-5M4 16v4h16v-4',
  sortUp: 'M12 6l-5 6h10z',
  sortDown: 'M12 18l-5-6h10z',
  sortNone: 'M12 4l-4 5h8zM12 20l-4-5h8z',
  filter: 'M4 5h16l-6 8v6l-4-2v-4z',
  tag: 'M4 4h8l8 8-8 8-8-8zM8.5 8.5h.01',
  scale: 'M6 20h12l-2-11H8zM9.5 9a2.5 2.5 0 0 1 5 0',
  stack: 'M4 8l8-4 8 4-8 4zM4 12l8 4 8-4M4 16l8 4 8-4',
  price:
    'M12 3v18M16.5 7.5C16 6 14.3 5 12 5 9.2 5 7.5 6.4 7.5 8.3c0 4.2 9 2.4 9 6.9 0 2-1.9 3.8-4.5 3.8-2.5 0-4.3-1.1-4.8-2.8',
  draft: 'M5 4h10l4 4v12H5zM9 13h6M9 17h4',
  list: 'M9 6h11M9 12h11M9 18h11M4.5 6h.01M4.5 12h.01M4.5 18h.01',
} as const;

export type CatalogueIconName = keyof typeof PATHS;

export function CatalogueIcon({ name, className }: { name: CatalogueIconName; className?: string }) {
  return (
    <svg
      className={className ? `icon ${className}` : 'icon'}
      viewBox="0 0 24 24"
      width="24"
      height="24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
