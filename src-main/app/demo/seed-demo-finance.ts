import type { Dispatcher } from '../dispatch.js';
import type { OpInput, OpOutput, OperationName } from '../../../src-shared/contract/index.js';
import { codaStatement, type PaymentSpec } from '../banking/statement-generator.js';

/**
 * A year of bookkeeping for the demo buildings, up to today: suppliers, a lift key,
 * quarterly calls for funds, monthly and quarterly invoices (most approved and paid, a few
 * waiting in the inbox, one draft), a monthly CODA statement of each working account —
 * owners' payments and supplier transfers — imported and reconciled through bank.import
 * (most matched by their OGM, some left for a person), and the first half-year's statement
 * of charges. Deterministic for a given date.
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

  const supplierNames = { cleaning: 'Net & Clair SRL', lift: 'Ascenseurs Brabant SA', energy: 'Énergie Bruxelles SA', insurance: 'Assurances Iris SA', garden: 'Groen & Tuin BV' };
  const supplier = async (key: keyof typeof supplierNames, iban: string, rest: { bce: string | null; defaultExpenseAccount: string; email: string }) =>
    ({ ...(await as(null, 'suppliers.create', { name: supplierNames[key], iban, ...rest })), iban: iban.replace(/\s/g, '') });
  const suppliers = {
    cleaning: await supplier('cleaning', 'BE44 0016 6645 4845', { bce: '0403.170.701', defaultExpenseAccount: '6105', email: 'factures@netclair.example.be' }),
    lift: await supplier('lift', 'BE92 3100 7549 8523', { bce: '0455.322.255', defaultExpenseAccount: '6101', email: '' }),
    energy: await supplier('energy', 'BE63 3630 9117 6808', { bce: null, defaultExpenseAccount: '6121', email: '' }),
    insurance: await supplier('insurance', 'BE84 7350 1051 2259', { bce: null, defaultExpenseAccount: '614', email: '' }),
    garden: await supplier('garden', 'BE04 7380 3927 6231', { bce: null, defaultExpenseAccount: '6106', email: '' }),
  };
  /** Money in and out of the working accounts, written into the monthly bank statements below. */
  const payments: (PaymentSpec & { buildingId: number })[] = [];

  const keys = await as(null, 'charges.keys', { buildingId: buildings.bxl });
  const flats = keys[0]!.lots.filter((l) => /^\d\.[AB]$/.test(l.number));
  // Lift: flats weigh by their floor (the ground floor and the basement do not use it).
  const lift = await as(null, 'charges.saveKey', { buildingId: buildings.bxl, name: 'Ascenseur', weights: flats.map((l) => ({ lotId: l.lotId, weight: Number(l.number.split('.')[0]) })) });

  // Quarterly provisions: 9 000 € a quarter in Brussels, 2 400 € in Ghent; reserve fund once a year.
  const quarters = [1, 4, 7, 10].filter((m) => m <= month);
  const calls: { buildingId: number; label: string; lines: { ownerId: number; name: string; amountCents: number; ogm: string }[]; month: number }[] = [];
  for (const [i, m] of quarters.entries()) {
    for (const [buildingId, total, label] of [[buildings.bxl, 900_000, `${year} T${i + 1}`], [buildings.gent, 240_000, `${year} K${i + 1}`]] as const) {
      const r = await as(tokens.accountant, 'calls.issue', { buildingId, kind: 'working', label, callDate: day(m, 1), dueDate: day(m, 28), totalCents: total, keyId: null });
      calls.push({ buildingId, label, lines: r.lines, month: m });
    }
  }
  await as(tokens.accountant, 'calls.issue', { buildingId: buildings.bxl, kind: 'reserve', label: `Fonds de réserve ${year}`, callDate: day(1, 15), dueDate: day(2, 15), totalCents: 500_000, keyId: null });

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
    const number = `${p.s.slice(0, 3).toUpperCase()}-${year}-${String(i + 1).padStart(4, '0')}`;
    const { id } = await as(tokens.accountant, 'invoices.create', {
      data: {
        buildingId: p.building ?? buildings.bxl, supplierId: suppliers[p.s].id, number,
        invoiceDate, dueDate: due.toISOString().slice(0, 10), amountCents: p.cents, vatCents: Math.round((p.cents * 21) / 121), expenseAccount: p.account,
        distributionKeyId: p.key ?? null, description: p.text,
      },
      submit: !(recent && i % 4 === 0),
    });
    if (recent) continue; // some are still drafts
    await as(tokens.syndic, 'invoices.approve', { ids: [id] });
    // Paid by transfer on the 28th: the bank statement brings the payment, reconciliation marks the invoice paid.
    const paidOn = invoiceDate.slice(0, 8) + '28';
    if ((p.m < month - 2 || i % 2 === 0) && paidOn <= today) {
      const s = suppliers[p.s];
      payments.push({ buildingId: p.building ?? buildings.bxl, date: paidOn, amountCents: -p.cents, counterpartyName: supplierNames[p.s].toUpperCase(), counterpartyAccount: s.iban, communication: `Facture ${number}` });
    }
  }

  // Owners pay their calls by bank transfer, nine out of ten: most with the OGM of the letter,
  // some with only their name in a free communication, a few with a wrong amount.
  for (const call of calls) {
    for (const [i, line] of call.lines.entries()) {
      const k = i + call.month;
      if (k % 10 === 3) continue; // not paid: the reminders have work
      const date = day(call.month, 10 + (i % 15));
      if (date > today) continue;
      const who = line.name.toUpperCase();
      if (k % 12 === 5) payments.push({ buildingId: call.buildingId, date, amountCents: line.amountCents, counterpartyName: who, communication: `PROVISION CHARGES ${call.label} ${who}` });
      else if (k % 17 === 7) payments.push({ buildingId: call.buildingId, date, amountCents: Math.round(line.amountCents * 0.8), counterpartyName: who, communication: 'charges' });
      else payments.push({ buildingId: call.buildingId, date, amountCents: line.amountCents, counterpartyName: who, ogm: line.ogm });
    }
  }

  // A monthly CODA statement per working account, imported through bank.import: the movements
  // are posted through the suspense account 499 and matched automatically where sure.
  for (const [buildingId, iban, name, openingCents] of [[buildings.bxl, 'BE68539007547034', 'ACP RESIDENCE LES TILLEULS', 4_250_000], [buildings.gent, 'BE43068999999501', 'VME RESIDENTIE LEIE', 1_180_000]] as const) {
    await as(tokens.accountant, 'ledger.post', { buildingId, journalCode: 'OUV', date: day(1, 1), description: 'Solde bancaire d’ouverture', lines: [{ accountCode: '551-01', debitCents: openingCents }, { accountCode: '100', creditCents: openingCents }] });
    let opening = openingCents;
    for (let m = 1; m <= month; m++) {
      const mine = payments.filter((x) => x.buildingId === buildingId && x.date.slice(5, 7) === String(m).padStart(2, '0'));
      const end = new Date(Date.UTC(Number(year), m, 0)).toISOString().slice(0, 10);
      const date = end < today ? end : today;
      const bytes = codaStatement({ account: iban, holderName: name, sequence: m, date, openingCents: opening, payments: mine.map(({ buildingId: _b, ...x }) => x) });
      await as(tokens.accountant, 'bank.import', { fileName: `${iban}-${year}-${String(m).padStart(3, '0')}.cod`, contentBase64: bytes.toString('base64') });
      opening += mine.reduce((t, x) => t + x.amountCents, 0);
    }
  }

  // The first reminders for who is late, as the syndic sends them.
  for (const buildingId of [buildings.bxl, buildings.gent]) {
    const due = (await as(tokens.accountant, 'reminders.due', { buildingId })).filter((r) => r.nextLevel === 1);
    if (due.length) await as(tokens.accountant, 'reminders.issue', { buildingId, level: 1, ownerIds: due.map((r) => r.ownerId) });
  }

  if (month > 6) {
    for (const buildingId of [buildings.bxl, buildings.gent]) {
      await as(tokens.accountant, 'charges.postStatement', { buildingId, periodStart: day(1, 1), periodEnd: day(6, 30), date: day(7, 15) });
    }
  }
}
