import { useEffect } from 'react';
import { ActionIcon, Loader, Tooltip } from '@mantine/core';
import { IconMaximize } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/ApiError.js';
import { useOpQuery } from '../../api/hooks.js';
import { useErrorText } from '../../i18n/useErrorText.js';
import { useFormat } from '../../i18n/useFormat.js';
import { TallyBars } from './TallyBars.js';
import classes from './ProjectorScreen.module.css';

/** The projector also says the result in the other national language (Brussels meetings are often bilingual). */
const OTHER: Record<string, 'fr' | 'nl' | undefined> = { fr: 'nl', nl: 'fr' };

/** How often the projector asks, in case the push events do not reach it (a proxy dropping the WebSocket). */
export const PROJECTOR_POLL_MS = 4000;

/**
 * The projector (vidéoprojecteur / beamer): the item being voted, its majority, the votes
 * in quote-parts as bars with the line to pass, the result once declared, the quorum —
 * and no personal data (`ag.projector` gives none). Reached without signing in, with the
 * meeting's random key in the address; refreshed by `tally-updated` events, and by a poll.
 */
export function ProjectorScreen({ assemblyId, projectorKey }: { assemblyId: number; projectorKey: string }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const { errorText } = useErrorText();
  const view = useOpQuery('ag.projector', { assemblyId, key: projectorKey }, { refetchInterval: PROJECTOR_POLL_MS, staleTime: 0 });
  const other = OTHER[i18n.language];
  const longDate = new Intl.DateTimeFormat(fmt.locale, { dateStyle: 'full', timeStyle: 'short' });
  const tOther = other ? i18n.getFixedT(other) : null;

  useEffect(() => {
    const before = document.title;
    document.title = `${t('projector.title')} — KoproGo`;
    return () => {
      document.title = before;
    };
  }, [t]);

  if (view.isPending) {
    return (
      <div className={classes.screen} role="status">
        <Loader color="gray" size="xl" aria-label={t('common.loading')} />
      </div>
    );
  }
  if (view.error && !view.data) {
    const notFound = isApiError(view.error) && view.error.code === 'NOT_FOUND';
    return (
      <div className={classes.screen}>
        <p className={classes.waiting} role="alert">{notFound ? t('projector.notFound') : errorText(view.error)}</p>
      </div>
    );
  }
  const v = view.data!;
  const q = v.quorum;
  const item = v.item;
  const outcome = item?.outcome ?? null;

  return (
    <div className={classes.screen} data-outcome={outcome ?? undefined}>
      <header className={classes.header}>
        <div>
          <div className={classes.building}>{v.buildingName}</div>
          <div className={classes.meeting}>{t('projector.meeting', { date: longDate.format(new Date(v.scheduledAt)) })}</div>
        </div>
        <div className={classes.quorum} data-reached={q.reached} aria-label={t('quorum.title')}>
          <span className={classes.quorumWord}>{q.reached ? t('quorum.reached') : t('quorum.notReached')}</span>
          <span>{t('projector.quorumOwners', { n: fmt.number(q.owners.represented), total: fmt.number(q.owners.total) })}</span>
          <span>{t('projector.quorumShares', { n: fmt.number(q.shares.represented), total: fmt.number(q.shares.total) })}</span>
        </div>
        <Tooltip label={t('projector.fullScreen')}>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            className={classes.fullscreen}
            aria-label={t('projector.fullScreen')}
            onClick={() => void document.documentElement.requestFullscreen?.().catch(() => undefined)}
          >
            <IconMaximize size={22} />
          </ActionIcon>
        </Tooltip>
      </header>

      <main className={classes.body}>
        {item ? (
          <>
            <div className={classes.point}>
              {t('projector.item', { n: item.position })}
              {item.status === 'voting' ? <span className={classes.live}>{t('projector.voting')}</span> : null}
            </div>
            <h1 className={classes.title}>{item.title}</h1>
            <div className={classes.majority}>{t(`tally.rule.${item.majority}`)}</div>
            {outcome ? (
              <div className={classes.outcome} role="status" aria-live="polite">
                <span className={classes.outcomeWord}>{t(`tally.outcome.${outcome}`)}</span>
                {tOther ? <span className={classes.outcomeOther} lang={other}>{tOther(`tally.outcome.${outcome}`)}</span> : null}
              </div>
            ) : null}
            <div className={classes.bars}>
              <TallyBars figures={item} threshold={item.threshold} size="projector" />
            </div>
          </>
        ) : (
          <p className={classes.waiting}>
            {v.status === 'closed' ? t('projector.closed') : v.status === 'failed' ? t('projector.failed') : v.status === 'open' ? t('projector.waitingItem') : t('projector.notOpen')}
          </p>
        )}
      </main>
      <footer className={classes.footer}>
        <span>{t('projector.abstentionsNote')}</span>
        <span>KoproGo</span>
      </footer>
    </div>
  );
}
