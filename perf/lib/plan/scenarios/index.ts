export { ALL_ARMS, DEFAULT_ARMS, getCatalogueEntry, listScenarioNames, type CatalogueEntry } from './catalogue.ts';
export { resolveSharing, SHARING_REQUESTS, SharingUnsupportedError, type SharingRequest } from './sharing.ts';
export { INTENSIVE_THRESHOLDS, SMOKE_THRESHOLDS, STANDARD_THRESHOLDS, type ThresholdPlan } from './thresholds.ts';
