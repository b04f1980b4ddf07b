// Azurite, the local Azure Storage emulator from node_modules, for tests of Blob Storage state: on
// 127.0.0.1, a free port and a fresh folder. It can be stopped and started again on the same port
// and folder, to play a storage outage that ends.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

// Azurite's published development account key (not a secret).
const ACCOUNT = 'devstoreaccount1';
const KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface Azurite {
  connectionString: string;
  /** Stops it, as an outage would; the data stays in its folder. */
  stop(): Promise<void>;
  /** Starts it again on the same port and folder. */
  start(): Promise<void>;
  /** Stops it and deletes its folder. */
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilListening(port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 20000;
  for (;;) {
    try {
      await fetch(`http://127.0.0.1:${port}/${ACCOUNT}?comp=list`);
      return;
    } catch {
      if (child.exitCode !== null) throw new Error(`Azurite exited with ${child.exitCode}`);
      if (Date.now() > deadline) throw new Error('Azurite did not start within 20 s');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

export async function startAzurite(): Promise<Azurite> {
  const port = await freePort();
  const location = mkdtempSync(path.join(tmpdir(), 'amlg-azurite-'));
  let child: ChildProcess | undefined;

  const start = async () => {
    child = spawn(
      process.execPath,
      [
        require.resolve('azurite/dist/src/blob/main.js'),
        ...['--blobHost', '127.0.0.1', '--blobPort', String(port), '--location', location],
        ...['--silent', '--skipApiVersionCheck', '--disableTelemetry'],
      ],
      { stdio: 'ignore' },
    );
    await waitUntilListening(port, child);
  };
  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    // SIGTERM lets it write its metadata to the folder, so blobs are still there when it returns.
    running.kill('SIGTERM');
    const killer = setTimeout(() => running.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(killer);
  };

  await start();
  return {
    connectionString: `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${KEY};BlobEndpoint=http://127.0.0.1:${port}/${ACCOUNT};`,
    start,
    stop,
    async close() {
      await stop();
      rmSync(location, { recursive: true, force: true });
    },
  };
}
