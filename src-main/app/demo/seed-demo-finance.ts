import type { Dispatcher } from '../dispatch.js';
import type { OpInput, OpOutput, OperationName } from '../../../src-shared/contract/index.js';

/**
 * A year of bookkeeping for the demo buildings, up to today: suppliers, a lift key,
 * quarterly calls for funds, monthly and quarterly invoices (most approved and paid, a few
 * waiting in the inbox, one draft), owners' payments on the bank, and the first half-year's
 * statement of charges. Deterministic for a given date.
 */
export async function seedDemoFinance(d: Dispatcher, buildings: { bxl: number; gent: number }, tokens: { accountant: string; syndic: string }): Promise<void> {
  const as = async <N extends OperationName>(token: string | null, name: N, input: OpInput<N>): Promise<OpOutput<N>> => {
    const r = await d.call(name, input, token ? { sessionToken: token } : { cli: true });
    if (!r.ok) throw new Error(`seed-demo: ${name} failed: ${r.error.message} ${JSON.stringify(r.error.details ?? {})}`);
    return r.value as OpOutput<N>;
  };
  const today = d.services.now().toISOString().slice(0, 10);
  const year = today.slice(0, 4);
  const day = (m: number, dd: number) => `${year}-${String(m).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
  const month = Number(today.slice(5, 7));

  const suppliers = {
    cleaning: await as(null, 'suppliers.create', { name: 'Net & Clair SRL', bce: '0403.170.701', iban: 'BE44 0016 6645 4845', defaultExpenseAccount: '6105', email: 'factures@netclair.example.be' }),
    lift: await as(null, 'suppliers.create', { name: 'Ascenseurs Brabant SA', bce: '0455.322.255', iban: 'BE92 3100 7549 8523', defaultExpenseAccount: '6101', email: '' }),
    energy: await as(null, 'suppliers.create', { name: 'Énergie Bruxelles SA', bce: null, iban: 'BE63 3630 9117 6808', defaultExpenseAccount: '6121', email: '' }),
    insurance: await as(null, 'suppliers.create', { name: 'Assurances Iris SA', bce: null, iban: 'BE84 7350 1051 2259', defaultExpenseAccount: '614', email: '' }),
    garden: await as(null, 'suppliers.create', { name: 'Groen & Tuin BV', bce: null, iban: 'BE04 7380 3927 6231', defaultExpenseAccount: '6106', email: '' }),
  };

  const keys = await as(null, 'charges.keys', { buildingId: buildings.bxl });
  const flats = keys[0]!.lots.filter((l) => /^\d\.[AB]$/.test(l.number));
  // Lift: flats weigh by their floor (the ground floor and the basement do not use it).
  const lift = await as(null, 'charges.saveKey', { buildingId: buildings.bxl, name: 'Ascenseur', weights: flats.map((l) => ({ lotId: l.lotId, weight: Number(l.number.split('.')[0]) })) });

  // Quarterly provisions: 9 000 € a quarter in Brussels, 2 400 € in Ghent; reserve fund once a year.
  const quarters = [1, 4, 7, 10].filter((m) => m <= month);
  const calls: { buildingId: number; lines: { ownerId: number; amountCents: number; ogm: string }[]; month: number }[] = [];
  for (const [i, m] of quarters.entries()) {
    for (const [buildingId, total, label] of [[buildings.bxl, 900_000, `${year} T${i + 1}`], [buildings.gent, 240_000, `${year} K${i + 1}`]] as const) {
      const r = await as(tokens.accountant, 'calls.issue', { buildingId, kind: 'working', label, callDate: day(m, 1), dueDate: day(m, 28), totalCents: total, keyId: null });
      calls.push({ buildingId, lines: r.lines, month: m });
    }
  }
  await as(tokens.accountant, 'calls.issue', { buildingId: buildings.bxl, kind: 'reserve', label: `Fonds de réserve ${year}`, callDate: day(1, 15), dueDate: day(2, 15), totalCents: 500_000, keyId: null });

  // Owners pay their calls by bank transfer, nine out of ten on time.
  for (const call of calls) {
    for (const [i, line] of call.lines.entries()) {
      if ((i + call.month) % 10 === 3) continue;
      await as(tokens.accountant, 'ledger.post', {
        buildingId: call.buildingId, journalCode: 'FIN1', date: day(call.month, 10 + (i % 15)), description: `Paiement +++${line.ogm.slice(0, 3)}/${line.ogm.slice(3, 7)}/${line.ogm.slice(7)}+++`,
        lines: [{ accountCode: '551-01', debitCents: line.amountCents }, { accountCode: `4101-${line.ownerId}`, creditCents: line.amountCents }],
      });
    }
  }

  // Invoices: cleaning monthly, lift and energy quarterly, insurance yearly, the garden in spring.
  type Plan = { s: keyof typeof suppliers; m: number; cents: number; account: string; key?: number; text: string; building?: number };
  const plan: Plan[] = [];
  for (let m = 1; m <= month; m++) plan.push({ s: 'cleaning', m, cents: 48_400 + (m % 3) * 1_210, account: '6105', text: `Nettoyage des communs ${day(m, 1).slice(0, 7)}` });
  for (const m of quarters) {
    plan.push({ s: 'lift', m, cents: 62_920, account: '6101', key: lift.id, text: 'Entretien trimestriel ascenseur' });
    plan.push({ s: 'energy', m, cents: 131_500 + m * 2_300, account: '6121', text: 'Électricité des communs' });
    plan.push({ s: 'energy', m, cents: 41_800 + m * 900, account: '6121', text: 'Elektriciteit gemeenschappelijke delen', building: buildings.gent });
  }
  plan.push({ s: 'insurance', m: 1, cents: 389_760, account: '614', text: 'Assurance incendie immeuble' });
  if (month >= 4) plan.push({ s: 'garden', m: 4, cents: 72_600, account: '6106', text: 'Tuinonderhoud voorjaar', building: buildings.gent });

  for (const [i, p] of plan.entries()) {
    const invoiceDate = day(p.m, 5 + (i % 20));
    const due = new Date(`${invoiceDate}T00:00:00Z`);
    due.setUTCDate(due.getUTCDate() + 30);
    const recent = p.m >= month - 1; // the last two months wait in the inbox
    const { id } = await as(tokens.accountant, 'invoices.create', {
      data: {
        buildingId: p.building ?? buildings.bxl, supplierId: suppliers[p.s].id, number: `${p.s.slice(0, 3).toUpperCase()}-${year}-${String(i + 1).padStart(4, '0')}`,
        invoiceDate, dueDate: due.toISOString().slice(0, 10), amountCents: p.cents, vatCents: Math.round((p.cents * 21) / 121), expenseAccount: p.account,
        distributionKeyId: p.key ?? null, description: p.text,
      },
      submit: !(recent && i % 4 === 0),
    });
    if (recent) continue; // some are still drafts
    await as(tokens.syndic, 'invoices.approve', { ids: [id] });
    if (p.m < month - 2 || i % 2 === 0) await as(tokens.accountant, 'invoices.pay', { id, date: invoiceDate.slice(0, 8) + '28' });
  }

  if (month > 6) {
    for (const buildingId of [buildings.bxl, buildings.gent]) {
      await as(tokens.accountant, 'charges.postStatement', { buildingId, periodStart: day(1, 1), periodEnd: day(6, 30), date: day(7, 15) });
    }
  }
}
