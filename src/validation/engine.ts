/**
 * Everything the editor needs to check a design, as one module: the editor loads it just after its
 * first paint (src/store/validation.ts), so the rules never weigh on the page's initial JS.
 */
export { validate } from './validate';
export { RULE_BY_ID } from './registry';
