import { useState, type KeyboardEvent, type ReactNode } from 'react';
import { Table, UnstyledButton, Group, Text, VisuallyHidden } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import {
  flexRender, getCoreRowModel, getSortedRowModel, useReactTable,
  type ColumnDef, type OnChangeFn, type SortingState,
} from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import classes from './DataTable.module.css';

export interface DataTableProps<T> {
  data: T[];
  columns: ColumnDef<T, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any -- TanStack's own column type
  /** What the table holds, for screen readers. */
  caption: string;
  getRowId: (row: T) => string;
  /** Opens a row: by click, Enter or Space (rows are in the tab order). */
  onRowOpen?: (row: T) => void;
  /** Accessible name of a row: its main value (e.g. the building name). */
  rowLabel?: (row: T) => string;
  /** Controlled sorting, for server-side sorted lists. */
  sorting?: SortingState;
  onSortingChange?: OnChangeFn<SortingState>;
  manualSorting?: boolean;
  empty?: ReactNode;
}

/** A table with sortable headers (buttons, aria-sort) and rows one can open from the keyboard. */
export function DataTable<T>({ data, columns, caption, getRowId, onRowOpen, rowLabel, sorting, onSortingChange, manualSorting, empty }: DataTableProps<T>) {
  const { t } = useTranslation();
  const [localSorting, setLocalSorting] = useState<SortingState>([]);
  // TanStack Table v8 returns fresh functions each render: the React Compiler skips this component.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data,
    columns,
    getRowId,
    state: { sorting: sorting ?? localSorting },
    onSortingChange: onSortingChange ?? setLocalSorting,
    manualSorting: manualSorting ?? false,
    enableSortingRemoval: false,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });

  const onKey = (row: T) => (e: KeyboardEvent<HTMLTableRowElement>) => {
    if (e.target !== e.currentTarget) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onRowOpen?.(row);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = e.key === 'ArrowDown' ? e.currentTarget.nextElementSibling : e.currentTarget.previousElementSibling;
      (next as HTMLElement | null)?.focus();
    }
  };

  return (
    <Table.ScrollContainer minWidth={640}>
      <Table highlightOnHover={!!onRowOpen} verticalSpacing="sm" className={classes.table}>
        <VisuallyHidden component="caption">{caption}</VisuallyHidden>
        <Table.Thead>
          {table.getHeaderGroups().map((hg) => (
            <Table.Tr key={hg.id}>
              {hg.headers.map((h) => {
                const sorted = h.column.getIsSorted();
                const label = flexRender(h.column.columnDef.header, h.getContext());
                const align = (h.column.columnDef.meta as { align?: 'right' } | undefined)?.align;
                return (
                  <Table.Th key={h.id} aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined} style={align ? { textAlign: align } : undefined}>
                    {h.column.getCanSort() ? (
                      <UnstyledButton onClick={h.column.getToggleSortingHandler()} className={classes.sort} aria-label={t('table.sortBy', { column: typeof h.column.columnDef.header === 'string' ? h.column.columnDef.header : h.id })}>
                        <Group gap={4} wrap="nowrap" justify={align === 'right' ? 'flex-end' : 'flex-start'}>
                          <Text fw={600} size="sm" component="span">{label}</Text>
                          {sorted === 'asc' ? <IconArrowUp size={14} aria-hidden /> : sorted === 'desc' ? <IconArrowDown size={14} aria-hidden /> : <IconArrowsSort size={14} aria-hidden className={classes.sortIdle} />}
                        </Group>
                      </UnstyledButton>
                    ) : (
                      label
                    )}
                  </Table.Th>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Thead>
        <Table.Tbody>
          {table.getRowModel().rows.map((row) => (
            <Table.Tr
              key={row.id}
              className={onRowOpen ? classes.clickable : undefined}
              tabIndex={onRowOpen ? 0 : undefined}
              aria-label={rowLabel?.(row.original)}
              onClick={onRowOpen ? () => onRowOpen(row.original) : undefined}
              onKeyDown={onRowOpen ? onKey(row.original) : undefined}
            >
              {row.getVisibleCells().map((cell) => {
                const align = (cell.column.columnDef.meta as { align?: 'right' } | undefined)?.align;
                return (
                  <Table.Td key={cell.id} style={align ? { textAlign: align } : undefined}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
          {data.length === 0 && empty ? (
            <Table.Tr>
              <Table.Td colSpan={columns.length}>{empty}</Table.Td>
            </Table.Tr>
          ) : null}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
