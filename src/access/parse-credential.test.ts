import { describe, expect, it } from 'vitest';
import { type Credential, parseCredential } from './parse-credential.ts';

describe('parseCredential', () => {
  it.each<[string | undefined, Credential]>([
    [undefined, { type: 'none' }],
    ['', { type: 'none' }],
    ['Bearer aaa.bbb.ccc', { type: 'jwt', token: 'aaa.bbb.ccc' }],
    ['bearer aaa.bbb.', { type: 'jwt', token: 'aaa.bbb.' }],
    ['Bearer spw_abc123', { type: 'apiKey', key: 'spw_abc123' }],
    ['Bearer', { type: 'malformed' }],
    ['Bearer abc', { type: 'malformed' }],
    ['Bearer a.b.c extra', { type: 'malformed' }],
    ['Basic dXNlcjpwYXNz', { type: 'malformed' }],
    ['Bearer a+b.c.d', { type: 'malformed' }],
  ])('%j', (header, expected) => {
    expect(parseCredential(header)).toEqual(expected);
  });
});
