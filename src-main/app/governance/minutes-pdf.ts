import { createPdf } from '../pdf/document.js';
import { Flow, GREY } from '../pdf/flow.js';
import { addEmptySignatureField } from '../pdf/signature-field.js';
import { brusselsDateTime, fit } from '../pdf/text.js';
import { fill, GOVERNANCE_CATALOGS, shares2, sharesInt, type DocumentLanguage } from './governance-text.js';
import type { MinutesFacts } from './minutes.js';

import type { LetterHead } from '../pdf/letterhead.js';
export type { LetterHead };

/** "Syndic : Firm — BCE … — IPI n° … — address", the firm's line at the top of every document. */
export function firmLine(head: LetterHead, language: DocumentLanguage): string {
  const c = GOVERNANCE_CATALOGS[language].common;
  const f = head.firm;
  return [fill(c.syndic, { firm: f.name }), f.bce ? fill(c.bce, { bce: f.bce }) : null, f.ipiNumber ? fill(c.ipi, { ipi: f.ipiNumber }) : null, f.address].filter(Boolean).join(' — ');
}

/**
 * The minutes as an A4 PDF: header (firm, building, meeting), attendance and quorum, each
 * resolution with its majority and article, the votes in quote-parts, the outcome and the
 * names of those against or abstaining, the free text, then empty signature fields
 * (`Sig_President`, `Sig_Secretaire`, `Sig_<voter>`) for the eID signing module.
 */
export async function minutesPdf(facts: MinutesFacts, head: LetterHead, language: DocumentLanguage, freeText: string | null, now: Date): Promise<Uint8Array> {
  const t = GOVERNANCE_CATALOGS[language];
  const M = t.minutes;
  const kind = t.kind[facts.kind];
  const when = brusselsDateTime(facts.scheduledAt);
  const title = fill(facts.failed ? M.titleFailed : M.title, { kind });
  const { pdf, regular, bold } = await createPdf({
    title: `${title} — ${head.building.name} — ${when.date}`, subject: fill(t.common.acp, { building: head.building.name }), author: head.firm.name,
    language: language === 'nl' ? 'nl-BE' : 'fr-BE', createdAt: now,
  });
  const flow = new Flow(pdf, { regular, bold });

  // Header.
  flow.text(firmLine(head, language), { size: 8, color: GREY, after: 8 });
  flow.text(fill(t.common.acp, { building: head.building.name }), { size: 13, bold: true });
  flow.text([head.building.address, head.building.bce ? fill(t.common.bce, { bce: head.building.bce }) : null].filter(Boolean).join(' — '), { size: 9, after: 10 });
  flow.text(title, { size: 15, bold: true, after: 2 });
  if (facts.session === 'second') flow.text(M.secondSession, { size: 9, after: 2 });
  flow.space(4);
  for (const line of [fill(M.when, when), fill(M.place, { place: facts.place }), fill(M.chair, { name: facts.chair }), fill(M.secretary, { name: facts.secretary })]) flow.text(line, { size: 10 });

  // Attendance and quorum (art. 3.87 §5).
  flow.heading(M.attendance);
  const q = facts.quorum;
  flow.text(fill(M.quorumCount, { owners: q.owners.represented, ownersTotal: q.owners.total, shares: sharesInt(q.shares.represented), sharesTotal: sharesInt(q.shares.total) }), { after: 3 });
  flow.text(M.quorum[q.rule], { after: 4 });
  if (facts.failed) flow.text(M.carence, { after: 4 });

  const note = (v: { fromItem: number; untilItem: number | null }) =>
    [v.fromItem > 1 ? fill(M.arrived, { item: v.fromItem }) : null, v.untilItem !== null ? fill(M.left, { item: v.untilItem }) : null].filter(Boolean).join(', ');
  const table = (heading: string, header: { text: string; width: number; align?: 'right' }[], rows: string[][]) => {
    if (!rows.length) return;
    flow.space(4);
    flow.text(heading, { size: 10, bold: true, keepWithNext: 2 });
    flow.row(header.map((h) => ({ ...h, bold: true })), { size: 8.5 });
    for (const r of rows) flow.row(header.map((h, i) => ({ ...h, text: r[i] ?? '' })), { size: 8.5 });
  };
  const cOwner = { text: M.colOwner, width: 0.34 }, cLots = { text: M.colLots, width: 0.14 }, cShares = { text: M.colShares, width: 0.16, align: 'right' as const };
  table(M.present, [cOwner, cLots, cShares, { text: M.colNote, width: 0.36 }], facts.present.map((v) => [v.name, v.lots.join(', '), sharesInt(v.shares), note(v)]));
  table(M.represented, [cOwner, cLots, cShares, { text: M.colHolder, width: 0.36 }], facts.represented.map((v) => [v.name, v.lots.join(', '), sharesInt(v.shares), [v.holder, note(v)].filter(Boolean).join(' — ')]));
  table(M.refused, [cOwner, cShares, { text: M.colHolder, width: 0.2 }, { text: M.colReason, width: 0.3 }], facts.refused.map((v) => [v.name, sharesInt(v.shares), v.holder, t.proxyReason[v.reason as keyof typeof t.proxyReason] ?? t.proxyReason.invalid]));
  table(M.absent, [cOwner, cLots, cShares, { text: '', width: 0.36 }], facts.absent.map((v) => [v.name, v.lots.join(', '), sharesInt(v.shares), '']));

  // Resolutions.
  flow.heading(M.resolutions);
  for (const item of facts.items) {
    flow.space(4);
    flow.text(fill(M.item, { n: item.position, title: item.title }), { size: 10.5, bold: true, keepWithNext: 2, after: 1 });
    if (item.text.trim()) flow.text(item.text.trim(), { size: 9.5, after: 2 });
    if (!item.voted) {
      flow.text(M.information, { size: 9.5, color: GREY });
      continue;
    }
    if (item.rule) flow.text(fill(M.required, { majority: t.majority[item.majority as keyof typeof t.majority], rule: item.rule.label[language], article: item.rule.article }), { size: 9.5 });
    const r = item.result;
    if (facts.failed || !r || r.resolution.outcome === 'not_deliberated') {
      flow.text(M.notDeliberated, { size: 9.5, bold: true });
      continue;
    }
    flow.text(fill(M.votes, { for: shares2(r.resolution.for), against: shares2(r.resolution.against), abstain: shares2(r.resolution.abstain) }), { size: 9.5 });
    flow.text(fill(M.representedAt, { n: r.represented }), { size: 9.5 });
    for (const c of r.capped) flow.text(fill(M.capped, { name: facts.names[c.participant] ?? c.participant, shares: shares2(c.shares), cappedTo: shares2(c.cappedTo) }), { size: 9.5 });
    flow.text(fill(M.decision, { outcome: t.outcome[r.resolution.outcome] }), { size: 10, bold: true });
    if (r.resolution.failedOnlyByAbsentees) flow.text(M.failedOnlyByAbsentees, { size: 9.5 });
    const list = (names: string[]) => (names.length ? names.join(', ') : t.common.none);
    flow.text(fill(M.against, { names: list(r.against) }), { size: 9.5 });
    flow.text(fill(M.abstained, { names: list(r.abstained) }), { size: 9.5 });
  }

  if (freeText?.trim()) {
    flow.heading(M.freeText);
    flow.text(freeText.trim(), { size: 9.5 });
  }

  flow.space(8);
  if (!facts.failed && facts.closedAt) flow.text(fill(M.closedAt, { time: brusselsDateTime(facts.closedAt).time }), { after: 4 });
  flow.text(M.legal, { size: 8.5, color: GREY, after: 2 });
  if (!facts.failed) flow.text(M.appeal, { size: 8.5, color: GREY });

  // Signature fields, two per row.
  flow.heading(M.signatures);
  const signers: { field: string; label: string; name: string }[] = [
    { field: 'Sig_President', label: M.signChair, name: facts.chair },
    { field: 'Sig_Secretaire', label: M.signSecretary, name: facts.secretary },
    ...facts.signers.map((s) => ({
      field: s.field,
      label: s.role === 'owner' ? M.signOwner : fill(s.role === 'ownerHolder' ? M.signOwnerHolder : M.signHolder, { names: s.mandants.join(', ') }),
      name: s.name,
    })),
  ];
  const gap = 20;
  const cellWidth = (flow.width - gap) / 2;
  const boxHeight = 56;
  for (let i = 0; i < signers.length; i += 2) {
    flow.ensure(boxHeight + 40);
    const top = flow.y;
    signers.slice(i, i + 2).forEach((s, k) => {
      const x = flow.left + k * (cellWidth + gap);
      flow.y = top;
      flow.y -= 9;
      flow.draw(fit(s.label, bold, 8.5, cellWidth), x, { size: 8.5, bold: true });
      const boxTop = flow.y - 4;
      addEmptySignatureField(pdf, flow.page, s.field, { x, y: boxTop - boxHeight, width: cellWidth, height: boxHeight });
      flow.y = boxTop - boxHeight - 11;
      flow.draw(fit(s.name, regular, 9, cellWidth), x, { size: 9 });
    });
    flow.y = top - (9 + 4 + boxHeight + 11 + 14);
  }

  flow.footers(fill(M.footer, { building: head.building.name, kind, date: when.date }), (page, pages) => fill(t.common.page, { page, pages }));
  return pdf.save({ useObjectStreams: true });
}

