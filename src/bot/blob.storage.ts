// Conversation state in Azure Blob Storage (botbuilder-azure-blobs), for several instances of the
// bot behind one load balancer. Writes carry the eTag that was read, which Azure checks (If-Match),
// so two instances racing on one conversation cannot both win.
import type { Storage, StoreItems } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { isEtagConflict } from './versioned.store';

/** The connection string is a secret: this error names the variable, never the value. */
export class BlobSettingError extends Error {}

// Fail a turn within seconds when the storage is down, instead of the SDK's default of retrying for
// about a minute while the user waits.
const RETRIES = { maxTries: 2, tryTimeoutInMs: 5000, retryDelayInMs: 200, maxRetryDelayInMs: 1000 };

export class BlobStorage implements Storage {
  private inner: BlobsStorage;

  constructor(
    private readonly connectionString: string,
    private readonly container: string,
  ) {
    this.inner = this.open();
  }

  private open(): BlobsStorage {
    try {
      return new BlobsStorage(this.connectionString, this.container, {
        storagePipelineOptions: { retryOptions: RETRIES },
      });
    } catch {
      throw new BlobSettingError(
        'BLOB_CONNECTION_STRING is not a valid Azure Storage connection string (expected the form DefaultEndpointsProtocol=https;AccountName=...;AccountKey=...;EndpointSuffix=core.windows.net)',
      );
    }
  }

  /**
   * BlobsStorage creates the container on first use and keeps that promise, even a rejected one:
   * after one failure while the storage was down it would never try again. A fresh client retries.
   */
  private async call<T>(run: (storage: BlobsStorage) => Promise<T>): Promise<T> {
    const storage = this.inner;
    try {
      return await run(storage);
    } catch (error) {
      if (!isEtagConflict(error) && this.inner === storage) this.inner = this.open();
      throw error;
    }
  }

  read(keys: string[]): Promise<StoreItems> {
    return this.call((storage) => storage.read(keys));
  }

  /** BlobsStorage gives the JSON's length in characters as the upload size; our state is ASCII
   * (ids, enums, region names), so characters and bytes agree. */
  write(changes: StoreItems): Promise<void> {
    return this.call((storage) => storage.write(changes));
  }

  delete(keys: string[]): Promise<void> {
    return this.call((storage) => storage.delete(keys));
  }
}
