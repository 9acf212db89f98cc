// A per-client view of the shared parsed WSDL. soap keeps serialisation and
// parsing options on the WSDL object and every Client writes into them, so
// clients sharing one WSDL would overwrite each other's options. The view
// inherits the parsed definitions and owns its options. It also repairs
// nil-marked lists before soap parses a response (see nil-lists.ts).
import type { IOptions, WSDL } from 'soap';
import { XSD_NUMBER_TYPES } from './generated/metadata.js';
import { keepNilListChildren } from './nil-lists.js';

/** The private soap method that turns IOptions into the WSDL's own options. */
interface WsdlInternals {
  _initializeOptions(options: IOptions): void;
}

type Deserializer = (text: string) => unknown;

/** Keeps date/time text as received: the generated types say W3C strings, and a Date would lose the offset. */
const keepText: Deserializer = (text) => text;

/** The numeric XML Schema types soap 1.13 converts itself (`parseInt` or `Number`). */
const NUMBERS_SOAP_CONVERTS: ReadonlySet<string> = new Set(['int', 'integer', 'short', 'long', 'double', 'float', 'decimal']);

/** Numeric XML Schema types soap 1.13 leaves as strings; the generated types say number. */
const NUMBER_TYPES = XSD_NUMBER_TYPES.filter((name) => !NUMBERS_SOAP_CONVERTS.has(name));

/** Deserializers the generated types rely on; they win over the caller's for these names. */
const TYPE_DESERIALIZERS: Readonly<Record<string, Deserializer>> = {
  dateTime: keepText,
  date: keepText,
  time: keepText,
  ...Object.fromEntries(NUMBER_TYPES.map((name) => [name, (text: string) => Number(text)])),
};

/** A view of `shared` with its own options (nil elements as null unless the caller says otherwise). */
export function createClientWsdl(shared: WSDL, options: IOptions): WSDL {
  const view = Object.create(shared) as WSDL;
  (view as unknown as WsdlInternals)._initializeOptions(options);
  view.options.handleNilAsNull = options.handleNilAsNull ?? true;
  view.options.customDeserializer = {
    ...(options.customDeserializer as Record<string, Deserializer> | undefined),
    ...TYPE_DESERIALIZERS,
  };
  const parse = shared.xmlToObject.bind(view) as (xml: unknown, callback?: unknown) => unknown;
  view.xmlToObject = (xml: unknown, callback?: unknown): unknown =>
    parse(typeof xml === 'string' ? keepNilListChildren(xml) : xml, callback);
  return view;
}
