// Parameters an operation cannot run without, read together so that the fault names all of them.
import { MarketoFault } from '../marketo-fault.js';
import { optionalText } from '../soap-values.js';

/**
 * The texts of the parameters `names` of `args`.
 * @throws MarketoFault 20109 (`"a and b are required"`) when any of them is absent or empty
 */
export function requiredTexts<const Name extends string>(
  args: Record<string, unknown>,
  names: readonly Name[],
): Record<Name, string> {
  const texts = names.map((name) => [name, optionalText(args[name])] as const);
  if (texts.some(([, text]) => text === undefined)) {
    throw new MarketoFault(20109, `${names.join(' and ')} are required`);
  }
  return Object.fromEntries(texts) as Record<Name, string>;
}
