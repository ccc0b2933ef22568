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

/** sRGB's tone curve as an ICC parametric curve of type 3: g, a, b, c, d (IEC 61966-2-1). */
const SRGB_CURVE = [2.4, 1 / 1.055, 0.055 / 1.055, 1 / 12.92, 0.04045] as const;
/** Room for the s15Fixed16 rounding (and for d, written 0.03928 in older profiles). */
const CURVE_TOLERANCE = 0.002;
/** How far a sampled curve may stray from sRGB's, as a fraction of full scale: half an 8-bit level. */
const SAMPLE_TOLERANCE = 0.5 / 255;

/**
 * True when an embedded ICC profile is plain sRGB: an RGB display profile that says it is
 * sRGB and has sRGB's primaries and sRGB's tone curve. Converting such a photo "to sRGB"
 * changes no pixel by more than lcms's rounding, yet costs ~23 ms of CPU per 12 MP photo (a
 * quarter of a render, measured on the 2-core development machine), so the render skips it
 * (sharp's `ignoreIcc`). Anything else (Display P3 from newer phones, Adobe RGB, CMYK, a
 * linear or gamma-2.2 "sRGB" from a photo editor, a profile that cannot be read) is
 * converted as before. The profile comes from an untrusted file: any parse error means "not
 * plain sRGB", and the tag table is checked before it is walked.
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
    const primaries = (Object.keys(SRGB_PRIMARIES) as (keyof typeof SRGB_PRIMARIES)[]).every((tag) => {
      const found = readXyzTag(profile, tag);
      return (
        found !== null && found.every((value, i) => Math.abs(value - SRGB_PRIMARIES[tag][i]!) <= PRIMARY_TOLERANCE)
      );
    });
    return primaries && ['rTRC', 'gTRC', 'bTRC'].every((tag) => isSrgbCurve(profile, tagOffset(profile, tag)));
  } catch {
    return false;
  }
}

/**
 * Where a tag's data starts, or null: the tag table follows the 128-byte header, 12 bytes an
 * entry (signature, offset, size); its length was checked in `isPlainSrgb`.
 */
function tagOffset(profile: Buffer, signature: string): number | null {
  const count = profile.readUInt32BE(128);
  for (let entry = 132, i = 0; i < count; i++, entry += 12) {
    if (profile.toString('latin1', entry, entry + 4) === signature) return profile.readUInt32BE(entry + 4);
  }
  return null;
}

/**
 * One XYZ tag's three numbers (the `icc` package reads only the white point): 'XYZ ', 4
 * reserved bytes, then three s15Fixed16 numbers.
 */
function readXyzTag(profile: Buffer, signature: string): [number, number, number] | null {
  const offset = tagOffset(profile, signature);
  if (offset === null || offset + 20 > profile.length || profile.toString('latin1', offset, offset + 4) !== 'XYZ ') {
    return null;
  }
  return [0, 1, 2].map((k) => profile.readInt32BE(offset + 8 + 4 * k) / 65536) as [number, number, number];
}

/** sRGB's decoding curve: stored value (0..1) to linear light (0..1). */
function srgbToLinear(value: number): number {
  return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
}

/**
 * Whether the tone-curve tag at `offset` is sRGB's: a parametric curve ('para') of type 3
 * with sRGB's five parameters, or a sampled curve ('curv' of at least 2 points; 1 point is a
 * plain gamma) that stays within half an 8-bit level of it.
 */
function isSrgbCurve(profile: Buffer, offset: number | null): boolean {
  if (offset === null || offset + 12 > profile.length) return false;
  const type = profile.toString('latin1', offset, offset + 4);
  if (type === 'para') {
    if (profile.readUInt16BE(offset + 8) !== 3 || offset + 32 > profile.length) return false;
    return SRGB_CURVE.every(
      (expected, k) => Math.abs(profile.readInt32BE(offset + 12 + 4 * k) / 65536 - expected) <= CURVE_TOLERANCE,
    );
  }
  if (type !== 'curv') return false;
  const points = profile.readUInt32BE(offset + 8);
  if (points < 2 || offset + 12 + 2 * points > profile.length) return false;
  for (let k = 0; k < points; k++) {
    const stored = profile.readUInt16BE(offset + 12 + 2 * k) / 65535;
    if (Math.abs(stored - srgbToLinear(k / (points - 1))) > SAMPLE_TOLERANCE) return false;
  }
  return true;
}
