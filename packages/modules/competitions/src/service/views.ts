import type { Bilingual } from '@ufp/core/errors';
import type { StageKind } from '../domain/enums.js';
import { differencesFromPack, findPack, type SettingDifference } from '../domain/rule-pack.js';
import type { RegistrationRules } from '../domain/registration.js';
import { isSchemeLocked, type Scheme } from '../domain/scheme.js';
import type { Stage } from '../domain/structure.js';
import type { CompetitionItem, ContestantItem, EventItem } from '../items.js';
import { panelRoles, type PanelRole } from './panel-access.js';

/**
 * What the structure and registration procedures answer, built from the stored items (docs/competitions-api.md).
 * Other areas (judging, results, the console) build the same views from here: never re-declare them.
 */

export interface CompetitionView {
  competitionId: string;
  name: Bilingual;
  class: CompetitionItem['class'];
  year: number;
  rules: CompetitionItem['rules'];
  differences: SettingDifference[];
  prizeBudgetFen: number | null;
  coOrganisers: string[];
  publishNames: boolean;
  version: number;
  createdAt: string;
}

export interface EventSummary {
  eventId: string;
  competitionId: string;
  name: Bilingual;
  tradeCode: string;
  stages: Stage[];
  registration: { opensAt: string; closesAt: string };
  schemeLocked: boolean;
  contestantCount: number;
  version: number;
}

export interface EventView {
  eventId: string;
  competitionId: string;
  competitionName: Bilingual;
  name: Bilingual;
  tradeCode: string;
  stages: Stage[];
  registration: RegistrationRules;
  scheme: Scheme | null;
  schemeLocked: boolean;
  panel: { judges: { userId: string; name: string; chief: boolean; unitId: string | null }[]; arbiters: { userId: string; name: string }[] };
  contestantCount: number;
  version: number;
  myPanelRoles: PanelRole[];
}

export interface ContestantView {
  contestantId: string;
  eventId: string;
  unitId: string;
  unitName: string;
  name: string;
  idMasked: string;
  phoneMasked: string | null;
  gender: ContestantItem['gender'];
  birthDate: string;
  tradeCode: string;
  skillGrade: ContestantItem['skillGrade'];
  member: boolean;
  status: ContestantItem['status'];
  stage: StageKind;
  version: number;
  createdAt: string;
}

/** Where a competition's settings depart from its pack's (none when the pack or its version is no longer built in). */
export function differencesOf(c: Pick<CompetitionItem, 'rules'>): SettingDifference[] {
  const pack = findPack(c.rules.packCode);
  if (!pack || pack.version !== c.rules.packVersion) return [];
  return differencesFromPack(pack, c.rules);
}

export function competitionView(c: CompetitionItem): CompetitionView {
  return {
    competitionId: c.competitionId,
    name: c.name,
    class: c.class,
    year: c.year,
    rules: c.rules,
    differences: differencesOf(c),
    prizeBudgetFen: c.prizeBudgetFen ?? null,
    coOrganisers: c.coOrganisers,
    publishNames: c.publishNames,
    version: c.version,
    createdAt: c.createdAt,
  };
}

export const schemeLockedAt = (e: Pick<EventItem, 'scheme'>, now: Date): boolean => (e.scheme ? isSchemeLocked(e.scheme, now) : false);

export function eventSummary(e: EventItem, contestantCount: number, now: Date): EventSummary {
  return {
    eventId: e.eventId,
    competitionId: e.competitionId,
    name: e.name,
    tradeCode: e.tradeCode,
    stages: e.stages,
    registration: { opensAt: e.registration.opensAt, closesAt: e.registration.closesAt },
    schemeLocked: schemeLockedAt(e, now),
    contestantCount,
    version: e.version,
  };
}

/** The 赛项 as staff and readers see it; `userId` (the caller) gives `myPanelRoles`. */
export function eventView(e: EventItem, competition: Pick<CompetitionItem, 'name'>, contestantCount: number, userId: string, now: Date): EventView {
  return {
    eventId: e.eventId,
    competitionId: e.competitionId,
    competitionName: competition.name,
    name: e.name,
    tradeCode: e.tradeCode,
    stages: e.stages,
    registration: e.registration,
    scheme: e.scheme ?? null,
    schemeLocked: schemeLockedAt(e, now),
    panel: {
      judges: e.panel.judges.map((j) => ({ userId: j.userId, name: j.name, chief: j.chief, unitId: j.unitId ?? null })),
      arbiters: e.panel.arbiters.map((a) => ({ userId: a.userId, name: a.name })),
    },
    contestantCount,
    version: e.version,
    myPanelRoles: panelRoles(e, userId),
  };
}

/** A contestant with masked personal data only (ID and phone never leave in clear here). */
export function contestantView(c: ContestantItem, unitName: string): ContestantView {
  return {
    contestantId: c.contestantId,
    eventId: c.eventId,
    unitId: c.unitId,
    unitName,
    name: c.name,
    idMasked: c.idMasked,
    phoneMasked: c.phoneMasked ?? null,
    gender: c.gender,
    birthDate: c.birthDate,
    tradeCode: c.tradeCode,
    skillGrade: c.skillGrade,
    member: c.member,
    status: c.status,
    stage: c.stage,
    version: c.version,
    createdAt: c.createdAt,
  };
}

/** Registered (not withdrawn) contestants: what `contestantCount` counts. */
export const activeCount = (contestants: readonly ContestantItem[]): number => contestants.filter((c) => c.status === 'registered').length;
