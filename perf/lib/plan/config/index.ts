export { loadSettings } from './load-settings.ts';
export { resolveScenario } from './resolve-scenario.ts';
export { SettingsError, type ArmsOverride, type ScenarioOverrides, type Settings } from './settings.ts';
export { listKnownPerfVariables, OTHER_MODULE_VARIABLES } from './known-variables.ts';
export { SETTING_VARIABLES, type SettingVariable } from './variables.ts';
export { CONFIG_SCHEMA, CONFIG_SCHEMA_VERSION, DEFAULT_CONFIG_FILE_NAME } from './config-file.ts';
