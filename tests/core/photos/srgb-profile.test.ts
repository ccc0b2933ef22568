import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { isPlainSrgb } from '../../../electron/core/photos/srgb-profile';

/** The profile sharp embeds for `name`, read back from a small JPEG as the pipeline reads it. */
async function profileOf(name: 'srgb' | 'p3' | 'cmyk'): Promise<Buffer> {
  const grey = sharp({ create: { width: 8, height: 8, channels: 3, background: '#808080' } });
  const jpeg = await (name === 'cmyk' ? grey.toColourspace('cmyk') : grey).withIccProfile(name).jpeg().toBuffer();
  const { icc } = await sharp(jpeg).metadata();
  if (!icc) throw new Error(`no ${name} profile`);
  return icc;
}

/** Where a tag's data starts, found through the tag table. */
function tagOffset(profile: Buffer, signature: string): number {
  const count = profile.readUInt32BE(128);
  for (let entry = 132, i = 0; i < count; i++, entry += 12) {
    if (profile.toString('latin1', entry, entry + 4) === signature) return profile.readUInt32BE(entry + 4);
  }
  throw new Error(`no ${signature}`);
}

describe('isPlainSrgb', () => {
  it('knows sRGB, and nothing else, as plain sRGB', async () => {
    expect(isPlainSrgb(await profileOf('srgb'))).toBe(true);
    expect(isPlainSrgb(await profileOf('p3'))).toBe(false);
    expect(isPlainSrgb(await profileOf('cmyk'))).toBe(false);
    expect(isPlainSrgb(undefined)).toBe(false);
  });

  it('does not trust the name alone: other primaries under the name sRGB are converted', async () => {
    const profile = Buffer.from(await profileOf('srgb'));
    const red = tagOffset(profile, 'rXYZ') + 8;
    // Red's X pushed out by 0.01: a wider red than sRGB's.
    profile.writeInt32BE(profile.readInt32BE(red) + Math.round(0.01 * 65536), red);
    expect(isPlainSrgb(profile)).toBe(false);
  });

  it('does not trust the primaries alone: a linear or gamma-2.2 curve under the name sRGB is converted', async () => {
    const profile = await profileOf('srgb');
    const curve = tagOffset(profile, 'rTRC');
    // sharp's profile: one parametric curve (type 3) shared by the three channels, 32 bytes.
    expect(profile.toString('latin1', curve, curve + 4)).toBe('para');
    const linear = Buffer.from(profile);
    linear.writeInt32BE(65536, curve + 12); // g = 1
    linear.writeInt32BE(65536, curve + 16); // a = 1
    linear.writeInt32BE(0, curve + 20); // b = 0
    expect(isPlainSrgb(linear)).toBe(false);

    // The same curve as 10 samples ('curv', 12 + 2 x 10 bytes: the same 32): sRGB's, then gamma 2.2's.
    const sampled = (decode: (v: number) => number) => {
      const copy = Buffer.from(profile);
      copy.write('curv', curve, 'latin1');
      copy.writeUInt32BE(0, curve + 4);
      copy.writeUInt32BE(10, curve + 8);
      for (let k = 0; k < 10; k++) copy.writeUInt16BE(Math.round(decode(k / 9) * 65535), curve + 12 + 2 * k);
      return copy;
    };
    const srgb = (v: number) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    expect(isPlainSrgb(sampled(srgb))).toBe(true);
    expect(isPlainSrgb(sampled((v) => v ** 2.2))).toBe(false);
  });

  it('says no, without throwing, to a profile that is cut short or garbage', async () => {
    const profile = await profileOf('srgb');
    expect(isPlainSrgb(profile.subarray(0, 200))).toBe(false);
    expect(isPlainSrgb(Buffer.alloc(600, 0xff))).toBe(false);
    const lying = Buffer.from(profile);
    // A tag table that claims far more entries than the profile holds: refused at once, not walked.
    lying.writeUInt32BE(0xffffffff, 128);
    expect(isPlainSrgb(lying)).toBe(false);
  });
});
