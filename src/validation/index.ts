export * from './types';
export * from './validate';
export { RULES } from './registry';
