-- LLM risk signals per event (docs/monitor.md, "LLM calls"): model, tokens, cost, the kinds of personal data found in
-- prompt and response, the prompt-injection score and its indicators, refusal and output length. The prompt and
-- response text themselves are not kept.
alter table event add column llm jsonb;
alter table reference_event add column llm jsonb;
