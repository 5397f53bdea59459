import { expect } from '@open-wc/testing';
import { StorageService } from '../../src/app/storage-service.js';

describe('storage service', () => {
  it('reports persistence and space from the StorageManager, and asks for persistence', async () => {
    let granted = false;
    const manager = {
      persisted: async () => granted,
      persist: async () => (granted = true),
      estimate: async () => ({ usage: 1234, quota: 5_000_000 }),
    } as unknown as StorageManager;
    const service = new StorageService(manager);
    expect(await service.refresh()).to.deep.equal({
      persisted: false,
      usage: 1234,
      quota: 5_000_000,
    });
    expect(await service.requestPersistence()).to.equal(true);
    expect(service.status.value?.persisted).to.equal(true);
  });

  it('says "unknown" rather than guessing where the browser has no StorageManager', async () => {
    const service = new StorageService(null);
    expect(await service.refresh()).to.deep.equal({ persisted: null, usage: null, quota: null });
    expect(await service.requestPersistence()).to.equal(false);
  });

  it('reads the real browser without throwing', async () => {
    const status = await new StorageService().refresh();
    expect(status.quota).to.be.greaterThan(0);
    expect(status.persisted).to.be.a('boolean');
  });
});
