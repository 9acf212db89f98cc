// The command-line interface of `sync-lead`: options, help text and their parsing (commander).
import { Command, InvalidArgumentError, Option } from 'commander';
import { FOREIGN_SYS_TYPES } from '../sync-lead-input.js';

/** Parsed command-line options. */
export interface CliOptions {
  endpoint?: string;
  email?: string;
  id?: number;
  foreignSysPersonId?: string;
  foreignSysType?: string;
  cookie?: string;
  attr: Array<[string, string]>;
  workspace?: string;
  returnLead?: boolean;
  json?: boolean;
  trace?: boolean;
  timeoutMs?: number;
  allowInsecureHttp?: boolean;
}

function parseAttr(text: string, previous: Array<[string, string]>): Array<[string, string]> {
  const equals = text.indexOf('=');
  if (equals < 0) throw new InvalidArgumentError('expected Name=Value (for example FirstName=George)');
  return [...previous, [text.slice(0, equals), text.slice(equals + 1)]];
}

function parseLeadId(text: string): number {
  if (!/^\d+$/.test(text)) throw new InvalidArgumentError('expected a positive integer');
  return Number(text);
}

function parseTimeout(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) === 0) throw new InvalidArgumentError('expected a positive number of milliseconds');
  return Number(text);
}

const ENVIRONMENT_HELP = `
Environment:
  MARKETO_SECRET_KEY     secret (encryption) key of the SOAP user (required; never accepted as an option)
  MARKETO_USER_ID        Marketo SOAP user id (required)
  MARKETO_SOAP_ENDPOINT  endpoint used when --endpoint is not given

Exit status: 0 synced; 1 the call failed (a Marketo fault names its code on stderr); 2 bad usage or input.

Examples:
  sync-lead --endpoint https://123-ABC-456.mktoapi.com/soap/mktows/2_2 --email t@t.com \\
    --attr FirstName=George --attr "LastName=of the Jungle"
  sync-lead --id 1089965 --attr LeadScore=62 --return-lead --json
`;

/** Builds the `sync-lead` command; `writeOut`/`writeErr` receive help and usage errors. */
export function createCliProgram(output: { writeOut: (text: string) => void; writeErr: (text: string) => void }): Command {
  return new Command()
    .name('sync-lead')
    .description("Create or update one Marketo lead through the SOAP API's syncLead (mktows 2_2).")
    .option('--endpoint <url>', 'mktows endpoint URL (default: $MARKETO_SOAP_ENDPOINT)')
    .option('--email <email>', 'lead email address')
    .option('--id <n>', 'Marketo lead id (takes precedence over every other key)', parseLeadId)
    .option('--foreign-sys-person-id <id>', 'lead id in a foreign system (needs --foreign-sys-type)')
    .addOption(new Option('--foreign-sys-type <type>', 'foreign system type').choices([...FOREIGN_SYS_TYPES]))
    .option('--cookie <cookie>', 'Munchkin cookie (_mkto_trk) of an anonymous lead to associate')
    .option('--attr <Name=Value>', 'lead attribute to set (repeatable)', parseAttr, [])
    .option('--workspace <name>', 'target workspace (MktowsContextHeader)')
    .option('--return-lead', 'print the whole lead record Marketo returns')
    .option('--json', 'print exactly one JSON object on stdout')
    .option('--trace', 'print the redacted SOAP request and response on stderr')
    .option('--timeout-ms <ms>', 'per-attempt timeout in milliseconds (default 30000)', parseTimeout)
    .option('--allow-insecure-http', 'allow http:// to hosts other than loopback')
    .addHelpText('after', ENVIRONMENT_HELP)
    .helpOption('-h, --help', 'show this help')
    .showSuggestionAfterError(true)
    .allowExcessArguments(false)
    .exitOverride()
    .configureOutput({ writeOut: output.writeOut, writeErr: output.writeErr });
}
