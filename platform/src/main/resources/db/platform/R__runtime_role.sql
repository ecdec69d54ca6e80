-- The service runs as its runtime role, <owner>_app (infra/lib/postgres.sh locally, CloudNativePG's managed roles in
-- k8s), with rows to read and write and nothing else: no table is created, altered or dropped but by this migration's
-- role, the owner, from the launcher's migration step or the pre-deploy Job. Tables and sequences made by later
-- migrations get the same grants by default. Repeatable, so it runs again whenever it changes; where no runtime role
-- exists (a database only its owner uses) it grants nothing.
do $$
declare
    app    text := current_user || '_app';
    schema text := current_schema();
    queue  text;
begin
    if not exists (select 1 from pg_roles where rolname = app) then
        return;
    end if;
    -- Servers before PostgreSQL 15 let every role create in the public schema.
    execute format('revoke create on schema %I from public', schema);
    execute format('grant usage on schema %I to %I', schema, app);
    execute format('grant select, insert, update, delete on all tables in schema %I to %I', schema, app);
    execute format('grant usage, select on all sequences in schema %I to %I', schema, app);
    execute format('alter default privileges in schema %I grant select, insert, update, delete on tables to %I',
                   schema, app);
    execute format('alter default privileges in schema %I grant usage, select on sequences to %I', schema, app);
    execute format('revoke all on %I.flyway_schema_history from %I', schema, app);
    -- The service vacuums its queues itself (platform.sql.QueueVacuum), which only the owner or, from PostgreSQL 17,
    -- a holder of MAINTAIN may do. Before 17 the queues (pointers to rows, never the record) go to the runtime role
    -- when the owner may hand them over (it is a member of the runtime role: infra/lib/postgres.sh).
    for queue in select c.relname from pg_class c
                 where c.relnamespace = schema::regnamespace and c.relkind = 'r'
                   and c.relname in ('outbox_pending', 'audit_pending') loop
        if current_setting('server_version_num')::int >= 170000 then
            execute format('grant maintain on %I to %I', queue, app);
        elsif pg_has_role(current_user, app, 'usage') then
            -- A new owner needs CREATE on the schema, for this statement only.
            execute format('grant create on schema %I to %I', schema, app);
            execute format('alter table %I owner to %I', queue, app);
            execute format('revoke create on schema %I from %I', schema, app);
        end if;
    end loop;
end
$$;
