/**
 * The approval workflow of supplier invoices:
 *
 *   Draft → PendingApproval → Approved → Paid
 *                          ↘ Rejected (reason required)
 *
 * - four-eyes: nobody approves an invoice they submitted;
 * - above the building's threshold a member of its owners' council (conseil de
 *   copropriété / raad van mede-eigendom, art. 3.90) must co-approve, besides an approver;
 * - editing a submitted or rejected invoice sends it back to Draft and clears approvals.
 * Pure: the handlers load the facts, this decides.
 */
export const INVOICE_STATUSES = ['draft', 'pending_approval', 'approved', 'rejected', 'paid'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

export interface ApprovalPolicy {
  /** Firm roles whose members approve (default: syndic, admin). */
  approverRoles: string[];
  /** Above this amount (cents, inclusive of VAT) a council member must co-approve; null: never. */
  councilThresholdCents: number | null;
  fourEyes: boolean;
}

export const DEFAULT_POLICY: ApprovalPolicy = { approverRoles: ['syndic', 'admin'], councilThresholdCents: null, fourEyes: true };

export interface Approval { userId: number; as: 'approver' | 'council' }

export interface Approver {
  userId: number;
  /** Firm roles the person holds (syndic, admin, accountant, …). */
  roles: string[];
  /** Whether the person sits on this building's council. */
  council: boolean;
}

export class WorkflowError extends Error {
  override name = 'WorkflowError';
  constructor(public readonly rule: string, message: string) {
    super(message);
  }
}

export function assertEditable(status: InvoiceStatus): InvoiceStatus {
  if (status === 'approved' || status === 'paid') throw new WorkflowError('invoice_locked', 'An approved or paid invoice cannot be changed: its entry is posted');
  return 'draft';
}

export function assertSubmittable(status: InvoiceStatus): void {
  if (status !== 'draft') throw new WorkflowError('not_draft', 'Only a draft invoice can be submitted for approval');
}

export function needsCouncil(policy: ApprovalPolicy, amountCents: number): boolean {
  return policy.councilThresholdCents !== null && amountCents > policy.councilThresholdCents;
}

/**
 * Records one person's approval. Returns the approvals after it and whether the invoice is
 * now approved. Throws a WorkflowError naming the rule when the person may not approve.
 */
export function approve(
  inv: { status: InvoiceStatus; amountCents: number; submittedBy: number | null; approvals: Approval[] },
  policy: ApprovalPolicy,
  who: Approver,
): { approvals: Approval[]; approved: boolean } {
  if (inv.status !== 'pending_approval') throw new WorkflowError('not_pending', 'Only an invoice waiting for approval can be approved');
  if (policy.fourEyes && inv.submittedBy === who.userId) throw new WorkflowError('four_eyes', 'You submitted this invoice: someone else must approve it (four-eyes rule)');
  if (inv.approvals.some((a) => a.userId === who.userId)) throw new WorkflowError('already_approved', 'You already approved this invoice');
  const council = needsCouncil(policy, inv.amountCents);
  const hasApprover = inv.approvals.some((a) => a.as === 'approver');
  const hasCouncil = inv.approvals.some((a) => a.as === 'council');
  const canApprove = who.roles.some((r) => policy.approverRoles.includes(r));
  let as: Approval['as'];
  if (canApprove && !hasApprover) as = 'approver';
  else if (council && who.council && !hasCouncil) as = 'council';
  else if (canApprove || (who.council && council)) throw new WorkflowError('approval_not_needed', council ? 'This invoice already has that approval; it waits for the other one' : 'This invoice already has its approval');
  else throw new WorkflowError('not_approver', 'Your role does not approve invoices of this building');
  const approvals = [...inv.approvals, { userId: who.userId, as }];
  const approved = approvals.some((a) => a.as === 'approver') && (!council || approvals.some((a) => a.as === 'council'));
  return { approvals, approved };
}

export function assertRejectable(status: InvoiceStatus, reason: string): void {
  if (status !== 'pending_approval') throw new WorkflowError('not_pending', 'Only an invoice waiting for approval can be rejected');
  if (reason.trim().length < 3) throw new WorkflowError('reason_required', 'Say why the invoice is rejected');
}

export function assertPayable(status: InvoiceStatus): void {
  if (status !== 'approved') throw new WorkflowError('not_approved', 'Only an approved invoice can be paid');
}
