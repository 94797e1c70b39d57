-- The audit log is append-only in the database itself: rows can be inserted, never changed, and
-- deleted only by the retention function below, and only when older than its cutoff.

-- The retention job's one way to delete: it names the retention (at least one day), the function
-- marks the transaction (transaction-local settings) and deletes what is older.
CREATE FUNCTION "identity"."prune_audit_records"(retention INTERVAL) RETURNS BIGINT
LANGUAGE plpgsql AS $$
DECLARE
  cutoff TIMESTAMPTZ := now() - retention;
  removed BIGINT;
BEGIN
  IF retention < INTERVAL '1 day' THEN
    RAISE EXCEPTION 'audit retention must be at least one day, got %', retention;
  END IF;
  PERFORM set_config('farmiq.audit_prune_before', cutoff::text, true);
  DELETE FROM "identity"."audit_record" WHERE "at" < cutoff;
  GET DIAGNOSTICS removed = ROW_COUNT;
  PERFORM set_config('farmiq.audit_prune_before', '', true);
  RETURN removed;
END;
$$;

CREATE FUNCTION "identity"."refuse_audit_record_change"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
DECLARE
  prune_before TEXT := current_setting('farmiq.audit_prune_before', true);
BEGIN
  IF TG_OP = 'DELETE' AND prune_before IS NOT NULL AND prune_before <> '' AND OLD."at" < prune_before::timestamptz THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit records are append-only: % refused (only identity.prune_audit_records deletes, past the retention period)', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "audit_record_append_only" BEFORE UPDATE OR DELETE ON "identity"."audit_record"
  FOR EACH ROW EXECUTE FUNCTION "identity"."refuse_audit_record_change"();

CREATE TRIGGER "audit_record_no_truncate" BEFORE TRUNCATE ON "identity"."audit_record"
  FOR EACH STATEMENT EXECUTE FUNCTION "identity"."refuse_audit_record_change"();
