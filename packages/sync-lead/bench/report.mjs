// The benchmark's output: a table for people, then one JSON line (the last line) for machines.

/** The targets the issues set; each returns whether the result meets it (`undefined`: not measured here). */
export const TARGETS = [
  { name: "a window's allowance of syncLead calls at once ends within 0.3 of a window", met: (r) => r.bulk.windowBurst.windows <= 0.3 },
  { name: 'syncLeads of 250 calls (10 leads each) >= 0.95 of the sliding-window optimum', met: (r) => r.bulk.syncLeads.efficiency >= 0.95 },
  {
    name: 'zero limit faults in the burst and bulk runs',
    met: (r) => [r.bulk.windowBurst, r.bulk.syncLeads, r.bulk.syncLeads300].every((run) => run === undefined || run.limitFaults === 0),
  },
  { name: 'SDK / soap per call <= 1.1', met: (r) => r.perCall.sdkOverRaw <= 1.1 },
  { name: '100k streamed run < 200 MB peak RSS', met: (r) => r.memory.peakRssMb < 200 },
  { name: 'every lead of the bulk and streamed runs synced and stored once', met: (r) => everyLeadStored(r) },
  { name: '4 processes through Redis >= 0.9 of the optimum', met: (r) => (r.shared.skipped ? undefined : r.shared.efficiency >= 0.9) },
  {
    name: '4 processes through Redis: zero limit faults, every lead stored once',
    met: (r) => (r.shared.skipped ? undefined : r.shared.limitFaults === 0 && everyOnce(r.shared.leads, r.shared)),
  },
];

function everyOnce(leads, { created, stored, distinctStored }) {
  return created === leads && stored === leads && distinctStored === leads;
}

function everyLeadStored({ bulk, memory }) {
  return (
    everyOnce(bulk.syncLeads.leads, bulk.syncLeads) &&
    (bulk.syncLeads300 === undefined || everyOnce(bulk.syncLeads300.leads, bulk.syncLeads300)) &&
    everyOnce(memory.leads, { created: memory.created, stored: memory.stored, distinctStored: memory.distinctStored })
  );
}

const number = (value) => value.toLocaleString('en-US');

function sharedRows(shared) {
  if (shared.skipped) return [['Shared limits: 4 processes through one Redis into one mock', 'skipped', shared.skipped]];
  return [
    [`Shared limits: ${shared.workers} processes, limits in one Redis, into one mock (same window, ${number(shared.calls)} calls together)`],
    [`  syncLeads x ${shared.workers}, ${number(shared.leads)} leads in calls of ${shared.leadsPerCall}`, `${number(shared.toLastStartMs)} ms`, `first to last start; optimum ${number(shared.optimumMs)} ms`],
    ['  optimum / measured', `${shared.efficiency}`, `limit faults ${shared.limitFaults}, peak in flight ${shared.peakInFlight}, ${number(shared.stored)} stored, ${shared.failed} failed`],
    ['  after the first window\'s ramp', `${shared.afterRampEfficiency}`, `ramp ${number(shared.firstWindowRampMs)} ms`],
  ];
}

function rows(r) {
  const { perCall: p, mockPerCall: mp, bulk: b, shared, coldStart: c, memory: m } = r;
  const s = b.syncLeads;
  const w = b.windowBurst;
  return [
    [`Per call: syncLead one at a time against a minimal server (median of rounds, ${number(p.calls)} calls each)`],
    ['  @org/sync-lead', `${p.sdkUs} µs`, `client CPU ${p.sdkCpuUs} µs`],
    ['  plain soap', `${p.rawSoapUs} µs`, `client CPU ${p.rawSoapCpuUs} µs`],
    ['  floor: prebuilt envelope, keep-alive', `${p.floorUs} µs`],
    ['  sync-lead / soap', `${p.sdkOverRaw}`, `CPU ${p.sdkOverRawCpu}`],
    [`Mock per call: syncLead one at a time against mktows-mock, no limits (median of rounds, ${number(mp.calls)} calls each)`],
    ['  mktows-mock', `${mp.mockUs} µs`],
    ['  minimal server, same rounds', `${mp.minimalUs} µs`],
    ['  mktows-mock / minimal server', `${mp.mockOverMinimal}`],
    [`Bulk: mktows-mock, ${b.window.calls} calls per ${number(b.window.windowMs)} ms, ${b.concurrency} in flight (Marketo: 100 per 20,000 ms, 10)`],
    [`  ${w.calls} syncLead calls at once`, `${number(w.ms)} ms`, `${w.windows} of a window, limit faults ${w.limitFaults}`],
    ...[s, b.syncLeads300].filter(Boolean).flatMap((run) => [
      [`  syncLeads, ${run.calls} calls of ${run.leadsPerCall} leads`, `${number(run.toLastStartMs)} ms`, `first to last start (all done ${number(run.ms)} ms); optimum ${number(run.optimumMs)} ms`],
      ['    optimum / measured', `${run.efficiency}`, `${number(run.leadsPerSecond)} leads/s, limit faults ${run.limitFaults}`],
      ['    after the first window\'s ramp', `${run.afterRampEfficiency}`, `ramp ${number(run.firstWindowRampMs)} ms: until call ${((run.calls - 1) % b.window.calls) + 1} of the first window could start`],
    ]),
    [`  loop of syncLead, ${b.syncLeadLoop.leads} leads`, `${number(b.syncLeadLoop.ms)} ms`, `${b.syncLeadLoop.leadsPerSecond} leads/s, limit faults ${b.syncLeadLoop.limitFaults}`],
    [`  Promise.all of syncLead, no limits, ${b.naivePromiseAll.leads} leads`, `${number(b.naivePromiseAll.ms)} ms`, `${b.naivePromiseAll.failed} failed, limit faults ${b.naivePromiseAll.limitFaults}`],
    ...sharedRows(shared),
    [`Cold start: new process, import + client + one call (median of ${c.runs})`],
    ['  @org/sync-lead', `${c.sdk.toResultMs} ms`, `import ${c.sdk.importMs}, create ${c.sdk.createMs}, call ${c.sdk.callMs}; process ${c.sdk.processMs} ms`],
    ['  plain soap', `${c.rawSoap.toResultMs} ms`, `import ${c.rawSoap.importMs}, create ${c.rawSoap.createMs}, call ${c.rawSoap.callMs}; process ${c.rawSoap.processMs} ms`],
    ['  sync-lead / soap', `${c.sdkOverRaw}`],
    ['  import of @org/sync-lead/redis (ioredis), for comparison', `${c.redisImportMs} ms`],
    [`Memory: syncLeadsStream of ${number(m.leads)} generated leads (mock in another process)`],
    ['  peak RSS', `${m.peakRssMb} MB`, `${number(m.durationMs)} ms, ${number(m.created)} created, ${m.failed} failed, ${number(m.stored)} stored`],
  ];
}

/** Prints the report; returns whether every target was met. */
export function printReport(result) {
  const lines = [`sync-lead bench (${result.mode}) on Node ${result.node}, ${result.cpus} CPUs, ${result.durationS} s`];
  for (const row of rows(result)) {
    lines.push(row.length === 1 ? row[0] : `${row[0].padEnd(52)} ${row[1].padStart(12)}   ${row[2] ?? ''}`.trimEnd());
  }
  lines.push('Targets');
  const outcomes = TARGETS.map((target) => ({ name: target.name, met: target.met(result) }));
  for (const { name, met } of outcomes) lines.push(`  ${met === undefined ? 'SKIP' : met ? 'ok  ' : 'MISS'} ${name}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  process.stdout.write(`${JSON.stringify({ ...result, targets: Object.fromEntries(outcomes.map(({ name, met }) => [name, met])) })}\n`);
  return outcomes.every((outcome) => outcome.met !== false);
}
