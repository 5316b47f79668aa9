-- The assembly log and the attendance register are append-only: the runtime role may read and add rows,
-- never change or remove them (tampering then needs the owner role, and the log chain shows it).
REVOKE UPDATE, DELETE, TRUNCATE ON assembly_log FROM minga_app;
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON assembly_attendance FROM minga_app;
