import { useTranslation } from 'react-i18next';
import type { SignatureFieldStatus } from '../../../src-shared/contract/signing.js';

/** The chair and the secretary must have signed before the minutes are archived (art. 3.87 §10). */
export const REQUIRED_FIELDS = ['Sig_President', 'Sig_Secretaire'] as const;

export function canArchive(fields: readonly SignatureFieldStatus[]): boolean {
  return REQUIRED_FIELDS.every((name) => fields.some((f) => f.name === name && f.signed && f.integrity === 'valid'));
}

/** Who signs a field, in words: "Président de séance — Jean Dupont". */
export function useFieldLabel() {
  const { t } = useTranslation();
  return (f: SignatureFieldStatus) => {
    const role = f.role ? t(`signing.role.${f.role}`) : f.name;
    return f.label ? `${role} — ${f.label}` : role;
  };
}
