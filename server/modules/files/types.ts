/**
 * Accepted upload types. The extension chooses the type; the first bytes must agree with it, so a renamed
 * executable or an HTML page called "photo.png" is refused. Pure: filename and leading bytes in, verdict out.
 */
export interface FileType {
  ext: string;
  mime: string;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];

interface Rule {
  mime: string;
  /** Whether these leading bytes are a file of this type. */
  matches(head: Uint8Array): boolean;
}

const startsWith = (head: Uint8Array, bytes: number[], at = 0) => bytes.every((b, i) => head[at + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
/** Text has no NUL bytes; any encoding (Excel in China writes CSV as GBK) is accepted. */
const isText = (head: Uint8Array) => !head.includes(0);

const RULES: Record<string, Rule> = {
  pdf: { mime: 'application/pdf', matches: (h) => startsWith(h, ascii('%PDF-')) },
  png: { mime: 'image/png', matches: (h) => startsWith(h, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  jpg: { mime: 'image/jpeg', matches: (h) => startsWith(h, [0xff, 0xd8, 0xff]) },
  jpeg: { mime: 'image/jpeg', matches: (h) => startsWith(h, [0xff, 0xd8, 0xff]) },
  gif: { mime: 'image/gif', matches: (h) => startsWith(h, ascii('GIF87a')) || startsWith(h, ascii('GIF89a')) },
  webp: { mime: 'image/webp', matches: (h) => startsWith(h, ascii('RIFF')) && startsWith(h, ascii('WEBP'), 8) },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', matches: (h) => startsWith(h, ZIP) },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', matches: (h) => startsWith(h, ZIP) },
  pptx: { mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', matches: (h) => startsWith(h, ZIP) },
  txt: { mime: 'text/plain', matches: isText },
  csv: { mime: 'text/csv', matches: isText },
};

export const ACCEPTED_EXTENSIONS = Object.keys(RULES);

/** Types recognisable from content alone, for a file that arrives without a usable extension (e.g. a phone photo). */
const SNIFFABLE = ['pdf', 'png', 'jpg', 'gif', 'webp'];

export type Detection = { ok: true; type: FileType } | { ok: false; reason: string };

export function detectFileType(filename: string, head: Uint8Array): Detection {
  const dot = filename.lastIndexOf('.');
  const ext = dot > 0 ? filename.slice(dot + 1).toLowerCase() : '';
  const rule = RULES[ext];
  if (rule) {
    if (rule.matches(head)) return { ok: true, type: { ext, mime: rule.mime } };
    return { ok: false, reason: `the content is not a .${ext} file` };
  }
  const sniffed = SNIFFABLE.find((e) => RULES[e].matches(head));
  if (sniffed) return { ok: true, type: { ext: sniffed, mime: RULES[sniffed].mime } };
  return { ok: false, reason: `accepted types: ${ACCEPTED_EXTENSIONS.join(', ')}` };
}

/** The name to keep: no directories, no control or bidirectional-override characters, at most 200 characters. */
export function cleanFilename(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  // Bidirectional controls would let `invoice\u202Efdp.exe` display as `invoiceexe.pdf`.
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').trim().slice(-200);
  return clean === '' || clean === '.' || clean === '..' ? 'file' : clean;
}

/**
 * Content-Disposition that survives Chinese names: an ASCII fallback for old clients plus the RFC 5987
 * `filename*` with the UTF-8 name percent-encoded.
 */
export function contentDisposition(filename: string, disposition: 'inline' | 'attachment'): string {
  const fallback = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
