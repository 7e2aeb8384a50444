import type { Ref } from 'react';
import { TextInput, type TextInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { centsToInput, parseEuros } from './amount.js';

type Props = Omit<TextInputProps, 'value' | 'onChange'> & {
  value: string;
  onChange: (text: string) => void;
  ref?: Ref<HTMLInputElement>;
};

/**
 * Euros as typed (`1.234,56`, `1234.5`, `12,3`); the text is kept as typed while editing and
 * shown the Belgian way when the field is left. Conversion to cents: `parseEuros`.
 */
export function AmountInput({ value, onChange, onBlur, ref, ...rest }: Props) {
  const { i18n } = useTranslation();
  return (
    <TextInput
      {...rest}
      ref={ref}
      inputMode="decimal"
      autoComplete="off"
      rightSection="€"
      rightSectionPointerEvents="none"
      styles={{ input: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } }}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      onBlur={(e) => {
        const cents = parseEuros(value);
        if (cents !== null && value.trim() !== '') onChange(centsToInput(cents, i18n.language));
        onBlur?.(e);
      }}
    />
  );
}
