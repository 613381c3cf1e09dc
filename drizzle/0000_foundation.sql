CREATE TABLE "counties" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "counties_code_unique" UNIQUE("code"),
	CONSTRAINT "counties_code_format" CHECK ("counties"."code" ~ '^[0-9]{6}$')
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"county_id" uuid NOT NULL,
	"seq" bigint NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_user_id" uuid,
	"actor_post_id" uuid,
	"actor_label" text NOT NULL,
	"on_behalf_of" text,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"org_path" text,
	"before" jsonb,
	"after" jsonb,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "audit_events_county_id_seq_pk" PRIMARY KEY("county_id","seq")
);
--> statement-breakpoint
CREATE TABLE "audit_heads" (
	"county_id" uuid PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "admin_units" (
	"county_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"division_code" text,
	"parent_id" uuid,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "admin_units_county_id_id_pk" PRIMARY KEY("county_id","id"),
	CONSTRAINT "admin_units_kind" CHECK ("admin_units"."kind" in ('township','street','village','community','villager_group')),
	CONSTRAINT "admin_units_division_code" CHECK ("admin_units"."division_code" is null or "admin_units"."division_code" ~ '^[0-9]{12}$')
);
--> statement-breakpoint
CREATE TABLE "org_events" (
	"county_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"effective_on" date NOT NULL,
	"details" jsonb NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "org_events_county_id_id_pk" PRIMARY KEY("county_id","id"),
	CONSTRAINT "org_events_kind" CHECK ("org_events"."kind" in ('created','renamed','moved','merged','absorbed','dissolved','updated'))
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"county_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"seq" integer GENERATED ALWAYS AS IDENTITY (sequence name "organizations_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"name" text NOT NULL,
	"pinyin" text NOT NULL,
	"type" text NOT NULL,
	"unit_type" text,
	"division_code" text,
	"parent_id" uuid,
	"path" text NOT NULL,
	"depth" integer NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"established_on" date NOT NULL,
	"dissolved_on" date,
	"merged_into_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organizations_county_id_id_pk" PRIMARY KEY("county_id","id"),
	CONSTRAINT "organizations_code" UNIQUE("county_id","code"),
	CONSTRAINT "organizations_seq" UNIQUE("county_id","seq"),
	CONSTRAINT "organizations_type" CHECK ("organizations"."type" in ('committee','working_committee','general_branch','branch','joint_branch','party_group')),
	CONSTRAINT "organizations_unit_type" CHECK ("organizations"."unit_type" is null or "organizations"."unit_type" in ('township','street','village','community','agency','institution','enterprise','school','other')),
	CONSTRAINT "organizations_status" CHECK ("organizations"."status" in ('active','dissolved')),
	CONSTRAINT "organizations_division_code" CHECK ("organizations"."division_code" is null or "organizations"."division_code" ~ '^[0-9]{12}$')
);
--> statement-breakpoint
CREATE TABLE "people" (
	"county_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"pinyin" text NOT NULL,
	"gender" text NOT NULL,
	"ethnicity" text DEFAULT '01' NOT NULL,
	"birth_date" date,
	"id_number" text,
	"phone" text,
	"education" text,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "people_county_id_id_pk" PRIMARY KEY("county_id","id"),
	CONSTRAINT "people_gender" CHECK ("people"."gender" in ('1','2'))
);
--> statement-breakpoint
CREATE TABLE "posts" (
	"county_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"role" text NOT NULL,
	"title" text NOT NULL,
	"started_on" date NOT NULL,
	"ended_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "posts_county_id_id_pk" PRIMARY KEY("county_id","id"),
	CONSTRAINT "posts_role" CHECK ("posts"."role" in ('county_admin','township_admin','branch_secretary','cadre','member'))
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"county_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"category" text NOT NULL,
	"applied_on" date,
	"joined_on" date,
	"full_on" date,
	"ended_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_county_id_id_pk" PRIMARY KEY("county_id","id"),
	CONSTRAINT "memberships_category" CHECK ("memberships"."category" in ('applicant','activist','development_target','probationary','full'))
);
--> statement-breakpoint
CREATE TABLE "login_failures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"username" text NOT NULL,
	"ip" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"county_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sessions_county_id_token_hash_pk" PRIMARY KEY("county_id","token_hash")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"county_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"username" text NOT NULL,
	"password_hash" text NOT NULL,
	"person_id" uuid NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"password_changed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_county_id_id_pk" PRIMARY KEY("county_id","id"),
	CONSTRAINT "users_username_unique" UNIQUE("username")
);
--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_heads" ADD CONSTRAINT "audit_heads_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admin_units" ADD CONSTRAINT "admin_units_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admin_units" ADD CONSTRAINT "admin_units_county_id_org_id_organizations_county_id_id_fk" FOREIGN KEY ("county_id","org_id") REFERENCES "public"."organizations"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admin_units" ADD CONSTRAINT "admin_units_county_id_parent_id_admin_units_county_id_id_fk" FOREIGN KEY ("county_id","parent_id") REFERENCES "public"."admin_units"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_events" ADD CONSTRAINT "org_events_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_events" ADD CONSTRAINT "org_events_county_id_org_id_organizations_county_id_id_fk" FOREIGN KEY ("county_id","org_id") REFERENCES "public"."organizations"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_county_id_parent_id_organizations_county_id_id_fk" FOREIGN KEY ("county_id","parent_id") REFERENCES "public"."organizations"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_county_id_org_id_organizations_county_id_id_fk" FOREIGN KEY ("county_id","org_id") REFERENCES "public"."organizations"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posts" ADD CONSTRAINT "posts_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posts" ADD CONSTRAINT "posts_county_id_person_id_people_county_id_id_fk" FOREIGN KEY ("county_id","person_id") REFERENCES "public"."people"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posts" ADD CONSTRAINT "posts_county_id_org_id_organizations_county_id_id_fk" FOREIGN KEY ("county_id","org_id") REFERENCES "public"."organizations"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_county_id_person_id_people_county_id_id_fk" FOREIGN KEY ("county_id","person_id") REFERENCES "public"."people"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_county_id_org_id_organizations_county_id_id_fk" FOREIGN KEY ("county_id","org_id") REFERENCES "public"."organizations"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_county_id_user_id_users_county_id_id_fk" FOREIGN KEY ("county_id","user_id") REFERENCES "public"."users"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_county_id_person_id_people_county_id_id_fk" FOREIGN KEY ("county_id","person_id") REFERENCES "public"."people"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_events_org_path" ON "audit_events" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "audit_events_entity" ON "audit_events" USING btree ("county_id","entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_events_at" ON "audit_events" USING btree ("county_id","at");--> statement-breakpoint
CREATE INDEX "admin_units_org_path" ON "admin_units" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "org_events_org" ON "org_events" USING btree ("county_id","org_id","effective_on");--> statement-breakpoint
CREATE INDEX "organizations_path" ON "organizations" USING btree ("path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "organizations_parent" ON "organizations" USING btree ("county_id","parent_id");--> statement-breakpoint
CREATE INDEX "people_org_path" ON "people" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "posts_person" ON "posts" USING btree ("county_id","person_id");--> statement-breakpoint
CREATE INDEX "posts_org_path" ON "posts" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "memberships_org_path" ON "memberships" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "login_failures_username" ON "login_failures" USING btree ("username","at");--> statement-breakpoint
CREATE INDEX "login_failures_ip" ON "login_failures" USING btree ("ip","at");--> statement-breakpoint
CREATE INDEX "sessions_token" ON "sessions" USING btree ("token_hash");