export * from './design';
export * from './load';
export * from './serialize';
export * from './connections';
export * from './templates';
export * as fields from './fields';
export * from './share';
