-- Pulse surveys: question bank, programmes, rounds with their frozen audience,
-- single-use answer links, and the unlinkable answer tables.
CREATE TYPE "QuestionType" AS ENUM ('AGREEMENT_5', 'ENPS_0_10', 'YES_NO', 'COMMENT');
CREATE TYPE "Cadence" AS ENUM ('WEEKLY', 'BIWEEKLY', 'MONTHLY');
CREATE TYPE "ProgrammeStatus" AS ENUM ('ACTIVE', 'PAUSED');
CREATE TYPE "RoundStatus" AS ENUM ('OPEN', 'CLOSED');
CREATE TYPE "InvitationStatus" AS ENUM ('SCHEDULED', 'SENT', 'SKIPPED_FATIGUE', 'UNDELIVERABLE');

CREATE TABLE "questions" (
    "tenant_id" UUID NOT NULL,
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "key" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "signal_key" TEXT NOT NULL,
    "type" "QuestionType" NOT NULL,
    "text" TEXT NOT NULL,
    "current" BOOLEAN NOT NULL DEFAULT true,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "questions_pkey" PRIMARY KEY ("tenant_id", "id"),
    CONSTRAINT "questions_key_format" CHECK ("key" ~ '^[a-z][a-z0-9_]{1,62}$'),
    CONSTRAINT "questions_text_length" CHECK (char_length("text") BETWEEN 3 AND 300)
);
CREATE UNIQUE INDEX "questions_tenant_id_key_version_key" ON "questions"("tenant_id", "key", "version");
-- One current version per key.
CREATE UNIQUE INDEX "questions_one_current_per_key" ON "questions"("tenant_id", "key") WHERE "current";

CREATE TABLE "pulse_programmes" (
    "tenant_id" UUID NOT NULL,
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "cadence" "Cadence" NOT NULL,
    "open_days" INTEGER NOT NULL,
    "questions_per_round" INTEGER NOT NULL,
    "question_keys" TEXT[],
    "status" "ProgrammeStatus" NOT NULL DEFAULT 'ACTIVE',
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "pulse_programmes_pkey" PRIMARY KEY ("tenant_id", "id"),
    CONSTRAINT "pulse_programmes_open_days" CHECK ("open_days" BETWEEN 1 AND 28),
    CONSTRAINT "pulse_programmes_questions_per_round" CHECK ("questions_per_round" BETWEEN 3 AND 8)
);

CREATE TABLE "programme_audience" (
    "tenant_id" UUID NOT NULL,
    "programme_id" UUID NOT NULL,
    "org_unit_id" UUID NOT NULL,
    "excluded" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "programme_audience_pkey" PRIMARY KEY ("tenant_id", "programme_id", "org_unit_id")
);

CREATE TABLE "pulse_rounds" (
    "tenant_id" UUID NOT NULL,
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "programme_id" UUID NOT NULL,
    "sequence" INTEGER NOT NULL,
    "opens_at" TIMESTAMPTZ(3) NOT NULL,
    "closes_at" TIMESTAMPTZ(3) NOT NULL,
    "status" "RoundStatus" NOT NULL DEFAULT 'OPEN',
    "anonymity_threshold" INTEGER NOT NULL,
    "eligible_count" INTEGER NOT NULL DEFAULT 0,
    "invited_count" INTEGER NOT NULL DEFAULT 0,
    "skipped_fatigue_count" INTEGER NOT NULL DEFAULT 0,
    "responded_count" INTEGER,
    "closed_at" TIMESTAMPTZ(3),
    CONSTRAINT "pulse_rounds_pkey" PRIMARY KEY ("tenant_id", "id"),
    CONSTRAINT "pulse_rounds_window" CHECK ("closes_at" > "opens_at"),
    CONSTRAINT "pulse_rounds_threshold_floor" CHECK ("anonymity_threshold" >= 3)
);
CREATE UNIQUE INDEX "pulse_rounds_tenant_id_programme_id_sequence_key" ON "pulse_rounds"("tenant_id", "programme_id", "sequence");

CREATE TABLE "round_questions" (
    "tenant_id" UUID NOT NULL,
    "round_id" UUID NOT NULL,
    "question_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    CONSTRAINT "round_questions_pkey" PRIMARY KEY ("tenant_id", "round_id", "question_id")
);

CREATE TABLE "pulse_invitations" (
    "tenant_id" UUID NOT NULL,
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "round_id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "cell_unit_id" UUID NOT NULL,
    "cell_location" TEXT NOT NULL,
    "cell_tenure" TEXT NOT NULL,
    "status" "InvitationStatus" NOT NULL DEFAULT 'SCHEDULED',
    "send_at" TIMESTAMPTZ(3),
    "reminders_sent" INTEGER NOT NULL DEFAULT 0,
    "responded" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "pulse_invitations_pkey" PRIMARY KEY ("tenant_id", "id"),
    CONSTRAINT "pulse_invitations_reminders" CHECK ("reminders_sent" BETWEEN 0 AND 2)
);
CREATE UNIQUE INDEX "pulse_invitations_tenant_id_round_id_person_id_key" ON "pulse_invitations"("tenant_id", "round_id", "person_id");

CREATE TABLE "pulse_links" (
    "tenant_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "invitation_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "pulse_links_pkey" PRIMARY KEY ("tenant_id", "token_hash")
);
CREATE INDEX "pulse_links_tenant_id_invitation_id_idx" ON "pulse_links"("tenant_id", "invitation_id");

-- Deliberately no default id, no timestamp, no person: the id is a random UUID chosen at submit time.
CREATE TABLE "responses" (
    "tenant_id" UUID NOT NULL,
    "id" UUID NOT NULL,
    "round_id" UUID NOT NULL,
    "cell_unit_id" UUID NOT NULL,
    "cell_location" TEXT NOT NULL,
    "cell_tenure" TEXT NOT NULL,
    "answers" JSONB NOT NULL,
    CONSTRAINT "responses_pkey" PRIMARY KEY ("tenant_id", "id")
);
CREATE INDEX "responses_tenant_id_round_id_idx" ON "responses"("tenant_id", "round_id");

CREATE TABLE "response_comments" (
    "tenant_id" UUID NOT NULL,
    "id" UUID NOT NULL,
    "round_id" UUID NOT NULL,
    "cell_unit_id" UUID NOT NULL,
    "text" TEXT NOT NULL,
    CONSTRAINT "response_comments_pkey" PRIMARY KEY ("tenant_id", "id"),
    CONSTRAINT "response_comments_length" CHECK (char_length("text") BETWEEN 1 AND 2000)
);
CREATE INDEX "response_comments_tenant_id_round_id_idx" ON "response_comments"("tenant_id", "round_id");

ALTER TABLE "questions" ADD CONSTRAINT "questions_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "pulse_programmes" ADD CONSTRAINT "pulse_programmes_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "programme_audience" ADD CONSTRAINT "programme_audience_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "programme_audience" ADD CONSTRAINT "programme_audience_programme_fkey" FOREIGN KEY ("tenant_id", "programme_id") REFERENCES "pulse_programmes"("tenant_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "programme_audience" ADD CONSTRAINT "programme_audience_org_unit_fkey" FOREIGN KEY ("tenant_id", "org_unit_id") REFERENCES "org_units"("tenant_id", "id") ON DELETE NO ACTION ON UPDATE NO ACTION;
ALTER TABLE "pulse_rounds" ADD CONSTRAINT "pulse_rounds_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "pulse_rounds" ADD CONSTRAINT "pulse_rounds_programme_fkey" FOREIGN KEY ("tenant_id", "programme_id") REFERENCES "pulse_programmes"("tenant_id", "id") ON DELETE NO ACTION ON UPDATE NO ACTION;
ALTER TABLE "round_questions" ADD CONSTRAINT "round_questions_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "round_questions" ADD CONSTRAINT "round_questions_round_fkey" FOREIGN KEY ("tenant_id", "round_id") REFERENCES "pulse_rounds"("tenant_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "round_questions" ADD CONSTRAINT "round_questions_question_fkey" FOREIGN KEY ("tenant_id", "question_id") REFERENCES "questions"("tenant_id", "id") ON DELETE NO ACTION ON UPDATE NO ACTION;
ALTER TABLE "pulse_invitations" ADD CONSTRAINT "pulse_invitations_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "pulse_invitations" ADD CONSTRAINT "pulse_invitations_round_fkey" FOREIGN KEY ("tenant_id", "round_id") REFERENCES "pulse_rounds"("tenant_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "pulse_invitations" ADD CONSTRAINT "pulse_invitations_person_fkey" FOREIGN KEY ("tenant_id", "person_id") REFERENCES "people"("tenant_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "pulse_links" ADD CONSTRAINT "pulse_links_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "pulse_links" ADD CONSTRAINT "pulse_links_invitation_fkey" FOREIGN KEY ("tenant_id", "invitation_id") REFERENCES "pulse_invitations"("tenant_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "responses" ADD CONSTRAINT "responses_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "responses" ADD CONSTRAINT "responses_round_fkey" FOREIGN KEY ("tenant_id", "round_id") REFERENCES "pulse_rounds"("tenant_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "response_comments" ADD CONSTRAINT "response_comments_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "response_comments" ADD CONSTRAINT "response_comments_round_fkey" FOREIGN KEY ("tenant_id", "round_id") REFERENCES "pulse_rounds"("tenant_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['questions', 'pulse_programmes', 'programme_audience', 'pulse_rounds', 'round_questions', 'pulse_invitations', 'pulse_links', 'responses', 'response_comments'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())', t);
  END LOOP;
END $$;

GRANT SELECT, INSERT, UPDATE, DELETE ON "questions", "pulse_programmes", "programme_audience", "pulse_rounds", "round_questions", "pulse_invitations", "pulse_links" TO pulsewise_app;
-- Answers are written once and never edited by the app (retention deletes whole rows).
GRANT SELECT, INSERT, DELETE ON "responses", "response_comments" TO pulsewise_app;
