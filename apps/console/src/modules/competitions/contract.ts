// The 技能竞赛 API's shapes as the console uses them: aliases of the router's own types (docs/competitions-api.md).
import type { Bilingual } from '@ufp/core/errors';
import type { CompetitionClass, Gender, PartKind, SkillGrade, StageKind } from '@ufp/competitions/domain/enums';
import type { AdvancementRule } from '@ufp/competitions/domain/ranking';
import type { AgeLimit } from '@ufp/competitions/domain/registration';
import type { RuleSettings } from '@ufp/competitions/domain/rule-pack';
import type { Part } from '@ufp/competitions/domain/scheme';
import type { RouterInputs, RouterOutputs } from '../../api';

export type { Bilingual, CompetitionClass, Gender, Part, PartKind, SkillGrade, StageKind, RuleSettings, AdvancementRule, AgeLimit };
export type Aspect = Part['aspects'][number];

type Out = RouterOutputs['competitions'];
type In = RouterInputs['competitions'];
export type RulePackView = Out['competitions']['packs'][number];
export type CompetitionView = Out['competitions']['get'];
export type CreatedCompetition = Out['competitions']['create'];
export type EventSummary = CompetitionView['events'][number];
export type EventView = Out['events']['get'];
export type StageView = EventView['stages'][number];
export type ContestantView = Out['contestants']['list'][number];
export type ResultsView = Out['results']['get'];
export type ResultLineView = ResultsView['lines'][number];
export type ProtestView = Out['protests']['list'][number];
export type MyJudgingRow = Out['judging']['mine'][number];
export type JudgeAnalyticsView = Out['analytics']['judges'];
export type JudgeAnalyticsRow = JudgeAnalyticsView['judges'][number];
export type ProvinceAnalyticsView = Out['analytics']['province'];
export type CompetitionInput = In['competitions']['create'];
export type EventInput = In['events']['create'];
export type RegisterInput = In['contestants']['register'];
export interface DirectoryUser {
  userId: string;
  name: string;
  status?: string;
  unitId?: string | null;
}
