-- The EU AI Act's classification may find the organisation the authorised representative (Art. 3(5), 22) of a
-- provider established outside the EU; the inventory's role field keeps that too.
alter table ai_system drop constraint ai_system_role;
alter table ai_system
    add constraint ai_system_role
        check (eu_ai_act_role in ('PROVIDER', 'DEPLOYER', 'PROVIDER_AND_DEPLOYER', 'IMPORTER', 'DISTRIBUTOR',
                                  'AUTHORISED_REPRESENTATIVE', 'NONE'));
