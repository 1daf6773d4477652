export { loadDemoData, resetDatabase, DEMO_SIZES, DEMO_SEED, type DemoOptions, type DemoSummary } from './load.js';
export { DEMO_LOGINS, DEMO_PASSWORD, DEMO_COMPANY, type DemoLogin } from './org.js';
