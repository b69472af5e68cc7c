-- An AI system's name is unique regardless of case: the register, its reports and imports name systems by it, and
-- two systems called "Chatbot" and "chatbot" cannot be told apart there.
-- Names given twice before this rule keep the oldest system's name as it is; every later one gets its id appended
-- ("Chatbot (#42)"), so the index can be built and nobody's record is lost. This rename is made by the migration, not
-- by a person, so it is not in the audit log; a governance officer may give those systems better names afterwards.
update ai_system s
   set name = left(s.name, 180) || ' (#' || s.id || ')'
 where exists (select 1 from ai_system o where lower(o.name) = lower(s.name) and o.id < s.id);

create unique index ai_system_name_unique on ai_system (lower(name));
