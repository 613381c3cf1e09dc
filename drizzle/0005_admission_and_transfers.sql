CREATE TABLE "admission_steps" (
	"county_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"membership_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"step" text NOT NULL,
	"done_on" date NOT NULL,
	"approving_org_id" uuid,
	"approver" text,
	"detail" jsonb,
	"note" text,
	"overridden_rules" text[],
	"override_reason" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "admission_steps_county_id_id_pk" PRIMARY KEY("county_id","id"),
	CONSTRAINT "admission_steps_override" CHECK (("admission_steps"."overridden_rules" is null) = ("admission_steps"."override_reason" is null))
);
--> statement-breakpoint
CREATE TABLE "member_transfers" (
	"county_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"membership_id" uuid,
	"to_org_id" uuid,
	"external_org" text,
	"state" text NOT NULL,
	"sent_on" date NOT NULL,
	"decided_on" date,
	"reject_reason" text,
	"letter_no" text,
	"note" text,
	"sent_by" uuid,
	"decided_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "member_transfers_county_id_id_pk" PRIMARY KEY("county_id","id"),
	CONSTRAINT "member_transfers_kind" CHECK ("member_transfers"."kind" in ('within','out','in')),
	CONSTRAINT "member_transfers_state" CHECK ("member_transfers"."state" in ('sent','received','rejected','cancelled')),
	CONSTRAINT "member_transfers_within" CHECK (("member_transfers"."kind" = 'within') = ("member_transfers"."to_org_id" is not null)),
	CONSTRAINT "member_transfers_rejected" CHECK (("member_transfers"."state" = 'rejected') = ("member_transfers"."reject_reason" is not null))
);
--> statement-breakpoint
ALTER TABLE "admission_steps" ADD CONSTRAINT "admission_steps_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_steps" ADD CONSTRAINT "admission_steps_county_id_person_id_people_county_id_id_fk" FOREIGN KEY ("county_id","person_id") REFERENCES "public"."people"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_steps" ADD CONSTRAINT "admission_steps_county_id_membership_id_memberships_county_id_id_fk" FOREIGN KEY ("county_id","membership_id") REFERENCES "public"."memberships"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_steps" ADD CONSTRAINT "admission_steps_county_id_org_id_organizations_county_id_id_fk" FOREIGN KEY ("county_id","org_id") REFERENCES "public"."organizations"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_transfers" ADD CONSTRAINT "member_transfers_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_transfers" ADD CONSTRAINT "member_transfers_county_id_person_id_people_county_id_id_fk" FOREIGN KEY ("county_id","person_id") REFERENCES "public"."people"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_transfers" ADD CONSTRAINT "member_transfers_county_id_org_id_organizations_county_id_id_fk" FOREIGN KEY ("county_id","org_id") REFERENCES "public"."organizations"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_transfers" ADD CONSTRAINT "member_transfers_county_id_to_org_id_organizations_county_id_id_fk" FOREIGN KEY ("county_id","to_org_id") REFERENCES "public"."organizations"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_transfers" ADD CONSTRAINT "member_transfers_county_id_membership_id_memberships_county_id_id_fk" FOREIGN KEY ("county_id","membership_id") REFERENCES "public"."memberships"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "admission_steps_person" ON "admission_steps" USING btree ("county_id","person_id");--> statement-breakpoint
CREATE INDEX "admission_steps_org_path" ON "admission_steps" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "member_transfers_org_path" ON "member_transfers" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "member_transfers_to_org" ON "member_transfers" USING btree ("county_id","to_org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "member_transfers_one_pending" ON "member_transfers" USING btree ("county_id","person_id") WHERE "member_transfers"."state" = 'sent';