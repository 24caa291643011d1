export type Target = 'compose' | 'server' | 'kubernetes';
export const TARGETS = ['compose', 'server', 'kubernetes'] as const;
