ALTER TABLE "people" ADD COLUMN "occupation" text;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "address" text;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "started_on" date;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "activist_on" date;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "target_on" date;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "probation_extension_months" integer;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "end_reason" text;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "mobile" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "mobile_destination" text;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "mobile_since" date;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "reporting_community" text;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "out_of_contact" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "retired" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "needs_care" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "memberships_one_open" ON "memberships" USING btree ("county_id","person_id") WHERE "memberships"."ended_on" is null;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_end_reason" CHECK ("memberships"."end_reason" is null or "memberships"."end_reason" in ('transferred','merged','died','withdrew','removed','expelled','probation_cancelled'));--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_ended" CHECK (("memberships"."ended_on" is null) = ("memberships"."end_reason" is null));--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_extension" CHECK ("memberships"."probation_extension_months" is null or "memberships"."probation_extension_months" between 6 and 12);