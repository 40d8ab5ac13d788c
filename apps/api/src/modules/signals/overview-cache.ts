// Computed culture overviews, kept per API process and keyed by the tenant's data
// version (tenant_data_versions, moved by triggers whenever anything an overview
// reads changes — migration 20261124090000). A dashboard read then costs one
// indexed lookup instead of a dozen queries; a new release, a raised k or a
// directory change gives a new version, so the next read recomputes. Entries of
// old versions are never served again and age out of the LRU.
import { Injectable } from '@nestjs/common';
import type { CultureOverviewModel } from './models/signal.models.js';

export interface OverviewKey {
  tenantId: string;
  version: string;
  orgUnitId: string;
  from: string;
  to: string;
}

@Injectable()
export class OverviewCache {
  /** Overviews kept per process: one per (tenant, unit, window) that is being looked at. */
  static readonly CAPACITY = 500;

  private readonly entries = new Map<string, CultureOverviewModel>();

  get(key: OverviewKey): CultureOverviewModel | undefined {
    const id = keyOf(key);
    const hit = this.entries.get(id);
    if (hit) {
      // Map keeps insertion order: re-inserting marks the entry as most recently used.
      this.entries.delete(id);
      this.entries.set(id, hit);
    }
    return hit;
  }

  set(key: OverviewKey, value: CultureOverviewModel): void {
    const id = keyOf(key);
    this.entries.delete(id);
    this.entries.set(id, value);
    while (this.entries.size > OverviewCache.CAPACITY) this.entries.delete(this.entries.keys().next().value!);
  }
}

const keyOf = (k: OverviewKey) => `${k.tenantId}|${k.version}|${k.orgUnitId}|${k.from}|${k.to}`;
