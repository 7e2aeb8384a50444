import type { EntityManager } from '@mikro-orm/knex';
import { PCMN_ACP_ROWS } from '../../domain/chart/pcmn-acp.data.js';
import { BankAccountSchema, FiscalYearSchema, JournalSchema, LedgerAccountSchema, OwnerSchema, type BankAccount } from '../../db/entities/index.js';
import { ownerDisplayName } from '../portfolio/mappers.js';

/** Fixed journals of every building; bank journals (FIN1, FIN2, …) follow its bank accounts. */
export const JOURNALS = [
  { code: 'ACH', kind: 'purchases' }, // achats / aankopen
  { code: 'OD', kind: 'misc' }, // opérations diverses / diverse verrichtingen
  { code: 'APF', kind: 'calls' }, // appels de fonds / opvragingen
  { code: 'OUV', kind: 'opening' }, // ouverture / opening
] as const;

/** 550 holds the reserve fund's bank account, 551 the working capital's (AR 12/07/2012; art. 3.86 §3). */
export const bankParentCode = (purpose: string) => (purpose === 'reserve' ? '550' : purpose === 'working' ? '551' : '552');

/**
 * Gives a building its chart of accounts, journals, bank sub-accounts and a first fiscal
 * year (the calendar year of `today`). Idempotent: only what is missing is created.
 */
export async function ensureBookkeeping(em: EntityManager, buildingId: number, today: string): Promise<void> {
  const existing = new Set((await em.find(LedgerAccountSchema, { building: buildingId }, { fields: ['code'] })).map((a) => a.code));
  for (const [code, labelFr, labelNl, type, parentCode] of PCMN_ACP_ROWS) {
    if (!existing.has(code)) em.create(LedgerAccountSchema, { building: buildingId, code, labelFr, labelNl: labelNl || labelFr, type, parentCode, fromChart: true, owner: null, supplierId: null, bankAccount: null });
  }
  const journals = new Set((await em.find(JournalSchema, { building: buildingId })).map((j) => j.code));
  for (const j of JOURNALS) if (!journals.has(j.code)) em.create(JournalSchema, { building: buildingId, code: j.code, kind: j.kind, bankAccount: null });
  const banks = await em.find(BankAccountSchema, { building: buildingId }, { orderBy: { id: 'asc' } });
  for (const bank of banks) await ensureBankAccounts(em, buildingId, bank, existing, journals);
  if ((await em.count(FiscalYearSchema, { building: buildingId })) === 0) {
    const year = today.slice(0, 4);
    em.create(FiscalYearSchema, { building: buildingId, startDate: `${year}-01-01`, endDate: `${year}-12-31`, status: 'open', closedAt: null });
  }
  await em.flush();
}

async function ensureBankAccounts(em: EntityManager, buildingId: number, bank: BankAccount, codes: Set<string>, journals: Set<string>) {
  const linked = await em.findOne(LedgerAccountSchema, { building: buildingId, bankAccount: bank.id });
  if (!linked) {
    const parent = bankParentCode(bank.purpose);
    let n = 1;
    while (codes.has(`${parent}-${String(n).padStart(2, '0')}`)) n++;
    const code = `${parent}-${String(n).padStart(2, '0')}`;
    codes.add(code);
    const label = `${bank.label || bank.iban} (${bank.iban})`;
    em.create(LedgerAccountSchema, { building: buildingId, code, labelFr: label, labelNl: label, type: 'asset', parentCode: parent, fromChart: false, owner: null, supplierId: null, bankAccount: bank.id });
  }
  if (!(await em.findOne(JournalSchema, { building: buildingId, bankAccount: bank.id }))) {
    let n = 1;
    while (journals.has(`FIN${n}`)) n++;
    journals.add(`FIN${n}`);
    em.create(JournalSchema, { building: buildingId, code: `FIN${n}`, kind: 'bank', bankAccount: bank.id });
  }
}

/**
 * The owner's two sub-accounts in a building: 4100-<id> for reserve-fund calls and
 * 4101-<id> for working-capital provisions (individual owner accounts, AR 12/07/2012).
 */
export async function ensureOwnerAccounts(em: EntityManager, buildingId: number, ownerId: number): Promise<{ reserve: string; working: string }> {
  const reserve = `4100-${ownerId}`, working = `4101-${ownerId}`;
  const have = new Set((await em.find(LedgerAccountSchema, { building: buildingId, code: { $in: [reserve, working] } })).map((a) => a.code));
  if (have.size < 2) {
    const owner = await em.findOneOrFail(OwnerSchema, { id: ownerId });
    const name = ownerDisplayName(owner);
    for (const [code, parent] of [[reserve, '4100'], [working, '4101']] as const) {
      if (!have.has(code)) em.create(LedgerAccountSchema, { building: buildingId, code, labelFr: name, labelNl: name, type: 'asset', parentCode: parent, fromChart: false, owner: ownerId, supplierId: null, bankAccount: null });
    }
    await em.flush();
  }
  return { reserve, working };
}
