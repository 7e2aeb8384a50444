import { Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MAJORITY_RULES } from '../../../src-shared/governance.js';
import { langOf, rulesByMajority } from './meeting.js';

/**
 * The majority of an agenda item, chosen from the catalogue of rules (src-shared/governance.ts):
 * grouped by majority, each option naming what it is for and its article of the Code civil.
 */
export function MajorityPicker({ value, onChange, error, disabled }: { value: string; onChange: (key: string) => void; error?: string; disabled?: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const data = rulesByMajority().map((g) => ({
    group: t(`assemblies.majority.long.${g.majority}`),
    items: g.keys.map((key) => {
      const r = MAJORITY_RULES.find((x) => x.key === key)!;
      return { value: key, label: r.label[lang] };
    }),
  }));
  const chosen = MAJORITY_RULES.find((r) => r.key === value);
  return (
    <Stack gap={4}>
      <Select
        label={t('assemblies.agenda.majority')}
        data={data}
        value={value}
        onChange={(v) => v && onChange(v)}
        allowDeselect={false}
        searchable
        maxDropdownHeight={360}
        comboboxProps={{ width: 580, position: 'bottom-start' }}
        renderOption={({ option }) => (
          <div>
            <Text size="sm">{option.label}</Text>
            <Text size="xs" c="dimmed">{MAJORITY_RULES.find((r) => r.key === option.value)?.article}</Text>
          </div>
        )}
        error={error}
        disabled={disabled}
        required
      />
      {chosen ? (
        <Text size="xs" c="dimmed">
          {t(`assemblies.majority.rule.${chosen.majority}`)} ({chosen.article})
        </Text>
      ) : null}
    </Stack>
  );
}
