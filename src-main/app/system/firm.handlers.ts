import { FirmSchema, type Firm } from '../../db/entities/index.js';
import type { Handlers } from '../context.js';

function toDto(f: Firm | null) {
  if (!f) return { name: '', bce: null, address: null, ipiNumber: null, email: null, phone: null };
  return {
    name: f.name, bce: f.bce ?? null, ipiNumber: f.ipiNumber ?? null, email: f.email ?? null, phone: f.phone ?? null,
    address: f.street && f.postalCode && f.city ? { street: f.street, postalCode: f.postalCode, city: f.city, country: f.country ?? 'BE' } : null,
  };
}

export const firmHandlers: Handlers<'firm.get' | 'firm.update'> = {
  'firm.get': async (_input, ctx) => toDto(await ctx.em.findOne(FirmSchema, { id: { $gt: 0 } }, { orderBy: { id: 'asc' } })),
  'firm.update': async (input, ctx) => {
    const existing = await ctx.em.findOne(FirmSchema, { id: { $gt: 0 } }, { orderBy: { id: 'asc' } });
    const before = toDto(existing);
    const fields = {
      name: input.name, bce: input.bce, ipiNumber: input.ipiNumber, email: input.email, phone: input.phone,
      street: input.address?.street ?? null, postalCode: input.address?.postalCode ?? null, city: input.address?.city ?? null, country: input.address?.country ?? null,
    };
    const f = existing ? Object.assign(existing, fields) : ctx.em.create(FirmSchema, fields);
    await ctx.em.flush();
    const after = toDto(f);
    ctx.audit('firm.update', 'firm', f.id, before, after);
    return after;
  },
};
