export * from './types';
export * from './validate';
export { RULES, RULE_BY_ID } from './registry';
export { formatDiagnostics } from './format';
