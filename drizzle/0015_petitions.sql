CREATE TABLE "petition_accused" (
	"county_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"petition_id" uuid NOT NULL,
	"person_id" uuid,
	"name" text,
	"org_id" uuid,
	"org_path" text,
	CONSTRAINT "petition_accused_county_id_id_pk" PRIMARY KEY("county_id","id"),
	CONSTRAINT "petition_accused_org" CHECK (("petition_accused"."org_id" is null) = ("petition_accused"."org_path" is null)),
	CONSTRAINT "petition_accused_one" CHECK (("petition_accused"."org_id" is not null) <> ("petition_accused"."person_id" is not null or "petition_accused"."name" is not null))
);
--> statement-breakpoint
CREATE TABLE "petition_events" (
	"county_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"petition_id" uuid NOT NULL,
	"on" date NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_user_id" uuid,
	"action" text NOT NULL,
	"note" text,
	"data" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "petition_events_county_id_id_pk" PRIMARY KEY("county_id","id")
);
--> statement-breakpoint
CREATE TABLE "petition_petitioners" (
	"county_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"petition_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"id_number" text,
	"phone" text,
	"address" text,
	CONSTRAINT "petition_petitioners_county_id_id_pk" PRIMARY KEY("county_id","id")
);
--> statement-breakpoint
CREATE TABLE "petitions" (
	"county_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"registered_by" uuid,
	"received_on" date NOT NULL,
	"channel" text NOT NULL,
	"referred_by" text,
	"content" text NOT NULL,
	"category" text NOT NULL,
	"same_matter_as" uuid,
	"state" text NOT NULL,
	"due_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "petitions_county_id_id_pk" PRIMARY KEY("county_id","id"),
	CONSTRAINT "petitions_channel" CHECK ("petitions"."channel" in ('letter','visit','phone','online','referred')),
	CONSTRAINT "petitions_referred" CHECK (("petitions"."channel" = 'referred') = ("petitions"."referred_by" is not null)),
	CONSTRAINT "petitions_category" CHECK ("petitions"."category" in ('land','social_security','infrastructure','environment','dispute','cadre_conduct','other')),
	CONSTRAINT "petitions_state" CHECK ("petitions"."state" in ('registered','not_accepted','handling','replied','reviewing','reviewed','re_reviewing','re_reviewed','closed'))
);
--> statement-breakpoint
ALTER TABLE "petition_accused" ADD CONSTRAINT "petition_accused_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_accused" ADD CONSTRAINT "petition_accused_county_id_petition_id_petitions_county_id_id_fk" FOREIGN KEY ("county_id","petition_id") REFERENCES "public"."petitions"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_accused" ADD CONSTRAINT "petition_accused_county_id_person_id_people_county_id_id_fk" FOREIGN KEY ("county_id","person_id") REFERENCES "public"."people"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_accused" ADD CONSTRAINT "petition_accused_county_id_org_id_organizations_county_id_id_fk" FOREIGN KEY ("county_id","org_id") REFERENCES "public"."organizations"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_events" ADD CONSTRAINT "petition_events_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_events" ADD CONSTRAINT "petition_events_county_id_petition_id_petitions_county_id_id_fk" FOREIGN KEY ("county_id","petition_id") REFERENCES "public"."petitions"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_petitioners" ADD CONSTRAINT "petition_petitioners_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_petitioners" ADD CONSTRAINT "petition_petitioners_county_id_petition_id_petitions_county_id_id_fk" FOREIGN KEY ("county_id","petition_id") REFERENCES "public"."petitions"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_county_id_org_id_organizations_county_id_id_fk" FOREIGN KEY ("county_id","org_id") REFERENCES "public"."organizations"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_county_id_registered_by_users_county_id_id_fk" FOREIGN KEY ("county_id","registered_by") REFERENCES "public"."users"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_county_id_same_matter_as_petitions_county_id_id_fk" FOREIGN KEY ("county_id","same_matter_as") REFERENCES "public"."petitions"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "petition_accused_petition" ON "petition_accused" USING btree ("county_id","petition_id");--> statement-breakpoint
CREATE INDEX "petition_accused_org_path" ON "petition_accused" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "petition_events_petition" ON "petition_events" USING btree ("county_id","petition_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "petition_petitioners_position" ON "petition_petitioners" USING btree ("county_id","petition_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "petitions_number" ON "petitions" USING btree ("county_id","number");--> statement-breakpoint
CREATE INDEX "petitions_org_path" ON "petitions" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "petitions_received" ON "petitions" USING btree ("county_id","received_on");--> statement-breakpoint
CREATE INDEX "visit_diaries_newest" ON "visit_diaries" USING btree ("county_id","written_on" DESC NULLS FIRST,"created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "concerns_inbox_order" ON "concerns" USING btree ((case when "state_type" in ('new','open','paused') then 0 else 1 end),"due_on","received_at" DESC NULLS FIRST);