// The judging pages' labels (JudgeSheet, ChiefPanel, Scoreboard, VerifyResults); keys start with `competitions.judging.`.
export const judgingZh = {} as const;
