import { describe, expect, it } from 'vitest';
import { lazadaSignature, signatureMatches, stringToSign } from '../../../electron/core/marketplace/lazada/sign';

// The worked example from Lazada's signing guide (LZD-DOC 108069).
const EXAMPLE = {
  path: '/order/get',
  params: {
    access_token: 'test',
    app_key: '123456',
    order_id: '1234',
    sign_method: 'sha256',
    timestamp: '1517820392000',
  },
  secret: 'helloworld',
  text: '/order/getaccess_tokentestapp_key123456order_id1234sign_methodsha256timestamp1517820392000',
  sign: '4190D32361CFB9581350222F345CB77F3B19F0E31D162316848A2C1FFD5FAB4A',
};

describe('Lazada request signature', () => {
  it('reproduces the documented worked example', () => {
    expect(stringToSign(EXAMPLE.path, EXAMPLE.params)).toBe(EXAMPLE.text);
    expect(lazadaSignature(EXAMPLE.path, EXAMPLE.params, EXAMPLE.secret)).toBe(EXAMPLE.sign);
  });

  it('sorts parameters by name whatever order they come in, and ignores sign and empty values', () => {
    const shuffled = {
      timestamp: '1517820392000',
      order_id: '1234',
      sign: 'X',
      app_key: '123456',
      sign_method: 'sha256',
      access_token: 'test',
      note: '',
    };
    expect(lazadaSignature(EXAMPLE.path, shuffled, EXAMPLE.secret)).toBe(EXAMPLE.sign);
  });

  it('changes when the path, a value or the secret changes', () => {
    expect(lazadaSignature('/order/gets', EXAMPLE.params, EXAMPLE.secret)).not.toBe(EXAMPLE.sign);
    expect(lazadaSignature(EXAMPLE.path, { ...EXAMPLE.params, order_id: '1235' }, EXAMPLE.secret)).not.toBe(
      EXAMPLE.sign,
    );
    expect(lazadaSignature(EXAMPLE.path, EXAMPLE.params, 'helloworld!')).not.toBe(EXAMPLE.sign);
  });

  it('signs a JSON payload with non-ASCII text as UTF-8', () => {
    const params = { app_key: '1', payload: '{"name":"Kripik Pedas — ekstra"}', timestamp: '1' };
    const sign = lazadaSignature('/product/create', params, 's');
    expect(sign).toMatch(/^[0-9A-F]{64}$/);
    expect(signatureMatches(sign, sign.toLowerCase())).toBe(true);
    expect(signatureMatches(sign, sign.slice(1))).toBe(false);
  });
});
