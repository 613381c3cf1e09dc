CREATE TABLE "meeting_attendees" (
	"county_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"status" text NOT NULL,
	"reason" text,
	"left_out" text,
	CONSTRAINT "meeting_attendees_county_id_meeting_id_person_id_pk" PRIMARY KEY("county_id","meeting_id","person_id"),
	CONSTRAINT "meeting_attendees_status" CHECK ("meeting_attendees"."status" in ('present','excused','absent'))
);
--> statement-breakpoint
CREATE TABLE "meeting_resolutions" (
	"county_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"should_attend" integer NOT NULL,
	"present" integer NOT NULL,
	"yes" integer NOT NULL,
	"no" integer DEFAULT 0 NOT NULL,
	"abstain" integer DEFAULT 0 NOT NULL,
	"passed" boolean NOT NULL,
	CONSTRAINT "meeting_resolutions_county_id_id_pk" PRIMARY KEY("county_id","id"),
	CONSTRAINT "meeting_resolutions_votes" CHECK ("meeting_resolutions"."yes" + "meeting_resolutions"."no" + "meeting_resolutions"."abstain" <= "meeting_resolutions"."present" and "meeting_resolutions"."present" <= "meeting_resolutions"."should_attend")
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"county_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"planned_on" date,
	"held_on" date,
	"starts_at" text,
	"place" text,
	"topic" text NOT NULL,
	"agenda" text,
	"host_id" uuid,
	"recorder_id" uuid,
	"lecturer_id" uuid,
	"lecturer_name" text,
	"minutes" text,
	"cancel_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meetings_county_id_id_pk" PRIMARY KEY("county_id","id"),
	CONSTRAINT "meetings_kind" CHECK ("meetings"."kind" in ('members_meeting','committee_meeting','group_meeting','party_lecture','theme_day','life_meeting','democratic_life_meeting','monday_meeting','friday_study')),
	CONSTRAINT "meetings_status" CHECK ("meetings"."status" in ('planned','held','cancelled')),
	CONSTRAINT "meetings_held_on" CHECK (("meetings"."status" = 'held') = ("meetings"."held_on" is not null)),
	CONSTRAINT "meetings_planned_on" CHECK ("meetings"."status" = 'held' or "meetings"."planned_on" is not null)
);
--> statement-breakpoint
CREATE TABLE "cadence_rules" (
	"county_id" uuid NOT NULL,
	"id" text NOT NULL,
	"event_kind" text NOT NULL,
	"subject_type" text NOT NULL,
	"period" text NOT NULL,
	"min" integer NOT NULL,
	"due_from_month" integer,
	"label" text,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cadence_rules_county_id_id_pk" PRIMARY KEY("county_id","id"),
	CONSTRAINT "cadence_rules_period" CHECK ("cadence_rules"."period" in ('week','month','quarter','year')),
	CONSTRAINT "cadence_rules_min" CHECK ("cadence_rules"."min" between 1 and 100),
	CONSTRAINT "cadence_rules_due_from" CHECK ("cadence_rules"."due_from_month" is null or "cadence_rules"."due_from_month" between 1 and 12)
);
--> statement-breakpoint
ALTER TABLE "meeting_attendees" ADD CONSTRAINT "meeting_attendees_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendees" ADD CONSTRAINT "meeting_attendees_county_id_meeting_id_meetings_county_id_id_fk" FOREIGN KEY ("county_id","meeting_id") REFERENCES "public"."meetings"("county_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendees" ADD CONSTRAINT "meeting_attendees_county_id_person_id_people_county_id_id_fk" FOREIGN KEY ("county_id","person_id") REFERENCES "public"."people"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_resolutions" ADD CONSTRAINT "meeting_resolutions_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_resolutions" ADD CONSTRAINT "meeting_resolutions_county_id_meeting_id_meetings_county_id_id_fk" FOREIGN KEY ("county_id","meeting_id") REFERENCES "public"."meetings"("county_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_county_id_org_id_organizations_county_id_id_fk" FOREIGN KEY ("county_id","org_id") REFERENCES "public"."organizations"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_county_id_host_id_people_county_id_id_fk" FOREIGN KEY ("county_id","host_id") REFERENCES "public"."people"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_county_id_recorder_id_people_county_id_id_fk" FOREIGN KEY ("county_id","recorder_id") REFERENCES "public"."people"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_county_id_lecturer_id_people_county_id_id_fk" FOREIGN KEY ("county_id","lecturer_id") REFERENCES "public"."people"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cadence_rules" ADD CONSTRAINT "cadence_rules_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_attendees_person" ON "meeting_attendees" USING btree ("county_id","person_id");--> statement-breakpoint
CREATE INDEX "meeting_resolutions_meeting" ON "meeting_resolutions" USING btree ("county_id","meeting_id");--> statement-breakpoint
CREATE INDEX "meetings_org_path" ON "meetings" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "meetings_held" ON "meetings" USING btree ("county_id","org_id","kind","held_on") WHERE "meetings"."status" = 'held';