import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Majority } from '../../../src-shared/governance.js';
import { ruleText } from './meeting.js';

const COLORS: Record<Majority, string> = { absolute: 'blue', twoThirds: 'violet', fourFifths: 'grape', unanimity: 'red' };

/** The majority an item needs, short ("2/3"), with the article; the rule's wording on hover. */
export function MajorityBadge({ majority, ruleKey, withArticle = true, size = 'sm' }: { majority: Majority; ruleKey: string; withArticle?: boolean; size?: 'sm' | 'md' | 'lg' }) {
  const { t, i18n } = useTranslation();
  const rule = ruleText(ruleKey, i18n.language);
  const badge = (
    <Badge color={COLORS[majority]} variant="light" tt="none" size={size}>
      {t(`assemblies.majority.short.${majority}`)}{withArticle && rule ? ` · ${rule.article}` : ''}
    </Badge>
  );
  return rule ? <Tooltip label={rule.label} multiline maw={360} withArrow>{badge}</Tooltip> : badge;
}
