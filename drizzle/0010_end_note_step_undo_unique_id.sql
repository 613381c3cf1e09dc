ALTER TABLE "memberships" ADD COLUMN "end_note" text;--> statement-breakpoint
ALTER TABLE "admission_steps" ADD COLUMN "membership_before" jsonb;--> statement-breakpoint
CREATE UNIQUE INDEX "people_id_number" ON "people" USING btree ("county_id","id_number") WHERE "people"."id_number" is not null;