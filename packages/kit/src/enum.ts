// Zod-free on purpose: the console imports enums for their labels without bundling zod.
export interface Bilingual {
  zh: string;
  en: string;
}

export interface EnumDefinition<V extends string> {
  readonly values: readonly [V, ...V[]];
  readonly labels: Readonly<Record<V, Bilingual>>;
  label(value: V, lang?: 'zh' | 'zh-CN' | 'en'): string;
  is(value: unknown): value is V;
}

/** Values and their zh/en labels in one place; schemas take `z.enum(E.values)`. */
export function defineEnum<const V extends string>(labels: Record<V, Bilingual>): EnumDefinition<V> {
  const values = Object.keys(labels) as V[];
  if (values.length === 0) throw new Error('an enum needs at least one value');
  const set: ReadonlySet<string> = new Set(values);
  return {
    values: values as [V, ...V[]],
    labels,
    label: (value, lang = 'zh') => labels[value][lang === 'en' ? 'en' : 'zh'],
    is: (value): value is V => typeof value === 'string' && set.has(value),
  };
}
