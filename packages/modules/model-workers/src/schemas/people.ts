import { z } from 'zod';
import { limits } from '@ufp/core/validation/limits';
import { idNumberSchema, isoDateSchema, phoneSchema, text, yearSchema } from '@ufp/core/validation/zod';
import { idInput, pageInput } from '@ufp/kit/schemas';
import { HonourCategory, HonourLevel } from '../domain/ladder.js';
import { DeputyBody, Education, Occupation, PersonStatus, PoliticalStatus, SkillGrade } from '../domain/person.js';

const m = limits.modelWorkers;

export const personIdInput = z.object({ personId: idInput });

const employment = z.object({ employer: text(m.employer), from: isoDateSchema, to: isoDateSchema.optional(), position: text(m.position).optional() });
const deputy = z.object({ body: z.enum(DeputyBody.values), level: z.enum(HonourLevel.values), term: text(m.deputyTerm) });

/** What staff type about a person; gender and birth date come from the ID number. */
const personFields = {
  name: text(m.personName),
  ethnicity: text(m.ethnicity).default('汉族'),
  politicalStatus: z.enum(PoliticalStatus.values).default('masses'),
  education: z.enum(Education.values),
  occupation: z.enum(Occupation.values),
  migrantWorker: z.boolean().default(false),
  skillGrade: z.enum(SkillGrade.values).default('none'),
  trade: text(m.trade).optional(),
  unitId: idInput.optional(),
  employers: z.array(employment).max(30).default([]),
  phone: phoneSchema.optional(),
  deputies: z.array(deputy).max(10).default([]),
};

export const createPersonInput = z.object({ idNumber: idNumberSchema, ...personFields });
export type CreatePersonInput = z.output<typeof createPersonInput>;

/** Corrections to a person's record (not the ID number: a different ID is a different person). */
export const updatePersonInput = z.object({ personId: idInput, version: z.number().int().min(1), ...personFields });
export type UpdatePersonInput = z.output<typeof updatePersonInput>;

export const listPeopleInput = z
  .object({
    ...pageInput,
    /** A name, a part of it, or a whole ID number (looked up by blind index). */
    q: text(m.search).optional(),
    level: z.enum(HonourLevel.values).optional(),
    status: z.enum(PersonStatus.values).optional(),
    deputy: z.enum(DeputyBody.values).optional(),
    unitId: idInput.optional(),
  })
  .optional();

export const setStatusInput = z.object({ personId: idInput, version: z.number().int().min(1), status: z.enum(PersonStatus.values), on: isoDateSchema, note: text(m.note).optional() });

export const revealInput = z.object({ personId: idInput, fields: z.array(z.enum(['idNumber', 'phone'])).min(1) });

export const awardInput = z.object({
  personId: idInput,
  version: z.number().int().min(1).optional(),
  code: z.string().min(1).max(60),
  year: yearSchema,
  conferredBy: text(m.conferredBy),
  certificateNo: text(m.certificateNo).optional(),
  certificateKey: z.string().max(200).optional(),
});

export const revokeInput = z.object({
  personId: idInput,
  version: z.number().int().min(1).optional(),
  honourId: idInput,
  on: isoDateSchema,
  document: text(m.document),
  reason: text(m.reason),
});

export const honourTypeInput = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]{1,59}$/, 'code: a-z, 0-9, _'),
  name: z.object({ zh: text(m.honourName), en: text(m.honourName) }),
  category: z.enum(HonourCategory.values),
  level: z.enum(HonourLevel.values),
  treatment: z.enum(HonourLevel.values).optional(),
  periodYears: z.number().int().min(1).max(50),
  prerequisiteLevel: z.enum(HonourLevel.values).optional(),
  retired: z.boolean().optional(),
});
export const setLadderInput = z.object({ version: z.number().int().min(0), honours: z.array(honourTypeInput).min(1).max(100) });
