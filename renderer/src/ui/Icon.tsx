/**
 * A handful of line icons drawn inline: no icon font or image requests (the CSP allows
 * none from outside, and the app must look the same offline). Always shown next to a
 * text label, so they are hidden from screen readers.
 */
const PATHS = {
  plus: 'M12 5v14M5 12h14',
  back: 'M15 18l-6-6 6-6',
  search: 'M11 4a7 7 0 1 0 0 14 7 7 0 0 0 0-14zM20 20l-4-4',
  trash: 'M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3',
  edit: 'M4 20h4L19 9l-4-4L4 16v4zM13 7l4 4',
  undo: 'M9 14L4 9l5-5M4 9h11a5 5 0 0 1 0 10h-3',
  user: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21c0-4 4-6 8-6s8 2 8 6',
  box: 'M3 7l9-4 9 4-9 4-9-4zM3 7v10l9 4 9-4V7M12 11v10',
  check: 'M5 12l5 5L20 7',
  alert: 'M12 8v5M12 16.5v.5M10.3 4.2L2.6 18a2 2 0 0 0 1.7 3h15.4a2 2 0 0 0 1.7-3L13.7 4.2a2 2 0 0 0-3.4 0z',
  close: 'M6 6l12 12M18 6L6 18',
  chevron: 'M9 6l6 6-6 6',
  arrow: 'M5 12h14M13 6l6 6-6 6',
  // The product table and its entry points.
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
  // The import screen.
  /** A sheet of paper with a table on it: "your spreadsheet". */
  sheet: 'M6 3h9l4 4v14H6V3zM15 3v4h4M9 11h7M9 14h7M9 17h7M12 11v6',
  /** The import report's download: an arrow onto a line (the table's `download` lands in a tray). */
  downloadReport: 'M12 4v11M7 10l5 5 5-5M5 20h14',
  // The photo studio.
  /** A picture: a frame with a hill and the sun. */
  image: 'M4 5h16v14H4zM4 16l5-5 4 4 3-3 4 4M15 9h.01',
  camera: 'M4 8h3l2-3h6l2 3h3v11H4zM12 17a4 4 0 1 0 0-8 4 4 0 0 0 0 8z',
  folder: 'M3 6h6l2 2h10v11H3z',
  rotateLeft: 'M2 4v6h6M4.5 15a8.5 8.5 0 1 0 2-8.8L2 10',
  rotateRight: 'M22 4v6h-6M19.5 15a8.5 8.5 0 1 1-2-8.8L22 10',
  star: 'M12 3l2.7 5.6 6.1.9-4.4 4.3 1 6.1-5.4-2.9-5.4 2.9 1-6.1-4.4-4.3 6.1-.9z',
  pause: 'M9 5v14M15 5v14',
  play: 'M7 4l13 8-13 8z',
  sun: 'M12 16a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4',
  /** "Potong kotak": the crop marks. */
  crop: 'M6 2v14a2 2 0 0 0 2 2h14M2 6h14a2 2 0 0 1 2 2v14',
  /** "Kotak putih": the whole photo on a white square. */
  pad: 'M4 4h16v16H4zM7 9h10v6H7z',
  arrowLeft: 'M19 12H5M11 6l-6 6 6 6',
  compare: 'M12 3v18M4 5h5v14H4zM15 5h5v14h-5z',
  // The upload centre.
  /** A shop front with its awning: "the shop", where listings go. */
  store: 'M4 9l1.5-5h13L20 9M4 9v11h16V9M4 9h16M9 20v-6h6v6',
  /** A paper plane: "send to the shop". */
  send: 'M22 2L11 13M22 2l-7 20-4-9-9-4z',
  /** A plug: "connect". */
  plug: 'M9 7V3M15 7V3M7 7h10v4a5 5 0 0 1-10 0zM12 16v5',
  refresh: 'M20 11a8 8 0 1 0-2.3 5.7M20 4v7h-7',
  skip: 'M5 5l9 7-9 7zM18 5v14',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, className }: { name: IconName; className?: string }) {
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
