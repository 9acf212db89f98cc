// Inputs syncLead must refuse before any request, each with the field its ValidationError names.

/** One bad input and the field the error must name. */
export interface BadInput {
  why: string;
  input: unknown;
  field: string;
}

const email = 'valid@example.com';
const cyclic: Record<string, unknown> = {};
cyclic.self = cyclic;

/** More than fifty ways to get a syncLead input wrong. */
export const badInputs: BadInput[] = [
  // the input itself
  { why: 'undefined input', input: undefined, field: 'input' },
  { why: 'null input', input: null, field: 'input' },
  { why: 'a string input', input: 'valid@example.com', field: 'input' },
  { why: 'a number input', input: 42, field: 'input' },
  { why: 'an array input', input: [{ email }], field: 'input' },
  { why: 'a Map input', input: new Map([['email', email]]), field: 'input' },
  { why: 'a class instance input', input: new (class Lead { email = email })(), field: 'input' },
  // no key at all
  { why: 'an empty object', input: {}, field: 'input' },
  { why: 'only attributes', input: { attributes: { FirstName: 'George' } }, field: 'input' },
  { why: 'only a cookie', input: { marketoCookie: 'id:561-HYG-937&token:_mch-marketo.com-1374552656411-90718' }, field: 'input' },
  { why: 'only returnLead', input: { returnLead: true }, field: 'input' },
  { why: 'only foreignSysType', input: { foreignSysType: 'CUSTOM' }, field: 'input' },
  { why: 'keys set to undefined', input: { id: undefined, email: undefined }, field: 'input' },
  // unknown fields (typos, Marketo's casing)
  { why: 'Email in Marketo casing', input: { Email: email }, field: 'Email' },
  { why: 'a typo in email', input: { emial: email }, field: 'emial' },
  { why: 'leadId instead of id', input: { leadId: 5, email }, field: 'leadId' },
  { why: 'an attribute at top level', input: { email, FirstName: 'George' }, field: 'FirstName' },
  // id
  { why: 'id zero', input: { id: 0 }, field: 'id' },
  { why: 'negative id', input: { id: -1 }, field: 'id' },
  { why: 'fractional id', input: { id: 1.5 }, field: 'id' },
  { why: 'NaN id', input: { id: Number.NaN }, field: 'id' },
  { why: 'infinite id', input: { id: Number.POSITIVE_INFINITY }, field: 'id' },
  { why: 'id beyond xs:int', input: { id: 2_147_483_648 }, field: 'id' },
  { why: 'id as a string', input: { id: '1089965' }, field: 'id' },
  { why: 'id as a bigint', input: { id: 5n }, field: 'id' },
  { why: 'id null', input: { id: null, email }, field: 'id' },
  { why: 'negative zero id', input: { id: -0 }, field: 'id' },
  // email
  { why: 'empty email', input: { email: '' }, field: 'email' },
  { why: 'blank email', input: { email: '   ' }, field: 'email' },
  { why: 'email without @', input: { email: 'george.example.com' }, field: 'email' },
  { why: 'email with a space', input: { email: 'george of@example.com' }, field: 'email' },
  { why: 'email as a number', input: { email: 42 }, field: 'email' },
  { why: 'email with a NUL', input: { email: 'a\u0000b@example.com' }, field: 'email' },
  { why: 'email with a lone surrogate', input: { email: 'a\uD800@example.com' }, field: 'email' },
  // foreign system
  { why: 'foreignSysPersonId without type', input: { foreignSysPersonId: 'crm-1' }, field: 'foreignSysType' },
  { why: 'foreignSysType outside the enum', input: { foreignSysPersonId: 'crm-1', foreignSysType: 'HUBSPOT' }, field: 'foreignSysType' },
  { why: 'foreignSysType lower case', input: { foreignSysPersonId: 'crm-1', foreignSysType: 'custom' }, field: 'foreignSysType' },
  { why: 'foreignSysType without person id', input: { email, foreignSysType: 'SFDC' }, field: 'foreignSysType' },
  { why: 'empty foreignSysPersonId', input: { foreignSysPersonId: '', foreignSysType: 'CUSTOM' }, field: 'foreignSysPersonId' },
  { why: 'numeric foreignSysPersonId', input: { foreignSysPersonId: 7, foreignSysType: 'CUSTOM' }, field: 'foreignSysPersonId' },
  { why: 'foreignSysPersonId with a control char', input: { foreignSysPersonId: 'a\u0007', foreignSysType: 'CUSTOM' }, field: 'foreignSysPersonId' },
  // cookie
  { why: 'empty cookie', input: { email, marketoCookie: '' }, field: 'marketoCookie' },
  { why: 'cookie as an object', input: { email, marketoCookie: { id: 1 } }, field: 'marketoCookie' },
  { why: 'cookie with U+FFFF', input: { email, marketoCookie: 'x\uFFFF' }, field: 'marketoCookie' },
  // returnLead
  { why: 'returnLead as a string', input: { email, returnLead: 'true' }, field: 'returnLead' },
  { why: 'returnLead as a number', input: { email, returnLead: 1 }, field: 'returnLead' },
  // attributes container
  { why: 'attributes as an array', input: { email, attributes: [['FirstName', 'George']] }, field: 'attributes' },
  { why: 'attributes as a string', input: { email, attributes: 'FirstName=George' }, field: 'attributes' },
  { why: 'attributes null', input: { email, attributes: null }, field: 'attributes' },
  { why: 'attributes as a Map', input: { email, attributes: new Map([['FirstName', 'George']]) }, field: 'attributes' },
  // attribute names
  { why: 'empty attribute name', input: { email, attributes: { '': 'x' } }, field: 'attributes' },
  { why: 'blank attribute name', input: { email, attributes: { '  ': 'x' } }, field: 'attributes' },
  { why: 'attribute name with a space', input: { email, attributes: { 'First Name': 'x' } }, field: 'attributes' },
  { why: 'attribute name with a tab', input: { email, attributes: { 'First\tName': 'x' } }, field: 'attributes' },
  { why: 'attribute name with a control char', input: { email, attributes: { 'First\u0001': 'x' } }, field: 'attributes' },
  // attribute values XML 1.0 cannot carry
  { why: 'value with NUL', input: { email, attributes: { FirstName: 'Geo\u0000rge' } }, field: 'attributes.FirstName' },
  { why: 'value with a vertical tab', input: { email, attributes: { FirstName: 'Geo\u000Brge' } }, field: 'attributes.FirstName' },
  { why: 'value with a form feed', input: { email, attributes: { FirstName: '\u000C' } }, field: 'attributes.FirstName' },
  { why: 'value with ESC', input: { email, attributes: { FirstName: '\u001B[31m' } }, field: 'attributes.FirstName' },
  { why: 'value with U+FFFE', input: { email, attributes: { FirstName: '\uFFFE' } }, field: 'attributes.FirstName' },
  { why: 'value with a lone high surrogate', input: { email, attributes: { FirstName: 'x\uD83D' } }, field: 'attributes.FirstName' },
  { why: 'value with a lone low surrogate', input: { email, attributes: { FirstName: '\uDE00x' } }, field: 'attributes.FirstName' },
  // attribute values of the wrong type
  { why: 'NaN value', input: { email, attributes: { LeadScore: Number.NaN } }, field: 'attributes.LeadScore' },
  { why: 'Infinity value', input: { email, attributes: { LeadScore: Number.NEGATIVE_INFINITY } }, field: 'attributes.LeadScore' },
  { why: 'Invalid Date value', input: { email, attributes: { Birthday: new Date('nope') } }, field: 'attributes.Birthday' },
  { why: 'Date beyond year 9999', input: { email, attributes: { Birthday: new Date(8.64e15) } }, field: 'attributes.Birthday' },
  { why: 'object value', input: { email, attributes: { Address: { city: 'Lund' } } }, field: 'attributes.Address' },
  { why: 'array value', input: { email, attributes: { Tags: ['a', 'b'] } }, field: 'attributes.Tags' },
  { why: 'bigint value', input: { email, attributes: { Revenue: 10n } }, field: 'attributes.Revenue' },
  { why: 'function value', input: { email, attributes: { FirstName: () => 'George' } }, field: 'attributes.FirstName' },
  { why: 'symbol value', input: { email, attributes: { FirstName: Symbol('George') } }, field: 'attributes.FirstName' },
  { why: 'cyclic object value', input: { email, attributes: { Self: cyclic } }, field: 'attributes.Self' },
];
