// The 技能竞赛 API as docs/competitions-api.md describes it. Until the server's procedures are on main these shapes
// stand in for RouterOutputs; once they land each type becomes an alias of the router's own type.
import type { Bilingual } from '@ufp/core/errors';
import type { CompetitionClass, Gender, PartKind, SkillGrade, StageKind } from '@ufp/competitions/domain/enums';
import type { PrizeAward } from '@ufp/competitions/domain/prizes';
import type { AdvancementRule } from '@ufp/competitions/domain/ranking';
import type { AgeLimit } from '@ufp/competitions/domain/registration';
import type { RuleSettings, RuleSettingsInput, SettingDifference } from '@ufp/competitions/domain/rule-pack';
import type { Part } from '@ufp/competitions/domain/scheme';

export type { Bilingual, CompetitionClass, Gender, Part, PartKind, SkillGrade, StageKind, RuleSettings, AdvancementRule, AgeLimit };
export type Aspect = Part['aspects'][number];

export interface RulePackView {
  code: string;
  version: number;
  name: Bilingual;
  settings: RuleSettings;
}
export interface CompetitionView {
  competitionId: string;
  name: Bilingual;
  class: CompetitionClass;
  year: number;
  rules: { packCode: string; packVersion: number; settings: RuleSettings };
  differences: SettingDifference[];
  prizeBudgetFen?: number | null;
  coOrganisers: string[];
  publishNames: boolean;
  version: number;
  createdAt: string;
}
export interface StageView {
  kind: StageKind;
  startsAt: string;
  advancement?: AdvancementRule;
}
export interface RegistrationView {
  opensAt: string;
  closesAt: string;
  trades: string[];
  minGrade?: SkillGrade;
  maxGrade?: SkillGrade;
  ageLimits?: AgeLimit[];
}
export interface EventSummary {
  eventId: string;
  competitionId: string;
  name: Bilingual | string;
  tradeCode: string;
  stages: StageView[];
  schemeLocked?: boolean;
  contestantCount?: number;
}
export interface CompetitionDetail extends CompetitionView {
  events: EventSummary[];
}
export interface EventView {
  eventId: string;
  competitionId: string;
  competitionName: Bilingual | string;
  name: Bilingual | string;
  tradeCode: string;
  stages: StageView[];
  registration: RegistrationView;
  scheme: { startsAt: string; lockedAt?: string; parts: Part[] } | null;
  schemeLocked: boolean;
  panel: { judges: { userId: string; name: string; chief: boolean; unitId?: string | null }[]; arbiters: { userId: string; name: string }[] };
  contestantCount: number;
  version: number;
  myPanelRoles: ('judge' | 'chief' | 'arbiter')[];
}
export interface ContestantView {
  contestantId: string;
  eventId: string;
  unitId: string;
  unitName: string;
  name: string;
  idMasked: string;
  phoneMasked?: string | null;
  gender: Gender;
  birthDate: string;
  tradeCode: string;
  skillGrade: SkillGrade;
  member: boolean;
  status: string;
  stage: StageKind | string;
  version: number;
  createdAt: string;
}
export interface ResultLineView {
  rank: number;
  workNumber: string;
  name?: string | null;
  unitName?: string | null;
  totalHundredths: number;
  parts: { code: string; hundredths: number }[];
  completionSeconds?: number | null;
  tie?: { decidedBy?: string | null; explanation: Bilingual } | null;
}
export interface ResultsView {
  status: 'provisional' | 'final' | string;
  publishedAt: string;
  protestWindowEndsAt: string;
  finalizedAt?: string | null;
  hash?: string | null;
  lines: ResultLineView[];
  revisions: number | unknown[];
  protests: { open: number; upheld: number; dismissed: number };
  prizes: (PrizeAward & { workNumber?: string; name?: string | null })[];
  version: number;
}
export interface ProtestView {
  protestId: string;
  stage: StageKind | string;
  contestantId: string;
  grounds: string;
  status: string;
  filedAt?: string;
  ruling?: string | null;
}
export interface FileAnswer {
  fileName: string;
  contentBase64: string;
}
export interface MyJudgingRow {
  eventId: string;
  eventName: Bilingual | string;
  competitionName: Bilingual | string;
  roles: ('judge' | 'chief' | 'arbiter')[];
  stages: StageView[] | StageKind[];
}
export interface DirectoryUser {
  userId: string;
  name: string;
  status?: string;
  unitId?: string | null;
}

export interface CompetitionInput {
  name: string;
  nameEn?: string;
  class: CompetitionClass;
  year: number;
  packCode: string;
  overrides?: Partial<RuleSettingsInput>;
  prizeBudgetFen?: number;
  coOrganisers?: string[];
  publishNames?: boolean;
}
export interface EventInput {
  competitionId: string;
  name: string;
  nameEn?: string;
  tradeCode: string;
  stages: StageView[];
  registration: RegistrationView;
}
export interface RegisterInput {
  eventId: string;
  unitId: string;
  name: string;
  idNumber: string;
  phone?: string;
  gender: Gender;
  tradeCode: string;
  skillGrade: SkillGrade;
  member: boolean;
}

/** Each procedure: [input, output]. */
export interface Queries {
  'competitions.competitions.packs': [undefined, RulePackView[]];
  'competitions.competitions.list': [undefined, CompetitionView[]];
  'competitions.competitions.get': [{ competitionId: string }, CompetitionDetail];
  'competitions.events.get': [{ eventId: string }, EventView];
  'competitions.events.list': [{ competitionId?: string }, EventSummary[]];
  'competitions.contestants.list': [{ eventId: string }, ContestantView[]];
  'competitions.judging.mine': [undefined, MyJudgingRow[]];
  'competitions.results.get': [{ eventId: string; stage: string }, ResultsView];
  'competitions.protests.list': [{ eventId: string }, ProtestView[]];
}
export interface Mutations {
  'competitions.competitions.create': [CompetitionInput, CompetitionView];
  'competitions.events.create': [EventInput, EventView];
  'competitions.events.saveScheme': [{ eventId: string; version: number; startsAt: string; parts: Part[] }, EventView];
  'competitions.events.lockScheme': [{ eventId: string; version: number }, EventView];
  'competitions.events.setPanel': [{ eventId: string; version: number; judges: { userId: string; chief: boolean }[]; arbiters: string[] }, EventView];
  'competitions.contestants.register': [RegisterInput, ContestantView];
  'competitions.contestants.withdraw': [{ eventId: string; contestantId: string; version: number }, unknown];
  'competitions.contestants.export': [{ eventId: string }, FileAnswer];
  'competitions.results.publish': [{ eventId: string; stage: string; reason?: string }, ResultsView];
  'competitions.results.finalize': [{ eventId: string; stage: string }, ResultsView];
  'competitions.protests.file': [{ eventId: string; stage: string; contestantId: string; grounds: string }, unknown];
  'competitions.protests.decide': [{ eventId: string; protestId: string; outcome: 'upheld' | 'dismissed'; ruling: string }, unknown];
}
