import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/useFormat.js';
import { sharesFormatter } from './meeting.js';
import classes from './TallyBars.module.css';

export interface TallyFigures {
  for: number;
  against: number;
  abstain: number;
}

/**
 * The votes of a resolution in quote-parts, as three horizontal bars on one scale, with the
 * line `for` must pass: the majority's share of the votes cast (for + against; abstentions
 * are not votes cast, art. 3.87 §8). Used by the meeting room and, larger, by the projector.
 */
export function TallyBars({ figures, threshold, size = 'room' }: { figures: TallyFigures; threshold: { num: number; den: number; strict: boolean }; size?: 'room' | 'projector' }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const shares = sharesFormatter(fmt.locale);
  const cast = figures.for + figures.against;
  const scale = Math.max(cast + figures.abstain, 1);
  const line = cast > 0 ? (threshold.num / threshold.den) * cast : null;
  const pct = (n: number) => `${Math.min(100, (n / scale) * 100)}%`;
  const rows: { key: keyof TallyFigures; label: string }[] = [
    { key: 'for', label: t('tally.for') },
    { key: 'against', label: t('tally.against') },
    { key: 'abstain', label: t('tally.abstain') },
  ];
  return (
    <div className={classes.root} data-size={size}>
      {rows.map((r) => (
        <div key={r.key} className={classes.row}>
          <span className={classes.label}>{r.label}</span>
          <div
            className={classes.track}
            role="meter"
            aria-label={r.label}
            aria-valuemin={0}
            aria-valuemax={scale}
            aria-valuenow={figures[r.key]}
            aria-valuetext={t('tally.valueText', { shares: shares(figures[r.key]) })}
          >
            <div className={classes.bar} data-choice={r.key} style={{ width: pct(figures[r.key]) }} />
            {r.key === 'for' && line !== null ? <div className={classes.line} style={{ left: pct(line) }} aria-hidden /> : null}
          </div>
          <span className={classes.value}>{shares(figures[r.key])}</span>
        </div>
      ))}
      <Text className={classes.legend}>
        {line !== null
          ? t(threshold.strict ? 'tally.thresholdStrict' : 'tally.threshold', { shares: shares(Math.round(line * 100) / 100), cast: shares(cast) })
          : t('tally.noVotesCast')}
      </Text>
    </div>
  );
}
