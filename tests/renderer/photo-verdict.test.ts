import { describe, expect, it } from 'vitest';
import type { PhotoIssue } from '../../electron/shared/photos';
import { photoVerdict, type PhotoStanding } from '../../electron/shared/plain/photo-verdict';

const dark: PhotoIssue = { code: 'too_dark', severity: 'warn', params: {} };
const grey: PhotoIssue = { code: 'background_not_white', severity: 'reject', params: {} };
const three: PhotoStanding = { photoCount: 3, pending: 0, failed: 0, mainState: 'ready', issues: [] };

describe('photoVerdict', () => {
  it('says how the photos stand, worst first', () => {
    expect(photoVerdict({ ...three, photoCount: 0, mainState: undefined })).toBe('none');
    expect(photoVerdict(three)).toBe('good');
    expect(photoVerdict({ ...three, issues: [dark] })).toBe('warn');
    expect(photoVerdict({ ...three, issues: [dark, grey] })).toBe('reject');
  });

  it('never says "Foto siap" before every photo is checked, nor with a photo that failed', () => {
    // Another photo still waiting: its findings are not known yet.
    expect(photoVerdict({ ...three, pending: 1 })).toBe('processing');
    expect(photoVerdict({ ...three, pending: 1, mainState: 'pending' })).toBe('processing');
    // A failed photo is left out of the upload: worth a look.
    expect(photoVerdict({ ...three, failed: 1 })).toBe('warn');
    // A failed main photo leaves the product without a picture, whatever else waits.
    expect(photoVerdict({ ...three, failed: 1, pending: 1, mainState: 'failed' })).toBe('reject');
  });
});
