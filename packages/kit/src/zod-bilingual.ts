import { z } from 'zod';
import { describeField, fieldLabel, type FieldLabel } from '@ufp/core/validation/labels';
import { installIssueWording, readIssueMessage } from '@ufp/core/validation/zod';

/**
 * Every validation issue as a person can act on it, in Chinese and English, naming the field in
 * words: "工会名称至少需要 2 个字" / "Union name must have at least 2 characters" — never zod's
 * own text ("数值过小：期望 string >=2 字符") or a path.
 *
 * zod's issues keep their structure (code, minimum, maximum, expected…); the global error map
 * (`installIssueWording` in core) records only what was received. Schemas of our own carry predicates or sentences in both
 * languages (see `@ufp/core/validation/zod`). The field's name comes from the label dictionary
 * (`@ufp/core/validation/labels`), looked up by procedure and path.
 */

/** Makes sure the global error map records what was received (core installs it when its schemas load). */
export function installBilingualZodMessages(): void {
  installIssueWording();
}

export interface IssueView {
  path: (string | number)[];
  message: string;
  messageEn: string;
  /** The field's name in words. */
  field: FieldLabel;
}

type Issue = z.core.$ZodIssue;
type Words = { zh: string; en: string };

const TYPE_WORDS: Record<string, Words> = {
  string: { zh: '文字', en: 'text' },
  number: { zh: '数字', en: 'a number' },
  int: { zh: '整数', en: 'a whole number' },
  boolean: { zh: '是或否（true/false）', en: 'true or false' },
  object: { zh: '对象（JSON 对象）', en: 'an object' },
  array: { zh: '列表（JSON 数组）', en: 'a list' },
  literal: { zh: '指定的值', en: 'the given value' },
};

/** 12345 fen as "123.45 元" / "123.45 yuan" for fields in fen; plain numbers otherwise. */
function amount(value: number | bigint, inFen: boolean): Words {
  const n = Number(value);
  if (!inFen) return { zh: n.toLocaleString('en'), en: n.toLocaleString('en') };
  const yuan = (n / 100).toLocaleString('en', { maximumFractionDigits: 2 });
  return { zh: `${yuan} 元`, en: `${yuan} yuan` };
}

const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

/** zod's own issue worded as a predicate that follows the field's name. */
function genericPredicate(issue: Issue, received: string): Words {
  const leaf = issue.path.at(-1);
  const inFen = typeof leaf === 'string' && leaf.endsWith('Fen');
  if (received === 'missing' && (issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_union')) return { zh: '必须填写', en: 'is required' };
  switch (issue.code) {
    case 'invalid_type': {
      if (received === 'missing') return { zh: '必须填写', en: 'is required' };
      if (received === 'null') return { zh: '不能为空值（null）', en: 'cannot be null' };
      if (received === 'non-finite') return { zh: '应为有限的数字', en: 'must be a finite number' };
      const expected = TYPE_WORDS[issue.expected] ?? { zh: '正确的类型', en: 'of the right type' };
      return { zh: `应为${expected.zh}`, en: `must be ${expected.en}` };
    }
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const bound = small ? (issue as { minimum: number | bigint }).minimum : (issue as { maximum: number | bigint }).maximum;
      const inclusive = issue.inclusive !== false;
      const n = Number(bound);
      switch (issue.origin) {
        case 'string':
          return small ? { zh: `至少需要 ${n} 个字`, en: `must have at least ${plural(n, 'character')}` } : { zh: `不能超过 ${n} 个字`, en: `must have at most ${plural(n, 'character')}` };
        case 'array':
        case 'set':
          return small ? { zh: `至少需要 ${n} 项`, en: `must have at least ${plural(n, 'item')}` } : { zh: `最多 ${n} 项`, en: `must have at most ${plural(n, 'item')}` };
        case 'int':
          return { zh: '超出整数的有效范围', en: 'is outside the range of whole numbers' };
        default: {
          const a = amount(bound, inFen);
          if (small) return inclusive ? { zh: `不能小于 ${a.zh}`, en: `must be at least ${a.en}` } : { zh: `必须大于 ${a.zh}`, en: `must be greater than ${a.en}` };
          return inclusive ? { zh: `不能大于 ${a.zh}`, en: `must be at most ${a.en}` } : { zh: `必须小于 ${a.zh}`, en: `must be less than ${a.en}` };
        }
      }
    }
    case 'not_multiple_of': {
      const divisor = Number(issue.divisor);
      const decimals = Math.round(-Math.log10(divisor));
      if (decimals > 0 && Math.abs(10 ** -decimals - divisor) < 1e-12) return { zh: `最多保留 ${decimals} 位小数`, en: `must have at most ${plural(decimals, 'decimal place')}` };
      return { zh: `应为 ${divisor} 的整数倍`, en: `must be a multiple of ${divisor}` };
    }
    case 'invalid_value': {
      const values = issue.values.filter((v) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean').map(String);
      if (values.length === 0) return { zh: '的取值无效', en: 'has an invalid value' };
      return { zh: `应为以下之一：${values.join('、')}`, en: `must be one of: ${values.join(', ')}` };
    }
    case 'invalid_format':
      return { zh: '格式不正确', en: 'has the wrong format' };
    case 'invalid_union':
      return { zh: '的取值无效', en: 'has an invalid value' };
    case 'unrecognized_keys':
      return { zh: `含有无法识别的字段（${issue.keys.length} 个）`, en: `has ${plural(issue.keys.length, 'unrecognised field')}` };
    case 'invalid_key':
      return { zh: '含有无效的键', en: 'has an invalid key' };
    case 'invalid_element':
      return { zh: '含有无效的元素', en: 'has an invalid element' };
    default:
      return { zh: '无效', en: 'is invalid' };
  }
}

/** "名称" + "不能为空" — Chinese runs on; English puts a space between. */
function withField(field: FieldLabel, predicate: Words): Words {
  return { zh: `${field.zh}${predicate.zh}`, en: `${field.en} ${predicate.en}` };
}

/** A sentence that does not already name the field (`name`, without array positions) gets the field's name in front. */
function sentenceOf(field: FieldLabel, name: FieldLabel, sentence: Words): Words {
  const namesField = (text: string, words: string) => text.toLowerCase().includes(words.toLowerCase());
  return {
    zh: namesField(sentence.zh, name.zh) ? sentence.zh : `${field.zh}：${sentence.zh}`,
    en: namesField(sentence.en, name.en) ? sentence.en : `${field.en}: ${sentence.en}`,
  };
}

/** One issue for the API's error body, worded for `procedure`'s field at the issue's path. */
export function issueView(issue: Issue, procedure?: string): IssueView {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  const field = describeField(procedure, path);
  const name = fieldLabel(procedure, path) ?? field;
  const read = readIssueMessage(issue.message, (issue as { params?: { en?: unknown } }).params);
  const words = read.kind === 'generic' ? withField(field, genericPredicate(issue, read.received)) : read.kind === 'predicate' ? withField(field, read) : sentenceOf(field, name, read);
  return { path, message: words.zh, messageEn: words.en, field };
}
