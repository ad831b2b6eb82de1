import type { Command } from 'commander';
import { CADENCE_WORDS } from '../../core/cadence.js';
import { VOCABULARY } from '../../core/vocabulary.js';
import { emit } from '../output.js';
import { globals } from '../runtime.js';
import { about } from '../command-list.js';

export function registerVocabulary(program: Command): void {
  program
    .command('vocabulary')
    .alias('vocab')
    .description(about('vocabulary'))
    .action((_flags: unknown, command: Command) => {
      const data = { ...VOCABULARY, cadenceWords: CADENCE_WORDS };
      emit(globals(command).json === true, data, () =>
        [
          ...Object.entries(VOCABULARY).map(([name, values]) => `${name}: ${values.join(', ')}`),
          `cadence: a count and a unit (d, w, m, y) such as 2w or 3m, or ${Object.keys(CADENCE_WORDS).join(', ')}`,
        ].join('\n'),
      );
    });
}
