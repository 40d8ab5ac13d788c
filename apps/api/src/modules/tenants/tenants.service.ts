import { Injectable } from '@nestjs/common';
import { recordAudit } from '../../common/audit/audit-log.js';
import { setTenant, withPlatform, type Tx } from '@pulsewise/db';
import { JobName, QueueName } from '@pulsewise/jobs';
import { AppConfigService } from '../../common/config/app-config.service.js';
import { PrismaService } from '../../common/database/prisma.service.js';
import { conflict, DomainError, ErrorCode, notFound } from '../../common/errors/domain-error.js';
import type { Viewer } from '../../common/graphql/request-context.js';
import { JobQueues } from '../../common/queues/queues.module.js';
import { InvitationTokens } from '../auth/invitation-tokens.js';
import type { CreateTenantInput, InviteTenantAdminInput, UpdateTenantPolicyInput } from './dto/tenant.inputs.js';
import { TenantPolicyModel } from './models/tenant-policy.model.js';
import { TenantModel } from './models/tenant.model.js';
import { TenantsRepository } from './tenants.repository.js';

/** Platform work (across tenants) always goes through withPlatform: explicit and audited. */
@Injectable()
export class TenantsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly repo: TenantsRepository,
    private readonly invitations: InvitationTokens,
    private readonly queues: JobQueues,
    private readonly config: AppConfigService,
  ) {}

  private actor(viewer: Viewer) {
    return { tenantId: viewer.tenantId, personId: viewer.personId };
  }

  async list(viewer: Viewer): Promise<TenantModel[]> {
    const rows = await withPlatform(this.prisma.client, this.actor(viewer), async (tx, audit) => {
      await audit.record('platform.tenants_listed', viewer.tenantId);
      return this.repo.listCustomers(tx);
    });
    return rows.map(TenantModel.from);
  }

  async create(viewer: Viewer, input: CreateTenantInput): Promise<TenantModel> {
    const tenant = await withPlatform(this.prisma.client, this.actor(viewer), async (tx, audit) => {
      if (await this.repo.slugTaken(tx, input.slug)) throw conflict(`The short name "${input.slug}" is already taken.`, { field: 'slug' });
      const created = await this.repo.create(tx, input);
      await audit.record('tenant.created', created.id, { name: input.name, slug: input.slug });
      return created;
    });
    return TenantModel.from(tenant);
  }

  async setStatus(viewer: Viewer, tenantId: string, status: 'ACTIVE' | 'SUSPENDED'): Promise<TenantModel> {
    const tenant = await withPlatform(this.prisma.client, this.actor(viewer), async (tx, audit) => {
      const existing = await this.repo.find(tx, tenantId);
      if (!existing || existing.kind !== 'CUSTOMER') throw notFound('Organisation');
      const updated = await this.repo.setStatus(tx, tenantId, status);
      await audit.record(status === 'SUSPENDED' ? 'tenant.suspended' : 'tenant.reactivated', tenantId, { from: existing.status, to: status });
      return updated;
    });
    return TenantModel.from(tenant);
  }

  /** Creates (or re-activates) the tenant's first admin and emails them a single-use link to set a password. */
  async inviteAdmin(viewer: Viewer, input: InviteTenantAdminInput): Promise<boolean> {
    const email = input.email.trim().toLowerCase();
    const { token, tenantName } = await withPlatform(this.prisma.client, this.actor(viewer), async (tx, audit) => {
      const tenant = await this.repo.find(tx, input.tenantId);
      if (!tenant || tenant.kind !== 'CUSTOMER') throw notFound('Organisation');
      await setTenant(tx, input.tenantId);
      const root = await this.repo.rootUnit(tx, input.tenantId);
      const person = await this.repo.upsertAdmin(tx, input.tenantId, root.id, email, input.displayName);
      if (!person.roles.includes('TENANT_ADMIN')) await this.repo.grantRole(tx, input.tenantId, person.id, [...person.roles, 'TENANT_ADMIN']);
      const invitation = await this.invitations.create(tx, input.tenantId, person.id);
      await audit.record('tenant.admin_invited', input.tenantId, { email });
      return { token: invitation.token, tenantName: tenant.name };
    });
    // After commit: a rolled-back invitation must never be emailed.
    const link = `${this.config.values.PUBLIC_WEB_URL}/invitation#token=${encodeURIComponent(token)}`;
    await this.queues.add(QueueName.EMAIL, JobName.SEND_EMAIL, {
      to: email,
      subject: `You're invited to run ${tenantName} on Pulsewise`,
      text: `Hello ${input.displayName},\n\nYou have been made an administrator of ${tenantName} on Pulsewise.\nSet your password with this single-use link (valid for 7 days):\n\n${link}\n\nIf you did not expect this, you can ignore this email.`,
    });
    return true;
  }

  async policy(tx: Tx, tenantId: string): Promise<TenantPolicyModel> {
    return TenantPolicyModel.from(await this.repo.policy(tx, tenantId));
  }

  async updatePolicy(tx: Tx, viewer: Viewer, input: UpdateTenantPolicyInput): Promise<TenantPolicyModel> {
    const before = await this.repo.policy(tx, viewer.tenantId);
    const changes = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined && v !== null));
    if (input.anonymityThreshold != null && input.anonymityThreshold < before.anonymityThreshold) {
      await this.refuseLoweringBelowData(tx, input.anonymityThreshold);
    }
    if (input.anonymityThreshold != null && input.anonymityThreshold > before.anonymityThreshold) {
      // Raising k applies to every round from now on, including the ones already answered.
      await tx.pulseRound.updateMany({ where: { anonymityThreshold: { lt: input.anonymityThreshold } }, data: { anonymityThreshold: input.anonymityThreshold } });
    }
    const after = await this.repo.updatePolicy(tx, viewer.tenantId, changes);
    const diff = Object.fromEntries(
      Object.keys(changes).map((key) => [key, { from: before[key as keyof typeof before], to: after[key as keyof typeof after] }]),
    );
    await recordAudit(tx, viewer, 'policy.changed', diff);
    return TenantPolicyModel.from(after);
  }

  /**
   * k can be raised at any time but never lowered for a round that already has
   * responses (PRIVACY.md promise 1): people answered under the promise of that k.
   */
  private async refuseLoweringBelowData(tx: Tx, newK: number): Promise<void> {
    const answered = await tx.pulseRound.findFirst({
      where: { anonymityThreshold: { gt: newK }, invitations: { some: { responded: true } } },
      select: { anonymityThreshold: true },
      orderBy: { anonymityThreshold: 'desc' },
    });
    if (answered) {
      throw new DomainError(
        ErrorCode.ANONYMITY_THRESHOLD,
        `The anonymity threshold cannot be lowered below ${answered.anonymityThreshold}: rounds answered under that threshold keep it. It can always be raised.`,
        { minimum: answered.anonymityThreshold },
      );
    }
  }

  async current(tx: Tx, tenantId: string): Promise<TenantModel> {
    const tenant = await this.repo.find(tx, tenantId);
    if (!tenant) throw notFound('Organisation');
    return TenantModel.from(tenant);
  }
}
