CREATE TABLE "rectification_acceptances" (
	"county_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"accepted_on" date NOT NULL,
	"score_sheet" jsonb NOT NULL,
	"score" numeric(6, 1) NOT NULL,
	"dissatisfied_permille" integer,
	"result" text NOT NULL,
	"reasons" text,
	"new_deadline" date,
	"decided_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rectification_acceptances_county_id_id_pk" PRIMARY KEY("county_id","id"),
	CONSTRAINT "rectification_acceptances_result" CHECK ("rectification_acceptances"."result" in ('pass','basic_pass','fail')),
	CONSTRAINT "rectification_acceptances_fail" CHECK (("rectification_acceptances"."result" = 'fail') = ("rectification_acceptances"."new_deadline" is not null)),
	CONSTRAINT "rectification_acceptances_reasons" CHECK ("rectification_acceptances"."result" = 'pass' or length(btrim(coalesce("rectification_acceptances"."reasons", ''))) > 0)
);
--> statement-breakpoint
CREATE TABLE "rectification_cases" (
	"county_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"round_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"state" text NOT NULL,
	"defined_on" date NOT NULL,
	"basis" text NOT NULL,
	"deadline" date,
	"plan_approved_on" date,
	"group_leader" text,
	"group_members" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"dispatched_units" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"first_secretary_id" uuid,
	"first_secretary_name" text,
	"county_leader" text,
	"watch_until" date,
	"closed_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rectification_cases_county_id_id_pk" PRIMARY KEY("county_id","id"),
	CONSTRAINT "rectification_cases_round_org" UNIQUE("county_id","round_id","org_id"),
	CONSTRAINT "rectification_cases_state" CHECK ("rectification_cases"."state" in ('identified','plan_approved','rectifying','acceptance_requested','under_watch','closed')),
	CONSTRAINT "rectification_cases_watch" CHECK ("rectification_cases"."state" not in ('under_watch','closed') or "rectification_cases"."watch_until" is not null),
	CONSTRAINT "rectification_cases_closed" CHECK (("rectification_cases"."state" = 'closed') = ("rectification_cases"."closed_on" is not null))
);
--> statement-breakpoint
CREATE TABLE "rectification_events" (
	"county_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"day" date NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"note" text,
	"finding_id" uuid,
	"user_id" uuid,
	CONSTRAINT "rectification_events_county_id_id_pk" PRIMARY KEY("county_id","id")
);
--> statement-breakpoint
CREATE TABLE "rectification_items" (
	"county_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"problem" text NOT NULL,
	"measure" text NOT NULL,
	"responsible" text NOT NULL,
	"responsible_person_id" uuid,
	"deadline" date NOT NULL,
	"done_on" date,
	"evidence" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rectification_items_county_id_id_pk" PRIMARY KEY("county_id","id"),
	CONSTRAINT "rectification_items_done" CHECK (("rectification_items"."done_on" is null) = ("rectification_items"."evidence" is null))
);
--> statement-breakpoint
CREATE TABLE "rectification_reports" (
	"county_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"period_key" text NOT NULL,
	"reported_on" date NOT NULL,
	"content" text NOT NULL,
	"late" boolean NOT NULL,
	"reported_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rectification_reports_county_id_id_pk" PRIMARY KEY("county_id","id")
);
--> statement-breakpoint
CREATE TABLE "screening_findings" (
	"county_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"criterion_code" text NOT NULL,
	"criterion_title" text NOT NULL,
	"category" text NOT NULL,
	"channel" text NOT NULL,
	"check_level" text,
	"department" text,
	"evidence" text NOT NULL,
	"found_on" date NOT NULL,
	"source" text NOT NULL,
	"measured" text,
	"status" text NOT NULL,
	"dismiss_reason" text,
	"recorded_by" uuid,
	"decided_by" uuid,
	"decided_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "screening_findings_county_id_id_pk" PRIMARY KEY("county_id","id"),
	CONSTRAINT "screening_findings_category" CHECK ("screening_findings"."category" in ('soft','lax','poor','chaotic')),
	CONSTRAINT "screening_findings_channel" CHECK ("screening_findings"."channel" in ('self','masses','check','department')),
	CONSTRAINT "screening_findings_check_level" CHECK (("screening_findings"."channel" = 'check') = ("screening_findings"."check_level" is not null) and ("screening_findings"."check_level" is null or "screening_findings"."check_level" in ('township','county'))),
	CONSTRAINT "screening_findings_department" CHECK (("screening_findings"."channel" = 'department') = ("screening_findings"."department" is not null)),
	CONSTRAINT "screening_findings_evidence" CHECK (length(btrim("screening_findings"."evidence")) > 0),
	CONSTRAINT "screening_findings_source" CHECK ("screening_findings"."source" in ('manual','indicator')),
	CONSTRAINT "screening_findings_status" CHECK ("screening_findings"."status" in ('proposed','confirmed','dismissed')),
	CONSTRAINT "screening_findings_dismissed" CHECK (("screening_findings"."status" = 'dismissed') = ("screening_findings"."dismiss_reason" is not null))
);
--> statement-breakpoint
CREATE TABLE "screening_rounds" (
	"county_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"period" text NOT NULL,
	"title" text NOT NULL,
	"status" text NOT NULL,
	"opened_on" date NOT NULL,
	"closed_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "screening_rounds_county_id_id_pk" PRIMARY KEY("county_id","id"),
	CONSTRAINT "screening_rounds_year_period" UNIQUE("county_id","year","period"),
	CONSTRAINT "screening_rounds_period" CHECK ("screening_rounds"."period" in ('year','Q1','Q2','Q3','Q4')),
	CONSTRAINT "screening_rounds_status" CHECK ("screening_rounds"."status" in ('open','closed')),
	CONSTRAINT "screening_rounds_closed" CHECK (("screening_rounds"."status" = 'closed') = ("screening_rounds"."closed_on" is not null))
);
--> statement-breakpoint
CREATE TABLE "commitment_appraisals" (
	"county_id" uuid NOT NULL,
	"commitment_id" uuid NOT NULL,
	"self_score" numeric(5, 1) NOT NULL,
	"masses_score" numeric(5, 1) NOT NULL,
	"superior_score" numeric(5, 1) NOT NULL,
	"weights" jsonb NOT NULL,
	"total" numeric(5, 1) NOT NULL,
	"satisfied_votes" integer,
	"votes" integer,
	"appraised_on" date NOT NULL,
	"appraised_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "commitment_appraisals_county_id_commitment_id_pk" PRIMARY KEY("county_id","commitment_id"),
	CONSTRAINT "commitment_appraisals_scores" CHECK (least("commitment_appraisals"."self_score", "commitment_appraisals"."masses_score", "commitment_appraisals"."superior_score") >= 0 and greatest("commitment_appraisals"."self_score", "commitment_appraisals"."masses_score", "commitment_appraisals"."superior_score") <= 100),
	CONSTRAINT "commitment_appraisals_votes" CHECK (("commitment_appraisals"."votes" is null) = ("commitment_appraisals"."satisfied_votes" is null) and ("commitment_appraisals"."votes" is null or "commitment_appraisals"."satisfied_votes" between 0 and "commitment_appraisals"."votes"))
);
--> statement-breakpoint
CREATE TABLE "commitment_updates" (
	"county_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"commitment_id" uuid NOT NULL,
	"made_on" date NOT NULL,
	"value" numeric(14, 2),
	"progress_permille" integer,
	"note" text NOT NULL,
	"evidence" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "commitment_updates_county_id_id_pk" PRIMARY KEY("county_id","id"),
	CONSTRAINT "commitment_updates_permille" CHECK ("commitment_updates"."progress_permille" is null or "commitment_updates"."progress_permille" between 0 and 1000)
);
--> statement-breakpoint
CREATE TABLE "commitments" (
	"county_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"year" integer NOT NULL,
	"maker" text NOT NULL,
	"person_id" uuid,
	"level" text NOT NULL,
	"parent_id" uuid,
	"position" integer DEFAULT 0 NOT NULL,
	"title" text NOT NULL,
	"target" text NOT NULL,
	"target_value" numeric(14, 2),
	"unit" text,
	"due_on" date NOT NULL,
	"public" boolean DEFAULT false NOT NULL,
	"state" text NOT NULL,
	"published_on" date,
	"completed_on" date,
	"abandon_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "commitments_county_id_id_pk" PRIMARY KEY("county_id","id"),
	CONSTRAINT "commitments_maker" CHECK ("commitments"."maker" in ('branch','secretary','member')),
	CONSTRAINT "commitments_person" CHECK (("commitments"."maker" = 'branch') = ("commitments"."person_id" is null)),
	CONSTRAINT "commitments_state" CHECK ("commitments"."state" in ('draft','published','in_progress','completed','delayed','abandoned')),
	CONSTRAINT "commitments_abandoned" CHECK (("commitments"."state" = 'abandoned') = ("commitments"."abandon_reason" is not null)),
	CONSTRAINT "commitments_completed" CHECK (("commitments"."state" = 'completed') = ("commitments"."completed_on" is not null))
);
--> statement-breakpoint
CREATE TABLE "assessment_results" (
	"county_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"person_id" uuid,
	"part_scores" jsonb NOT NULL,
	"total" numeric(5, 1),
	"grade" text,
	"note" text,
	"upgrade_plan" text,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_results_county_id_round_id_org_id_pk" PRIMARY KEY("county_id","round_id","org_id"),
	CONSTRAINT "assessment_results_total" CHECK ("assessment_results"."total" is null or "assessment_results"."total" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "assessment_rounds" (
	"county_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"year" integer NOT NULL,
	"scheme_code" text NOT NULL,
	"scheme" jsonb NOT NULL,
	"title" text NOT NULL,
	"status" text NOT NULL,
	"opened_on" date NOT NULL,
	"finished_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_rounds_county_id_id_pk" PRIMARY KEY("county_id","id"),
	CONSTRAINT "assessment_rounds_scheme_year" UNIQUE("county_id","org_id","scheme_code","year"),
	CONSTRAINT "assessment_rounds_status" CHECK ("assessment_rounds"."status" in ('open','finished')),
	CONSTRAINT "assessment_rounds_finished" CHECK (("assessment_rounds"."status" = 'finished') = ("assessment_rounds"."finished_on" is not null))
);
--> statement-breakpoint
CREATE TABLE "responsibility_items" (
	"county_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"letter_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"target" text NOT NULL,
	"weight" numeric(5, 1) NOT NULL,
	"score" numeric(5, 1),
	"note" text,
	CONSTRAINT "responsibility_items_county_id_id_pk" PRIMARY KEY("county_id","id"),
	CONSTRAINT "responsibility_items_weight" CHECK ("responsibility_items"."weight" > 0),
	CONSTRAINT "responsibility_items_score" CHECK ("responsibility_items"."score" is null or "responsibility_items"."score" between 0 and "responsibility_items"."weight")
);
--> statement-breakpoint
CREATE TABLE "responsibility_letters" (
	"county_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"issuer_org_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"status" text NOT NULL,
	"signed_on" date,
	"scored_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "responsibility_letters_county_id_id_pk" PRIMARY KEY("county_id","id"),
	CONSTRAINT "responsibility_letters_year" UNIQUE("county_id","issuer_org_id","org_id","year","title"),
	CONSTRAINT "responsibility_letters_status" CHECK ("responsibility_letters"."status" in ('draft','signed','scored')),
	CONSTRAINT "responsibility_letters_signed" CHECK (("responsibility_letters"."status" = 'draft') = ("responsibility_letters"."signed_on" is null)),
	CONSTRAINT "responsibility_letters_scored" CHECK (("responsibility_letters"."status" = 'scored') = ("responsibility_letters"."scored_on" is not null))
);
--> statement-breakpoint
ALTER TABLE "rectification_acceptances" ADD CONSTRAINT "rectification_acceptances_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_acceptances" ADD CONSTRAINT "rectification_acceptances_county_id_case_id_rectification_cases_county_id_id_fk" FOREIGN KEY ("county_id","case_id") REFERENCES "public"."rectification_cases"("county_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_acceptances" ADD CONSTRAINT "rectification_acceptances_county_id_decided_by_users_county_id_id_fk" FOREIGN KEY ("county_id","decided_by") REFERENCES "public"."users"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_cases" ADD CONSTRAINT "rectification_cases_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_cases" ADD CONSTRAINT "rectification_cases_county_id_org_id_organizations_county_id_id_fk" FOREIGN KEY ("county_id","org_id") REFERENCES "public"."organizations"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_cases" ADD CONSTRAINT "rectification_cases_county_id_round_id_screening_rounds_county_id_id_fk" FOREIGN KEY ("county_id","round_id") REFERENCES "public"."screening_rounds"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_cases" ADD CONSTRAINT "rectification_cases_county_id_first_secretary_id_people_county_id_id_fk" FOREIGN KEY ("county_id","first_secretary_id") REFERENCES "public"."people"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_events" ADD CONSTRAINT "rectification_events_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_events" ADD CONSTRAINT "rectification_events_county_id_case_id_rectification_cases_county_id_id_fk" FOREIGN KEY ("county_id","case_id") REFERENCES "public"."rectification_cases"("county_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_events" ADD CONSTRAINT "rectification_events_county_id_finding_id_screening_findings_county_id_id_fk" FOREIGN KEY ("county_id","finding_id") REFERENCES "public"."screening_findings"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_events" ADD CONSTRAINT "rectification_events_county_id_user_id_users_county_id_id_fk" FOREIGN KEY ("county_id","user_id") REFERENCES "public"."users"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_items" ADD CONSTRAINT "rectification_items_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_items" ADD CONSTRAINT "rectification_items_county_id_case_id_rectification_cases_county_id_id_fk" FOREIGN KEY ("county_id","case_id") REFERENCES "public"."rectification_cases"("county_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_items" ADD CONSTRAINT "rectification_items_county_id_responsible_person_id_people_county_id_id_fk" FOREIGN KEY ("county_id","responsible_person_id") REFERENCES "public"."people"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_reports" ADD CONSTRAINT "rectification_reports_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_reports" ADD CONSTRAINT "rectification_reports_county_id_case_id_rectification_cases_county_id_id_fk" FOREIGN KEY ("county_id","case_id") REFERENCES "public"."rectification_cases"("county_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_reports" ADD CONSTRAINT "rectification_reports_county_id_reported_by_users_county_id_id_fk" FOREIGN KEY ("county_id","reported_by") REFERENCES "public"."users"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_findings" ADD CONSTRAINT "screening_findings_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_findings" ADD CONSTRAINT "screening_findings_county_id_round_id_screening_rounds_county_id_id_fk" FOREIGN KEY ("county_id","round_id") REFERENCES "public"."screening_rounds"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_findings" ADD CONSTRAINT "screening_findings_county_id_org_id_organizations_county_id_id_fk" FOREIGN KEY ("county_id","org_id") REFERENCES "public"."organizations"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_findings" ADD CONSTRAINT "screening_findings_county_id_recorded_by_users_county_id_id_fk" FOREIGN KEY ("county_id","recorded_by") REFERENCES "public"."users"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_findings" ADD CONSTRAINT "screening_findings_county_id_decided_by_users_county_id_id_fk" FOREIGN KEY ("county_id","decided_by") REFERENCES "public"."users"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_rounds" ADD CONSTRAINT "screening_rounds_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_rounds" ADD CONSTRAINT "screening_rounds_county_id_created_by_users_county_id_id_fk" FOREIGN KEY ("county_id","created_by") REFERENCES "public"."users"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_appraisals" ADD CONSTRAINT "commitment_appraisals_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_appraisals" ADD CONSTRAINT "commitment_appraisals_county_id_commitment_id_commitments_county_id_id_fk" FOREIGN KEY ("county_id","commitment_id") REFERENCES "public"."commitments"("county_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_appraisals" ADD CONSTRAINT "commitment_appraisals_county_id_appraised_by_users_county_id_id_fk" FOREIGN KEY ("county_id","appraised_by") REFERENCES "public"."users"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_updates" ADD CONSTRAINT "commitment_updates_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_updates" ADD CONSTRAINT "commitment_updates_county_id_commitment_id_commitments_county_id_id_fk" FOREIGN KEY ("county_id","commitment_id") REFERENCES "public"."commitments"("county_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_updates" ADD CONSTRAINT "commitment_updates_county_id_recorded_by_users_county_id_id_fk" FOREIGN KEY ("county_id","recorded_by") REFERENCES "public"."users"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_county_id_org_id_organizations_county_id_id_fk" FOREIGN KEY ("county_id","org_id") REFERENCES "public"."organizations"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_county_id_person_id_people_county_id_id_fk" FOREIGN KEY ("county_id","person_id") REFERENCES "public"."people"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_county_id_parent_id_commitments_county_id_id_fk" FOREIGN KEY ("county_id","parent_id") REFERENCES "public"."commitments"("county_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_county_id_created_by_users_county_id_id_fk" FOREIGN KEY ("county_id","created_by") REFERENCES "public"."users"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_results" ADD CONSTRAINT "assessment_results_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_results" ADD CONSTRAINT "assessment_results_county_id_round_id_assessment_rounds_county_id_id_fk" FOREIGN KEY ("county_id","round_id") REFERENCES "public"."assessment_rounds"("county_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_results" ADD CONSTRAINT "assessment_results_county_id_org_id_organizations_county_id_id_fk" FOREIGN KEY ("county_id","org_id") REFERENCES "public"."organizations"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_results" ADD CONSTRAINT "assessment_results_county_id_person_id_people_county_id_id_fk" FOREIGN KEY ("county_id","person_id") REFERENCES "public"."people"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_results" ADD CONSTRAINT "assessment_results_county_id_updated_by_users_county_id_id_fk" FOREIGN KEY ("county_id","updated_by") REFERENCES "public"."users"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_rounds" ADD CONSTRAINT "assessment_rounds_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_rounds" ADD CONSTRAINT "assessment_rounds_county_id_org_id_organizations_county_id_id_fk" FOREIGN KEY ("county_id","org_id") REFERENCES "public"."organizations"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_rounds" ADD CONSTRAINT "assessment_rounds_county_id_created_by_users_county_id_id_fk" FOREIGN KEY ("county_id","created_by") REFERENCES "public"."users"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responsibility_items" ADD CONSTRAINT "responsibility_items_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responsibility_items" ADD CONSTRAINT "responsibility_items_county_id_letter_id_responsibility_letters_county_id_id_fk" FOREIGN KEY ("county_id","letter_id") REFERENCES "public"."responsibility_letters"("county_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responsibility_letters" ADD CONSTRAINT "responsibility_letters_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responsibility_letters" ADD CONSTRAINT "responsibility_letters_county_id_issuer_org_id_organizations_county_id_id_fk" FOREIGN KEY ("county_id","issuer_org_id") REFERENCES "public"."organizations"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responsibility_letters" ADD CONSTRAINT "responsibility_letters_county_id_org_id_organizations_county_id_id_fk" FOREIGN KEY ("county_id","org_id") REFERENCES "public"."organizations"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responsibility_letters" ADD CONSTRAINT "responsibility_letters_county_id_created_by_users_county_id_id_fk" FOREIGN KEY ("county_id","created_by") REFERENCES "public"."users"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rectification_acceptances_case" ON "rectification_acceptances" USING btree ("county_id","case_id");--> statement-breakpoint
CREATE INDEX "rectification_cases_org" ON "rectification_cases" USING btree ("county_id","org_id");--> statement-breakpoint
CREATE INDEX "rectification_cases_org_path" ON "rectification_cases" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "rectification_events_case" ON "rectification_events" USING btree ("county_id","case_id","at");--> statement-breakpoint
CREATE INDEX "rectification_items_case" ON "rectification_items" USING btree ("county_id","case_id");--> statement-breakpoint
CREATE INDEX "rectification_reports_case" ON "rectification_reports" USING btree ("county_id","case_id","period_key");--> statement-breakpoint
CREATE INDEX "screening_findings_round" ON "screening_findings" USING btree ("county_id","round_id","org_id");--> statement-breakpoint
CREATE INDEX "screening_findings_org" ON "screening_findings" USING btree ("county_id","org_id","found_on");--> statement-breakpoint
CREATE INDEX "screening_findings_org_path" ON "screening_findings" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "commitment_updates_commitment" ON "commitment_updates" USING btree ("county_id","commitment_id","made_on");--> statement-breakpoint
CREATE INDEX "commitments_org_year" ON "commitments" USING btree ("county_id","org_id","year");--> statement-breakpoint
CREATE INDEX "commitments_parent" ON "commitments" USING btree ("county_id","parent_id");--> statement-breakpoint
CREATE INDEX "commitments_org_path" ON "commitments" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "assessment_results_org_path" ON "assessment_results" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "assessment_rounds_org_path" ON "assessment_rounds" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "responsibility_items_letter" ON "responsibility_items" USING btree ("county_id","letter_id");--> statement-breakpoint
CREATE INDEX "responsibility_letters_org_path" ON "responsibility_letters" USING btree ("org_path" text_pattern_ops);