-- The organisation's signing key when no keystore is configured (AEGIS_SIGNING_KEYSTORE): made at first use, one
-- row. private_key is the PKCS#8 key sealed with AES-256-GCM under the master key named by key_id (never plaintext);
-- certificate is the self-signed certificate in PEM that packs carry as signer.pem.
create table signing_key (
    id          smallint     primary key default 1,
    algorithm   varchar(20)  not null,
    key_id      varchar(40)  not null,
    private_key text         not null,
    certificate text         not null,
    created_at  timestamptz  not null,
    constraint signing_key_one_row check (id = 1)
);
