// Conversation state in Azure Blob Storage (botbuilder-azure-blobs), for several instances of the
// bot behind one load balancer. Writes carry the eTag that was read, which Azure checks (If-Match),
// and a first write is made only if the blob is still absent (If-None-Match: *), so two instances
// racing on one conversation cannot both win.
import type { StoreItems } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { sanitizeBlobKey } from 'botbuilder-azure-blobs/lib/sanitizeBlobKey';
import { ContainerClient, type StoragePipelineOptions } from '@azure/storage-blob';
import { isEtagConflict, type CreatingStorage } from './versioned.store';

/** The connection string is a secret: this error names the variable, never the value. */
export class BlobSettingError extends Error {}

// Fail a turn within seconds when the storage is down, instead of the SDK's default of retrying for
// about a minute while the user waits.
const PIPELINE: StoragePipelineOptions = {
  retryOptions: { maxTries: 2, tryTimeoutInMs: 5000, retryDelayInMs: 200, maxRetryDelayInMs: 1000 },
};

interface Clients {
  blobs: BlobsStorage;
  container: ContainerClient;
  /** Resolves once the container exists; dropped after a failure so that it is tried again. */
  created?: Promise<unknown>;
}

export class BlobStorage implements CreatingStorage {
  private clients: Clients;

  constructor(
    private readonly connectionString: string,
    private readonly containerName: string,
  ) {
    this.clients = this.open();
  }

  private open(): Clients {
    try {
      return {
        blobs: new BlobsStorage(this.connectionString, this.containerName, {
          storagePipelineOptions: PIPELINE,
        }),
        container: new ContainerClient(this.connectionString, this.containerName, PIPELINE),
      };
    } catch {
      throw new BlobSettingError(
        'BLOB_CONNECTION_STRING is not a valid Azure Storage connection string (expected the form DefaultEndpointsProtocol=https;AccountName=...;AccountKey=...;EndpointSuffix=core.windows.net)',
      );
    }
  }

  /**
   * BlobsStorage creates the container on first use and keeps that promise, even a rejected one:
   * after one failure while the storage was down it would never try again. Fresh clients retry.
   */
  private async call<T>(run: (clients: Clients) => Promise<T>): Promise<T> {
    const clients = this.clients;
    try {
      return await run(clients);
    } catch (error) {
      if (!isEtagConflict(error) && this.clients === clients) this.clients = this.open();
      throw error;
    }
  }

  read(keys: string[]): Promise<StoreItems> {
    return this.call(({ blobs }) => blobs.read(keys));
  }

  /**
   * BlobsStorage gives the JSON's length in characters as the upload size; our state is ASCII
   * (ids, enums, region names), so characters and bytes agree.
   */
  write(changes: StoreItems): Promise<void> {
    return this.call(({ blobs }) => blobs.write(changes));
  }

  delete(keys: string[]): Promise<void> {
    return this.call(({ blobs }) => blobs.delete(keys));
  }

  /** Writes a blob that must not exist yet, under the same name BlobsStorage gives the key. */
  create(key: string, value: Record<string, unknown>): Promise<void> {
    return this.call(async (clients) => {
      clients.created ??= clients.container.createIfNotExists();
      await clients.created;
      const { eTag: _ignored, ...item } = value;
      const body = JSON.stringify(item);
      try {
        await clients.container
          .getBlockBlobClient(sanitizeBlobKey(key))
          .upload(body, Buffer.byteLength(body), {
            conditions: { ifNoneMatch: '*' },
            blobHTTPHeaders: { blobContentType: 'application/json' },
          });
      } catch (error) {
        const status = (error as { statusCode?: unknown }).statusCode;
        // Azure answers 409 (BlobAlreadyExists) when another writer created it first.
        if (status === 409 || status === 412) {
          throw new Error(`Storage: error writing "${key}" due to eTag conflict.`, {
            cause: error,
          });
        }
        throw error;
      }
    });
  }
}
