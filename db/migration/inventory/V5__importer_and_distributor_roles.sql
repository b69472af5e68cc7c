-- The EU AI Act's classification also finds the organisation an importer (Art. 3(6)) or a distributor (Art. 3(7)) of a
-- system; the inventory's role field keeps those too.
alter table ai_system drop constraint ai_system_role;
alter table ai_system
    add constraint ai_system_role
        check (eu_ai_act_role in ('PROVIDER', 'DEPLOYER', 'PROVIDER_AND_DEPLOYER', 'IMPORTER', 'DISTRIBUTOR', 'NONE'));
