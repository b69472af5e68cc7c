-- PROVIDER_AND_DEPLOYER has 21 characters: choosing it failed with "value too long" (found by the import tests).
-- V3, not V2: V2 is taken by the system-scope work on another branch.
alter table ai_system alter column eu_ai_act_role type varchar(30);
