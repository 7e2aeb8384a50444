import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/knex';
import { DocumentSchema, type Document } from '../../db/entities/index.js';
import { DomainRuleError } from '../errors.js';

const MAX_BYTES = 20 * 1024 * 1024;

/** Stores a PDF once (same SHA-256, same row); refuses what is not a PDF. */
export async function storePdf(em: EntityManager, fileName: string, contentBase64: string, now: Date): Promise<Document> {
  const bytes = Buffer.from(contentBase64, 'base64');
  if (bytes.length === 0 || bytes.length > MAX_BYTES) throw new DomainRuleError('document_size', 'The PDF is empty or larger than 20 MB', { path: ['document'] });
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') throw new DomainRuleError('document_not_pdf', 'The attached file is not a PDF', { path: ['document'] });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const existing = await em.findOne(DocumentSchema, { sha256 });
  if (existing) return existing;
  const doc = em.create(DocumentSchema, { sha256, fileName, mimeType: 'application/pdf', size: bytes.length, content: bytes, createdAt: now });
  await em.flush();
  return doc;
}
