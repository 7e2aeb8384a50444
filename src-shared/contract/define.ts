import type { z } from 'zod';
import type { Permission } from '../permissions.js';

/** One operation of the contract: declared once, implemented once in src-main/app. */
export interface OperationDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  permission: Permission;
  /** Mutating operations run in a transaction and write audit records. */
  mutates: boolean;
  /** Commands run in one transaction unless they manage the connection themselves (backups). */
  transactional: boolean;
  summary: string;
}

export function query<I extends z.ZodType, O extends z.ZodType>(
  def: { input: I; output: O; permission: Permission; summary: string },
): OperationDef<I, O> {
  return { ...def, mutates: false, transactional: false };
}

export function command<I extends z.ZodType, O extends z.ZodType>(
  def: { input: I; output: O; permission: Permission; summary: string; transactional?: boolean },
): OperationDef<I, O> {
  return { ...def, mutates: true, transactional: def.transactional ?? true };
}
