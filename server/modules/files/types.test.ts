import { describe, expect, it } from 'vitest';
import { cleanFilename, contentDisposition, detectFileType } from './types.js';

const bytes = (...parts: Array<string | number[]>) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'rest');
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF');
const PDF = bytes('%PDF-1.7\n');
const ZIP = bytes([0x50, 0x4b, 0x03, 0x04], 'zip');

describe('detectFileType', () => {
  it.each([
    ['合同.pdf', PDF, 'application/pdf'],
    ['photo.PNG', PNG, 'image/png'],
    ['现场.jpg', JPEG, 'image/jpeg'],
    ['a.jpeg', JPEG, 'image/jpeg'],
    ['a.gif', bytes('GIF89a'), 'image/gif'],
    ['a.webp', bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '), 'image/webp'],
    ['方案.docx', ZIP, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['报价.xlsx', ZIP, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['a.pptx', ZIP, 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
    ['notes.txt', bytes('hello 你好'), 'text/plain'],
    ['客户.csv', bytes([0xbf, 0xcd, 0xbb, 0xa7], ',a\n'), 'text/csv'],
  ])('accepts %s', (name, head, mime) => {
    expect(detectFileType(name, head)).toEqual({ ok: true, type: { ext: expect.any(String), mime } });
  });

  it('refuses content that does not match the extension', () => {
    expect(detectFileType('photo.png', bytes('<html><script>'))).toMatchObject({ ok: false });
    expect(detectFileType('doc.pdf', PNG)).toMatchObject({ ok: false });
    expect(detectFileType('a.docx', PDF)).toMatchObject({ ok: false });
    expect(detectFileType('a.txt', bytes('MZ', [0x90, 0x00, 0x03]))).toMatchObject({ ok: false });
  });

  it('refuses types that are not on the list', () => {
    expect(detectFileType('setup.exe', bytes('MZ', [0x90, 0]))).toMatchObject({ ok: false, reason: expect.stringContaining('pdf') });
    expect(detectFileType('page.html', bytes('<html>'))).toMatchObject({ ok: false });
    expect(detectFileType('a.svg', bytes('<svg>'))).toMatchObject({ ok: false });
  });

  it('sniffs images and PDF when the name has no usable extension', () => {
    expect(detectFileType('IMG_0001', JPEG)).toEqual({ ok: true, type: { ext: 'jpg', mime: 'image/jpeg' } });
    expect(detectFileType('scan', PDF)).toEqual({ ok: true, type: { ext: 'pdf', mime: 'application/pdf' } });
    expect(detectFileType('scan', ZIP)).toMatchObject({ ok: false });
  });
});

describe('cleanFilename', () => {
  it('drops directories and control characters', () => {
    expect(cleanFilename('../../etc/passwd')).toBe('passwd');
    expect(cleanFilename('C:\\Users\\王\\试用协议.pdf')).toBe('试用协议.pdf');
    expect(cleanFilename('a\u0000b\n.pdf')).toBe('ab.pdf');
    expect(cleanFilename('..')).toBe('file');
    expect(cleanFilename(undefined)).toBe('file');
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the UTF-8 name', () => {
    expect(contentDisposition('试用协议 "v2".pdf', 'attachment')).toBe(
      `attachment; filename="____ _v2_.pdf"; filename*=UTF-8''%E8%AF%95%E7%94%A8%E5%8D%8F%E8%AE%AE%20%22v2%22.pdf`,
    );
  });
});
