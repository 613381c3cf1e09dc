CREATE TABLE "dues_bases" (
	"county_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"base_fen" integer,
	"monthly_fen" integer NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dues_bases_county_id_id_pk" PRIMARY KEY("county_id","id"),
	CONSTRAINT "dues_bases_person_year" UNIQUE("county_id","person_id","year"),
	CONSTRAINT "dues_bases_amounts" CHECK ("dues_bases"."monthly_fen" >= 0 and ("dues_bases"."base_fen" is null or "dues_bases"."base_fen" >= 0))
);
--> statement-breakpoint
CREATE TABLE "dues_payments" (
	"county_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"month" text NOT NULL,
	"amount_fen" integer NOT NULL,
	"paid_on" date NOT NULL,
	"paid_by" text,
	"note" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dues_payments_county_id_id_pk" PRIMARY KEY("county_id","id"),
	CONSTRAINT "dues_payments_person_month" UNIQUE("county_id","person_id","month"),
	CONSTRAINT "dues_payments_month" CHECK ("dues_payments"."month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "dues_payments_amount" CHECK ("dues_payments"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "dues_remittances" (
	"county_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"to_org_id" uuid NOT NULL,
	"month" text NOT NULL,
	"amount_fen" integer NOT NULL,
	"remitted_on" date NOT NULL,
	"note" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dues_remittances_county_id_id_pk" PRIMARY KEY("county_id","id"),
	CONSTRAINT "dues_remittances_org_month" UNIQUE("county_id","org_id","month"),
	CONSTRAINT "dues_remittances_month" CHECK ("dues_remittances"."month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "dues_remittances_amount" CHECK ("dues_remittances"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "dues_settings" (
	"county_id" uuid PRIMARY KEY NOT NULL,
	"farmer_fen" integer DEFAULT 20 NOT NULL,
	"low_income_fen" integer DEFAULT 20 NOT NULL,
	"back_payment_months" integer DEFAULT 6 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dues_settings_amounts" CHECK ("dues_settings"."farmer_fen" between 1 and 1000 and "dues_settings"."low_income_fen" between 1 and 1000 and "dues_settings"."back_payment_months" between 1 and 24)
);
--> statement-breakpoint
CREATE TABLE "dues_uses" (
	"county_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"used_on" date NOT NULL,
	"amount_fen" integer NOT NULL,
	"purpose" text NOT NULL,
	"description" text NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dues_uses_county_id_id_pk" PRIMARY KEY("county_id","id"),
	CONSTRAINT "dues_uses_amount" CHECK ("dues_uses"."amount_fen" > 0)
);
--> statement-breakpoint
ALTER TABLE "dues_bases" ADD CONSTRAINT "dues_bases_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_bases" ADD CONSTRAINT "dues_bases_county_id_person_id_people_county_id_id_fk" FOREIGN KEY ("county_id","person_id") REFERENCES "public"."people"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_bases" ADD CONSTRAINT "dues_bases_county_id_org_id_organizations_county_id_id_fk" FOREIGN KEY ("county_id","org_id") REFERENCES "public"."organizations"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_payments" ADD CONSTRAINT "dues_payments_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_payments" ADD CONSTRAINT "dues_payments_county_id_person_id_people_county_id_id_fk" FOREIGN KEY ("county_id","person_id") REFERENCES "public"."people"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_payments" ADD CONSTRAINT "dues_payments_county_id_org_id_organizations_county_id_id_fk" FOREIGN KEY ("county_id","org_id") REFERENCES "public"."organizations"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_remittances" ADD CONSTRAINT "dues_remittances_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_remittances" ADD CONSTRAINT "dues_remittances_county_id_org_id_organizations_county_id_id_fk" FOREIGN KEY ("county_id","org_id") REFERENCES "public"."organizations"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_remittances" ADD CONSTRAINT "dues_remittances_county_id_to_org_id_organizations_county_id_id_fk" FOREIGN KEY ("county_id","to_org_id") REFERENCES "public"."organizations"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_settings" ADD CONSTRAINT "dues_settings_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_uses" ADD CONSTRAINT "dues_uses_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_uses" ADD CONSTRAINT "dues_uses_county_id_org_id_organizations_county_id_id_fk" FOREIGN KEY ("county_id","org_id") REFERENCES "public"."organizations"("county_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dues_bases_org_path" ON "dues_bases" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "dues_payments_org_month" ON "dues_payments" USING btree ("county_id","org_id","month");--> statement-breakpoint
CREATE INDEX "dues_payments_org_path" ON "dues_payments" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "dues_remittances_org_path" ON "dues_remittances" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "dues_uses_org_path" ON "dues_uses" USING btree ("org_path" text_pattern_ops);