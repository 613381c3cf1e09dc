CREATE TABLE "member_breakdowns" (
	"county_id" uuid NOT NULL,
	"subtree_path" text NOT NULL,
	"category" text NOT NULL,
	"dimension" text NOT NULL,
	"value" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "member_breakdowns_county_id_subtree_path_category_dimension_value_pk" PRIMARY KEY("county_id","subtree_path","category","dimension","value")
);
--> statement-breakpoint
ALTER TABLE "member_breakdowns" ADD CONSTRAINT "member_breakdowns_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "people_birth_date" ON "people" USING btree ("county_id","birth_date");