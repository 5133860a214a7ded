/**
 * The procedures anyone may call without a token. Infra gives each an API Gateway route without the
 * JWT authorizer (and a tighter throttle); every other path needs a token at the gateway.
 * `tests/public-procedures.test.ts` fails when this list and the router disagree.
 */
export interface PublicProcedure {
  readonly path: string;
  readonly type: 'query' | 'mutation';
}

export const publicProcedures: readonly PublicProcedure[] = [
  { path: 'tenThings.public.item', type: 'query' },
  { path: 'tenThings.public.rate', type: 'mutation' },
  { path: 'hardship.selfTest', type: 'query' },
  { path: 'hardship.notices.list', type: 'query' },
  { path: 'modelWorkers.credentials.verify', type: 'query' },
  { path: 'modelWorkers.objections.notice', type: 'query' },
  { path: 'modelWorkers.objections.submit', type: 'mutation' },
  { path: 'competitions.public.scoreboard', type: 'query' },
  { path: 'competitions.public.verify', type: 'query' },
  { path: 'cockpit.shared.overview', type: 'query' },
  { path: 'cockpit.shared.ranking', type: 'query' },
  { path: 'cockpit.shared.trend', type: 'query' },
];

/** The API Gateway route key of a public procedure (queries are GET, mutations POST, as tRPC sends them). */
export const publicRouteKey = (p: PublicProcedure): string => `${p.type === 'query' ? 'GET' : 'POST'} /trpc/${p.path}`;
