-- Opt-in raw-text retention per deployment (docs/monitor.md, "Keeping the text for investigation"): null keeps no
-- prompt or response text (the default); a number of days keeps them, inside the event's LLM signals under "text",
-- until a scheduled purge strips them. The partial index finds the events still holding text.
alter table deployment add column raw_text_days integer check (raw_text_days between 1 and 365);
create index event_with_text on event (deployment_id, ts) where llm ? 'text';
