-- pg_trgm lets the registers' "contains" text searches (lower(col) like '%text%') use GIN indexes instead of reading
-- every row. It is a contrib extension shipped with PostgreSQL (and the embedded server); where it is missing or the
-- database user may not create it, Aegis runs without it: the searches stay correct, only slower on large registers.
-- The modules find it wherever it is installed (an administrator may have put it in another schema already).
do $$
begin
    if not exists (select 1 from pg_extension where extname = 'pg_trgm') then
        create extension pg_trgm with schema shared;
    end if;
exception when others then
    raise notice 'pg_trgm not available (%); text searches run without trigram indexes', sqlerrm;
end
$$;
