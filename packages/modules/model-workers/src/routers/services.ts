import type { Role } from '@ufp/core/roles';
import { router, tenantProcedure } from '@ufp/kit/trpc';
import * as s from '../schemas/surveys.js';
import * as benefits from '../service/benefits.js';
import * as surveys from '../service/surveys.js';

const STAFF: Role[] = ['federation_admin', 'federation_staff'];
const staff = tenantProcedure(STAFF);
const admin = tenantProcedure(['federation_admin']);
/** The person's unit fills the survey too (its reporter is bound to the unit's people). */
const reporters = tenantProcedure([...STAFF, 'unit_reporter']);

export const surveysRouter = router({
  submit: reporters.input(s.submitSurveyInput).mutation(({ ctx, input }) => surveys.submit(ctx, input)),
  listOfPerson: reporters.input(s.surveysOfPersonInput).query(({ ctx, input }) => surveys.listOfPerson(ctx, input)),
  get: staff.input(s.surveyOfYearInput).query(({ ctx, input }) => surveys.get(ctx, input)),
});

export const benefitsRouter = router({
  budgets: staff.input(s.benefitYearInput).query(({ ctx, input }) => benefits.budgets(ctx, input)),
  setBudget: admin.input(s.setBenefitBudgetInput).mutation(({ ctx, input }) => benefits.setBudget(ctx, input)),
  setAmounts: admin.input(s.setBenefitAmountsInput).mutation(({ ctx, input }) => benefits.setAmounts(ctx, input)),
  quote: staff.input(s.grantBenefitInput).query(({ ctx, input }) => benefits.quote(ctx, input)),
  grant: staff.input(s.grantBenefitInput).mutation(({ ctx, input }) => benefits.grant(ctx, input)),
  list: staff.input(s.listBenefitsInput).query(({ ctx, input }) => benefits.list(ctx, input)),
});
