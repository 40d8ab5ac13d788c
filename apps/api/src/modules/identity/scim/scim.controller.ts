// /scim/v2 (RFC 7644): an identity provider keeps the directory in step using a
// tenant's SCIM bearer token. The token names its tenant, so each request runs in one
// transaction scoped to that tenant (row-level security applies) — authentication,
// the change and its audit event commit together or not at all.
import { Controller, Delete, Get, Logger, Patch, Post, Put, Req, Res } from '@nestjs/common';
import { withTenant, type Tx } from '@pulsewise/db';
import type { Response } from 'express';
import { Public } from '../../../common/auth/roles.decorator.js';
import { PrismaService } from '../../../common/database/prisma.service.js';
import type { ScimRequest } from './scim-body.js';
import { invalidSyntax, ScimError, uniqueness } from './scim-errors.js';
import { ScimGroupsService } from './scim-groups.service.js';
import { resourceTypes, serviceProviderConfig, type ScimContext } from './scim-schemas.js';
import { hashScimToken, tenantOfScimToken } from './scim-tokens.js';
import { ScimUsersService } from './scim-users.service.js';
import { ScimRepository } from './scim.repository.js';

type Json = Record<string, unknown>;
type Handler = (tx: Tx, ctx: ScimContext, body: unknown) => Promise<Json | void>;
type Query = Record<string, string | undefined>;

const SCIM_JSON = 'application/scim+json';

function query(req: ScimRequest): Query {
  const out: Query = {};
  for (const [k, v] of Object.entries(req.query)) if (typeof v === 'string') out[k] = v;
  return out;
}

@Public()
@Controller('scim/v2')
export class ScimController {
  private readonly logger = new Logger(ScimController.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly repo: ScimRepository,
    private readonly users: ScimUsersService,
    private readonly groups: ScimGroupsService,
  ) {}

  @Get('ServiceProviderConfig')
  serviceProviderConfig(@Req() req: ScimRequest, @Res() res: Response) {
    return this.run(req, res, 200, async (_tx, ctx) => serviceProviderConfig(ctx.baseUrl));
  }

  @Get('ResourceTypes')
  resourceTypes(@Req() req: ScimRequest, @Res() res: Response) {
    return this.run(req, res, 200, async (_tx, ctx) => {
      const types = resourceTypes(ctx.baseUrl);
      return { schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'], totalResults: types.length, startIndex: 1, itemsPerPage: types.length, Resources: types };
    });
  }

  @Get('Users')
  listUsers(@Req() req: ScimRequest, @Res() res: Response) {
    return this.run(req, res, 200, (tx, ctx) => this.users.list(tx, ctx, query(req)));
  }

  @Post('Users')
  createUser(@Req() req: ScimRequest, @Res() res: Response) {
    return this.run(req, res, 201, (tx, ctx, body) => this.users.create(tx, ctx, body));
  }

  @Get('Users/:id')
  getUser(@Req() req: ScimRequest, @Res() res: Response) {
    return this.run(req, res, 200, (tx, ctx) => this.users.get(tx, ctx, String(req.params.id)));
  }

  @Put('Users/:id')
  replaceUser(@Req() req: ScimRequest, @Res() res: Response) {
    return this.run(req, res, 200, (tx, ctx, body) => this.users.replace(tx, ctx, String(req.params.id), body));
  }

  @Patch('Users/:id')
  patchUser(@Req() req: ScimRequest, @Res() res: Response) {
    return this.run(req, res, 200, (tx, ctx, body) => this.users.patch(tx, ctx, String(req.params.id), body));
  }

  @Delete('Users/:id')
  deleteUser(@Req() req: ScimRequest, @Res() res: Response) {
    return this.run(req, res, 204, (tx, ctx) => this.users.delete(tx, ctx, String(req.params.id)));
  }

  @Get('Groups')
  listGroups(@Req() req: ScimRequest, @Res() res: Response) {
    return this.run(req, res, 200, (tx, ctx) => this.groups.list(tx, ctx, query(req)));
  }

  @Post('Groups')
  createGroup(@Req() req: ScimRequest, @Res() res: Response) {
    return this.run(req, res, 201, (tx, ctx, body) => this.groups.create(tx, ctx, body));
  }

  @Get('Groups/:id')
  getGroup(@Req() req: ScimRequest, @Res() res: Response) {
    return this.run(req, res, 200, (tx, ctx) => this.groups.get(tx, ctx, String(req.params.id)));
  }

  @Put('Groups/:id')
  replaceGroup(@Req() req: ScimRequest, @Res() res: Response) {
    return this.run(req, res, 200, (tx, ctx, body) => this.groups.replace(tx, ctx, String(req.params.id), body));
  }

  @Patch('Groups/:id')
  patchGroup(@Req() req: ScimRequest, @Res() res: Response) {
    return this.run(req, res, 200, (tx, ctx, body) => this.groups.patch(tx, ctx, String(req.params.id), body));
  }

  @Delete('Groups/:id')
  deleteGroup(@Req() req: ScimRequest, @Res() res: Response) {
    return this.run(req, res, 204, (tx, ctx) => this.groups.delete(tx, ctx, String(req.params.id)));
  }

  private async run(req: ScimRequest, res: Response, status: number, handler: Handler): Promise<void> {
    try {
      const header = req.headers.authorization ?? '';
      const secret = /^bearer /i.test(header) ? header.slice(7).trim() : '';
      const tenantId = tenantOfScimToken(secret);
      if (!tenantId) throw new ScimError(401, 'Send a SCIM token as "Authorization: Bearer <token>"');
      const body = this.parseBody(req);
      const baseUrl = `${req.protocol}://${req.get('host')}/scim/v2`;
      const result = await withTenant(this.prisma.client, tenantId, async (tx) => {
        const token = await this.repo.tokenByHash(tx, tenantId, hashScimToken(secret));
        if (!token || token.revokedAt) throw new ScimError(401, 'This SCIM token is not valid (revoked or unknown)');
        if ((await this.repo.tenantStatus(tx, tenantId)) !== 'ACTIVE') throw new ScimError(403, 'This organisation is suspended');
        await this.repo.touchToken(tx, tenantId, token.id);
        return handler(tx, { tenantId, tokenId: token.id, baseUrl }, body);
      }, { timeout: 60_000 });
      res.status(status);
      if (!result) return void res.end();
      const meta = (result as { meta?: { location?: string; version?: string } }).meta;
      if (status === 201 && meta?.location) res.setHeader('Location', meta.location);
      if (meta?.version) res.setHeader('ETag', meta.version);
      res.type(SCIM_JSON).send(JSON.stringify(result));
    } catch (error) {
      // Two provisioning calls for the same userName at once: the database's unique index decides.
      const raced = (error as { code?: string }).code === 'P2002' ? uniqueness('A resource with these unique attributes already exists') : null;
      const scim = error instanceof ScimError ? error : raced;
      if (!scim) this.logger.error(`SCIM ${req.method} ${req.path} failed: ${(error as Error).message}`);
      const out = scim ?? new ScimError(500, 'The request failed; nothing was changed. Please try again.');
      if (out.status === 401) res.setHeader('WWW-Authenticate', 'Bearer realm="scim"');
      res.status(out.status).type(SCIM_JSON).send(JSON.stringify(out.toJSON()));
    }
  }

  private parseBody(req: ScimRequest): unknown {
    if (!['POST', 'PUT', 'PATCH'].includes(req.method)) return undefined;
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== SCIM_JSON && type !== 'application/json') throw new ScimError(415, `Send the body as ${SCIM_JSON}`);
    const text = req.scimBody ?? '';
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw invalidSyntax('The body is not valid JSON');
    }
  }
}
