// What the documentation's envelopes (../shared/fixtures/marketo-docs) hold, and their attribute lists, for tests.

/** The lead record of getlead.response.xml: its Id, Email and attributes (as the text the envelope carries). */
export const DOCUMENTED_LEAD = {
  id: 1089965,
  email: 'rufus@marketo.com',
  attributes: {
    AnonymousIP: '172.249.34.240',
    Company: 'Marketo',
    FirstName: 'Travis',
    InferredCompany: 'Time Warner Cable',
    InferredCountry: 'United States',
    LastName: 'Kaufman',
    LeadScore: '62',
    Website: 'gmail.com',
  },
} as const;

/** `{ attribute: [{ attrName, attrValue }, ...] }` (a leadAttributeList, customObjKeyList, ...) from `{ name: value }`. */
export function attributeList(values: Record<string, string>): { attribute: Array<{ attrName: string; attrValue: string }> } {
  return { attribute: Object.entries(values).map(([attrName, attrValue]) => ({ attrName, attrValue })) };
}
