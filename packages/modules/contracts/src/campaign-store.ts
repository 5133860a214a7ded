import { z } from 'zod';
import { conflict } from '@ufp/core/errors';
import { tenantPrefix } from '@ufp/db/keys';
import { getItem, queryAll } from '@ufp/db/query';
import { parseStored } from '@ufp/db/stored';
import type { Table } from '@ufp/db/table';
import type { UnitOfWork } from '@ufp/db/unit-of-work';
import type { OfferCampaign } from './domain/campaign.js';
import { bargainingSide } from './domain/contract.js';

/** 集中要约 campaigns, in the tenant's own partition beside its contracts. */
export const campaignKeys = {
  campaign: (tenantId: string, campaignId: string) => ({ pk: `${tenantPrefix(tenantId)}CONTRACTCAMPAIGN`, sk: campaignId }),
  partition: (tenantId: string) => `${tenantPrefix(tenantId)}CONTRACTCAMPAIGN`,
};

const storedCampaign: z.ZodType<OfferCampaign> = z.object({
  campaignId: z.string(),
  tenantId: z.string(),
  title: z.string(),
  fromSide: z.enum(bargainingSide.values),
  sentOn: z.string(),
  contractIds: z.array(z.string()),
  createdBy: z.string(),
  createdAt: z.string(),
  version: z.number().int(),
});

const fromItem = (item: Record<string, unknown>) => parseStored(storedCampaign, item, 'offer campaign');

export class CampaignRepository {
  constructor(private readonly table: Table) {}

  async find(tenantId: string, campaignId: string): Promise<OfferCampaign | undefined> {
    const item = await getItem<Record<string, unknown>>(this.table, campaignKeys.campaign(tenantId, campaignId));
    return item ? fromItem(item) : undefined;
  }

  /** A tenant's campaigns, newest first (a federation runs a few a year). */
  async all(tenantId: string): Promise<OfferCampaign[]> {
    const items = await queryAll(this.table, { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': campaignKeys.partition(tenantId) }, ScanIndexForward: false });
    return items.map(fromItem);
  }

  add(uow: UnitOfWork, campaign: OfferCampaign): void {
    uow.create({ ...campaignKeys.campaign(campaign.tenantId, campaign.campaignId), kind: 'contractCampaign', ...campaign }, conflict({ zh: '该集中要约已存在', en: 'This campaign already exists' }));
  }
}
