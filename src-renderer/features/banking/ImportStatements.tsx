import { useRef, useState, type DragEvent } from 'react';
import { Alert, Anchor, Badge, Button, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconFileUpload, IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { OpOutput } from '../../../src-shared/contract/index.js';
import { formatIban } from '../../../src-shared/values/iban.js';
import { isApiError, type ApiError } from '../../api/ApiError.js';
import { useOpMutation } from '../../api/hooks.js';
import { routeHref } from '../../app/router.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useFormat } from '../../i18n/useFormat.js';
import { fileToBase64 } from '../finance/download.js';
import { useMoney } from '../finance/useMoney.js';
import { useOperationProgress } from '../../api/progress.js';
import { ImportProgress, type ImportRun } from './ImportProgress.js';
import { useBankProblemText } from './problems.js';
import classes from './Bank.module.css';

type Summary = OpOutput<'bank.import'>;
type Outcome = { fileName: string; summary: Summary } | { fileName: string; error: unknown };

const byName = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/**
 * Importing bank statements (extraits de compte / rekeninguittreksels): drop or pick one or
 * several CODA or CAMT.053 files. They are imported one after the other in the order of
 * their names (a statement continues the previous one's balance), each with a progress bar
 * fed by the server's `progress` events; then a summary per statement — building, account,
 * movements, matched at import, left to match, duplicates left out, the bank and ledger
 * balances — or, for a refused file, its problems in words (nothing of it was imported).
 */
export function ImportStatements() {
  const { t } = useTranslation();
  const importFile = useOpMutation('bank.import');
  const [run, setRun] = useState<ImportRun | null>(null);
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);
  const [over, setOver] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const { progress, start: startProgress } = useOperationProgress('bank.import');

  const start = async (picked: File[]) => {
    if (run || picked.length === 0) return;
    const files = [...picked].sort((a, b) => byName.compare(a.name, b.name));
    const done: Outcome[] = [];
    setOutcomes([]);
    for (const [index, file] of files.entries()) {
      const token = startProgress();
      setRun({ index, count: files.length, fileName: file.name });
      try {
        const contentBase64 = await fileToBase64(file);
        done.push({ fileName: file.name, summary: await importFile.mutateAsync({ fileName: file.name, contentBase64, progressToken: token }) });
      } catch (error) {
        done.push({ fileName: file.name, error });
      }
      setOutcomes([...done]);
    }
    setRun(null);
    if (inputRef.current) inputRef.current.value = '';
  };

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    void start([...e.dataTransfer.files]);
  };

  return (
    <Stack gap="md">
      <div
        className={classes.drop}
        data-over={over || undefined}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <Stack align="center" gap="xs">
          <IconFileUpload size={40} stroke={1.4} aria-hidden />
          <Text fw={600}>{t('bank.import.drop')}</Text>
          <Text size="sm" c="dimmed" maw={620}>{t('bank.import.dropHint')}</Text>
          <Button leftSection={<IconUpload size={16} aria-hidden />} onClick={() => inputRef.current?.click()} loading={!!run}>{t('bank.import.pick')}</Button>
          <input
            ref={inputRef}
            type="file"
            multiple
            hidden
            accept=".cod,.coda,.cod2,.txt,.xml,.053,text/plain,application/xml,text/xml"
            aria-label={t('bank.import.files')}
            onChange={(e) => void start([...(e.currentTarget.files ?? [])])}
          />
        </Stack>
      </div>
      {run ? (
        <Paper withBorder radius="md" p="md" aria-live="polite">
          <ImportProgress run={run} progress={progress} />
        </Paper>
      ) : null}
      {outcomes.map((o, i) => ('summary' in o ? <FileSummary key={i} fileName={o.fileName} summary={o.summary} /> : <FileRefused key={i} fileName={o.fileName} error={o.error} />))}
    </Stack>
  );
}

function FileSummary({ fileName, summary }: { fileName: string; summary: Summary }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { money } = useMoney();
  const imported = summary.statements.filter((s) => s.status === 'imported');
  const toMatch = summary.movements - summary.matched;
  const share = summary.movements ? Math.floor((summary.matched / summary.movements) * 100) : 100;
  const buildings = [...new Map(imported.map((s) => [s.buildingId, s.buildingName])).entries()];
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={t('bank.import.summaryOf', { name: fileName })}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Group gap="xs">
            <IconCircleCheck size={20} color="var(--mantine-color-teal-6)" aria-hidden />
            <Title order={3} size="h5">{fileName}</Title>
            <Badge variant="light" color="gray" tt="none">{summary.format === 'coda' ? 'CODA' : 'CAMT.053'}</Badge>
          </Group>
          <Text size="sm" fw={600} data-testid="import-matched">
            {t('bank.import.matchedShare', { matched: fmt.number(summary.matched), movements: fmt.number(summary.movements), share: fmt.number(share) })}
          </Text>
        </Group>
        <Text size="sm">
          {t('bank.import.totals', { imported: fmt.number(summary.imported), duplicates: fmt.number(summary.duplicates), movements: fmt.number(summary.movements), toMatch: fmt.number(toMatch) })}
        </Text>
        <Table.ScrollContainer minWidth={860}>
          <Table striped fz="sm" verticalSpacing={6} aria-label={t('bank.import.statements')} className={classes.noWrapHead}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('bank.import.columns.building')}</Table.Th>
                <Table.Th>{t('bank.import.columns.statement')}</Table.Th>
                <Table.Th ta="right">{t('bank.import.columns.movements')}</Table.Th>
                <Table.Th ta="right">{t('bank.import.columns.matched')}</Table.Th>
                <Table.Th ta="right">{t('bank.import.columns.toMatch')}</Table.Th>
                <Table.Th ta="right">{t('bank.import.columns.bankBalance')}</Table.Th>
                <Table.Th ta="right">{t('bank.import.columns.ledgerBalance')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {summary.statements.map((s) => {
                const statement = `${formatIban(s.account)} · ${t('bank.import.number', { n: s.sequence ?? '—' })}${s.date ? ` · ${fmt.date(s.date)}` : ''}`;
                if (s.status === 'duplicate') {
                  return (
                    <Table.Tr key={s.index}>
                      <Table.Td>{s.buildingName}</Table.Td>
                      <Table.Td>{statement}</Table.Td>
                      <Table.Td colSpan={5}><Badge variant="light" color="yellow" tt="none">{t('bank.import.duplicate')}</Badge></Table.Td>
                    </Table.Tr>
                  );
                }
                const gap = s.ledgerBalanceCents !== null && s.ledgerBalanceCents !== s.closingBalanceCents;
                return (
                  <Table.Tr key={s.index} aria-label={`${s.buildingName} ${statement}`}>
                    <Table.Td fw={600}>{s.buildingName}</Table.Td>
                    <Table.Td>{statement}</Table.Td>
                    <Table.Td ta="right">{fmt.number(s.movements)}</Table.Td>
                    <Table.Td ta="right">{fmt.number(s.matched)}</Table.Td>
                    <Table.Td ta="right" fw={s.movements - s.matched ? 700 : undefined} c={s.movements - s.matched ? 'orange' : undefined}>{fmt.number(s.movements - s.matched)}</Table.Td>
                    <Table.Td ta="right" className={classes.amount}>{money(s.closingBalanceCents)}</Table.Td>
                    <Table.Td ta="right" className={classes.amount} c={gap ? 'orange' : undefined} title={gap ? t('bank.import.ledgerGap') : undefined}>
                      {s.ledgerBalanceCents === null ? '—' : money(s.ledgerBalanceCents)}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {imported.some((s) => s.ledgerBalanceCents !== null && s.ledgerBalanceCents !== s.closingBalanceCents) ? <Text size="xs" c="dimmed">{t('bank.import.ledgerGap')}</Text> : null}
        {summary.warnings.length ? (
          <Alert variant="light" color="yellow" title={t('bank.import.warnings')}>
            <List size="sm" spacing={2}>
              {summary.warnings.map((w, i) => <List.Item key={i}>{t('bank.problems.lineText', { line: w.line, message: w.message })}</List.Item>)}
            </List>
          </Alert>
        ) : null}
        {toMatch > 0 ? (
          <Group gap="md">
            {buildings.map(([id, name]) => (
              <Anchor key={id} href={routeHref({ name: 'bank', view: 'reconcile', buildingId: id })} size="sm" fw={600}>{t('bank.import.goMatch', { building: name })}</Anchor>
            ))}
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}

function FileRefused({ fileName, error }: { fileName: string; error: unknown }) {
  const { t } = useTranslation();
  const problem = useBankProblemText();
  if (!isApiError(error) || error.code !== 'IMPORT_INVALID') return <ErrorAlert error={error} title={t('bank.import.failed', { name: fileName })} />;
  const problems = (error as ApiError).problems;
  return (
    <Alert color="red" variant="light" role="alert" icon={<IconAlertTriangle aria-hidden />} title={t('bank.import.refused', { name: fileName })}>
      <Stack gap="xs">
        <Text size="sm">{t('bank.import.refusedText')}</Text>
        <List size="sm" spacing={6} aria-label={t('bank.import.problems')}>
          {problems.map((p, i) => {
            const where = problem.where(p);
            const detail = problem.detail(p);
            return (
              <List.Item key={i}>
                <Text size="sm" span fw={600}>{where ? `${where} — ` : ''}</Text>
                <Text size="sm" span>{problem.what(p)}</Text>
                {detail ? <Text size="xs" c="dimmed" ff="monospace">{detail}</Text> : null}
              </List.Item>
            );
          })}
        </List>
      </Stack>
    </Alert>
  );
}
