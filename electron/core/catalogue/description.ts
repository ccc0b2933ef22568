import sanitizeHtml from 'sanitize-html';

/**
 * Product descriptions are plain text or simple HTML pasted from elsewhere. Marketplaces
 * accept only basic formatting (Lazada: HTML in `description`, lists in highlights), and a
 * pasted page can carry scripts, styles and tracking images, so only paragraphs, line
 * breaks, lists and bold/italic/underline survive, without attributes; the text of any
 * other tag is kept.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'ul', 'ol', 'li', 'strong', 'b', 'em', 'i', 'u'],
  allowedAttributes: {},
  // Script and style contents are code, not words a buyer should see.
  nonTextTags: ['script', 'style', 'textarea', 'noscript', 'title'],
  // Leave "<", ">" and "&" in plain text alone: "Isi < 5 kg & tahan lama" is not HTML.
  parser: { decodeEntities: false },
};

/** An HTML tag (`<p>`, `</div>`, `<br/>`, `<img src=…>`) or comment, not a lone "<". */
const HTML = /<(\/?[a-z][a-z0-9]*(\s[^<>]*)?\/?>|!--)/i;

export function sanitizeDescription(text: string): string {
  // Plain text (by far the common case) is stored exactly as typed, "<" and all
  // ("ukuran S<M<L"): only text with real tags or comments is treated as HTML.
  if (!HTML.test(text)) return text;
  return sanitizeHtml(text, OPTIONS);
}
