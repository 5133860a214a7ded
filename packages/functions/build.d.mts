export declare function buildFunctions(opts?: {
  strict?: boolean;
  only?: readonly string[];
  quiet?: boolean;
}): Promise<{ built: { name: string; bytes: number; file: string }[]; skipped: string[] }>;
