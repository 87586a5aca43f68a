// Writes a tenant config with N contact centers (round-robin over Connect regions) for the synth-scale benchmark.
// usage: node bench/gen-config.mjs <count> <out-dir>
import { mkdirSync, writeFileSync, copyFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const [count, outDir] = [Number(process.argv[2]), process.argv[3]];
if (!Number.isInteger(count) || count < 1 || !outDir) {
  console.error('usage: node bench/gen-config.mjs <count ≥ 1> <out-dir>');
  process.exit(2);
}
const regions = ['us-east-1', 'us-west-2', 'eu-west-2', 'eu-central-1', 'ap-southeast-2', 'ap-northeast-1', 'ca-central-1'];
const hex = (i, width) => i.toString(16).padStart(width, '0');
const contactCenters = Array.from({ length: count }, (_, i) => ({
  callCenterApiName: `benchcc${i + 1}`,
  region: regions[i % regions.length],
  connectInstanceId: `${hex(i + 1, 8)}-0000-4000-8000-${hex(i + 1, 12)}`,
  connectInstanceAlias: `bench-cc-${i + 1}`,
  orgDomainUrl: 'https://bench.my.salesforce.com',
  scrtUrl: 'https://bench.my.salesforce-scrt.com',
  environment: i % 2 === 0 ? 'PRODUCTION' : 'SANDBOX',
}));
const config = {
  accountId: '111122223333',
  partition: 'aws',
  salesforceOrgId: '00D5g000004BeNc',
  samlMetadataFile: 'saml-metadata.example.xml',
  contactCenters,
};
const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'tenant.json'), JSON.stringify(config, null, 2));
copyFileSync(join(repo, 'config', 'saml-metadata.example.xml'), join(outDir, 'saml-metadata.example.xml'));
console.log(join(outDir, 'tenant.json'));
