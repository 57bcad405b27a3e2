import { AbstractMessageReader, type DataCallback, type Disposable, type Message, type MessageReader } from 'vscode-languageserver/node';

const HEADER_END = Buffer.from('\r\n\r\n', 'ascii');
/** Bytes without a header's end after which they are dropped as not a header at all. */
export const MAX_HEADER_BYTES = 1 << 16;

/**
 * Reads JSON-RPC messages from a stream and hands each to the connection as
 * soon as its last byte is in, in the same turn of the event loop. The
 * library's reader takes a turn (a setImmediate) and two promises per message
 * and reads headers through a text decoder: about a tenth of a millisecond of
 * a hover's round trip on this machine, as much as the hover itself. Frames
 * are `Content-Length: N\r\n…\r\n\r\n` and N bytes of UTF-8 JSON; a frame
 * whose header or body cannot be read is reported (the connection logs it)
 * and reading goes on with the next.
 */
export class FramedMessageReader extends AbstractMessageReader implements MessageReader {
  /** Chunks received and not read yet, the first from `start` on; `size` bytes in all. */
  private parts: Buffer[] = [];
  private start = 0;
  private size = 0;
  /** The body length of the frame whose header was read, or -1 while reading a header. */
  private bodyLength = -1;
  private callback: DataCallback | undefined;

  constructor(
    private readonly input: NodeJS.ReadableStream,
    /** Told of each message as it is handed to the connection. */
    private readonly arrived: (message: Message) => void = () => undefined,
  ) {
    super();
    input.on('error', (e: Error) => this.fireError(e));
    input.on('close', () => this.fireClose());
  }

  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    const onData = (chunk: Buffer | string) => this.take(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
    this.input.on('data', onData);
    return {
      dispose: () => {
        this.input.removeListener('data', onData);
        this.callback = undefined;
      },
    };
  }

  /**
   * Takes a chunk of the stream and delivers every message it completes, in
   * order. The chunks of a long body are joined once, when its last one is in.
   */
  take(chunk: Buffer): void {
    this.parts.push(chunk);
    this.size += chunk.length;
    for (;;) {
      if (this.bodyLength < 0) {
        if (this.size === 0) return;
        const buffer = this.joined();
        const end = buffer.indexOf(HEADER_END, this.start);
        if (end < 0) {
          if (this.size > MAX_HEADER_BYTES) {
            this.fireError(new Error(`${this.size} bytes without the end of a message header were dropped.`));
            this.consume(this.size);
          }
          return;
        }
        const header = buffer.toString('ascii', this.start, end);
        this.consume(end + HEADER_END.length - this.start);
        const length = contentLength(header);
        if (length === undefined) {
          this.fireError(new Error(`A message header without a valid Content-Length: ${JSON.stringify(header)}`));
          continue;
        }
        this.bodyLength = length;
      }
      if (this.size < this.bodyLength) return;
      const buffer = this.joined();
      const body = buffer.toString('utf8', this.start, this.start + this.bodyLength);
      this.consume(this.bodyLength);
      this.bodyLength = -1;
      let message: Message;
      try {
        message = JSON.parse(body) as Message;
      } catch (e) {
        this.fireError(new Error(`A message body that is not JSON (${e instanceof Error ? e.message : String(e)})`));
        continue;
      }
      if (!this.callback) continue;
      this.arrived(message);
      this.callback(message);
    }
  }

  /** The unread bytes as one buffer (from `start`). */
  private joined(): Buffer {
    if (this.parts.length > 1) {
      this.parts = [Buffer.concat([this.parts[0].subarray(this.start), ...this.parts.slice(1)])];
      this.start = 0;
    }
    return this.parts[0];
  }

  private consume(bytes: number): void {
    this.start += bytes;
    this.size -= bytes;
    if (this.size === 0) {
      this.parts = [];
      this.start = 0;
    }
  }
}

/** The Content-Length of a header block (fields are case-insensitive), if it is a whole number. */
function contentLength(header: string): number | undefined {
  for (const line of header.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon < 0 || line.slice(0, colon).trim().toLowerCase() !== 'content-length') continue;
    const value = line.slice(colon + 1).trim();
    return /^\d+$/.test(value) ? Number(value) : undefined;
  }
  return undefined;
}
