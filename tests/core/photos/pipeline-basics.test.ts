import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { LAZADA_PRESET, PHOTO_PRESETS, PRACTICE_PRESET } from '../../../electron/core/photos/presets';
import { cropToPixels, DEFAULT_RECIPE, parseRecipe, type Recipe } from '../../../electron/core/photos/recipe';
import { planSquare } from '../../../electron/core/photos/render';
import { sniffPhoto } from '../../../electron/core/photos/sniff';
import { ftypBox, heicLike, SVG_WITH_EXTERNAL_REF } from '../../support/photo-corpus';

const text = (value: string): Uint8Array => new TextEncoder().encode(value);

describe('sniffPhoto judges by bytes', () => {
  it('recognises what sharp itself writes in each raster format', async () => {
    const base = () => sharp({ create: { width: 8, height: 8, channels: 3, background: '#808080' } });
    expect(sniffPhoto(await base().jpeg().toBuffer())).toBe('jpeg');
    expect(sniffPhoto(await base().png().toBuffer())).toBe('png');
    expect(sniffPhoto(await base().webp().toBuffer())).toBe('webp');
    expect(sniffPhoto(await base().gif().toBuffer())).toBe('gif');
    expect(sniffPhoto(await base().tiff().toBuffer())).toBe('tiff');
    expect(sniffPhoto(await base().avif().toBuffer())).toBe('avif');
  });

  it('tells HEIC from AVIF by the ftyp brands', async () => {
    for (const brand of ['heic', 'heix', 'hevc', 'hevx'])
      expect(sniffPhoto(ftypBox(brand, ['mif1', brand]))).toBe('heic');
    expect(sniffPhoto(ftypBox('mif1', ['mif1', 'heic']))).toBe('heic');
    expect(sniffPhoto(ftypBox('msf1', ['msf1', 'hevc']))).toBe('heic');
    expect(sniffPhoto(ftypBox('mif1', ['mif1', 'miaf']))).toBe('heic');
    expect(sniffPhoto(ftypBox('avif', ['mif1', 'avif', 'miaf']))).toBe('avif');
    expect(sniffPhoto(ftypBox('mif1', ['mif1', 'avif']))).toBe('avif');
    expect(sniffPhoto(ftypBox('avis', ['msf1', 'avis']))).toBe('avif');
    expect(sniffPhoto(await heicLike())).toBe('heic');
    // A phone video is ISO-BMFF too, but not a photo.
    expect(sniffPhoto(ftypBox('isom', ['isom', 'iso2', 'avc1', 'mp41']))).toBe('unknown');
  });

  it('recognises SVG behind a BOM, an XML prolog, comments or a doctype', () => {
    expect(sniffPhoto(text(SVG_WITH_EXTERNAL_REF))).toBe('svg');
    expect(sniffPhoto(text('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBe('svg');
    expect(
      sniffPhoto(text('\ufeff  \n<?xml version="1.0"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" ""><svg>')),
    ).toBe('svg');
    expect(sniffPhoto(Buffer.from('\ufeff<svg width="1"/>', 'utf16le'))).toBe('svg');
    expect(sniffPhoto(text('<!-- logo --><svg:svg xmlns:svg="http://www.w3.org/2000/svg"/>'))).toBe('svg');
  });

  it('calls everything else unknown, whatever its name would say', () => {
    expect(sniffPhoto(new Uint8Array())).toBe('unknown');
    expect(sniffPhoto(text('SKU,Nama,Harga\n'))).toBe('unknown');
    expect(sniffPhoto(text('<?xml version="1.0"?><workbook/>'))).toBe('unknown');
    expect(sniffPhoto(text('<html><body><svg></svg></body></html>'))).toBe('unknown');
    expect(sniffPhoto(text('%PDF-1.7'))).toBe('unknown');
    expect(sniffPhoto(Buffer.from('424d3e000000', 'hex'))).toBe('unknown'); // BMP: sharp has no decoder
    expect(sniffPhoto(Buffer.from([0xff, 0xd8]))).toBe('unknown'); // too short to be a JPEG
    expect(sniffPhoto(text('RIFF\0\0\0\0WAVEfmt '))).toBe('unknown');
  });
});

describe('recipe', () => {
  it('fills defaults and accepts the default recipe', () => {
    expect(parseRecipe({})).toEqual({ ok: true, recipe: DEFAULT_RECIPE });
    expect(parseRecipe(DEFAULT_RECIPE)).toEqual({ ok: true, recipe: DEFAULT_RECIPE });
    expect(DEFAULT_RECIPE).toEqual({ rotate: 0, fit: 'pad', brightness: 1 });
  });

  it('names the field and the problem when a recipe is out of range', () => {
    const refused = (value: unknown, field: string) =>
      expect(parseRecipe(value)).toMatchObject({ ok: false, reason: 'invalid_recipe', params: { field } });
    refused({ rotate: 45 }, 'rotate');
    refused({ rotate: -90 }, 'rotate');
    refused({ fit: 'stretch' }, 'fit');
    refused({ brightness: 3 }, 'brightness');
    refused({ brightness: 0.2 }, 'brightness');
    refused({ crop: { x: 1.2, y: 0, size: 0.5 } }, 'crop.x');
    refused({ crop: { x: 0, y: -0.1, size: 0.5 } }, 'crop.y');
    refused({ crop: { x: 0, y: 0, size: 0 } }, 'crop.size');
    refused({ crop: { x: 0, y: 0 } }, 'crop.size');
    refused({ sharpen: 2 }, 'recipe');
    refused(null, 'recipe');
  });

  it('turns a crop frame into pixels of the oriented image, refusing frames outside it', () => {
    // size is a fraction of the shorter side: 1 = the largest square.
    expect(cropToPixels({ x: 0.25, y: 0, size: 1 }, 4000, 3000)).toEqual({ left: 1000, top: 0, side: 3000 });
    expect(cropToPixels({ x: 0, y: 0.25, size: 1 }, 3000, 4000)).toEqual({ left: 0, top: 1000, side: 3000 });
    expect(cropToPixels({ x: 0.5, y: 0.5, size: 0.5 }, 2000, 1000)).toEqual({ left: 1000, top: 500, side: 500 });
    // Dragged to the edge, a rounding pixel over: pulled back in.
    expect(cropToPixels({ x: 0.2503, y: 0, size: 1 }, 4000, 3000)).toEqual({ left: 1000, top: 0, side: 3000 });
    expect(cropToPixels({ x: 0.3, y: 0, size: 1 }, 4000, 3000)).toBeNull();
    expect(cropToPixels({ x: 0, y: 0.1, size: 1 }, 4000, 3000)).toBeNull();
    expect(cropToPixels({ x: 0, y: 0, size: 0.0001 }, 400, 300)).toBeNull();
  });
});

describe('planSquare never upscales', () => {
  const recipe = (change: Partial<Recipe> = {}): Recipe => ({ ...DEFAULT_RECIPE, ...change });

  it('pads to the long side, crops to the short side, capped at the target', () => {
    expect(planSquare(recipe(), 4000, 3000, 1200)).toEqual({ kind: 'pad', side: 1200 });
    expect(planSquare(recipe(), 800, 600, 1200)).toEqual({ kind: 'pad', side: 800 });
    expect(planSquare(recipe({ fit: 'crop' }), 4000, 3000, 1200)).toEqual({ kind: 'centre', side: 1200 });
    expect(planSquare(recipe({ fit: 'crop' }), 1600, 900, 1200)).toEqual({ kind: 'centre', side: 900 });
  });

  it('lets a crop frame win over fit, at the frame size when that is smaller', () => {
    const crop = { x: 0, y: 0, size: 0.25 };
    expect(planSquare(recipe({ crop, fit: 'pad' }), 4000, 3000, 1200)).toEqual({
      kind: 'frame',
      crop: { left: 0, top: 0, side: 750 },
      side: 750,
    });
    expect(planSquare(recipe({ crop: { x: 0.9, y: 0, size: 1 } }), 4000, 3000, 1200)).toBeNull();
  });
});

describe('presets', () => {
  it('keeps Lazada inside its API limits and guideline', () => {
    const p = LAZADA_PRESET;
    expect(p.targetSide).toBeGreaterThanOrEqual(p.guidelineSide.recommended);
    expect(p.targetSide).toBeLessThanOrEqual(p.guidelineSide.max);
    expect(p.guidelineSide.min).toBeGreaterThanOrEqual(p.acceptedSide.min);
    expect(p.guidelineSide.max).toBeLessThanOrEqual(p.acceptedSide.max);
    expect(p.minShrinkSide).toBeGreaterThanOrEqual(p.guidelineSide.min);
    expect(p.maxBytes).toBe(1_000_000);
    expect(p.quality.start).toBeGreaterThan(p.quality.min);
    expect(p.thumbSide).toBe(300);
  });

  it('makes practice the same as Lazada', () => {
    expect({ ...PRACTICE_PRESET, id: 'lazada' }).toEqual(LAZADA_PRESET);
    expect(PHOTO_PRESETS.practice).toBe(PRACTICE_PRESET);
    expect(Object.isFrozen(LAZADA_PRESET)).toBe(true);
  });
});
