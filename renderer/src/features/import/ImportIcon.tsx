/**
 * Icons only this screen needs, drawn like ui/Icon.tsx (inline line art, no requests,
 * always next to a text label, so hidden from screen readers).
 */
const PATHS = {
  /** A sheet of paper with a table on it: "your spreadsheet". */
  sheet: 'M6 3h9l4 4v14H6V3zM15 3v4h4M9 11h7M9 14h7M9 17h7M12 11v6',
  download: 'M12 4v11M7 10l5 5 5-5M5 20h14',
} as const;

export function ImportIcon({ name }: { name: keyof typeof PATHS }) {
  return (
    <svg
      className="icon"
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
