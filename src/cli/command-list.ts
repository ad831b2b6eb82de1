import type { Command } from 'commander';
import { DEFAULT_PORT } from '../server/defaults.js';

/** Registers one command group on the program: its commands, options, help and actions. */
export type Register = (program: Command) => void;

export interface TopCommand {
  name: string;
  alias?: string;
  /** What the program's help shows after the name: `[options]` and the arguments. */
  usage?: string;
  description: string;
  /** The module that registers it (one module may register several: log and exchange). */
  module: keyof typeof MODULES;
}

/** Each command module, loaded only when a command line names one of its commands. */
export const MODULES = {
  person: async () => (await import('./commands/person.js')).registerPerson,
  network: async () => (await import('./commands/network.js')).registerNetwork,
  goal: async () => (await import('./commands/goal.js')).registerGoal,
  log: async () => (await import('./commands/log.js')).registerLog,
  intro: async () => (await import('./commands/intro.js')).registerIntro,
  'follow-up': async () => (await import('./commands/follow-up.js')).registerFollowUp,
  due: async () => (await import('./commands/due.js')).registerDue,
  check: async () => (await import('./commands/check.js')).registerCheck,
  analyse: async () => (await import('./commands/analyse.js')).registerAnalyse,
  plan: async () => (await import('./commands/plan.js')).registerPlan,
  share: async () => (await import('./commands/share.js')).registerShare,
  team: async () => (await import('./commands/team.js')).registerTeam,
  draft: async () => (await import('./commands/draft.js')).registerDraft,
  import: async () => (await import('./commands/import.js')).registerImport,
  export: async () => (await import('./commands/export.js')).registerExport,
  profile: async () => (await import('./commands/profile.js')).registerProfile,
  demo: async () => (await import('./commands/demo.js')).registerDemo,
  serve: async () => (await import('./commands/serve.js')).registerServe,
  user: async () => (await import('./commands/user.js')).registerUser,
  vocabulary: async () => (await import('./commands/vocabulary.js')).registerVocabulary,
} satisfies Record<string, () => Promise<Register>>;

/*
 * The top-level commands, in the order the help lists them, named without loading their
 * code: `waggle --version` and `waggle --help` load none of it, and `waggle check` only
 * check's (issue 15: every command's code, zod, kysely and the codecs, cost 0.4 s before
 * any command ran). Each command module takes its description from here (`about`), so
 * the help reads the same whether the module is loaded or not.
 */
export const TOP_COMMANDS: readonly TopCommand[] = [
  { name: 'person', description: 'the people in your networks', module: 'person' },
  { name: 'network', description: 'the groups you belong to or want to join', module: 'network' },
  { name: 'goal', description: 'what you are networking for', module: 'goal' },
  { name: 'log', usage: '[options]', description: 'record an exchange: what you gave, what you got, what you learned, what follows', module: 'log' },
  { name: 'exchange', description: 'the journal of exchanges', module: 'log' },
  { name: 'intro', description: 'who introduced whom to whom', module: 'intro' },
  { name: 'follow-up', description: 'what you promised to do after an exchange', module: 'follow-up' },
  { name: 'due', usage: '[options]', description: 'who is due or overdue for contact, which follow-ups, and the birthdays and dates coming round', module: 'due' },
  { name: 'check', usage: '[options]', description: 'the network check: what the map says about your goals, and what to do next', module: 'check' },
  {
    name: 'analyse',
    alias: 'analyze',
    usage: '[options] [file]',
    description: 'network analysis of any graph (GEXF, GraphML, or a CSV/TSV edge list source,target[,weight]) or of your own map (--map): brokers, clusters, the most central, the isolated',
    module: 'analyse',
  },
  { name: 'plan', description: "this month's plan: the few people to reach, and progress", module: 'plan' },
  { name: 'share', description: 'revocable links: your plan for an accountability partner, your reminders as a calendar feed', module: 'share' },
  { name: 'team', description: 'your teams on a server (--server): list, show, check, paths; create, rename, invite, join, leave, share, withhold, post, goal add', module: 'team' },
  { name: 'draft', usage: '[options] <person>', description: 'an outreach draft for a person: states your interest and the time you ask for, filled from what Waggle knows', module: 'draft' },
  { name: 'template', description: 'outreach templates: the built-in ones, and your own (Mustache: {{firstName}}, {{#interest}}…{{/interest}})', module: 'draft' },
  {
    name: 'import',
    usage: '[options] <file>',
    description: "bring contacts in (LinkedIn Connections.csv, vCard 2.1/3.0/4.0, Google or Outlook CSV, a Waggle JSON backup), or capture the journal from a calendar (ICS), a mailbox (mbox) or LinkedIn's whole export (ZIP)",
    module: 'import',
  },
  { name: 'export', usage: '[options] <format>', description: 'take your data out: json (full backup), csv (people), vcard, gexf or graphml (the map, for Gephi and networkx), ics (reminders)', module: 'export' },
  { name: 'profile', description: 'you: your name, what you are working on now, your time zone, your own email addresses', module: 'profile' },
  {
    name: 'demo',
    usage: '[options]',
    description: 'load a sample map: a clinician moving into research (about 80 people, a dozen networks, three goals, two years of exchanges); with --team and --server, a demo team',
    module: 'demo',
  },
  {
    name: 'serve',
    usage: '[options]',
    description: `serve the web app and the HTTP JSON API on 127.0.0.1 (port from --port, else PORT, else ${DEFAULT_PORT}); with --listen and --public-url, on a server, with accounts`,
    module: 'serve',
  },
  { name: 'user', description: 'accounts for server mode (waggle serve --public-url): each has its own map', module: 'user' },
  { name: 'vocabulary', alias: 'vocab', description: 'the closed sets: categories, stages, channels, network kinds and roles, what can be given and received …', module: 'vocabulary' },
];

/** A top-level command's description, for the module that registers it. */
export function about(name: string): string {
  const found = TOP_COMMANDS.find((c) => c.name === name);
  if (!found) throw new Error(`no top-level command ${name} in command-list.ts`);
  return found.description;
}

/**
 * The modules of the commands a command line may run: those whose name or alias is one of
 * its words. A word that only looks like one (`--data check`) loads a module for nothing,
 * never too few; `help person` and `person --help` load person's, whose help lists its options.
 */
export function modulesNamedIn(argv: readonly string[]): (keyof typeof MODULES)[] {
  const words = new Set(argv);
  return [...new Set(TOP_COMMANDS.filter((c) => words.has(c.name) || (c.alias !== undefined && words.has(c.alias))).map((c) => c.module))];
}
