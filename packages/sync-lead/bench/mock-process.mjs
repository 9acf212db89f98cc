// mktows-mock in a process of its own, so that its SOAP parsing (tens of ms per 300-lead call) does not
// share a core and an event loop with the client being measured. Options come as JSON in argv[2]; it
// sends its URL, then answers `stats` and `reset` messages.
import { startMockServer } from '@org/mktows-mock';

const options = JSON.parse(process.argv[2] ?? '{}');
const server = await startMockServer(options);

function storeSummary() {
  const leads = server.leads();
  return { leads: leads.length, distinctEmails: new Set(leads.map((lead) => lead.email)).size };
}

process.on('message', (message) => {
  if (message === 'stats') process.send({ stats: server.stats(), store: storeSummary() });
  if (message === 'reset') {
    server.reset();
    process.send({ reset: true });
  }
});
process.on('disconnect', () => {
  void server.close().then(() => process.exit(0));
});
process.send({ url: server.url });
