/**
 * How long each free-text field may be, in characters (code points), and a few numeric ranges:
 * one table that the API's schemas and the console's inputs both read, so a form never lets a
 * person type what the server will refuse (or stop them short of what it takes).
 *
 * Pure constants: the console imports this module (no node APIs, no zod).
 */
import type { TextRule } from './text.js';

type Rules = Record<string, TextRule>;

const line = (min: number, max: number): TextRule => ({ min, max });
const lines = (min: number, max: number): TextRule => ({ min, max, multiline: true });

export const limits = {
  tenant: { name: line(2, 50), contactName: line(1, 30), contactEmail: line(3, 100), suspendReason: lines(2, 500) },
  unit: { name: line(2, 100), chairName: line(1, 30), search: line(0, 100) },
  user: { name: line(1, 30), disableReason: lines(2, 200), search: line(0, 100) },
  hardship: {
    search: line(0, 100),
    personName: line(1, 30),
    relation: line(1, 20),
    health: lines(0, 200),
    assets: lines(0, 500),
    cause: line(1, 100),
    findings: lines(2, 2000),
    reason: lines(2, 500),
    grantNote: lines(0, 200),
    reference: line(1, 50),
  },
  contracts: {
    search: line(0, 100),
    title: line(1, 100),
    partyName: line(1, 100),
    clause: lines(0, 2000),
    otherClauses: lines(0, 5000),
    representativeName: line(1, 30),
    representativeRole: line(1, 50),
    personRef: line(1, 40),
    minutes: lines(1, 5000),
    openIssue: line(1, 200),
    opinion: lines(0, 5000),
    findings: lines(1, 5000),
    breaches: lines(0, 5000),
    reason: lines(1, 500),
    noticeSource: line(1, 200),
    safetyItem: line(1, 200),
    checker: line(1, 30),
    checkItem: line(1, 200),
    checkNote: lines(0, 1000),
  },
  tenThings: {
    planTitle: line(1, 100),
    title: line(1, 100),
    description: lines(0, 2000),
    leadDept: line(1, 50),
    targetsText: lines(0, 2000),
    indicator: line(1, 200),
    unit: line(1, 10),
    note: lines(0, 500),
    reason: lines(1, 500),
  },
  modelWorkers: {
    search: line(0, 100),
    personName: line(1, 30),
    ethnicity: line(1, 20),
    trade: line(1, 50),
    employer: line(1, 100),
    position: line(1, 50),
    deputyTerm: line(1, 30),
    conferredBy: line(1, 100),
    certificateNo: line(1, 60),
    document: line(1, 200),
    reason: lines(2, 500),
    note: lines(0, 500),
    honourName: line(1, 50),
    /** A ladder entry's code (a-z, 0-9, _; the setLadder schema's pattern allows 2–60). */
    honourCode: line(2, 60),
    campaignTitle: line(1, 100),
    /** 事迹材料: a short and a long version (深圳's 全国五一 notice: 500 and 2,000 characters). */
    deedsShort: lines(1, 500),
    deedsLong: lines(1, 2000),
    agency: line(1, 30),
    objection: lines(5, 2000),
    decision: lines(2, 1000),
    difficulty: lines(0, 1000),
    health: lines(0, 500),
    housing: lines(0, 200),
    enterprise: line(1, 100),
    need: lines(2, 1000),
    skill: line(1, 50),
    studioName: line(2, 100),
    achievement: lines(1, 500),
    relation: line(1, 20),
  },
  competitions: {
    name: line(2, 100),
    nameEn: line(1, 200),
    coOrganiser: line(1, 100),
    tradeCode: line(1, 40),
    label: line(1, 100),
    descriptor: lines(1, 500),
    measureUnit: line(1, 20),
    contestantName: line(1, 30),
    basis: line(1, 100),
    /** 申诉理由 (results area). */
    protestGrounds: lines(5, 2000),
    /** 监督仲裁组's ruling on a protest. */
    protestRuling: lines(2, 1000),
    /** Why corrected results are published again after an upheld protest. */
    revisionReason: lines(2, 500),
  },
  cockpit: { shareLabel: line(0, 60) },
  evidence: { fileName: line(1, 255), contentType: line(1, 120) },
  audit: { actor: line(0, 100), action: line(0, 100), entityType: line(0, 50) },
  deadLetters: { tenantId: line(1, 40), module: line(1, 40) },
  /** 重新核算's scope: a province, city or county code. */
  rollups: { scope: line(2, 6) },
} as const satisfies Record<string, Rules>;

/** A tenant id: letters, digits, _ and -, this many characters. */
export const TENANT_ID_LENGTH = { min: 2, max: 40 } as const;

export const numberLimits = {
  memberCount: { min: 0, max: 1_000_000 },
  householdSize: { min: 1, max: 20 },
  coveredEnterprises: { min: 1, max: 1_000_000 },
  coveredEmployees: { min: 1, max: 10_000_000 },
  year: { min: 2000, max: 2100 },
} as const;

/**
 * The `maxlength` of an identifier input (ID number, USCC, phone): an 18-character number pasted
 * with spaces, full-width characters or +86 around it must fit, because the server normalises
 * those away; the server checks the length of what remains.
 */
export const IDENTIFIER_INPUT_MAX = 40;

/** A yuan amount as typed ("12,345.67", "¥ 3000"): room for separators and a currency sign; the server checks the value. */
export const MONEY_INPUT_MAX = 16;
