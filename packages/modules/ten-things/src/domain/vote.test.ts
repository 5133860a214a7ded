import { describe, expect, it } from 'vitest';
import { DomainError } from '@ufp/core/errors';
import { checkTieResolution, tallyVote, type Ballot } from './vote.js';

const b = (candidateId: string, votesFor: number, against = 0, abstain = 0): Ballot => ({ candidateId, for: votesFor, against, abstain });

describe('票决 vote rules', () => {
  it('refuses a vote without two thirds of representatives present, as a 400 on present', () => {
    try {
      tallyVote({ representativesTotal: 60, present: 39, ballots: [b('a', 30)], maxAdopted: 10 });
      throw new Error('should refuse');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).kind).toBe('invalid');
      expect((e as DomainError).details).toMatchObject({ field: 'present', required: 40 });
    }
  });

  it('accepts exactly two thirds present', () => {
    expect(tallyVote({ representativesTotal: 60, present: 40, ballots: [b('a', 21)], maxAdopted: 10 }).adopted).toEqual(['a']);
  });

  it('adopts only candidates with more than half of those present voting for, highest first', () => {
    const r = tallyVote({ representativesTotal: 50, present: 40, ballots: [b('a', 20), b('b', 35), b('c', 21), b('d', 40)], maxAdopted: 10 });
    expect(r.adopted).toEqual(['d', 'b', 'c']); // exactly half (20 of 40) is not a majority
    expect(r.results.find((x) => x.candidateId === 'a')).toMatchObject({ passed: false, adopted: false });
  });

  it('adopts at most N (the tenant setting)', () => {
    const ballots = Array.from({ length: 12 }, (_, i) => b(`c${i}`, 40 - i));
    const r = tallyVote({ representativesTotal: 45, present: 45, ballots, maxAdopted: 10 });
    expect(r.adopted).toHaveLength(10);
    expect(r.adopted).not.toContain('c10');
    expect(r.tie).toBeUndefined();
  });

  it('reports a tie at the cut instead of breaking it, leaving the seats open', () => {
    const ballots = [b('a', 40), b('b', 39), b('c', 30), b('d', 30), b('e', 30)];
    const r = tallyVote({ representativesTotal: 45, present: 45, ballots, maxAdopted: 3 });
    expect(r.adopted).toEqual(['a', 'b']);
    expect(r.tie).toEqual({ votes: 30, candidateIds: ['c', 'd', 'e'], seats: 1 });
    expect(r.results.filter((x) => x.rank === 3).map((x) => x.candidateId)).toEqual(['c', 'd', 'e']);
  });

  it('a tie below the cut changes nothing', () => {
    const r = tallyVote({ representativesTotal: 45, present: 45, ballots: [b('a', 40), b('b', 30), b('c', 30)], maxAdopted: 1 });
    expect(r).toMatchObject({ adopted: ['a'], tie: undefined });
  });

  it('refuses ballots that add up to more than those present', () => {
    expect(() => tallyVote({ representativesTotal: 45, present: 40, ballots: [b('a', 30, 8, 3)], maxAdopted: 10 })).toThrow(/超过到会人数/);
  });

  it('refuses a candidate counted twice and present above the total', () => {
    expect(() => tallyVote({ representativesTotal: 45, present: 40, ballots: [b('a', 30), b('a', 30)], maxAdopted: 10 })).toThrow(/重复/);
    expect(() => tallyVote({ representativesTotal: 45, present: 46, ballots: [b('a', 30)], maxAdopted: 10 })).toThrow(DomainError);
  });

  it('a tie resolution must fill open seats from the tied set only', () => {
    const tie = { votes: 30, candidateIds: ['c', 'd', 'e'], seats: 1 };
    expect(() => checkTieResolution(tie, ['c'])).not.toThrow();
    expect(() => checkTieResolution(tie, ['c', 'd'])).toThrow(/最多/);
    expect(() => checkTieResolution(tie, ['x'])).toThrow(/并列/);
  });
});
