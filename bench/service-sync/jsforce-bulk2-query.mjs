// P1's peer: jsforce's Bulk API 2.0 query (queryAll, like the service) downloading and parsing
// every record of the same SOQL, and nothing else. jsforce comes from the conformance suite's
// node_modules (CONFORMANCE_PACKAGE_JSON); the token comes from the environment, never argv.
// Prints one line: RESULT records=<n> seconds=<wall clock> peak_rss_mb=<rss>
import { createRequire } from 'node:module';

const require = createRequire(process.env.CONFORMANCE_PACKAGE_JSON);
const jsforce = require('jsforce');

// jsforce 3.10 cannot read a multi-page Bulk 2.0 result (it pipes every page, header row included,
// into one CSV parser: jsforce/jsforce#1740). So the whole result is asked for as one page with
// Salesforce's maxRecords parameter; everything else is jsforce's own code path.
const { QueryJobV2 } = require('jsforce/lib/api/bulk2');
const createQueryRequest = QueryJobV2.prototype.createQueryRequest;
QueryJobV2.prototype.createQueryRequest = function (request) {
  if (request.path === `/${this.id}/results`) {
    request = { ...request, path: `${request.path}?maxRecords=${process.env.MAX_RECORDS}` };
  }
  return createQueryRequest.call(this, request);
};
const [instanceUrl, version, soql] = process.argv.slice(2);
const conn = new jsforce.Connection({ instanceUrl, version, accessToken: process.env.SF_ACCESS_TOKEN });

const t0 = process.hrtime.bigint();
const records = await conn.bulk2.query(soql, { scanAll: true, pollInterval: 100, pollTimeout: 1_800_000 });
let n = 0;
let rss = 0;
for await (const r of records) {
  if (r.Id) n++;
  if ((n & 0x3fff) === 0) rss = Math.max(rss, process.memoryUsage().rss);
}
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
rss = Math.max(rss, process.memoryUsage().rss);
console.log(`RESULT records=${n} seconds=${seconds.toFixed(3)} peak_rss_mb=${(rss / 1048576).toFixed(0)}`);
