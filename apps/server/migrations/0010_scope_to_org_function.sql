-- The access check of every org-scoped request, in one call: scopes the transaction to the org
-- named by the slug (runtime role + app.org_id) and returns the org with the caller's membership.
-- PL/pgSQL keeps the query plan per connection, so the check costs about one bare statement.
CREATE OR REPLACE FUNCTION minga_scope_to_org(p_slug text, p_user_id uuid)
RETURNS TABLE (
  id uuid, slug text, name text, timezone text, status text, kind text,
  permissions_version integer, subscription_status text, two_factor_required_for text[], role text
)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
    SELECT o.id, o.slug, o.name, o.timezone, o.status, o.kind, o.permissions_version,
           o.subscription_status, o.two_factor_required_for, m.role
    FROM orgs o
    LEFT JOIN memberships m ON m.org_id = o.id AND m.user_id = p_user_id
    WHERE o.slug = p_slug;
  IF FOUND THEN
    PERFORM set_config('app.org_id', (SELECT o.id::text FROM orgs o WHERE o.slug = p_slug), true);
    PERFORM set_config('role', 'minga_app', true);
  END IF;
END $$;
