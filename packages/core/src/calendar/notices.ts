/**
 * The State Council's yearly holiday notices (国务院办公厅关于 YYYY 年部分节假日安排的通知), as
 * data. `off` lists the ranges of days off (inclusive, any weekday); `work` lists the weekend
 * days that are working days (调休上班). A year without an entry here is *uncovered*: clocks
 * that touch it are provisional, never silently computed as weekday-only.
 */
export interface HolidayNotice {
  year: number;
  /** Inclusive ranges `[from, to]` of days off, or single days. */
  off: readonly (readonly [string, string] | string)[];
  /** Weekend days that are working days. */
  work: readonly string[];
  /** Where the data came from (the notice's title or number). */
  source: string;
}

export const shippedNotices: readonly HolidayNotice[] = [
  {
    year: 2024,
    source: '国办发明电〔2023〕7号',
    off: ['2024-01-01', ['2024-02-10', '2024-02-17'], ['2024-04-04', '2024-04-06'], ['2024-05-01', '2024-05-05'], '2024-06-10', ['2024-09-15', '2024-09-17'], ['2024-10-01', '2024-10-07']],
    work: ['2024-02-04', '2024-02-18', '2024-04-07', '2024-04-28', '2024-05-11', '2024-09-14', '2024-09-29', '2024-10-12'],
  },
  {
    year: 2025,
    source: '国办发明电〔2024〕12号',
    off: ['2025-01-01', ['2025-01-28', '2025-02-04'], ['2025-04-04', '2025-04-06'], ['2025-05-01', '2025-05-05'], ['2025-05-31', '2025-06-02'], ['2025-10-01', '2025-10-08']],
    work: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  {
    year: 2026,
    source: '国办发明电〔2025〕7号（2025-11-04）',
    off: [['2026-01-01', '2026-01-03'], ['2026-02-15', '2026-02-23'], ['2026-04-04', '2026-04-06'], ['2026-05-01', '2026-05-05'], ['2026-06-19', '2026-06-21'], ['2026-09-25', '2026-09-27'], ['2026-10-01', '2026-10-07']],
    work: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
];
