/**
 * `npm run bench:login`: how many password guesses get through the login throttle (issue 14 defect 1) when every
 * guess claims a new `X-Forwarded-For` address — with proxy headers not trusted (the default), and behind one
 * trusted proxy that appends the real address (nginx). Runs the real app on a temporary SQLite database with the
 * shipped throttle settings and a manual clock, so "per day" means 24 simulated hours. Prints the figures.
 */
import { loadConfig } from '../server/core/config.js';
import { setupTestApp, type TestContext } from '../tests/support/app.js';

const shipped = loadConfig({}).loginThrottle;
const DAY_MS = 24 * 3_600_000;

async function guess(t: TestContext, username: string, i: number, forwarded: string) {
  return t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: `guess-${i}` }, headers: { 'x-forwarded-for': forwarded } });
}

/** Guesses on one account until the first 429, then for a simulated day, waiting out each Retry-After. */
async function oneAccount(trustProxy: false | number) {
  const t = await setupTestApp({ config: { loginThrottle: shipped, trustProxy } });
  let beforeThrottle = 0;
  let perDay = 0;
  let throttled = false;
  const end = t.clock.now().getTime() + DAY_MS;
  for (let i = 0; t.clock.now().getTime() < end && i < 100_000; i++) {
    // A new forged client address each time; behind a proxy, the proxy appends the real one last.
    const forged = `10.${i % 250}.${(i >> 8) % 250}.${(i % 200) + 1}`;
    const res = await guess(t, 'seller_a', i, trustProxy ? `${forged}, 203.0.113.7` : forged);
    if (res.statusCode === 429) {
      throttled = true;
      t.clock.advance(Number(res.headers['retry-after'] ?? 1) * 1000);
      continue;
    }
    if (res.statusCode !== 401) throw new Error(`unexpected ${res.statusCode} ${res.body}`);
    perDay++;
    if (!throttled) beforeThrottle++;
  }
  await t.close();
  return { beforeThrottle, perDay };
}

/** One guess per username (password spraying) from one real address with forged headers: when does the address lock? */
async function spraying(trustProxy: false | number) {
  const t = await setupTestApp({ config: { loginThrottle: shipped, trustProxy } });
  const users = ['seller_a', 'seller_a2', 'seller_b', 'lead_east1', 'rm_east', 'director', 'finance', 'support', 'admin'];
  let beforeThrottle = 0;
  for (let i = 0; i < 200; i++) {
    const forged = `172.16.${i % 250}.${(i % 200) + 1}`;
    // Unknown usernames too: the answer and its time are the same as for a wrong password.
    const res = await guess(t, i < users.length ? users[i] : `nobody${i}`, i, trustProxy ? `${forged}, 203.0.113.9` : forged);
    if (res.statusCode === 429) break;
    beforeThrottle++;
  }
  await t.close();
  return beforeThrottle;
}

console.log(`login throttle (shipped: ${shipped.accountFailures} per account, ${shipped.addressFailures} per address, delay doubling from ${shipped.baseDelayMs} ms to ${shipped.maxDelayMs / 60_000} min)`);
for (const [label, trust] of [['proxy headers not trusted (default)', false], ['behind 1 trusted proxy (ACTIONFLOW_TRUST_PROXY=1)', 1]] as const) {
  const account = await oneAccount(trust);
  const spray = await spraying(trust);
  console.log(`${label}, a new X-Forwarded-For on every guess:`);
  console.log(`  one account: ${account.beforeThrottle} guesses before the first 429; ${account.perDay} guesses in 24 h waiting out every Retry-After`);
  console.log(`  one guess per username from one address: ${spray} guesses before the address is throttled`);
}
process.exit(0);
