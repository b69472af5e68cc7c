-- Telemetry sources' tokens are kept sealed (AES-256-GCM under a key derived from the master key, docs/telemetry.md):
-- token holds base64 of IV and ciphertext, token_key the id of the master key that sealed it. A token stored before
-- this migration has no token_key: it is still the plaintext, and Aegis seals it at its next start
-- (dev.aegis.telemetry.SourceTokens), as it seals again every token whose key is no longer the current master key.
alter table source add column token_key varchar(40);
alter table source alter column token type text;
