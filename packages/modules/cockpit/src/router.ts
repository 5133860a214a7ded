import { publicProcedure, rollupProcedure, rollupWriteProcedure, router } from '@ufp/kit/trpc';
import * as s from './schemas.js';
import { exportRanking } from './service/export.js';
import { readerOf } from './service/context.js';
import { overview } from './service/overview.js';
import { ranking } from './service/ranking.js';
import { createShare, listShares, revokeShare, sharedOverview, sharedReader } from './service/shares.js';
import { trend } from './service/trend.js';

export const cockpitRouter = router({
  cockpit: router({
    overview: rollupProcedure.input(s.overviewInput).query(({ ctx, input }) => overview(readerOf(ctx), input)),
    ranking: rollupProcedure.input(s.rankingInput).query(({ ctx, input }) => ranking(readerOf(ctx), input)),
    trend: rollupProcedure.input(s.trendInput).query(({ ctx, input }) => trend(readerOf(ctx), input)),
    exportRanking: rollupProcedure.input(s.exportRankingInput).query(({ ctx, input }) => exportRanking(readerOf(ctx), { ...input, lang: input.lang ?? 'zh' })),
    shares: router({
      create: rollupWriteProcedure.input(s.createShareInput).mutation(({ ctx, input }) => createShare(ctx, input)),
      list: rollupProcedure.query(({ ctx }) => listShares(ctx)),
      revoke: rollupWriteProcedure.input(s.revokeShareInput).mutation(({ ctx, input }) => revokeShare(ctx, input)),
    }),
    /** A meeting screen with a share link: the link's scope, read-only, no sign-in. */
    shared: router({
      overview: publicProcedure.input(s.sharedOverviewInput).query(({ ctx, input }) => sharedOverview(ctx, input)),
      ranking: publicProcedure.input(s.sharedRankingInput).query(async ({ ctx, input }) => ranking(await sharedReader(ctx, input.token), input)),
      trend: publicProcedure.input(s.sharedTrendInput).query(async ({ ctx, input }) => trend(await sharedReader(ctx, input.token), input)),
    }),
  }),
});
