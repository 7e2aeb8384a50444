import { z } from 'zod';
import { checkIban, normalizeIban } from '../values/iban.js';
import { checkBce, normalizeBce } from '../values/bce.js';

/** Reusable field schemas. Custom problems carry a stable `params.code` for i18n. */
export const id = z.number().int().positive();
export const nonEmpty = (max = 200) => z.string().trim().min(1).max(max);
export const optionalText = (max = 200) =>
  z.string().trim().max(max).transform((s) => (s === '' ? null : s)).nullable().optional();

export const isoDate = z.iso.date();

export const iban = z
  .string()
  .transform((s) => normalizeIban(s))
  .superRefine((v, ctx) => {
    const p = checkIban(v);
    if (p) ctx.addIssue({ code: 'custom', message: `Invalid IBAN (${p})`, params: { code: `iban_${p}` } });
  });

export const bce = z
  .string()
  .transform((s) => normalizeBce(s))
  .superRefine((v, ctx) => {
    const p = checkBce(v);
    if (p) ctx.addIssue({ code: 'custom', message: `Invalid BCE/KBO number (${p})`, params: { code: `bce_${p}` } });
  });

export const optionalBce = z
  .union([z.literal(''), z.null(), bce])
  .optional()
  .transform((v) => (v === '' || v === undefined ? null : v));

export const email = z.email().max(254);

export const LANGUAGES = ['fr', 'nl', 'en', 'de'] as const;
export const language = z.enum(LANGUAGES);
export type Language = z.infer<typeof language>;

export const countryCode = z.string().trim().toUpperCase().length(2).default('BE');

export const address = z.object({
  street: nonEmpty(200),
  postalCode: z.string().trim().min(2).max(12),
  city: nonEmpty(100),
  country: countryCode,
});
export type Address = z.infer<typeof address>;
