// A TCP proxy the fault tests control, between an app and PostgreSQL or Redis (never
// stopping the machine's shared servers): `cut()` drops every connection and refuses new
// ones, like a server that went down or restarts; `restore()` listens again on the same
// port. `pause()` holds the server's replies (a slow query in flight) until `resume()`.
import { createServer, connect, type Server, type Socket } from 'node:net';

export class TcpProxy {
  private server?: Server;
  private readonly pairs = new Set<{ client: Socket; upstream: Socket }>();
  private paused = false;
  private readonly held: (() => void)[] = [];
  /** Bytes the clients sent while paused (a request is in flight once this grows). */
  sentWhilePaused = 0;
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  get url(): (original: string) => string {
    return (original) => {
      const u = new URL(original);
      u.hostname = '127.0.0.1';
      u.port = String(this.port);
      return u.toString();
    };
  }

  async start(): Promise<void> {
    const server = createServer((client) => {
      const upstream = connect(this.target);
      const pair = { client, upstream };
      this.pairs.add(pair);
      const drop = () => {
        client.destroy();
        upstream.destroy();
        this.pairs.delete(pair);
      };
      client.on('error', drop).on('close', drop);
      upstream.on('error', drop).on('close', drop);
      client.on('data', (chunk) => {
        if (this.paused) this.sentWhilePaused += chunk.length;
        upstream.write(chunk);
      });
      upstream.on('data', (chunk) => {
        if (this.paused) this.held.push(() => client.write(chunk));
        else client.write(chunk);
      });
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as { port: number }).port;
  }

  /** The service goes away: open connections drop, new ones are refused. */
  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    const closed = new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    for (const { client, upstream } of this.pairs) {
      client.destroy();
      upstream.destroy();
    }
    this.pairs.clear();
    await closed;
  }

  /** The service is back, on the same port. */
  async restore(): Promise<void> {
    await this.start();
  }

  pause(): void {
    this.paused = true;
    this.sentWhilePaused = 0;
  }

  resume(): void {
    this.paused = false;
    for (const write of this.held.splice(0)) write();
  }

  async stop(): Promise<void> {
    this.resume();
    await this.cut();
  }
}
