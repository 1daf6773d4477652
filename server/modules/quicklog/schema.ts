import { z } from 'zod';

export const parseBody = z.object({
  /** One sentence as typed or dictated (the phone keyboard's voice input). */
  text: z.string().trim().min(1).max(2000),
});
export type ParseBody = z.infer<typeof parseBody>;

export const aliasBody = z.object({
  /** Another name the customer goes by ("浙一"); at least 2 characters, matched ignoring width, case and spaces. */
  alias: z.string().trim().min(2).max(50),
});
export type AliasBody = z.infer<typeof aliasBody>;

export const customerAliasParams = z.object({ id: z.string().min(1).max(64), aliasId: z.string().min(1).max(64) });
