-- Name search joins each match back to people for its status, tags and name (ranking, facets): with
-- them in the index, a search touching thousands of people reads no table pages (index-only scans).
-- INCLUDE is outside what drizzle-kit models, so this index lives in SQL only.
CREATE INDEX IF NOT EXISTS people_search_covering ON people (org_id, id) INCLUDE (status, name_search, tags);
