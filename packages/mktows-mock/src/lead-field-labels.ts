// The labels Marketo shows for lead fields (spec, Appendix B). Activity records name a field by its label
// (`Change Data Value` of `First Name`), and importToList's CSV header uses labels (`Email Address`).
// A field without a label here (a custom field) is labelled with its API name.

const LABELS: Readonly<Record<string, string>> = Object.freeze({
  Email: 'Email Address',
  FirstName: 'First Name',
  MiddleName: 'Middle Name',
  LastName: 'Last Name',
  Company: 'Company Name',
  Title: 'Job Title',
  Phone: 'Phone Number',
  MobilePhone: 'Mobile Phone Number',
  Fax: 'Fax Number',
  PostalCode: 'Postal Code',
  AnnualRevenue: 'Annual Revenue',
  NumberOfEmployees: 'Num Employees',
  Rating: 'Lead Rating',
  LeadSource: 'Lead Source',
  LeadStatus: 'Lead Status',
  LeadScore: 'Lead Score',
  UnsubscribedReason: 'Unsubscribed Reason',
  DoNotCall: 'Do Not Call',
  DoNotCallReason: 'Do Not Call Reason',
  DateOfBirth: 'Date of Birth',
  AnonymousIP: 'Anonymous IP',
  InferredCompany: 'Inferred Company',
  InferredCountry: 'Inferred Country',
  LeadOwnerEmailAddress: 'Lead Owner Email Address',
  SFDCLeadId: 'SFDC Lead ID',
  SFDCContactId: 'SFDC Contact ID',
  SFDCAccountId: 'SFDC Account ID',
  SFDCLeadOwnerId: 'SFDC Lead Owner ID',
  SFDCOpptyId: 'SFDC Opportunity ID',
});

/** The label of a lead field (`First Name` for `FirstName`); the API name when it has none. */
export function leadFieldLabel(apiName: string): string {
  return LABELS[apiName] ?? apiName;
}

/** The API name of the field a label (or an API name) names, among `fieldNames`; undefined if none. */
export function leadFieldByLabel(label: string, fieldNames: readonly string[]): string | undefined {
  const wanted = label.trim().toLowerCase();
  return (
    fieldNames.find((name) => leadFieldLabel(name).toLowerCase() === wanted) ??
    fieldNames.find((name) => name.toLowerCase() === wanted)
  );
}
