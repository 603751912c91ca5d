import { assertDateArgument } from '../common/calendar';
import { badInput } from '../errors';
import type { Collection, DocumentStore } from '../store/document-store';
import { SITE_SETTINGS, type SiteSettingsDoc } from './staff.doc';

const SITE = 'site' as const;

/** The one site-settings document (`_id: "site"`); other features may add fields to it. */
export class SiteSettingsService {
  private readonly settings: Collection<SiteSettingsDoc>;

  constructor(store: DocumentStore) {
    this.settings = store.collection<SiteSettingsDoc>(SITE_SETTINGS);
  }

  async get(): Promise<SiteSettingsDoc> {
    return (await this.settings.findById(SITE)) ?? { _id: SITE, availabilityLockDate: null };
  }

  async availabilityLockDate(): Promise<string | null> {
    return (await this.get()).availabilityLockDate ?? null;
  }

  /**
   * Sets (or clears, with null) the date on or before which agents may not change availability.
   * An omitted date (GraphQL's nullable argument left out) is refused, not taken as a clear.
   */
  async setAvailabilityLockDate(date: string | null | undefined): Promise<SiteSettingsDoc> {
    if (date === undefined)
      throw badInput('date is required: a date YYYY-MM-DD, or null to clear the lock', [
        { field: 'date', message: 'required' },
      ]);
    if (date !== null) assertDateArgument('date', date);
    await this.settings.updateOne({ _id: SITE }, { $set: { availabilityLockDate: date } }, { upsert: true });
    return this.get();
  }
}
