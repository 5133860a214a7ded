import { query, type InputOf, type OutputOf } from '../../api';

export type OverviewData = OutputOf<'cockpit.overview'>;
export type RankingData = OutputOf<'cockpit.ranking'>;
export type TrendData = OutputOf<'cockpit.trend'>;
export type IndicatorView = RankingData['indicator'];
export type Measure = RankingData['measure'];

/** Where the cockpit reads from: the signed-in reader's procedures, or a share link's public ones. */
export interface CockpitSource {
  overview(input: InputOf<'cockpit.overview'>): Promise<OverviewData>;
  ranking(input: InputOf<'cockpit.ranking'>): Promise<RankingData>;
  trend(input: InputOf<'cockpit.trend'>): Promise<TrendData>;
}

export const signedInSource: CockpitSource = {
  overview: (input) => query('cockpit.overview', input),
  ranking: (input) => query('cockpit.ranking', input),
  trend: (input) => query('cockpit.trend', input),
};

/** A share link's public procedures (no sign-in needed; an error keeps its reason: share_revoked, share_expired …). */
export function sharedSource(token: string): CockpitSource {
  return {
    overview: (input) => query('cockpit.shared.overview', { ...input, token }),
    ranking: (input) => query('cockpit.shared.ranking', { ...input, token }),
    trend: (input) => query('cockpit.shared.trend', { ...input, token }),
  };
}
