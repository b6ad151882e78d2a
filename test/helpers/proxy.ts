import net from 'node:net';

export interface CuttableProxy {
  /** `http://127.0.0.1:<port>`: give this to the station as its Sendcloud URL. */
  readonly url: string;
  readonly port: number;
  /** True between `cut` and `restore`. */
  readonly isCut: boolean;
  /** Connections that reached the target through the proxy. */
  readonly forwarded: number;
  /** Connections refused while cut. */
  readonly refused: number;
  /**
   * Pull the cable: every open connection is reset, and every new one is reset as soon as it
   * arrives, so callers see a dropped connection rather than a slow answer.
   */
  cut(): void;
  /** Plug it back in: new connections reach the target again. */
  restore(): void;
  close(): Promise<void>;
}

/**
 * A TCP proxy in front of a server (the simulator) that can cut every connection and be
 * restored: the realistic way to take Sendcloud away from a station. The station and the test
 * talk to real sockets the whole time; only the path between them breaks.
 */
export async function startCuttableProxy(targetUrl: string): Promise<CuttableProxy> {
  const target = new URL(targetUrl);
  const targetPort = Number(target.port);
  const targetHost = target.hostname;
  const open = new Set<{ client: net.Socket; upstream: net.Socket }>();
  let isCut = false;
  let forwarded = 0;
  let refused = 0;

  const server = net.createServer((client) => {
    client.on('error', () => undefined);
    if (isCut) {
      refused++;
      client.resetAndDestroy();
      return;
    }
    forwarded++;
    const upstream = net.connect(targetPort, targetHost);
    upstream.on('error', () => undefined);
    const pair = { client, upstream };
    open.add(pair);
    const drop = () => {
      open.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('close', drop);
    upstream.on('close', drop);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as net.AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    get isCut() {
      return isCut;
    },
    get forwarded() {
      return forwarded;
    },
    get refused() {
      return refused;
    },
    cut() {
      isCut = true;
      for (const { client, upstream } of [...open]) {
        client.resetAndDestroy();
        upstream.destroy();
      }
      open.clear();
    },
    restore() {
      isCut = false;
    },
    close() {
      for (const { client, upstream } of open) {
        client.destroy();
        upstream.destroy();
      }
      open.clear();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
