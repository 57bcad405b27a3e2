/** Where a command writes and what folder it runs in: the process, or a test's buffers. */
export interface CliIo {
  cwd: string;
  out(text: string): void;
  err(text: string): void;
}

export const processIo = (): CliIo => ({
  cwd: process.cwd(),
  out: (t) => void process.stdout.write(t),
  err: (t) => void process.stderr.write(t),
});
