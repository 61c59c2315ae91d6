// jsforce's Bulk API 2.0 query as a user would call it (create, poll, read every page, parse the
// CSV into records), consuming every record. Prints one RESULT line for ClientBulkBench.
// The token comes from the environment (never the command line); jsforce is resolved from the
// conformance suite's node_modules (JSFORCE_PACKAGE_JSON = path to conformance/package.json).
import { createRequire } from 'node:module';

const require = createRequire(process.env.JSFORCE_PACKAGE_JSON);
const jsforce = require('jsforce');
const [instanceUrl, soql, version] = process.argv.slice(2);

const conn = new jsforce.Connection({ instanceUrl, accessToken: process.env.BENCH_SF_TOKEN, version });

// Warm-up, as for the Java client: one 100,000-row pass (one page, which jsforce can read) before
// the measured one, so that V8 runs optimized code.
const warm = await conn.bulk2.query(soql.includes(' LIMIT ') ? soql : `${soql} LIMIT 100000`,
  { pollInterval: 50, pollTimeout: 600_000 });
for await (const record of warm) if (!record.Id) throw new Error('record without Id');
const start = process.hrtime.bigint();
const cpuStart = process.cpuUsage();
let peakRss = process.memoryUsage().rss;
const records = await conn.bulk2.query(soql, { pollInterval: 50, pollTimeout: 600_000 });
let n = 0;
let chars = 0;
for await (const record of records) {
  n++;
  chars += record.Id.length + (record.Name ? record.Name.length : 0);
  if ((n & 0xffff) === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
}
const nanos = process.hrtime.bigint() - start;
const cpu = process.cpuUsage(cpuStart);
peakRss = Math.max(peakRss, process.memoryUsage().rss);
console.log(`RESULT records=${n} e2e_ns=${nanos} cpu_ns=${(cpu.user + cpu.system) * 1000} peak_rss_bytes=${peakRss} chars=${chars}`);
