import cliProgress from 'cli-progress';

/** A phase's progress as the import and capture report it, drawn as a bar. */
export interface ProgressBar {
  show(phase: string, value: number, total: number): void;
  stop(): void;
}

/**
 * A progress bar on stderr when a person is watching; silence for scripts (`--json`, or no
 * terminal). The bar starts at the first report, and its total may change with each phase.
 */
export function progressBar(json: boolean): ProgressBar {
  const bar = process.stderr.isTTY && !json ? new cliProgress.SingleBar({ format: '{phase} [{bar}] {value}/{total}', hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic) : null;
  let started = false;
  return {
    show(phase, value, total) {
      if (!bar) return;
      if (!started) {
        bar.start(total, value, { phase });
        started = true;
      }
      bar.setTotal(total);
      bar.update(value, { phase });
    },
    stop() {
      bar?.stop();
    },
  };
}
