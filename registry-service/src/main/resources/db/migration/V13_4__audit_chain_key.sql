-- The audit chain is keyed: each record's link is HMAC-SHA256 under a key from the service's configuration
-- (registry.audit.chain-key, a Secret in production) that this database never holds, so that whoever can change its
-- rows cannot recompute a link. key_id names the key a record was linked with, so that a rotation starts a new id from
-- a record on and the earlier records still verify under theirs. Records chained before this migration keep their
-- unkeyed SHA-256 link and key_id null; verification accepts an unkeyed record only before the first keyed one and
-- reports how many there are. (Versioned 13.4 so that it sorts after V13 whoever adds that.)
alter table audit_record add column key_id text;
