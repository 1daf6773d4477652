/**
 * Error texts by code, in the reader's language, from the same catalogue the server renders from
 * (shared/messages.ts). The server's own text is used only for codes this build does not know, and for the
 * English wording of a validator's specific detail when the reader reads English.
 */
import { ERROR_MESSAGES, FIELD_MESSAGES, REASON_MESSAGES, fieldCodeMessage, reasonMessage, type Lang, type MessageParams, type ReasonCode } from '../../../shared/messages';

export type { Lang };

export interface ServerFieldError {
  field: string;
  code?: string;
  message: string;
  params?: MessageParams;
}

export interface ServerError {
  code: string;
  message: string;
  reason?: string;
  params?: MessageParams;
  fields?: ServerFieldError[];
}

const known = <T extends object>(catalogue: T, key: string | undefined): key is Extract<keyof T, string> => !!key && Object.hasOwn(catalogue, key);

/** One field error's text; `sentIn` is the language the server answered in. */
export function fieldText(f: ServerFieldError, lang: Lang, sentIn: Lang): string {
  if (!known(FIELD_MESSAGES, f.code)) return f.message;
  const byCode = fieldCodeMessage(f.code, lang, f.params);
  return lang === 'en' && sentIn === 'en' && f.message !== byCode ? f.message : byCode;
}

/** The fields as `field：text` lines, for places with no input to put them under. */
export function fieldsText(fields: ServerFieldError[], lang: Lang, sentIn: Lang): string {
  const [sep, colon] = lang === 'zh' ? ['；', '：'] : ['; ', ': '];
  return fields.map((f) => `${f.field}${colon}${fieldText(f, lang, sentIn)}`).join(sep);
}

/** The whole error in one line: its reason, else its fields, else its code's text. */
export function serverErrorText(body: ServerError, lang: Lang, sentIn: Lang): string {
  const fields = body.fields?.length ? fieldsText(body.fields, lang, sentIn) : '';
  let main: string;
  if (known(REASON_MESSAGES, body.reason)) main = reasonMessage(body.reason as ReasonCode, lang, body.params);
  else if (fields) return fields;
  else if (known(ERROR_MESSAGES, body.code)) main = lang === 'en' && sentIn === 'en' ? body.message : ERROR_MESSAGES[body.code][lang];
  else main = body.message;
  return fields ? `${main}${lang === 'zh' ? `（${fields}）` : ` (${fields})`}` : main;
}
