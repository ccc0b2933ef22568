import { parse } from 'icc';

/**
 * sRGB's red, green and blue as ICC profiles store them (XYZ, adapted to D50): the values of
 * the IEC 61966-2-1 profile that phones and cameras copy, and of sharp's own compact one.
 */
const SRGB_PRIMARIES: Readonly<Record<'rXYZ' | 'gXYZ' | 'bXYZ', readonly [number, number, number]>> = {
  rXYZ: [0.4361, 0.2225, 0.0139],
  gXYZ: [0.3851, 0.7169, 0.0971],
  bXYZ: [0.1431, 0.0606, 0.7141],
};

/** Room for the s15Fixed16 rounding and the small differences between sRGB profiles in the wild. */
const PRIMARY_TOLERANCE = 0.003;

/**
 * True when an embedded ICC profile is plain sRGB: an RGB display profile that says it is
 * sRGB and has sRGB's primaries. Converting such a photo "to sRGB" changes no pixel by more
 * than lcms's rounding, yet costs ~23 ms of CPU per 12 MP photo (a quarter of a render,
 * measured on the 2-core development machine), so the render skips it (sharp's
 * `ignoreIcc`). Anything else (Display P3 from newer phones, Adobe RGB, CMYK, a profile
 * that cannot be read) is converted as before. The profile comes from an untrusted file:
 * any parse error means "not plain sRGB", and the tag table is checked before it is walked.
 */
export function isPlainSrgb(profile: Buffer | undefined): boolean {
  if (!profile || profile.length < 132) return false;
  // The `icc` parser walks as many tag entries as the profile claims, reading past its end
  // without complaint: 2^32 claimed entries would hold the thread for minutes.
  if (132 + profile.readUInt32BE(128) * 12 > profile.length) return false;
  try {
    const parsed = parse(profile);
    if (parsed.colorSpace !== 'RGB' || parsed.deviceClass !== 'Monitor') return false;
    if (!/^sRGB\b/i.test(parsed.description ?? '')) return false;
    return (Object.keys(SRGB_PRIMARIES) as (keyof typeof SRGB_PRIMARIES)[]).every((tag) => {
      const found = readXyzTag(profile, tag);
      return (
        found !== null && found.every((value, i) => Math.abs(value - SRGB_PRIMARIES[tag][i]!) <= PRIMARY_TOLERANCE)
      );
    });
  } catch {
    return false;
  }
}

/**
 * One XYZ tag's three numbers (the `icc` package reads only the white point): the tag table
 * follows the 128-byte header, 12 bytes an entry (signature, offset, size); an XYZ tag is
 * 'XYZ ', 4 reserved bytes, then three s15Fixed16 numbers.
 */
function readXyzTag(profile: Buffer, signature: string): [number, number, number] | null {
  const count = profile.readUInt32BE(128);
  for (let entry = 132, i = 0; i < count; i++, entry += 12) {
    if (profile.toString('latin1', entry, entry + 4) !== signature) continue;
    const offset = profile.readUInt32BE(entry + 4);
    if (offset + 20 > profile.length || profile.toString('latin1', offset, offset + 4) !== 'XYZ ') return null;
    return [0, 1, 2].map((k) => profile.readInt32BE(offset + 8 + 4 * k) / 65536) as [number, number, number];
  }
  return null;
}
