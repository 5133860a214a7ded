import { ApiError, query, type InputOf, type OutputOf } from '../../api';

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

/** A public call without a token (no sign-in, no redirect on 401); the error keeps its reason (share_revoked, …). */
async function publicQuery<P extends 'cockpit.shared.overview' | 'cockpit.shared.ranking' | 'cockpit.shared.trend'>(path: P, input: InputOf<P>): Promise<OutputOf<P>> {
  let res: Response;
  try {
    res = await fetch(`/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers: { accept: 'application/json' } });
  } catch (e) {
    throw new ApiError(e instanceof Error ? e.message : String(e), 'NETWORK', 0);
  }
  const body = (await res.json().catch(() => null)) as { result?: { data: OutputOf<P> }; error?: { message: string; data?: { code?: string; messageEn?: string; details?: Record<string, unknown> } } } | null;
  if (!res.ok || !body || body.error) {
    const data = body?.error?.data;
    throw new ApiError(body?.error?.message ?? `HTTP ${res.status}`, data?.code ?? 'ERROR', res.status, [], data?.messageEn, data?.details ?? {});
  }
  return body.result!.data;
}

export function sharedSource(token: string): CockpitSource {
  return {
    overview: (input) => publicQuery('cockpit.shared.overview', { ...input, token }),
    ranking: (input) => publicQuery('cockpit.shared.ranking', { ...input, token }),
    trend: (input) => publicQuery('cockpit.shared.trend', { ...input, token }),
  };
}
