import { describe, expect, it } from 'vitest';
import { parseNoticeDays, readStateCouncilNotice } from './parse.js';

/** 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04), as pasted from the published text. */
const notice2026 = `一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
三、清明节：4月4日（周六）至6日（周一）放假，共3天。
四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
五、端午节：6月19日（周五）至21日（周日）放假，共3天。
六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。`;

describe('readStateCouncilNotice', () => {
  it('reads the 2026 notice pasted verbatim into its holidays and make-up working days', () => {
    const read = readStateCouncilNotice(notice2026)!;
    expect(read.off).toEqual(['01-01–01-03', '02-15–02-23', '04-04–04-06', '05-01–05-05', '06-19–06-21', '09-25–09-27', '10-01–10-07']);
    expect(read.work).toEqual(['01-04', '02-14', '02-28', '05-09', '09-20', '10-10']);
  });

  it('gives lines the form reads back as the same days', () => {
    const read = readStateCouncilNotice(notice2026)!;
    const off = parseNoticeDays(2026, read.off.join('\n'));
    expect(off.every((e) => !e.problem)).toBe(true);
    expect(off[1]?.value).toEqual(['2026-02-15', '2026-02-23']);
    expect(parseNoticeDays(2026, read.work.join('\n')).map((e) => e.value)).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
  });

  it('reads a one-day holiday without make-up days and a range across months', () => {
    expect(readStateCouncilNotice('一、元旦：1月1日（周三）放假1天，不调休。')).toEqual({ off: ['01-01'], work: [] });
    expect(readStateCouncilNotice('二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。')).toEqual({
      off: ['01-28–02-04'],
      work: ['01-26', '02-08'],
    });
  });

  it('leaves plain lines to the line reader', () => {
    expect(readStateCouncilNotice('01-01–01-03\n02-15–02-23')).toBeUndefined();
  });
});
