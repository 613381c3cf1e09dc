CREATE TABLE "meeting_attachments" (
	"county_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_attachments_county_id_id_pk" PRIMARY KEY("county_id","id"),
	CONSTRAINT "meeting_attachments_size" CHECK ("meeting_attachments"."size_bytes" > 0 and "meeting_attachments"."size_bytes" = octet_length("meeting_attachments"."content"))
);
--> statement-breakpoint
CREATE TABLE "county_settings" (
	"county_id" uuid NOT NULL,
	"key" text NOT NULL,
	"value" jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "county_settings_county_id_key_pk" PRIMARY KEY("county_id","key")
);
--> statement-breakpoint
CREATE TABLE "point_entries" (
	"county_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"item_id" text NOT NULL,
	"points" integer NOT NULL,
	"occurred_on" date NOT NULL,
	"description" text NOT NULL,
	"evidence" text,
	"status" text NOT NULL,
	"submitted_by" uuid,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"reject_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "point_entries_county_id_id_pk" PRIMARY KEY("county_id","id"),
	CONSTRAINT "point_entries_status" CHECK ("point_entries"."status" in ('pending','approved','rejected')),
	CONSTRAINT "point_entries_points" CHECK ("point_entries"."points" <> 0 and "point_entries"."points" between -1000 and 1000)
);
--> statement-breakpoint
CREATE TABLE "star_ratings" (
	"county_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"subject_type" text NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"person_id" uuid,
	"year" integer NOT NULL,
	"status" text NOT NULL,
	"self_scores" jsonb NOT NULL,
	"self_note" text,
	"self_by" uuid,
	"self_at" timestamp with time zone,
	"review_scores" jsonb,
	"review_note" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"stars" integer,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"return_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "star_ratings_county_id_id_pk" PRIMARY KEY("county_id","id"),
	CONSTRAINT "star_ratings_subject" CHECK (("star_ratings"."subject_type" = 'member') = ("star_ratings"."person_id" is not null) and "star_ratings"."subject_type" in ('member','branch')),
	CONSTRAINT "star_ratings_status" CHECK ("star_ratings"."status" in ('self_assessed','reviewed','approved')),
	CONSTRAINT "star_ratings_stars" CHECK ("star_ratings"."stars" is null or "star_ratings"."stars" between 0 and 5)
);
--> statement-breakpoint
CREATE TABLE "appraisal_entries" (
	"county_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"category" text NOT NULL,
	"self_assessment" text,
	"mutual_excellent" integer DEFAULT 0 NOT NULL,
	"mutual_qualified" integer DEFAULT 0 NOT NULL,
	"mutual_basic" integer DEFAULT 0 NOT NULL,
	"mutual_unqualified" integer DEFAULT 0 NOT NULL,
	"masses_satisfied" integer DEFAULT 0 NOT NULL,
	"masses_basic" integer DEFAULT 0 NOT NULL,
	"masses_unsatisfied" integer DEFAULT 0 NOT NULL,
	"masses_opinion" text,
	"grade" text,
	"grade_note" text,
	CONSTRAINT "appraisal_entries_county_id_round_id_person_id_pk" PRIMARY KEY("county_id","round_id","person_id"),
	CONSTRAINT "appraisal_entries_category" CHECK ("appraisal_entries"."category" in ('full','probationary')),
	CONSTRAINT "appraisal_entries_grade" CHECK ("appraisal_entries"."grade" is null or ("appraisal_entries"."category" = 'full' and "appraisal_entries"."grade" in ('excellent','qualified','basically_qualified','unqualified'))),
	CONSTRAINT "appraisal_entries_counts" CHECK (least("appraisal_entries"."mutual_excellent", "appraisal_entries"."mutual_qualified", "appraisal_entries"."mutual_basic", "appraisal_entries"."mutual_unqualified", "appraisal_entries"."masses_satisfied", "appraisal_entries"."masses_basic", "appraisal_entries"."masses_unsatisfied") >= 0)
);
--> statement-breakpoint
CREATE TABLE "appraisal_followups" (
	"county_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"action" text NOT NULL,
	"decided_on" date NOT NULL,
	"deadline" date,
	"responsible" text,
	"note" text,
	"outcome" text,
	"outcome_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appraisal_followups_county_id_id_pk" PRIMARY KEY("county_id","id"),
	CONSTRAINT "appraisal_followups_action" CHECK ("appraisal_followups"."action" in ('help','correct','advise_withdraw','remove')),
	CONSTRAINT "appraisal_followups_deadline" CHECK (("appraisal_followups"."action" = 'correct') = ("appraisal_followups"."deadline" is not null))
);
--> statement-breakpoint
CREATE TABLE "appraisal_rounds" (
	"county_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"year" integer NOT NULL,
	"status" text NOT NULL,
	"opened_on" date NOT NULL,
	"excellent_cap_permille" integer NOT NULL,
	"meeting_id" uuid,
	"graded_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appraisal_rounds_county_id_id_pk" PRIMARY KEY("county_id","id"),
	CONSTRAINT "appraisal_rounds_org_year" UNIQUE("county_id","org_id","year"),
	CONSTRAINT "appraisal_rounds_status" CHECK ("appraisal_rounds"."status" in ('open','graded')),
	CONSTRAINT "appraisal_rounds_graded" CHECK (("appraisal_rounds"."status" = 'graded') = ("appraisal_rounds"."graded_on" is not null)),
	CONSTRAINT "appraisal_rounds_cap" CHECK ("appraisal_rounds"."excellent_cap_permille" between 0 and 1000)
);
--> statement-breakpoint
ALTER TABLE "meeting_attachments" ADD CONSTRAINT "meeting_attachments_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attachments" ADD CONSTRAINT "meeting_attachments_county_id_meeting_id_meetings_county_id_id_fk" FOREIGN KEY ("county_id","meeting_id") REFERENCES "public"."meetings"("county_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "county_settings" ADD CONSTRAINT "county_settings_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_entries" ADD CONSTRAINT "point_entries_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_entries" ADD CONSTRAINT "point_entries_county_id_person_id_people_county_id_id_fk" FOREIGN KEY ("county_id","person_id") REFERENCES "public"."people"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_entries" ADD CONSTRAINT "point_entries_county_id_org_id_organizations_county_id_id_fk" FOREIGN KEY ("county_id","org_id") REFERENCES "public"."organizations"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "star_ratings" ADD CONSTRAINT "star_ratings_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "star_ratings" ADD CONSTRAINT "star_ratings_county_id_org_id_organizations_county_id_id_fk" FOREIGN KEY ("county_id","org_id") REFERENCES "public"."organizations"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "star_ratings" ADD CONSTRAINT "star_ratings_county_id_person_id_people_county_id_id_fk" FOREIGN KEY ("county_id","person_id") REFERENCES "public"."people"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisal_entries" ADD CONSTRAINT "appraisal_entries_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisal_entries" ADD CONSTRAINT "appraisal_entries_county_id_round_id_appraisal_rounds_county_id_id_fk" FOREIGN KEY ("county_id","round_id") REFERENCES "public"."appraisal_rounds"("county_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisal_entries" ADD CONSTRAINT "appraisal_entries_county_id_person_id_people_county_id_id_fk" FOREIGN KEY ("county_id","person_id") REFERENCES "public"."people"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisal_followups" ADD CONSTRAINT "appraisal_followups_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisal_followups" ADD CONSTRAINT "appraisal_followups_county_id_round_id_person_id_appraisal_entries_county_id_round_id_person_id_fk" FOREIGN KEY ("county_id","round_id","person_id") REFERENCES "public"."appraisal_entries"("county_id","round_id","person_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisal_rounds" ADD CONSTRAINT "appraisal_rounds_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisal_rounds" ADD CONSTRAINT "appraisal_rounds_county_id_org_id_organizations_county_id_id_fk" FOREIGN KEY ("county_id","org_id") REFERENCES "public"."organizations"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisal_rounds" ADD CONSTRAINT "appraisal_rounds_county_id_meeting_id_meetings_county_id_id_fk" FOREIGN KEY ("county_id","meeting_id") REFERENCES "public"."meetings"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_attachments_meeting" ON "meeting_attachments" USING btree ("county_id","meeting_id");--> statement-breakpoint
CREATE INDEX "point_entries_person" ON "point_entries" USING btree ("county_id","person_id","occurred_on");--> statement-breakpoint
CREATE INDEX "point_entries_org_path" ON "point_entries" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "star_ratings_member_year" ON "star_ratings" USING btree ("county_id","person_id","year") WHERE "star_ratings"."subject_type" = 'member';--> statement-breakpoint
CREATE UNIQUE INDEX "star_ratings_branch_year" ON "star_ratings" USING btree ("county_id","org_id","year") WHERE "star_ratings"."subject_type" = 'branch';--> statement-breakpoint
CREATE INDEX "star_ratings_org_path" ON "star_ratings" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "appraisal_entries_person" ON "appraisal_entries" USING btree ("county_id","person_id");--> statement-breakpoint
CREATE INDEX "appraisal_followups_round" ON "appraisal_followups" USING btree ("county_id","round_id");--> statement-breakpoint
CREATE INDEX "appraisal_rounds_org_path" ON "appraisal_rounds" USING btree ("org_path" text_pattern_ops);