import { describe, expect, it } from 'vitest';
import type { WorkflowError} from './invoice-workflow.js';
import { approve, assertEditable, assertPayable, assertRejectable, DEFAULT_POLICY, type Approval } from './invoice-workflow.js';

const pending = (amountCents: number, submittedBy = 1, approvals: Approval[] = []) => ({ status: 'pending_approval' as const, amountCents, submittedBy, approvals });
const syndic = (userId: number) => ({ userId, roles: ['syndic'], council: false });
const council = (userId: number) => ({ userId, roles: [], council: true });
const rule = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as WorkflowError).rule;
  }
  return 'none';
};

describe('invoice approval', () => {
  it('a syndic approves an invoice submitted by the bookkeeper', () => {
    expect(approve(pending(10_000), DEFAULT_POLICY, syndic(2))).toEqual({ approvals: [{ userId: 2, as: 'approver' }], approved: true });
  });
  it('four-eyes: the submitter cannot approve', () => {
    expect(rule(() => approve(pending(10_000, 2), DEFAULT_POLICY, syndic(2)))).toBe('four_eyes');
    expect(approve(pending(10_000, 2), { ...DEFAULT_POLICY, fourEyes: false }, syndic(2)).approved).toBe(true);
  });
  it('above the threshold the council must co-approve, in either order', () => {
    const policy = { ...DEFAULT_POLICY, councilThresholdCents: 500_000 };
    const first = approve(pending(600_000), policy, syndic(2));
    expect(first.approved).toBe(false);
    expect(approve({ ...pending(600_000), approvals: first.approvals }, policy, council(3)).approved).toBe(true);
    const councilFirst = approve(pending(600_000), policy, council(3));
    expect(councilFirst).toEqual({ approvals: [{ userId: 3, as: 'council' }], approved: false });
    expect(approve({ ...pending(600_000), approvals: councilFirst.approvals }, policy, syndic(2)).approved).toBe(true);
  });
  it('at the threshold exactly, no co-approval is needed', () => {
    expect(approve(pending(500_000), { ...DEFAULT_POLICY, councilThresholdCents: 500_000 }, syndic(2)).approved).toBe(true);
  });
  it('one person never counts twice, and a council member alone does not approve below the threshold', () => {
    const policy = { ...DEFAULT_POLICY, councilThresholdCents: 500_000 };
    const first = approve(pending(600_000), policy, syndic(2));
    expect(rule(() => approve({ ...pending(600_000), approvals: first.approvals }, policy, syndic(2)))).toBe('already_approved');
    expect(rule(() => approve({ ...pending(600_000), approvals: first.approvals }, policy, syndic(4)))).toBe('approval_not_needed');
    expect(rule(() => approve(pending(100), policy, council(3)))).toBe('not_approver');
    expect(rule(() => approve(pending(100), policy, { userId: 9, roles: ['accountant'], council: false }))).toBe('not_approver');
  });
  it('only pending invoices are approved or rejected; a reason is required; approved ones are locked and payable', () => {
    expect(rule(() => approve({ ...pending(1), status: 'draft' }, DEFAULT_POLICY, syndic(2)))).toBe('not_pending');
    expect(rule(() => assertRejectable('pending_approval', ' '))).toBe('reason_required');
    expect(rule(() => assertRejectable('approved', 'too late'))).toBe('not_pending');
    expect(rule(() => assertEditable('approved'))).toBe('invoice_locked');
    expect(assertEditable('pending_approval')).toBe('draft');
    expect(assertEditable('rejected')).toBe('draft');
    expect(rule(() => assertPayable('pending_approval'))).toBe('not_approved');
  });
});
