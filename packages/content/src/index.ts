export * from './types.js';
export * from './labels.js';
export * from './dates.js';
export * from './status.js';
export * from './client.js';
export * from './urls.js';
export * from './questions.js';
export * from './sites.js';
