import { rollupProcedure, router, tenantProcedure } from '@ufp/kit/trpc';
import * as s from '../schemas/analytics.js';
import * as analytics from '../service/analytics.js';

const staff = tenantProcedure(['federation_admin', 'federation_staff']);

/** 裁判宽严分析: the federation's judges across events and seasons (staff); the scope's panels and winners (rollup readers). */
export const analyticsRouter = router({
  judges: staff.input(s.judgeAnalyticsInput).query(({ ctx, input }) => analytics.judges(ctx, input)),
  province: rollupProcedure.input(s.provinceAnalyticsInput).query(({ ctx, input }) => analytics.province(ctx, input)),
});
