/**
 * Lazada's QC rejection reasons Akar can explain, by the words Lazada uses, to the key of
 * their advice in the `upload` translations (`qc.<key>`). Any other reason is shown as
 * Lazada wrote it, with the general advice (`qc.other`).
 */
export const QC_REASON_KEYS: Readonly<Record<string, string>> = {
  'No White Background': 'white_background',
  'Poor Product Description': 'poor_description',
  'Prohibited Keywords in Product Name': 'prohibited_keywords',
};

/** Lazada codes with their own advice (`codes.<code>` in the `upload` translations). */
export const ADVISED_CODES: readonly string[] = [
  '4108',
  '4110',
  '4115',
  '4134',
  '4139',
  '4138',
  '4169',
  '4160',
  '4129',
  '4164',
  '4165',
  '4148',
  '4142',
  'InvalidImage',
  'InvalidParameter',
  'MissingParameter',
];
