// A small seeded instance with something of every kind, for tests that need an instance to work on.
import type { MockState } from '../../src/index.js';

/** Two leads, a list of each kind, a program, campaigns, a custom object type, an opportunity, tags. */
export function seedState(): MockState {
  return {
    leads: [
      { id: 1, email: 'ann@example.com', attributes: { FirstName: 'Ann', LastName: 'Archer' } },
      { id: 2, email: 'bob@example.com', attributes: { FirstName: 'Bob' } },
    ],
    channels: [
      {
        name: 'Webinar',
        statuses: [
          { name: 'Registered', step: 20 },
          { name: 'Attended', step: 30, success: true, attribute: { name: 'Webinar Behavior', value: 'Attended' } },
        ],
      },
      { name: 'Blog', statuses: [{ name: 'Visited', step: 10, success: true }] },
    ],
    tags: [
      { type: 'Region', values: ['EMEA', 'Americas'] },
      { type: 'Content Channel', values: ['SEM', 'Email'] },
    ],
    programs: [
      {
        id: 1001,
        name: 'Webinar Program',
        type: 'Marketing Event',
        tags: [{ type: 'Channel', value: 'Webinar' }],
        tokens: [{ name: '{{my.message}}', value: 'Hello' }],
        costs: [{ month: '2026-06', amount: 100, note: 'venue' }],
      },
    ],
    lists: [
      { id: 1, name: 'Newsletter', leadIds: [1] },
      { id: 2, name: 'Attendees', programName: 'Webinar Program' },
    ],
    campaigns: [
      { id: 11, name: 'Requested', description: 'on request', programName: 'Webinar Program', sources: ['MKTOWS'] },
      { id: 12, name: 'Batch', programName: 'Webinar Program' },
      { id: 13, name: 'Sales Triggered', sources: ['SALES', 'MKTOWS'] },
    ],
    customObjectTypes: [{ name: 'RoadShow', keys: ['MKTOID', 'rid'], fields: ['city', 'zip', 'state'] }],
    opportunities: [
      { id: 1, externalKey: { name: 'ExternalId', value: 'opp-1' }, attributes: { Name: 'Big deal', Amount: '1000' } },
    ],
    opportunityPersonRoles: [{ id: 1, opportunityId: 1, personId: 1, role: 'Decision Maker' }],
  };
}
