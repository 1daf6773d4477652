import { z } from 'zod';

const text = z.object({ zh: z.string(), en: z.string() });

export const createdLinkSchema = z
  .object({ id: z.string(), url: z.string().describe('Opened without a login; every open is recorded'), title: z.string(), expiresAt: z.string() })
  .meta({ id: 'CreatedMaterialLink' });

export const materialLinkSchema = z
  .object({
    id: z.string(),
    customerId: z.string(),
    activityId: z.string().nullable(),
    attachmentId: z.string().nullable(),
    url: z.string().nullable().describe('The web address a URL link redirects to (null for an attachment)'),
    title: z.string(),
    ownerId: z.string(),
    status: z.enum(['active', 'expired', 'revoked']),
    expiresAt: z.string(),
    revokedAt: z.string().nullable(),
    createdAt: z.string(),
    opens: z.number().int(),
    lastOpenedAt: z.string().nullable(),
    secondsOnPage: z.number().int().nullable().describe('Sum of the approximate time on page the viewer reported'),
    summary: text.describe('客户已打开方案 2 次，最近 12-03 10:14'),
  })
  .meta({ id: 'MaterialLink' });

export const materialLinkDetailSchema = materialLinkSchema
  .extend({ openings: z.array(z.object({ at: z.string(), device: z.string(), secondsOnPage: z.number().int().nullable() })) })
  .meta({ id: 'MaterialLinkDetail' });

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE =
  'body{font-family:system-ui,sans-serif;margin:0;color:#1f1f1f}header{padding:12px 16px;font-size:16px;border-bottom:1px solid #eee}' +
  'iframe,img{display:block;width:100%;height:calc(100vh - 120px);border:0;object-fit:contain}' +
  'a.btn{display:block;margin:12px 16px;padding:10px;text-align:center;background:#1677ff;color:#fff;border-radius:6px;text-decoration:none}' +
  'p{padding:24px 16px;font-size:16px}';

/** The viewer page: the title and the document, nothing of the seller's records. The beacon script is a file (CSP). */
export function viewerPage(page: { title: string; token: string; beacon: string | null; file: { mime: string } | null }): string {
  const fileUrl = `/m/${page.token}/file`;
  const frame = !page.file
    ? ''
    : page.file.mime.startsWith('image/')
      ? `<img src="${fileUrl}" alt="${escape(page.title)}">`
      : page.file.mime === 'application/pdf'
        ? `<iframe src="${fileUrl}" title="${escape(page.title)}"></iframe>`
        : '';
  return (
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<meta name="robots" content="noindex"><meta name="referrer" content="no-referrer"><title>${escape(page.title)}</title><style>${STYLE}</style></head>` +
    `<body${page.beacon ? ` data-beacon="${page.beacon}"` : ''}><header>${escape(page.title)}</header>${frame}` +
    `<a class="btn" href="${fileUrl}">打开文档 Open</a>${page.beacon ? '<script src="/m/beacon.js" defer></script>' : ''}</body></html>`
  );
}

export function messagePage(zh: string, en: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escape(zh)}</title><style>${STYLE}</style></head><body><p>${escape(zh)}<br>${escape(en)}</p></body></html>`;
}

/** Reports the time on page when the viewer leaves or hides it (several reports; the longest counts). */
export const BEACON_JS = `(function(){var b=document.body.getAttribute('data-beacon');if(!b)return;var t0=Date.now();
function send(){try{navigator.sendBeacon('/m/beacon',JSON.stringify({b:b,ms:Date.now()-t0}));}catch(e){}}
document.addEventListener('visibilitychange',function(){if(document.visibilityState==='hidden')send();});
window.addEventListener('pagehide',send);setInterval(send,30000);})();`;
