import { format } from 'node:util';
import { FramedMessageReader } from './input';
import { MessageLine } from './turns';
import {
  AbstractMessageWriter,
  createConnection,
  ProposedFeatures,
  type Connection,
  type Message,
  type MessageWriter,
} from 'vscode-languageserver/node';

/** Bytes waiting to be written before a sender is made to wait for the client to read. */
export const HIGH_WATER_BYTES = 1 << 20;

/** A response to a request (it has an id and no method). */
function isAnswer(msg: Message): boolean {
  return 'id' in msg && !('method' in msg);
}

/** An open document's diagnostics (they carry its version): the report someone typing waits for. */
function isEditReport(msg: Message): boolean {
  return (
    'method' in msg &&
    msg.method === 'textDocument/publishDiagnostics' &&
    (msg as { params?: { version?: unknown } }).params?.version != null
  );
}

/**
 * Writes JSON-RPC messages to a stream, every message of one turn of the
 * event loop in one write; an answer to a request at once. The library's writer takes a turn per message and
 * writes its header and body apart: loading a workspace of 2,500 files sent
 * 5,000 writes to a pipe, each a system call that may wait for the client.
 * Here a message is framed at once and the sender goes on; past
 * HIGH_WATER_BYTES not yet written, senders wait until the client has read.
 * Answers are not held for the turn's end: a hover waited a turn of the
 * event loop for its write (a client's request is one message, there is
 * nothing to batch it with).
 */
export class BatchedMessageWriter extends AbstractMessageWriter implements MessageWriter {
  private chunks: Buffer[] = [];
  private queued = 0;
  private writing = 0;
  private scheduled = false;
  private waiting: (() => void)[] = [];
  /** Bytes queued since the start, and how many of them the stream has taken: `written` waits on these. */
  private queuedTotal = 0;
  private writtenTotal = 0;
  private drains: { upTo: number; resolve: () => void }[] = [];
  private errors = 0;
  /** How many writes reached the stream (the tests count them). */
  flushes = 0;

  constructor(private readonly out: NodeJS.WritableStream) {
    super();
    out.on('error', (e: Error) => this.fireError(e));
    out.on('close', () => this.fireClose());
  }

  write(msg: Message): Promise<void> {
    const body = Buffer.from(JSON.stringify(msg), 'utf8');
    this.chunks.push(Buffer.from(`Content-Length: ${body.byteLength}\r\n\r\n`, 'ascii'), body);
    this.queued += body.byteLength;
    this.queuedTotal += body.byteLength;
    // An answer leaves at once (with whatever this turn queued before it): a hover's client waits for it. So does
    // an open document's report: work queued for the next turn (a step of reading a large file) would hold it back.
    if (isAnswer(msg) || isEditReport(msg)) this.flush();
    else if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        this.flush();
      });
    }
    if (this.queued + this.writing < HIGH_WATER_BYTES) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private flush(): void {
    if (this.chunks.length === 0) return;
    const data = Buffer.concat(this.chunks);
    const bytes = this.queued;
    const waiting = this.waiting;
    this.chunks = [];
    this.queued = 0;
    this.waiting = [];
    this.writing += bytes;
    this.flushes++;
    this.out.write(data, (err?: Error | null) => {
      this.writing -= bytes;
      this.writtenTotal += bytes;
      if (err) this.fireError(err, undefined, ++this.errors);
      for (const resume of waiting) resume();
      const still = [];
      for (const d of this.drains) {
        if (d.upTo > this.writtenTotal) still.push(d);
        else d.resolve();
      }
      this.drains = still;
    });
  }

  /**
   * Resolves once the stream has taken every message written so far (at
   * once when it has). Work that holds the thread for long waits for this
   * first: a message only partly in the pipe reaches the client when the
   * event loop next turns, so a report sent just before a second of work
   * would arrive a second late.
   */
  written(): Promise<void> {
    const upTo = this.queuedTotal;
    if (this.writtenTotal >= upTo) return Promise.resolve();
    return new Promise((resolve) => this.drains.push({ upTo, resolve }));
  }

  end(): void {
    this.flush();
    this.out.end();
  }
}

/**
 * The server's connection, when the messages sent so far have left
 * (`written`), and its line of incoming messages (`line`: background work
 * takes its turns through it). Over --stdio, messages arrive through a
 * FramedMessageReader and leave through a BatchedMessageWriter; the process
 * ends when its input closes or its output can no longer be written, with
 * code 0 after a shutdown request and 1 otherwise (what the library does when
 * it reads the stream itself). Other
 * transports are the library's, whose messages are neither waited for nor
 * counted. Nothing may print to standard output then: console output goes to
 * the client's log, as the library does for --stdio.
 */
export function serverConnection(): { connection: Connection; written: () => Promise<void>; line: MessageLine } {
  if (!process.argv.includes('--stdio'))
    return { connection: createConnection(ProposedFeatures.all), written: () => Promise.resolve(), line: new MessageLine() };
  const { connection, written, line } = framedConnection(process.stdin, process.stdout);
  let shutdown = false;
  connection.onShutdown(() => {
    shutdown = true;
  });
  for (const event of ['end', 'close']) process.stdin.on(event, () => process.exit(shutdown ? 0 : 1));
  // A client that stops reading is gone as well: nothing the server does can reach it any more (the next write
  // fails with EPIPE, and whatever logged that through the closed connection failed in turn).
  for (const event of ['error', 'close']) process.stdout.on(event, () => process.exit(shutdown ? 0 : 1));
  const toLog = (...args: unknown[]) => connection.console.log(format(...args));
  const toError = (...args: unknown[]) => connection.console.error(format(...args));
  Object.assign(console, { log: toLog, info: toLog, debug: toLog, warn: toError, error: toError, trace: toLog });
  return { connection, written, line };
}

/** A connection over two streams, read by a FramedMessageReader and written by a BatchedMessageWriter, its messages counted in and dispatched. */
export function framedConnection(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
): { connection: Connection; written: () => Promise<void>; line: MessageLine } {
  const line = new MessageLine();
  const reader = new FramedMessageReader(input, (m) => line.arrived(m));
  const writer = new BatchedMessageWriter(output);
  const messageStrategy = {
    handleMessage(message: Message, next: (message: Message) => void) {
      line.dispatching(message);
      return next(message);
    },
  };
  const connection = createConnection(ProposedFeatures.all, reader, writer, { messageStrategy });
  return { connection, written: () => writer.written(), line };
}
