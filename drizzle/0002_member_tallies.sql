CREATE TABLE "member_tallies" (
	"county_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"category" text NOT NULL,
	"gender" text NOT NULL,
	"ethnicity" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "member_tallies_county_id_org_id_category_gender_ethnicity_pk" PRIMARY KEY("county_id","org_id","category","gender","ethnicity")
);
--> statement-breakpoint
ALTER TABLE "member_tallies" ADD CONSTRAINT "member_tallies_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_tallies" ADD CONSTRAINT "member_tallies_county_id_org_id_organizations_county_id_id_fk" FOREIGN KEY ("county_id","org_id") REFERENCES "public"."organizations"("county_id","id") ON DELETE no action ON UPDATE no action;