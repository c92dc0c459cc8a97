import { describe, expect, it, vi } from 'vitest';
import { lazyChunk } from './lazy-chunk';

describe('lazyChunk', () => {
  it('loads once, however often it is asked, and then answers at once', async () => {
    const importer = vi.fn(() => Promise.resolve('module'));
    const chunk = lazyChunk(importer);
    expect(chunk.peek()).toBeUndefined();
    const [a, b] = await Promise.all([chunk.load(), chunk.load()]);
    expect([a, b]).toEqual(['module', 'module']);
    expect(chunk.peek()).toBe('module');
    await chunk.load();
    expect(importer).toHaveBeenCalledTimes(1);
  });

  it('tries again after a failed download, and reports the failure', async () => {
    const importer = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValueOnce('module');
    const chunk = lazyChunk(importer);
    await expect(chunk.load()).rejects.toThrow('offline');
    expect(chunk.peek()).toBeUndefined();
    await expect(chunk.load()).resolves.toBe('module');
    expect(importer).toHaveBeenCalledTimes(2);
  });
});
