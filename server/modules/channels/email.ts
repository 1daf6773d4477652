/** E-mail over SMTP with nodemailer; the SMTP server is the channel's settings, its password a secret. */
import nodemailer from 'nodemailer';
import type { LoadedChannel } from './repo.js';

export interface MailResult {
  ok: boolean;
  retryable: boolean;
  error?: string;
  response?: string;
}

export async function sendMail(
  channel: LoadedChannel,
  mail: { to: string; subject: string; text: string; html: string },
  timeoutMs = 15_000,
): Promise<MailResult> {
  const s = channel.settings;
  const transport = nodemailer.createTransport({
    host: s.host,
    port: s.port,
    secure: !!s.secure,
    auth: s.user ? { user: s.user, pass: channel.secrets.password ?? '' } : undefined,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  try {
    const info = await transport.sendMail({ from: s.from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
    return { ok: true, retryable: false, response: info.response };
  } catch (error) {
    const e = error as { responseCode?: number; code?: string; message?: string; response?: string };
    // SMTP 5xx (bad mailbox, authentication refused) will not heal by itself; 4xx and network trouble may.
    const permanent = typeof e.responseCode === 'number' && e.responseCode >= 500;
    return { ok: false, retryable: !permanent, error: `smtp ${e.responseCode ?? e.code ?? ''}: ${e.response ?? e.message ?? String(error)}`.trim() };
  } finally {
    transport.close();
  }
}
