export type * from './scenario.ts';
export type * from './fingerprint.ts';
export type * from './evaluation.ts';
export * from './worker-result.ts';
export * from './run-record.ts';
export * from './baseline.ts';
export type * from './arm-setup.ts';
export * from './environment.ts';
