/** A refusal's text in both languages, for cards and toasts rendered outside an HTTP answer. */
import type { AppError } from '../../core/errors.js';

export function errorText(error: AppError): { zh: string; en: string } {
  const zh = error.toBody('zh').error;
  const en = error.toBody('en').error;
  return { zh: zh.message, en: en.message };
}
