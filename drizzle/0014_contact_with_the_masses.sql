CREATE TABLE "calendar_years" (
	"county_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"days" jsonb NOT NULL,
	"source" text NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_years_county_id_year_pk" PRIMARY KEY("county_id","year"),
	CONSTRAINT "calendar_years_year" CHECK ("calendar_years"."year" between 2000 and 2100),
	CONSTRAINT "calendar_years_source" CHECK ("calendar_years"."source" in ('imported','edited'))
);
--> statement-breakpoint
CREATE TABLE "outbox_messages" (
	"county_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"recipient" text NOT NULL,
	"body" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outbox_messages_county_id_id_pk" PRIMARY KEY("county_id","id"),
	CONSTRAINT "outbox_messages_status" CHECK ("outbox_messages"."status" in ('pending','sent','failed'))
);
--> statement-breakpoint
CREATE TABLE "household_members" (
	"county_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"person_id" uuid,
	"name" text NOT NULL,
	"relation" text NOT NULL,
	"gender" text,
	"birth_date" date,
	"id_number" text,
	"phone" text,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "household_members_county_id_id_pk" PRIMARY KEY("county_id","id"),
	CONSTRAINT "household_members_relation" CHECK ("household_members"."relation" in ('head','spouse','child','parent','grandchild','sibling','other')),
	CONSTRAINT "household_members_gender" CHECK ("household_members"."gender" is null or "household_members"."gender" in ('1','2'))
);
--> statement-breakpoint
CREATE TABLE "households" (
	"county_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"number" text,
	"villager_group" text,
	"head_name" text NOT NULL,
	"phone" text,
	"address" text,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"note" text,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "households_county_id_id_pk" PRIMARY KEY("county_id","id"),
	CONSTRAINT "households_status" CHECK ("households"."status" in ('active','moved'))
);
--> statement-breakpoint
CREATE TABLE "contracting_team_members" (
	"county_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	CONSTRAINT "contracting_team_members_county_id_team_id_person_id_pk" PRIMARY KEY("county_id","team_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "contracting_teams" (
	"county_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"year" integer NOT NULL,
	"name" text NOT NULL,
	"leader_id" uuid NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contracting_teams_county_id_id_pk" PRIMARY KEY("county_id","id"),
	CONSTRAINT "contracting_teams_name" UNIQUE("county_id","org_id","year","name"),
	CONSTRAINT "contracting_teams_year" CHECK ("contracting_teams"."year" between 2000 and 2100)
);
--> statement-breakpoint
CREATE TABLE "contracting_villages" (
	"county_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	CONSTRAINT "contracting_villages_county_id_team_id_org_id_pk" PRIMARY KEY("county_id","team_id","org_id")
);
--> statement-breakpoint
CREATE TABLE "visit_households" (
	"county_id" uuid NOT NULL,
	"visit_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	CONSTRAINT "visit_households_county_id_visit_id_household_id_pk" PRIMARY KEY("county_id","visit_id","household_id")
);
--> statement-breakpoint
CREATE TABLE "visit_participants" (
	"county_id" uuid NOT NULL,
	"visit_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	CONSTRAINT "visit_participants_county_id_visit_id_person_id_pk" PRIMARY KEY("county_id","visit_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "visits" (
	"county_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"team_id" uuid,
	"visited_on" date NOT NULL,
	"purpose" text NOT NULL,
	"problems_found" text,
	"problems_solved" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "visits_county_id_id_pk" PRIMARY KEY("county_id","id")
);
--> statement-breakpoint
CREATE TABLE "visit_diaries" (
	"county_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"author_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"visit_id" uuid,
	"household_id" uuid,
	"written_on" date NOT NULL,
	"situation" text NOT NULL,
	"problems" text,
	"demands" text,
	"plan" text,
	"result" text,
	"search" "tsvector" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "visit_diaries_county_id_id_pk" PRIMARY KEY("county_id","id")
);
--> statement-breakpoint
CREATE TABLE "pairing_contacts" (
	"county_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"pairing_id" uuid NOT NULL,
	"contacted_on" date NOT NULL,
	"mode" text NOT NULL,
	"visit_id" uuid,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pairing_contacts_county_id_id_pk" PRIMARY KEY("county_id","id"),
	CONSTRAINT "pairing_contacts_mode" CHECK ("pairing_contacts"."mode" in ('visit','phone','other'))
);
--> statement-breakpoint
CREATE TABLE "pairings" (
	"county_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"cadre_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"help_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"started_on" date NOT NULL,
	"ended_on" date,
	"end_reason" text,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pairings_county_id_id_pk" PRIMARY KEY("county_id","id"),
	CONSTRAINT "pairings_ended" CHECK ("pairings"."ended_on" is null or "pairings"."ended_on" >= "pairings"."started_on")
);
--> statement-breakpoint
CREATE TABLE "concern_events" (
	"county_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"concern_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_user_id" uuid,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text,
	"to_state_type" text,
	"handler_org_id" uuid,
	"handler_id" uuid,
	"note" text,
	"data" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "concern_events_county_id_id_pk" PRIMARY KEY("county_id","id")
);
--> statement-breakpoint
CREATE TABLE "concerns" (
	"county_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"tracking_code" text NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"household_id" uuid,
	"channel" text NOT NULL,
	"visit_id" uuid,
	"entered_by" uuid,
	"submitter_name" text,
	"submitter_phone" text,
	"anonymous" boolean DEFAULT false NOT NULL,
	"reply_channel" text DEFAULT 'none' NOT NULL,
	"content" text NOT NULL,
	"category" text,
	"priority" text DEFAULT 'normal' NOT NULL,
	"state" text NOT NULL,
	"state_type" text NOT NULL,
	"handler_org_id" uuid NOT NULL,
	"handler_org_path" text NOT NULL,
	"handler_id" uuid,
	"received_at" timestamp with time zone NOT NULL,
	"due_on" date,
	"answer_draft" text,
	"reply" text,
	"replied_at" timestamp with time zone,
	"rating" text,
	"rating_comment" text,
	"rated_at" timestamp with time zone,
	"rated_handler_id" uuid,
	"duplicate_of" uuid,
	"reject_reason" text,
	"reopen_count" integer DEFAULT 0 NOT NULL,
	"closed_at" timestamp with time zone,
	"search" "tsvector" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "concerns_county_id_id_pk" PRIMARY KEY("county_id","id"),
	CONSTRAINT "concerns_channel" CHECK ("concerns"."channel" in ('public','on_behalf','visit')),
	CONSTRAINT "concerns_state_type" CHECK ("concerns"."state_type" in ('new','open','paused','resolved','closed')),
	CONSTRAINT "concerns_priority" CHECK ("concerns"."priority" in ('normal','urgent')),
	CONSTRAINT "concerns_reply_channel" CHECK ("concerns"."reply_channel" = 'none' or "concerns"."submitter_phone" is not null),
	CONSTRAINT "concerns_rating" CHECK ("concerns"."rating" is null or "concerns"."rating" in ('satisfied','basically_satisfied','unsatisfied')),
	CONSTRAINT "concerns_anonymous" CHECK (not "concerns"."anonymous" or ("concerns"."submitter_name" is null and "concerns"."submitter_phone" is null))
);
--> statement-breakpoint
ALTER TABLE "calendar_years" ADD CONSTRAINT "calendar_years_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD CONSTRAINT "outbox_messages_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_members" ADD CONSTRAINT "household_members_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_members" ADD CONSTRAINT "household_members_county_id_household_id_households_county_id_id_fk" FOREIGN KEY ("county_id","household_id") REFERENCES "public"."households"("county_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_members" ADD CONSTRAINT "household_members_county_id_person_id_people_county_id_id_fk" FOREIGN KEY ("county_id","person_id") REFERENCES "public"."people"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_county_id_org_id_organizations_county_id_id_fk" FOREIGN KEY ("county_id","org_id") REFERENCES "public"."organizations"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracting_team_members" ADD CONSTRAINT "contracting_team_members_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracting_team_members" ADD CONSTRAINT "contracting_team_members_county_id_team_id_contracting_teams_county_id_id_fk" FOREIGN KEY ("county_id","team_id") REFERENCES "public"."contracting_teams"("county_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracting_team_members" ADD CONSTRAINT "contracting_team_members_county_id_person_id_people_county_id_id_fk" FOREIGN KEY ("county_id","person_id") REFERENCES "public"."people"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracting_teams" ADD CONSTRAINT "contracting_teams_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracting_teams" ADD CONSTRAINT "contracting_teams_county_id_org_id_organizations_county_id_id_fk" FOREIGN KEY ("county_id","org_id") REFERENCES "public"."organizations"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracting_teams" ADD CONSTRAINT "contracting_teams_county_id_leader_id_people_county_id_id_fk" FOREIGN KEY ("county_id","leader_id") REFERENCES "public"."people"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracting_villages" ADD CONSTRAINT "contracting_villages_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracting_villages" ADD CONSTRAINT "contracting_villages_county_id_team_id_contracting_teams_county_id_id_fk" FOREIGN KEY ("county_id","team_id") REFERENCES "public"."contracting_teams"("county_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracting_villages" ADD CONSTRAINT "contracting_villages_county_id_org_id_organizations_county_id_id_fk" FOREIGN KEY ("county_id","org_id") REFERENCES "public"."organizations"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_households" ADD CONSTRAINT "visit_households_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_households" ADD CONSTRAINT "visit_households_county_id_visit_id_visits_county_id_id_fk" FOREIGN KEY ("county_id","visit_id") REFERENCES "public"."visits"("county_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_households" ADD CONSTRAINT "visit_households_county_id_household_id_households_county_id_id_fk" FOREIGN KEY ("county_id","household_id") REFERENCES "public"."households"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_participants" ADD CONSTRAINT "visit_participants_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_participants" ADD CONSTRAINT "visit_participants_county_id_visit_id_visits_county_id_id_fk" FOREIGN KEY ("county_id","visit_id") REFERENCES "public"."visits"("county_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_participants" ADD CONSTRAINT "visit_participants_county_id_person_id_people_county_id_id_fk" FOREIGN KEY ("county_id","person_id") REFERENCES "public"."people"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_county_id_org_id_organizations_county_id_id_fk" FOREIGN KEY ("county_id","org_id") REFERENCES "public"."organizations"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_county_id_team_id_contracting_teams_county_id_id_fk" FOREIGN KEY ("county_id","team_id") REFERENCES "public"."contracting_teams"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_diaries" ADD CONSTRAINT "visit_diaries_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_diaries" ADD CONSTRAINT "visit_diaries_county_id_author_id_people_county_id_id_fk" FOREIGN KEY ("county_id","author_id") REFERENCES "public"."people"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_diaries" ADD CONSTRAINT "visit_diaries_county_id_org_id_organizations_county_id_id_fk" FOREIGN KEY ("county_id","org_id") REFERENCES "public"."organizations"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_diaries" ADD CONSTRAINT "visit_diaries_county_id_visit_id_visits_county_id_id_fk" FOREIGN KEY ("county_id","visit_id") REFERENCES "public"."visits"("county_id","id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_diaries" ADD CONSTRAINT "visit_diaries_county_id_household_id_households_county_id_id_fk" FOREIGN KEY ("county_id","household_id") REFERENCES "public"."households"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairing_contacts" ADD CONSTRAINT "pairing_contacts_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairing_contacts" ADD CONSTRAINT "pairing_contacts_county_id_pairing_id_pairings_county_id_id_fk" FOREIGN KEY ("county_id","pairing_id") REFERENCES "public"."pairings"("county_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairing_contacts" ADD CONSTRAINT "pairing_contacts_county_id_visit_id_visits_county_id_id_fk" FOREIGN KEY ("county_id","visit_id") REFERENCES "public"."visits"("county_id","id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairings" ADD CONSTRAINT "pairings_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairings" ADD CONSTRAINT "pairings_county_id_cadre_id_people_county_id_id_fk" FOREIGN KEY ("county_id","cadre_id") REFERENCES "public"."people"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairings" ADD CONSTRAINT "pairings_county_id_household_id_households_county_id_id_fk" FOREIGN KEY ("county_id","household_id") REFERENCES "public"."households"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairings" ADD CONSTRAINT "pairings_county_id_org_id_organizations_county_id_id_fk" FOREIGN KEY ("county_id","org_id") REFERENCES "public"."organizations"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_events" ADD CONSTRAINT "concern_events_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_events" ADD CONSTRAINT "concern_events_county_id_concern_id_concerns_county_id_id_fk" FOREIGN KEY ("county_id","concern_id") REFERENCES "public"."concerns"("county_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_county_id_org_id_organizations_county_id_id_fk" FOREIGN KEY ("county_id","org_id") REFERENCES "public"."organizations"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_county_id_handler_org_id_organizations_county_id_id_fk" FOREIGN KEY ("county_id","handler_org_id") REFERENCES "public"."organizations"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_county_id_handler_id_people_county_id_id_fk" FOREIGN KEY ("county_id","handler_id") REFERENCES "public"."people"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_county_id_household_id_households_county_id_id_fk" FOREIGN KEY ("county_id","household_id") REFERENCES "public"."households"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_county_id_visit_id_visits_county_id_id_fk" FOREIGN KEY ("county_id","visit_id") REFERENCES "public"."visits"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_county_id_duplicate_of_concerns_county_id_id_fk" FOREIGN KEY ("county_id","duplicate_of") REFERENCES "public"."concerns"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outbox_messages_pending" ON "outbox_messages" USING btree ("next_attempt_at") WHERE "outbox_messages"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "outbox_messages_entity" ON "outbox_messages" USING btree ("county_id","entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "household_members_household" ON "household_members" USING btree ("county_id","household_id");--> statement-breakpoint
CREATE UNIQUE INDEX "household_members_id_number" ON "household_members" USING btree ("county_id","id_number") WHERE "household_members"."id_number" is not null;--> statement-breakpoint
CREATE INDEX "households_org_path" ON "households" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "households_tags" ON "households" USING gin ("tags");--> statement-breakpoint
CREATE UNIQUE INDEX "households_number" ON "households" USING btree ("county_id","org_id","number") WHERE "households"."number" is not null;--> statement-breakpoint
CREATE INDEX "contracting_team_members_person" ON "contracting_team_members" USING btree ("county_id","person_id");--> statement-breakpoint
CREATE INDEX "contracting_teams_org_path" ON "contracting_teams" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "contracting_villages_once" ON "contracting_villages" USING btree ("county_id","year","org_id");--> statement-breakpoint
CREATE INDEX "visit_households_household" ON "visit_households" USING btree ("county_id","household_id");--> statement-breakpoint
CREATE INDEX "visit_participants_person" ON "visit_participants" USING btree ("county_id","person_id");--> statement-breakpoint
CREATE INDEX "visits_org_path" ON "visits" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "visits_team" ON "visits" USING btree ("county_id","team_id","visited_on");--> statement-breakpoint
CREATE INDEX "visit_diaries_org_path" ON "visit_diaries" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "visit_diaries_author" ON "visit_diaries" USING btree ("county_id","author_id","written_on");--> statement-breakpoint
CREATE INDEX "visit_diaries_search" ON "visit_diaries" USING gin ("search");--> statement-breakpoint
CREATE INDEX "pairing_contacts_pairing" ON "pairing_contacts" USING btree ("county_id","pairing_id","contacted_on");--> statement-breakpoint
CREATE INDEX "pairings_org_path" ON "pairings" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "pairings_cadre" ON "pairings" USING btree ("county_id","cadre_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pairings_open" ON "pairings" USING btree ("county_id","cadre_id","household_id") WHERE "pairings"."ended_on" is null;--> statement-breakpoint
CREATE INDEX "concern_events_concern" ON "concern_events" USING btree ("county_id","concern_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "concerns_tracking_code" ON "concerns" USING btree ("tracking_code");--> statement-breakpoint
CREATE INDEX "concerns_org_path" ON "concerns" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "concerns_handler_org_path" ON "concerns" USING btree ("handler_org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "concerns_handler" ON "concerns" USING btree ("county_id","handler_id","due_on") WHERE "concerns"."state_type" in ('new','open','paused');--> statement-breakpoint
CREATE INDEX "concerns_received" ON "concerns" USING btree ("county_id","received_at");--> statement-breakpoint
CREATE INDEX "concerns_search" ON "concerns" USING gin ("search");