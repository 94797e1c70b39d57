-- Devices publishes its topology (farms, barns, devices) as `devices.topology-changed` events;
-- identity, telemetry, kpi and billing each keep a read model of it in their own schema
-- (lib/topology). See README "Domain events: topology".

-- The event of one object: its whole current state, read when the transaction commits (so two
-- changes of one row in one transaction announce its final state twice, harmlessly), or
-- `deleted` when the row is gone. Shard 911 is shardOf('devices.topology'), the topic's one
-- partition key (lib/events/topics.ts; a test keeps the two equal): topology is one ordered
-- stream, so a read model is always the state of some moment of devices' tables.
CREATE FUNCTION "devices"."publish_topology"(object_kind TEXT, object_id UUID) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    payload JSON;
BEGIN
    IF object_kind = 'farm' THEN
        SELECT json_build_object('object', 'farm', 'id', f.id, 'deleted', false, 'tenantId', f.tenant_id, 'timeZone', f.time_zone)
        INTO payload FROM "devices"."farm" f WHERE f.id = object_id;
    ELSIF object_kind = 'barn' THEN
        SELECT json_build_object('object', 'barn', 'id', b.id, 'deleted', false, 'tenantId', b.tenant_id, 'farmId', b.farm_id, 'species', b.species::text)
        INTO payload FROM "devices"."barn" b WHERE b.id = object_id;
    ELSE
        SELECT json_build_object('object', 'device', 'id', d.id, 'deleted', false, 'tenantId', d.tenant_id, 'barnId', d.barn_id, 'kind', d.kind::text, 'status', d.status::text)
        INTO payload FROM "devices"."device" d WHERE d.id = object_id;
    END IF;
    IF payload IS NULL THEN
        payload := json_build_object('object', object_kind, 'id', object_id, 'deleted', true);
    END IF;
    -- The outbox writers' lock (lib/events/outbox.ts): positions become visible in order.
    PERFORM pg_advisory_xact_lock(727274002);
    INSERT INTO "events"."outbox" (topic, shard, payload) VALUES ('devices.topology-changed', 911, payload);
    PERFORM pg_notify('farmiq_outbox', 'devices.topology-changed');
END;
$$;

CREATE FUNCTION "devices"."topology_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM "devices"."publish_topology"(TG_ARGV[0], CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END);
    RETURN NULL;
END;
$$;

-- Every change of topology publishes, whatever code (or hand-typed SQL) made it: the event is
-- written in the change's own transaction and no mutation can forget it. Deferred to the
-- commit, so the event is the transaction's last write (the outbox lock is held only from
-- there) and carries the state the transaction leaves. Updates publish only when a column a
-- read model holds changed (a device's credentials or name are not topology).
CREATE CONSTRAINT TRIGGER "farm_topology_written" AFTER INSERT OR DELETE ON "devices"."farm"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "devices"."topology_changed"('farm');
CREATE CONSTRAINT TRIGGER "farm_topology_updated" AFTER UPDATE ON "devices"."farm"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (OLD.tenant_id IS DISTINCT FROM NEW.tenant_id OR OLD.time_zone IS DISTINCT FROM NEW.time_zone OR OLD.id IS DISTINCT FROM NEW.id)
    EXECUTE FUNCTION "devices"."topology_changed"('farm');
CREATE CONSTRAINT TRIGGER "barn_topology_written" AFTER INSERT OR DELETE ON "devices"."barn"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "devices"."topology_changed"('barn');
CREATE CONSTRAINT TRIGGER "barn_topology_updated" AFTER UPDATE ON "devices"."barn"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (OLD.tenant_id IS DISTINCT FROM NEW.tenant_id OR OLD.farm_id IS DISTINCT FROM NEW.farm_id OR OLD.species IS DISTINCT FROM NEW.species OR OLD.id IS DISTINCT FROM NEW.id)
    EXECUTE FUNCTION "devices"."topology_changed"('barn');
CREATE CONSTRAINT TRIGGER "device_topology_written" AFTER INSERT OR DELETE ON "devices"."device"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "devices"."topology_changed"('device');
CREATE CONSTRAINT TRIGGER "device_topology_updated" AFTER UPDATE ON "devices"."device"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (OLD.tenant_id IS DISTINCT FROM NEW.tenant_id OR OLD.barn_id IS DISTINCT FROM NEW.barn_id OR OLD.kind IS DISTINCT FROM NEW.kind OR OLD.status IS DISTINCT FROM NEW.status OR OLD.id IS DISTINCT FROM NEW.id)
    EXECUTE FUNCTION "devices"."topology_changed"('device');

-- The read models (Prisma models <Schema>Topology*, one copy per consuming subgraph).

CREATE TABLE "identity"."topology_farm" (
    "id" UUID NOT NULL,
    "tenant_id" UUID,
    "time_zone" TEXT,
    "deleted" BOOLEAN NOT NULL DEFAULT false,
    "version" BIGINT NOT NULL,

    CONSTRAINT "topology_farm_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "topology_farm_tenant_id_idx" ON "identity"."topology_farm"("tenant_id");

CREATE TABLE "identity"."topology_barn" (
    "id" UUID NOT NULL,
    "tenant_id" UUID,
    "farm_id" UUID,
    "species" TEXT,
    "deleted" BOOLEAN NOT NULL DEFAULT false,
    "version" BIGINT NOT NULL,

    CONSTRAINT "topology_barn_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "topology_barn_tenant_id_idx" ON "identity"."topology_barn"("tenant_id");

CREATE TABLE "identity"."topology_device" (
    "id" UUID NOT NULL,
    "tenant_id" UUID,
    "barn_id" UUID,
    "kind" TEXT,
    "status" TEXT,
    "deleted" BOOLEAN NOT NULL DEFAULT false,
    "version" BIGINT NOT NULL,

    CONSTRAINT "topology_device_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "topology_device_tenant_id_idx" ON "identity"."topology_device"("tenant_id");
CREATE INDEX "topology_device_barn_id_idx" ON "identity"."topology_device"("barn_id");

CREATE TABLE "telemetry"."topology_farm" (
    "id" UUID NOT NULL,
    "tenant_id" UUID,
    "time_zone" TEXT,
    "deleted" BOOLEAN NOT NULL DEFAULT false,
    "version" BIGINT NOT NULL,

    CONSTRAINT "topology_farm_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "topology_farm_tenant_id_idx" ON "telemetry"."topology_farm"("tenant_id");

CREATE TABLE "telemetry"."topology_barn" (
    "id" UUID NOT NULL,
    "tenant_id" UUID,
    "farm_id" UUID,
    "species" TEXT,
    "deleted" BOOLEAN NOT NULL DEFAULT false,
    "version" BIGINT NOT NULL,

    CONSTRAINT "topology_barn_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "topology_barn_tenant_id_idx" ON "telemetry"."topology_barn"("tenant_id");

CREATE TABLE "telemetry"."topology_device" (
    "id" UUID NOT NULL,
    "tenant_id" UUID,
    "barn_id" UUID,
    "kind" TEXT,
    "status" TEXT,
    "deleted" BOOLEAN NOT NULL DEFAULT false,
    "version" BIGINT NOT NULL,

    CONSTRAINT "topology_device_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "topology_device_tenant_id_idx" ON "telemetry"."topology_device"("tenant_id");
CREATE INDEX "topology_device_barn_id_idx" ON "telemetry"."topology_device"("barn_id");

CREATE TABLE "kpi"."topology_farm" (
    "id" UUID NOT NULL,
    "tenant_id" UUID,
    "time_zone" TEXT,
    "deleted" BOOLEAN NOT NULL DEFAULT false,
    "version" BIGINT NOT NULL,

    CONSTRAINT "topology_farm_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "topology_farm_tenant_id_idx" ON "kpi"."topology_farm"("tenant_id");

CREATE TABLE "kpi"."topology_barn" (
    "id" UUID NOT NULL,
    "tenant_id" UUID,
    "farm_id" UUID,
    "species" TEXT,
    "deleted" BOOLEAN NOT NULL DEFAULT false,
    "version" BIGINT NOT NULL,

    CONSTRAINT "topology_barn_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "topology_barn_tenant_id_idx" ON "kpi"."topology_barn"("tenant_id");

CREATE TABLE "kpi"."topology_device" (
    "id" UUID NOT NULL,
    "tenant_id" UUID,
    "barn_id" UUID,
    "kind" TEXT,
    "status" TEXT,
    "deleted" BOOLEAN NOT NULL DEFAULT false,
    "version" BIGINT NOT NULL,

    CONSTRAINT "topology_device_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "topology_device_tenant_id_idx" ON "kpi"."topology_device"("tenant_id");
CREATE INDEX "topology_device_barn_id_idx" ON "kpi"."topology_device"("barn_id");

CREATE TABLE "billing"."topology_farm" (
    "id" UUID NOT NULL,
    "tenant_id" UUID,
    "time_zone" TEXT,
    "deleted" BOOLEAN NOT NULL DEFAULT false,
    "version" BIGINT NOT NULL,

    CONSTRAINT "topology_farm_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "topology_farm_tenant_id_idx" ON "billing"."topology_farm"("tenant_id");

CREATE TABLE "billing"."topology_barn" (
    "id" UUID NOT NULL,
    "tenant_id" UUID,
    "farm_id" UUID,
    "species" TEXT,
    "deleted" BOOLEAN NOT NULL DEFAULT false,
    "version" BIGINT NOT NULL,

    CONSTRAINT "topology_barn_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "topology_barn_tenant_id_idx" ON "billing"."topology_barn"("tenant_id");

CREATE TABLE "billing"."topology_device" (
    "id" UUID NOT NULL,
    "tenant_id" UUID,
    "barn_id" UUID,
    "kind" TEXT,
    "status" TEXT,
    "deleted" BOOLEAN NOT NULL DEFAULT false,
    "version" BIGINT NOT NULL,

    CONSTRAINT "topology_device_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "topology_device_tenant_id_idx" ON "billing"."topology_device"("tenant_id");
CREATE INDEX "topology_device_barn_id_idx" ON "billing"."topology_device"("barn_id");

-- Backfill: what existed before this migration, one event per object (farms, then barns, then
-- devices: a read model never holds a barn whose farm it has not seen). A fresh database has
-- none; a consumer started later reads them from position 0 like any other event.
SELECT "devices"."publish_topology"('farm', id) FROM (SELECT id FROM "devices"."farm" ORDER BY created_at, id) AS farms;
SELECT "devices"."publish_topology"('barn', id) FROM (SELECT id FROM "devices"."barn" ORDER BY created_at, id) AS barns;
SELECT "devices"."publish_topology"('device', id) FROM (SELECT id FROM "devices"."device" ORDER BY registered_at, id) AS devices;
