import type { BuildOptions, Plugin } from 'esbuild';

export declare const packageDir: string;
export declare const repoRoot: string;
export type FunctionBundle = 'api' | 'consumer' | 'outbox-enrichment';
export declare const functionBundles: readonly FunctionBundle[];
export declare const runtimeBundles: readonly FunctionBundle[];
export declare const runtimeSource: string;
export declare function entryPoint(name: FunctionBundle): string;
export declare function outDir(name: FunctionBundle): string;
export declare function outFile(name: FunctionBundle): string;
export declare function loadEsbuild(): Promise<typeof import('esbuild')>;
export declare function bundleOptions(name: FunctionBundle): BuildOptions;
export declare function runtimeAvailable(): boolean;
export declare const bundledZodLocales: readonly string[];
export declare function zodLocalesPlugin(keep?: readonly string[]): Plugin;
