// The command-line interface of `sync-lead`: options, help text and their parsing (commander).
import { Command, InvalidArgumentError, Option } from 'commander';
import { FOREIGN_SYS_TYPES } from '../sync-lead-input.js';
import { LEAD_FILE_FORMATS, type LeadFileFormat } from './lead-file-format.js';

/** Parsed command-line options. */
export interface CliOptions {
  /** Over Marketo's REST API instead of SOAP. */
  rest?: boolean;
  partition?: string;
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
  file?: string;
  format?: LeadFileFormat;
  failedFile?: string;
  batchSize?: number;
  concurrency?: number;
  /** False with `--no-dedup`. */
  dedup: boolean;
  redisUrl?: string;
}

/** Options that only make sense with `--file`. */
export const BULK_ONLY_OPTIONS = ['format', 'failedFile', 'batchSize', 'concurrency', 'dedup', 'redisUrl'] as const;

/** Options of one lead, which `--file` replaces. */
const SINGLE_LEAD_OPTIONS = ['email', 'id', 'foreignSysPersonId', 'foreignSysType', 'cookie', 'attr', 'workspace', 'returnLead'];

function parseAttr(text: string, previous: Array<[string, string]>): Array<[string, string]> {
  const equals = text.indexOf('=');
  if (equals < 0) throw new InvalidArgumentError('expected Name=Value (for example FirstName=George)');
  return [...previous, [text.slice(0, equals), text.slice(equals + 1)]];
}

function parseLeadId(text: string): number {
  if (!/^\d+$/.test(text)) throw new InvalidArgumentError('expected a positive integer');
  return Number(text);
}

function parsePositiveInteger(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) === 0) throw new InvalidArgumentError('expected a positive integer');
  return Number(text);
}

function parseTimeout(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) === 0) throw new InvalidArgumentError('expected a positive number of milliseconds');
  return Number(text);
}

const ENVIRONMENT_HELP = `
Environment (SOAP):
  MARKETO_SECRET_KEY     secret (encryption) key of the SOAP user (required; never accepted as an option)
  MARKETO_USER_ID        Marketo SOAP user id (required)
  MARKETO_SOAP_ENDPOINT  endpoint used when --endpoint is not given
  MARKETO_LIMITS_REDIS_URL  Redis whose limits bulk mode shares, when --redis-url is not given

Environment (--rest):
  MARKETO_CLIENT_SECRET  Client Secret of the LaunchPoint custom service (required; never an option)
  MARKETO_CLIENT_ID      its Client Id (required)
  MARKETO_REST_ENDPOINT  REST endpoint (e.g. https://123-ABC-456.mktorest.com/rest) when --endpoint is not given
  MARKETO_IDENTITY_ENDPOINT  identity endpoint (default: on the REST endpoint's host)

With --rest the same lead (or file) is synced through Marketo's REST API (Sync Leads), with the same
inputs, output and exit status; --cookie has no REST equivalent (exit 2), --workspace becomes --partition.

Bulk mode (--file): every lead of an NDJSON file (one syncLead input as JSON per line, e.g.
{"email":"a@example.com","attributes":{"FirstName":"Ada"}}) or a CSV file (a header row; columns id,
email, foreignSysPersonId, foreignSysType are keys, any other column is a Marketo field; empty cells
are left out) is synced through syncMultipleLeads at Marketo's rate limit. A progress bar is drawn on
stderr when it is a terminal; the summary goes to stdout. Failed leads are written to --failed-file
(default: beside the input, e.g. leads.failed.csv) in the input's format, to fix and feed back in.

Exit status: 0 synced (every lead, in bulk mode); 1 the call failed (a Marketo fault names its code on
stderr), or in bulk mode some leads failed; 2 bad usage or input.

Examples:
  sync-lead --endpoint https://123-ABC-456.mktoapi.com/soap/mktows/2_2 --email t@t.com \\
    --attr FirstName=George --attr "LastName=of the Jungle"
  sync-lead --id 1089965 --attr LeadScore=62 --return-lead --json
  sync-lead --file leads.csv
  sync-lead --file leads.failed.csv --json
  sync-lead --rest --email t@t.com --attr FirstName=George --attr "LastName=of the Jungle"
`;

/** Builds the `sync-lead` command; `writeOut`/`writeErr` receive help and usage errors. */
export function createCliProgram(output: { writeOut: (text: string) => void; writeErr: (text: string) => void }): Command {
  return new Command()
    .name('sync-lead')
    .description(
      "Create or update one Marketo lead through the SOAP API's syncLead (mktows 2_2), or with --rest through the REST API, or a file of leads.",
    )
    .option('--rest', "use Marketo's REST API (reads the REST variables) instead of SOAP")
    .option('--endpoint <url>', 'mktows endpoint URL (default: $MARKETO_SOAP_ENDPOINT; with --rest the REST endpoint, default $MARKETO_REST_ENDPOINT)')
    .option('--email <email>', 'lead email address')
    .option('--id <n>', 'Marketo lead id (takes precedence over every other key)', parseLeadId)
    .option('--foreign-sys-person-id <id>', 'lead id in a foreign system (needs --foreign-sys-type)')
    .addOption(new Option('--foreign-sys-type <type>', 'foreign system type').choices([...FOREIGN_SYS_TYPES]))
    .option('--cookie <cookie>', 'Munchkin cookie (_mkto_trk) of an anonymous lead to associate')
    .option('--attr <Name=Value>', 'lead attribute to set (repeatable)', parseAttr, [])
    .option('--workspace <name>', 'target workspace (MktowsContextHeader; SOAP only)')
    .option('--partition <name>', 'lead partition to create and match leads in (partitionName; --rest only)')
    .option('--return-lead', 'print the whole lead record Marketo returns')
    .option('--json', 'print exactly one JSON object on stdout')
    .option('--trace', 'print the redacted SOAP (or REST) requests and responses on stderr')
    .option('--timeout-ms <ms>', 'per-attempt timeout in milliseconds (default 30000)', parseTimeout)
    .option('--allow-insecure-http', 'allow http:// to hosts other than loopback')
    .addOption(
      new Option('--file <path>', 'bulk mode: sync every lead of an NDJSON (.ndjson, .jsonl) or CSV (.csv) file').conflicts(
        SINGLE_LEAD_OPTIONS,
      ),
    )
    .addOption(new Option('--format <format>', 'format of --file when its extension does not tell').choices([...LEAD_FILE_FORMATS]))
    .option('--failed-file <path>', 'where failed leads are written (default: <file>.failed.<ext>)')
    .option('--batch-size <n>', 'leads per syncMultipleLeads call, at most 300 (default 300)', parsePositiveInteger)
    .option('--concurrency <n>', 'calls in flight at once (default 10, Marketo\'s limit)', parsePositiveInteger)
    .option('--no-dedup', 'create a new lead for every email without a unique key match (dedupEnabled=false)')
    .option(
      '--redis-url <url>',
      'share the rate, concurrency and daily limits with every client using this Redis (redis://...; default: $MARKETO_LIMITS_REDIS_URL)',
    )
    .addHelpText('after', ENVIRONMENT_HELP)
    .helpOption('-h, --help', 'show this help')
    .showSuggestionAfterError(true)
    .allowExcessArguments(false)
    .exitOverride()
    .configureOutput({ writeOut: output.writeOut, writeErr: output.writeErr });
}
