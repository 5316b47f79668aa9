-- Consent history is evidence (Ley 1581 art. 9, Decreto 1377 art. 8): the app may add rows, never change or remove them.
REVOKE UPDATE, DELETE, TRUNCATE ON privacy_consent_events FROM minga_app;
