// SOAP field names and REST field names of one instance, from Describe Leads (each field lists both, e.g.
// `FirstName` and `firstName`). Inputs name attributes as SOAP does; a name Describe does not list as a
// SOAP name is sent as given (so REST names work too, and an unknown name gets Marketo's 1006).
import type { LeadAttribute } from '@org/marketo-rest-types';

/** The names and data types of an instance's lead fields. */
export interface RestFieldNames {
  /** The REST name of a field given by its SOAP name (the name itself when Describe has no such SOAP name). */
  readonly restName: (soapName: string) => string;
  /** The SOAP name of a field given by its REST name (the REST name when the field has no SOAP name). */
  readonly soapName: (restName: string) => string;
  /** The field's data type (`string`, `integer`, `datetime`, ...), by REST name. */
  readonly dataType: (restName: string) => string | undefined;
  /** Every field with a REST name, by REST name, in Describe's order. */
  readonly restNames: readonly string[];
}

/** The names of Describe Leads' `result`. */
export function restFieldNamesOf(fields: readonly LeadAttribute[]): RestFieldNames {
  const restBySoap = new Map<string, string>();
  const soapByRest = new Map<string, string>();
  const types = new Map<string, string>();
  for (const field of fields) {
    const restName = field.rest?.name;
    if (!restName) continue;
    types.set(restName, field.dataType);
    const soapName = field.soap?.name;
    if (soapName) {
      restBySoap.set(soapName, restName);
      soapByRest.set(restName, soapName);
    }
  }
  return {
    restName: (soapName) => restBySoap.get(soapName) ?? soapName,
    soapName: (restName) => soapByRest.get(restName) ?? restName,
    dataType: (restName) => types.get(restName),
    restNames: [...types.keys()],
  };
}
