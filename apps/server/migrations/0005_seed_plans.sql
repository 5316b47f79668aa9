-- Built-in plans. `standard` is every new org's plan (no limits); platform admins edit them or add more.
INSERT INTO plans (key, name, modules, max_users, max_branches) VALUES
  ('standard', 'Estándar', NULL, NULL, NULL),
  ('basic', 'Básico', NULL, 10, 1),
  ('pro', 'Profesional', NULL, 200, 20)
ON CONFLICT (key) DO NOTHING;
--> statement-breakpoint
-- Orgs that existed before plans keep working as paid-up orgs.
UPDATE orgs SET subscription_status = 'active' WHERE access_seeded_at IS NULL;
