-- Append-only tables (access audits, histories, issued documents), whoever writes to the database: the application,
-- a script or an administrator. Shared by every service's database; OR REPLACE because databases created before this
-- script existed defined the same function in their own scripts.
CREATE OR REPLACE FUNCTION reject_change_of_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'integrity_constraint_violation';
END
$$;

-- Makes a table append-only: rows are never updated or deleted, the table is never truncated. The triggers are named
-- {table}_append_only and {table}_no_truncate.
CREATE OR REPLACE FUNCTION make_append_only(target regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE OR DELETE ON %s FOR EACH ROW EXECUTE FUNCTION reject_change_of_append_only()',
        target::text || '_append_only', target);
    EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %s FOR EACH STATEMENT EXECUTE FUNCTION reject_change_of_append_only()',
        target::text || '_no_truncate', target);
END
$$;
