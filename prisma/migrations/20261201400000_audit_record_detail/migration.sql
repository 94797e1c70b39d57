-- What an audit record's target alone does not say (an export's time range and filter). Adding a
-- nullable column rewrites no row, so the append-only trigger is not involved.
ALTER TABLE "identity"."audit_record" ADD COLUMN "detail" TEXT;
