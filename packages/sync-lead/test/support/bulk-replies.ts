// Scripted syncMultipleLeads answers for raw-server tests, made from the documentation's response
// (../shared: the tests that use them are declared with describeWithShared).
import { docsFixture } from '@org/test-support';

const documentedResponse = docsFixture('syncmultipleleads.response.xml');
const STATUS_LIST = /<syncStatusList>[\s\S]*<\/syncStatusList>/;

/** The emails of the lead records in a syncMultipleLeads request, in order. */
export function requestedEmails(body: string): string[] {
  return [...body.matchAll(/<leadRecord>[\s\S]*?<\/leadRecord>/g)].map((record) => /<Email>([^<]*)<\/Email>/.exec(record[0])?.[1] ?? '');
}

/** The documentation's response with one CREATED status per email, ids from `firstId` on. */
export function createdReply(emails: readonly string[], firstId: number): string {
  const statuses = emails
    .map((_, position) => `<syncStatus><leadId>${firstId + position}</leadId><status>CREATED</status><error xsi:nil="true" /></syncStatus>`)
    .join('');
  return documentedResponse.replace(STATUS_LIST, `<syncStatusList>${statuses}</syncStatusList>`);
}
