-- AlterEnum
ALTER TYPE "telemetry"."notification_channel" ADD VALUE 'PUSH';

-- AlterTable
ALTER TABLE "telemetry"."notification_subscription" ADD COLUMN     "device_label" TEXT,
ADD COLUMN     "push_auth" TEXT,
ADD COLUMN     "push_p256dh" TEXT;
