// Every table of the application, for drizzle-kit and the migrations it generates.
export * from './platform/db/counties.js';
export * from './platform/audit/schema.js';
export * from './modules/organizations/schema.js';
export * from './modules/people/schema.js';
export * from './modules/members/schema.js';
export * from './modules/accounts/schema.js';
export * from './modules/members/admission/schema.js';
export * from './modules/members/transfers/schema.js';
export * from './modules/meetings/schema.js';
export * from './modules/compliance/schema.js';
export * from './modules/dues/schema.js';
export * from './platform/settings/schema.js';
export * from './modules/points/schema.js';
export * from './modules/appraisal/schema.js';
