// Vitest (Vite) resolves import.meta.glob; the type for the one place that uses it outside the console.
interface ImportMeta {
  glob<T>(pattern: string, options: { eager: true }): Record<string, T>;
}
