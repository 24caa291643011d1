import { invalidConnection } from './rules/invalid-connection';
import type { Rule } from './types';

/** Every rule, in the order the docs list them. Adding a rule: one file in rules/ and one line here. */
export const RULES: readonly Rule[] = [invalidConnection];
