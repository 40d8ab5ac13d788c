export { createPrismaClient, type Db, type Tx } from './client.js';
export { withTenant, withPlatform, setTenant, type PlatformActor, type PlatformAudit, type TransactionOptions } from './tenant-transaction.js';
export { migrate, readMigrations, migrationsDigest, MIGRATIONS_DIR, type Migration } from './migrate.js';
export { ensureDatabase, ensureRoles, databaseName, quoteIdent, redact, OWNER_ROLE, APP_ROLE } from './bootstrap.js';
export { PrismaClient, Prisma, Role, TenantStatus, TenantKind } from './generated/prisma/client.js';
export type { Tenant, TenantPolicy, OrgUnit, Person, Session, AuditEvent } from './generated/prisma/client.js';
export { DEFAULT_QUESTION_BANK, ANSWER_RANGE, seedQuestionBank, type DefaultQuestion, type DefaultQuestionType } from './reference/question-bank.js';
export type { Question, PulseProgramme, PulseRound, PulseInvitation, Response } from './generated/prisma/client.js';
export { QuestionType, Cadence, ProgrammeStatus, RoundStatus, InvitationStatus } from './generated/prisma/client.js';
