// Names and data definitions: <prefix>-<function> fits a Lambda function and IAM role name, <prefix>-<bucket> is a
// valid bucket name, tables declare exactly their key attributes, dead-letter queues exist and match FIFO-ness.

import { literal } from "./hcl.mjs";
import { moduleDir } from "./modules.mjs";

export function checkDataJson({ dirs, tfRoot, catalog, data, report: { fail } }, queues) {
  const functions = catalog.functions ?? {};
  const tables = data.tables ?? {};

  // name lengths: <prefix>-<function> is a Lambda function and IAM role name (<= 64)
  const prefixes = new Set();
  for (const m of dirs.values()) {
    for (const call of m.modules.values()) {
      if (!literal(call.source) || moduleDir(m, call.source) !== tfRoot) continue;
      const env = literal(call.environment);
      const prefix = literal(call.resource_prefix) ?? (env ? `luna-${env}` : null);
      if (prefix) prefixes.add(prefix);
    }
  }
  if (!prefixes.size) prefixes.add("luna-prod");
  for (const prefix of prefixes) {
    for (const name of Object.keys(functions)) {
      const full = `${prefix}-${name}`;
      if (full.length > 64) fail(`functions/catalog.json: ${name}: Lambda/role name ${full} is longer than 64 characters`);
    }
    for (const name of Object.keys(data.buckets ?? {})) {
      const full = `${prefix}-${name}`;
      if (!/^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/.test(full)) fail(`infra/terraform/data.json: bucket ${name}: ${full} is not a valid S3 bucket name`);
    }
  }

  for (const [name, t] of Object.entries(tables)) {
    const where = `infra/terraform/data.json: table ${name}`;
    const attrs = t.attributes ?? {};
    const keys = new Set([t.hashKey, t.rangeKey].filter(Boolean));
    if (!t.hashKey) fail(`${where}: no hashKey`);
    for (const [gsiName, g] of Object.entries(t.globalSecondaryIndexes ?? {})) {
      if (!g.hashKey) fail(`${where}: index ${gsiName} has no hashKey`);
      for (const k of [g.hashKey, g.rangeKey].filter(Boolean)) keys.add(k);
    }
    for (const k of keys) if (!(k in attrs)) fail(`${where}: key attribute ${k} is not in attributes`);
    for (const [a, type] of Object.entries(attrs)) {
      if (!keys.has(a)) fail(`${where}: attribute ${a} is not a table or index key (DynamoDB rejects unindexed attribute definitions)`);
      if (!["S", "N", "B"].includes(type)) fail(`${where}: attribute ${a} has type ${type}, expected S, N or B`);
    }
  }
  for (const [name, q] of Object.entries(queues)) {
    const where = `infra/terraform/data.json: queue ${name}`;
    const dlq = q.deadLetterQueue ?? null;
    if (dlq === null) continue;
    if (typeof dlq !== "string") { fail(`${where}: deadLetterQueue must be the logical name of another queue`); continue; }
    if (!(dlq in queues)) fail(`${where}: deadLetterQueue ${dlq} is not a queue of data.json`);
    else if (dlq === name) fail(`${where}: a queue cannot be its own dead-letter queue`);
    else if (Boolean(queues[dlq].fifo) !== Boolean(q.fifo)) fail(`${where}: its dead-letter queue ${dlq} must be ${q.fifo ? "" : "not "}FIFO too`);
  }
}
