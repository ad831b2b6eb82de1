import type { Command } from 'commander';
import { createTemplateInput, draftInput, updateTemplateInput } from '../../contract/outreach-inputs.js';
import { parseInput } from '../../contract/validate.js';
import { OUTREACH_PURPOSES } from '../../core/vocabulary.js';
import { createTemplate, draftFor, getTemplate, listTemplates, removeTemplate, updateTemplate } from '../../services/outreach.js';
import { resolvePerson } from '../../services/people.js';
import { emit, table } from '../output.js';
import { withSession } from '../runtime.js';
import { choice, flagName, numberish } from '../values.js';
import { about } from '../command-list.js';

export function registerDraft(program: Command): void {
  program
    .command('draft')
    .description(about('draft'))
    .argument('<person>', 'id or name')
    .addOption(choice('--purpose <purpose>', 'why you write', OUTREACH_PURPOSES).makeOptionMandatory())
    .option('--interest <text>', 'what you are interested in, in a few words')
    .option('--minutes <n>', 'how much of their time you ask for (default 20)')
    .option('--template <id>', 'use this template instead of the usual one for the purpose')
    .action(async (ref: string, flags: { purpose: string; interest?: string; minutes?: string; template?: string }, command: Command) => {
      const draft = {
        personId: ref,
        purpose: flags.purpose,
        ...(flags.interest !== undefined ? { interest: flags.interest } : {}),
        ...(flags.minutes !== undefined ? { minutes: numberish(flags.minutes) } : {}),
        ...(flags.template !== undefined ? { templateId: flags.template } : {}),
      };
      const rename = (p: string) => flagName(p, { templateId: '--template', personId: 'PERSON' });
      parseInput(draftInput, draft, rename);
      await withSession(command, async (ctx, json) => {
        const input = parseInput(draftInput, { ...draft, personId: await resolvePerson(ctx, ref) }, rename);
        const result = await draftFor(ctx, input);
        emit(json, result, () =>
          [
            ...(result.reminders.length ? ['From your notes (not in the draft):', ...result.reminders.map((r) => `  • ${r}`), '', '---', ''] : []),
            `Subject: ${result.subject}`,
            '',
            result.body,
            '',
          ].join('\n'),
        );
      });
    });

  const template = program.command('template').description(about('template'));
  template
    .command('list')
    .alias('ls')
    .addOption(choice('--purpose <purpose>', 'why you write', OUTREACH_PURPOSES))
    .action(async (flags: { purpose?: string }, command: Command) => {
      const purpose = flags.purpose ? parseInput(draftInput.shape.purpose, flags.purpose, () => '--purpose') : undefined;
      await withSession(command, async (ctx, json) => {
        const templates = await listTemplates(ctx, purpose);
        emit(json, templates, () =>
          table(templates, [
            { header: 'ID', value: (t) => t.id },
            { header: 'PURPOSE', value: (t) => t.purpose },
            { header: 'NAME', value: (t) => t.name },
            { header: 'KIND', value: (t) => (t.builtIn ? 'built-in' : 'yours') },
          ]),
        );
      });
    });
  template
    .command('show')
    .argument('<id>')
    .action(async (id: string, _flags: unknown, command: Command) => {
      await withSession(command, async (ctx, json) => {
        const t = await getTemplate(ctx, id);
        emit(json, t, () => `${t.name} (${t.purpose}${t.builtIn ? ', built-in' : ''})\nSubject: ${t.subject}\n\n${t.body}`);
      });
    });
  template
    .command('add')
    .description('add your own template (start from a built-in one: waggle template show builtin-expert-opinion)')
    .addOption(choice('--purpose <purpose>', 'why you write', OUTREACH_PURPOSES).makeOptionMandatory())
    .requiredOption('--name <name>', 'a name for it')
    .requiredOption('--subject <text>', 'the subject line')
    .requiredOption('--body <text>', 'the message')
    .action(async (flags: { purpose: string; name: string; subject: string; body: string }, command: Command) => {
      const input = parseInput(createTemplateInput, flags, flagName);
      await withSession(command, async (ctx, json) => {
        const created = await createTemplate(ctx, input);
        emit(json, created, () => `Added template ${created.id}`);
      });
    });
  template
    .command('edit')
    .argument('<id>')
    .addOption(choice('--purpose <purpose>', 'why you write', OUTREACH_PURPOSES))
    .option('--name <name>')
    .option('--subject <text>')
    .option('--body <text>')
    .action(async (id: string, flags: Record<string, string>, command: Command) => {
      const input = parseInput(updateTemplateInput, flags, flagName);
      await withSession(command, async (ctx, json) => {
        const updated = await updateTemplate(ctx, id, input);
        emit(json, updated, () => `Updated template ${updated.id}`);
      });
    });
  template
    .command('remove')
    .alias('rm')
    .argument('<id>')
    .action(async (id: string, _flags: unknown, command: Command) => {
      await withSession(command, async (ctx, json) => {
        await removeTemplate(ctx, id);
        emit(json, { removed: id }, () => `Removed template ${id}`);
      });
    });
}
