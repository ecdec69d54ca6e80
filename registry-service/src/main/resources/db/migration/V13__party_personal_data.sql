-- Personal data under PIPL (issue 27). A party is found by its legal identity through a keyed blind index
-- (HMAC-SHA256 under a key from configuration, indexed_with names it) instead of by an id derived from the
-- identity. A natural person's resident id and full name are sealed (SM4-GCM under a key from configuration,
-- sealed_with names it); in the clear remain what every view shows: an organisation's name and credit code (public
-- registers publish them), a person's masked name and masked resident id.
--
-- Rows written before keep their ids (other services, accounts and tokens know them) and wait in
-- identity_unsealed until the registry seals them at its next start with the configured keys
-- (party.privacy.PersonalDataRekeying), before it serves any request; the migration cannot, as it has no keys.
alter table party rename column identity_code to identity_unsealed;
alter table party
    add column identity_shown  text,
    add column identity_index  bytea unique,
    add column indexed_with    text,
    add column identity_sealed bytea,
    add column name_sealed     bytea,
    add column sealed_with     text;

-- Every read of a party's personal data in full (decrypted), for the regulator to audit: who, acting as what, when,
-- whose, through which route and why. Append-only, like the record of transactions (V8).
create table personal_data_disclosure (
    id           uuid primary key,
    party_id     uuid        not null references party (id),
    disclosed_to text        not null,
    role         text        not null,
    disclosed_at timestamptz not null,
    route        text        not null,
    purpose      text        not null
);

create index personal_data_disclosure_party on personal_data_disclosure (party_id, disclosed_at);
create index personal_data_disclosure_at on personal_data_disclosure (disclosed_at);
create trigger personal_data_disclosure_append_only before update or delete or truncate on personal_data_disclosure
    for each statement execute function refuse_change_to_record();
