import { invalid } from '@ufp/core/errors';

export interface Ballot {
  candidateId: string;
  for: number;
  against: number;
  abstain: number;
}

export interface VoteInput {
  representativesTotal: number;
  present: number;
  ballots: Ballot[];
  /** At most this many are adopted (tenant setting, default 10). */
  maxAdopted: number;
}

export interface BallotResult extends Ballot {
  /** More than half of those present voted for it. */
  passed: boolean;
  /** 1-based rank by votes for among passed candidates (equal votes share a rank). */
  rank?: number;
  adopted: boolean;
}

export interface VoteTie {
  /** Votes for that the tied candidates share at the cut. */
  votes: number;
  candidateIds: string[];
  /** Seats left for them to share: the plenary decides which take them. */
  seats: number;
}

export interface VoteOutcome {
  quorum: { required: number; present: number; total: number };
  results: BallotResult[];
  adopted: string[];
  tie?: VoteTie;
}

/**
 * 票决: a quorum of two thirds of all representatives must be present; a candidate passes with
 * more than half of those present voting for it; passed candidates are adopted highest first, up
 * to `maxAdopted`. Candidates tied across the cut are neither adopted nor dropped: the tie is
 * returned for the plenary to decide.
 */
export function tallyVote(input: VoteInput): VoteOutcome {
  const { representativesTotal: total, present, ballots, maxAdopted } = input;
  if (!Number.isInteger(total) || total < 1) throw field('representativesTotal', '代表总数须为正整数', 'Total representatives must be a positive integer');
  if (!Number.isInteger(present) || present < 0 || present > total) {
    throw field('present', `到会人数须在 0 到 ${total} 之间`, `Present must be between 0 and ${total}`);
  }
  const required = Math.ceil((total * 2) / 3);
  if (present * 3 < total * 2) {
    throw invalid(
      { zh: `到会 ${present} 人，不足应到 ${total} 人的三分之二（至少 ${required} 人），不能票决`, en: `Only ${present} of ${total} present; a vote needs two thirds (${required})` },
      { field: 'present', required },
    );
  }
  if (ballots.length === 0) throw field('ballots', '至少需要一个候选项目的票数', 'At least one candidate must have votes');
  const seen = new Set<string>();
  ballots.forEach((b, i) => {
    if (seen.has(b.candidateId)) throw field(`ballots.${i}.candidateId`, '同一候选项目重复计票', 'Candidate listed twice');
    seen.add(b.candidateId);
    for (const k of ['for', 'against', 'abstain'] as const) {
      if (!Number.isInteger(b[k]) || b[k] < 0) throw field(`ballots.${i}.${k}`, '票数须为非负整数', 'Votes must be non-negative integers');
    }
    if (b.for + b.against + b.abstain > present) {
      throw field(`ballots.${i}.for`, `赞成、反对、弃权合计超过到会人数 ${present}`, `For + against + abstain exceeds the ${present} present`);
    }
  });
  const passed = ballots.filter((b) => b.for * 2 > present).sort((a, b) => b.for - a.for);
  const seats = Math.max(0, Math.floor(maxAdopted));
  let adopted = passed.slice(0, seats);
  let tie: VoteTie | undefined;
  const last = adopted[adopted.length - 1];
  const next = passed[seats];
  if (last && next && last.for === next.for) {
    const tied = passed.filter((b) => b.for === last.for);
    adopted = adopted.filter((b) => b.for > last.for);
    tie = { votes: last.for, candidateIds: tied.map((b) => b.candidateId), seats: seats - adopted.length };
  }
  const adoptedIds = new Set(adopted.map((b) => b.candidateId));
  const rankOf = new Map<string, number>();
  passed.forEach((b, i) => rankOf.set(b.candidateId, i > 0 && passed[i - 1]!.for === b.for ? rankOf.get(passed[i - 1]!.candidateId)! : i + 1));
  return {
    quorum: { required, present, total },
    results: ballots.map((b) => ({ ...b, passed: b.for * 2 > present, rank: rankOf.get(b.candidateId), adopted: adoptedIds.has(b.candidateId) })),
    adopted: adopted.map((b) => b.candidateId),
    tie,
  };
}

/** The plenary's decision on a reported tie: exactly the open seats, all from the tied set. */
export function checkTieResolution(tie: VoteTie, chosen: string[]): void {
  const unique = new Set(chosen);
  if (unique.size !== chosen.length) throw field('candidateIds', '候选项目重复', 'Candidate listed twice');
  if (chosen.some((c) => !tie.candidateIds.includes(c))) throw field('candidateIds', '只能从并列的候选项目中选择', 'Choose only among the tied candidates');
  if (chosen.length > tie.seats) throw field('candidateIds', `最多还能确定 ${tie.seats} 项`, `At most ${tie.seats} seats are left`);
}

function field(name: string, zh: string, en: string) {
  return invalid({ zh, en }, { field: name });
}
