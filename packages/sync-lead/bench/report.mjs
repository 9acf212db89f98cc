// The benchmark's output: a table for people, then one JSON line (the last line) for machines.

/** The targets the issue sets; each returns whether the result meets it. */
export const TARGETS = [
  { name: 'bulk efficiency >= 0.9', met: (r) => r.bulk.syncLeads.efficiency >= 0.9 },
  { name: 'zero limit faults in the bulk run', met: (r) => r.bulk.syncLeads.limitFaults === 0 },
  { name: 'SDK / soap per call <= 1.1', met: (r) => r.perCall.sdkOverRaw <= 1.1 },
  { name: '100k streamed run < 200 MB peak RSS', met: (r) => r.memory.peakRssMb < 200 },
  { name: 'every lead of the bulk and streamed runs synced and stored once', met: (r) => everyLeadStored(r) },
];

function everyLeadStored({ bulk, memory }) {
  const runs = [
    [bulk.syncLeads.leads, bulk.syncLeads.created, bulk.syncLeads.stored, bulk.syncLeads.leads],
    [memory.leads, memory.created, memory.stored, memory.distinctStored],
  ];
  return runs.every(([leads, created, stored, distinct]) => created === leads && stored === leads && distinct === leads);
}

const number = (value) => value.toLocaleString('en-US');

function rows(r) {
  const { perCall: p, mockPerCall: mp, bulk: b, coldStart: c, memory: m } = r;
  const s = b.syncLeads;
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
    [`  syncLeads, ${number(s.leads)} leads in ${s.calls} calls`, `${number(s.ms)} ms`, `${number(s.leadsPerSecond)} leads/s of ${number(s.ceilingLeadsPerSecond)}`],
    ['  rate-limit bound / measured', `${s.efficiency}`, `bound ${number(s.boundMs)} ms, limit faults ${s.limitFaults}`],
    [`  loop of syncLead, ${b.syncLeadLoop.leads} leads`, `${number(b.syncLeadLoop.ms)} ms`, `${b.syncLeadLoop.leadsPerSecond} leads/s, limit faults ${b.syncLeadLoop.limitFaults}`],
    [`  Promise.all of syncLead, no limits, ${b.naivePromiseAll.leads} leads`, `${number(b.naivePromiseAll.ms)} ms`, `${b.naivePromiseAll.failed} failed, limit faults ${b.naivePromiseAll.limitFaults}`],
    [`Cold start: new process, import + client + one call (median of ${c.runs})`],
    ['  @org/sync-lead', `${c.sdk.toResultMs} ms`, `import ${c.sdk.importMs}, create ${c.sdk.createMs}, call ${c.sdk.callMs}; process ${c.sdk.processMs} ms`],
    ['  plain soap', `${c.rawSoap.toResultMs} ms`, `import ${c.rawSoap.importMs}, create ${c.rawSoap.createMs}, call ${c.rawSoap.callMs}; process ${c.rawSoap.processMs} ms`],
    ['  sync-lead / soap', `${c.sdkOverRaw}`],
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
  for (const { name, met } of outcomes) lines.push(`  ${met ? 'ok  ' : 'MISS'} ${name}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  process.stdout.write(`${JSON.stringify({ ...result, targets: Object.fromEntries(outcomes.map(({ name, met }) => [name, met])) })}\n`);
  return outcomes.every((outcome) => outcome.met);
}
