// Prisma CLI configuration. Only `prisma generate` runs here: migrate needs the
// schema-engine binary, which cannot be downloaded on these machines, so SQL
// migrations in prisma/migrations are applied by packages/db's own runner.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: {
    url: process.env.DATABASE_ADMIN_URL ?? 'postgresql://pulsewise_owner@127.0.0.1:5432/pulsewise',
  },
});
