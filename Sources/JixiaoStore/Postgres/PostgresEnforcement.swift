/// Schema version 2: the server enforces the review rules, not only jixiao (issue 15 item 8).
///
/// Before it, an office role with psql could UPDATE its own unit's row (status included) and
/// INSERT a history record claiming "0 cells". From version 2:
///
/// - clients hold no INSERT or UPDATE on `documents` and no INSERT on `history`; every write goes
///   through a `SECURITY DEFINER` function (`save_document`, `set_deleted`, `refresh_summary`,
///   `lock_document`) that checks the caller (`session_user`) itself: row access as row-level
///   security would, and the review rules of `ReviewGuard` against `meta.access_policy` — the
///   review log only grows, new entries are signed by the caller, each step follows the workflow
///   and is one the caller's roles may take, content changes only by editors while the document
///   is a draft or returned; an install (bundled samples, whose logs are signed by fictional
///   users) only by an editor or reviewer, and one carrying a reviewer's steps only by a
///   reviewer. (Not checked by the server: that a submitted document passes validation; jixiao
///   checks it before calling.)
/// - the checksum of a saved body is computed by the server from the text it receives;
/// - the history record is written by a trigger from the old and new rows: user `session_user`,
///   revision and base from the rows, checksum of the new row, and a snapshot of the new body,
///   so `fsck` can recompute what each revision changed. The cells the client lists are kept
///   (the history screen reads them), but a list that is empty for a real change, or not empty
///   for none, is refused, and any other disagreement is found by `fsck`.
///
/// Every function runs with `search_path = pg_catalog, pg_temp` and names its tables with the
/// schema, so nothing a caller creates can stand in for them.
extension PostgresSchema {
    static let engineEnforcedRoles = """
        ALTER TABLE jixiao.history ADD COLUMN body jsonb;
        ALTER TABLE jixiao.history ADD COLUMN previous_sha256 text;

        -- Whether `who` is one of a configuration's principals ({"users": [...], "groups": [...]}),
        -- groups being roles `who` belongs to (as PostgresStore.identity learns them).
        CREATE FUNCTION jixiao.is_principal(who text, principals jsonb) RETURNS boolean
        LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $f$
            SELECT principals IS NOT NULL AND (
                coalesce(principals->'users' ? who, false)
                OR EXISTS (SELECT 1 FROM jsonb_array_elements_text(coalesce(principals->'groups', '[]'::jsonb)) g (name)
                           JOIN pg_catalog.pg_roles r ON r.rolname = g.name
                           WHERE r.rolname <> who AND pg_has_role(who::name, r.oid, 'MEMBER')))
        $f$;

        -- may_edit for a named role (inside SECURITY DEFINER functions current_user is the owner).
        CREATE FUNCTION jixiao.may_edit_as(who text, unit text) RETURNS boolean
        LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $f$
            SELECT pg_has_role(who::name, 'jixiao_reviewer', 'MEMBER')
                OR EXISTS (SELECT 1 FROM jixiao.offices o
                           WHERE o.unit_code = unit AND coalesce(pg_has_role(who::name, o.role::oid, 'MEMBER'), false))
        $f$;

        CREATE FUNCTION jixiao.refuse(reason text) RETURNS void
        LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $f$
        BEGIN
            RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege', MESSAGE = 'jixiao: ' || reason;
        END
        $f$;

        -- ReviewGuard.check in the server: raises when `who` may not turn old_body into new_body.
        CREATE FUNCTION jixiao.check_review(old_body jsonb, new_body jsonb, who text, installing boolean) RETURNS void
        LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $f$
        DECLARE
            policy jsonb := (SELECT value::jsonb FROM jixiao.meta WHERE key = 'access_policy');
            old_log jsonb := coalesce(old_body->'reviewLog', '[]'::jsonb);
            new_log jsonb := coalesce(new_body->'reviewLog', '[]'::jsonb);
            kept integer := jsonb_array_length(coalesce(old_body->'reviewLog', '[]'::jsonb));
            status text := coalesce(old_body->>'status', 'draft');
            reviewer boolean;
            editor boolean;
            entry jsonb;
            step text;
            next_status text;
            old_comment jsonb;
            new_comment jsonb;
        BEGIN
            IF installing THEN
                -- Bundled samples carry logs signed by fictional users: only who installs is checked.
                IF old_body IS NOT NULL THEN PERFORM jixiao.refuse('install creates documents only'); END IF;
                IF policy IS NOT NULL AND NOT jixiao.is_principal(who, policy->'reviewers')
                   AND NOT jixiao.is_principal(who, policy->'editors'->(new_body->>'id'))
                   AND NOT jixiao.is_principal(who, policy->'editors'->(new_body->>'unitCode')) THEN
                    PERFORM jixiao.refuse(who || ' is not an editor of ' || (new_body->>'id'));
                END IF;
                -- An office may install a sample it could have written itself, never one a reviewer
                -- has approved or returned: that would be an approval by the back door.
                IF policy IS NOT NULL AND NOT jixiao.is_principal(who, policy->'reviewers')
                   AND (coalesce(new_body->>'status', '') NOT IN ('draft', 'submitted')
                        OR EXISTS (SELECT 1 FROM jsonb_array_elements(new_log) e
                                   WHERE e->>'action' IN ('approve', 'return'))) THEN
                    PERFORM jixiao.refuse('only a reviewer installs a document that carries a reviewer''s steps');
                END IF;
                RETURN;
            END IF;
            IF jsonb_array_length(new_log) < kept THEN PERFORM jixiao.refuse('the review log may only grow'); END IF;
            FOR i IN 0 .. kept - 1 LOOP
                IF new_log->i IS DISTINCT FROM old_log->i THEN PERFORM jixiao.refuse('review log entries may not change'); END IF;
            END LOOP;
            FOR i IN kept .. jsonb_array_length(new_log) - 1 LOOP
                IF new_log->i->>'user' IS DISTINCT FROM who THEN
                    PERFORM jixiao.refuse('a review log entry signed ' || coalesce(new_log->i->>'user', 'by nobody')
                        || ' saved by ' || who);
                END IF;
            END LOOP;
            -- Comments are never removed or reworded, and new ones and resolutions are signed.
            FOR old_comment IN SELECT c FROM jsonb_array_elements(coalesce(old_body->'comments', '[]'::jsonb)) c LOOP
                SELECT c INTO new_comment FROM jsonb_array_elements(coalesce(new_body->'comments', '[]'::jsonb)) c
                    WHERE c->>'id' = old_comment->>'id' LIMIT 1;
                IF new_comment IS NULL OR (new_comment - 'resolved') IS DISTINCT FROM (old_comment - 'resolved') THEN
                    PERFORM jixiao.refuse('comment ' || (old_comment->>'id') || ' removed or changed');
                END IF;
                IF new_comment->'resolved' IS DISTINCT FROM old_comment->'resolved' AND jsonb_typeof(new_comment->'resolved') = 'object'
                   AND new_comment->'resolved'->>'user' IS DISTINCT FROM who THEN
                    PERFORM jixiao.refuse('a resolution signed ' || (new_comment->'resolved'->>'user') || ' saved by ' || who);
                END IF;
            END LOOP;
            FOR new_comment IN SELECT c FROM jsonb_array_elements(coalesce(new_body->'comments', '[]'::jsonb)) c
                WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements(coalesce(old_body->'comments', '[]'::jsonb)) o
                                  WHERE o->>'id' = c->>'id') LOOP
                IF new_comment->>'author' IS DISTINCT FROM who THEN
                    PERFORM jixiao.refuse('a comment signed ' || coalesce(new_comment->>'author', 'by nobody') || ' saved by ' || who);
                END IF;
            END LOOP;

            IF policy IS NULL THEN RETURN; END IF; -- single-user store: only the rules above
            reviewer := jixiao.is_principal(who, policy->'reviewers');
            editor := jixiao.is_principal(who, policy->'editors'->(new_body->>'id'))
                   OR jixiao.is_principal(who, policy->'editors'->(new_body->>'unitCode'));
            IF old_body IS NULL THEN
                IF NOT editor THEN PERFORM jixiao.refuse(who || ' is not an editor of ' || (new_body->>'id')); END IF;
            ELSIF (old_body - 'status' - 'reviewLog' - 'comments' - 'schemaVersion')
                  IS DISTINCT FROM (new_body - 'status' - 'reviewLog' - 'comments' - 'schemaVersion') THEN
                IF NOT (jixiao.is_principal(who, policy->'editors'->(old_body->>'id'))
                        OR jixiao.is_principal(who, policy->'editors'->(old_body->>'unitCode'))) THEN
                    PERFORM jixiao.refuse(who || ' is not an editor of ' || (old_body->>'id'));
                END IF;
                IF status IN ('submitted', 'approved') THEN PERFORM jixiao.refuse('the document is ' || status); END IF;
                IF status = 'returned' AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(new_log) WITH ORDINALITY e (v, n)
                                                       WHERE e.n > kept AND e.v->>'action' = 'reopen') THEN
                    PERFORM jixiao.refuse('a returned document is edited only after a reopen entry');
                END IF;
            END IF;
            IF NOT (reviewer OR editor) AND (
                   EXISTS (SELECT 1 FROM jsonb_array_elements(coalesce(new_body->'comments', '[]'::jsonb)) c
                           WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements(coalesce(old_body->'comments', '[]'::jsonb)) o
                                             WHERE o = c))) THEN
                PERFORM jixiao.refuse(who || ' may not comment on ' || (new_body->>'id'));
            END IF;
            -- Replay the new entries from the stored status, as ReviewGuard.replay does.
            FOR i IN kept .. jsonb_array_length(new_log) - 1 LOOP
                entry := new_log->i;
                step := entry->>'action';
                next_status := CASE
                    WHEN step = 'submit' AND status IN ('draft', 'returned') THEN 'submitted'
                    WHEN step = 'approve' AND status = 'submitted' THEN 'approved'
                    WHEN step = 'return' AND status = 'submitted' THEN 'returned'
                    WHEN step = 'withdraw' AND status = 'approved' THEN 'submitted'
                    WHEN step = 'withdraw' AND status = 'submitted' THEN 'draft'
                    WHEN step = 'reopen' AND status = 'returned' THEN 'draft'
                END;
                IF next_status IS NULL THEN PERFORM jixiao.refuse(coalesce(step, 'a step') || ' does not apply to a ' || status || ' document'); END IF;
                IF step IN ('approve', 'return') OR (step = 'withdraw' AND status = 'approved') THEN
                    IF NOT reviewer THEN PERFORM jixiao.refuse(who || ' may not ' || step || ': not a reviewer'); END IF;
                ELSIF NOT editor THEN
                    PERFORM jixiao.refuse(who || ' may not ' || step || ': not an editor of ' || (new_body->>'id'));
                END IF;
                IF step IN ('return', 'withdraw') AND btrim(coalesce(entry->>'comment', ''), E' \\t\\n\\r') = '' THEN
                    PERFORM jixiao.refuse(step || ' needs a reason');
                END IF;
                IF jsonb_typeof(entry->'grade') = 'string' AND step <> 'approve' THEN
                    PERFORM jixiao.refuse('a grade is given only with an approval');
                END IF;
                status := next_status;
            END LOOP;
            IF status IS DISTINCT FROM new_body->>'status' THEN
                PERFORM jixiao.refuse('status ' || coalesce(new_body->>'status', 'none') || ' is not where the review log leads ('
                    || status || ')');
            END IF;
        END
        $f$;

        -- Locks the row for a save or delete when the caller may change it: 'locked', 'read-only'
        -- (the caller only reads it), or 'none' (no row the caller can see).
        CREATE FUNCTION jixiao.lock_document(p_id text) RETURNS text
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $f$
        DECLARE
            unit text;
        BEGIN
            SELECT unit_code INTO unit FROM jixiao.documents WHERE id = p_id;
            IF NOT FOUND THEN RETURN 'none'; END IF;
            IF jixiao.may_edit_as(session_user, unit) THEN
                PERFORM 1 FROM jixiao.documents WHERE id = p_id FOR UPDATE;
                RETURN 'locked';
            END IF;
            IF coalesce((SELECT value = 'all' FROM jixiao.meta WHERE key = 'read_scope'), false) THEN
                RETURN 'read-only';
            END IF;
            RETURN 'none';
        END
        $f$;

        -- A save: the new revision, or 0 when the id was created meanwhile (a conflict).
        CREATE FUNCTION jixiao.save_document(p_id text, p_base bigint, p_body text, p_summary text, p_findings_version text,
                                             p_host text, p_pid integer, p_at text, p_changes text, p_installing boolean)
        RETURNS bigint
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $f$
        DECLARE
            who text := session_user;
            current_row jixiao.documents%ROWTYPE;
            new_body jsonb := p_body::jsonb;
            unit text := p_body::jsonb->>'unitCode';
            sha text := encode(sha256(convert_to(p_body, 'UTF8')), 'hex');
        BEGIN
            IF new_body->>'id' IS DISTINCT FROM p_id OR unit IS NULL THEN
                PERFORM jixiao.refuse('the body is not document ' || p_id);
            END IF;
            IF (p_summary::jsonb->>'status') IS DISTINCT FROM (new_body->>'status') THEN
                PERFORM jixiao.refuse('the summary does not match the body');
            END IF;
            SELECT * INTO current_row FROM jixiao.documents WHERE id = p_id FOR UPDATE;
            IF FOUND THEN
                IF NOT jixiao.may_edit_as(who, current_row.unit_code) THEN PERFORM jixiao.refuse(who || ' may not change ' || p_id); END IF;
                IF current_row.deleted THEN PERFORM jixiao.refuse(p_id || ' is deleted'); END IF;
                IF current_row.revision <> p_base THEN
                    RAISE EXCEPTION USING ERRCODE = 'serialization_failure',
                        MESSAGE = 'jixiao: ' || p_id || ' is at revision ' || current_row.revision || ', not ' || p_base;
                END IF;
            ELSIF p_base <> 0 THEN
                RAISE EXCEPTION USING ERRCODE = 'no_data_found', MESSAGE = 'jixiao: no document ' || p_id;
            END IF;
            IF NOT jixiao.may_edit_as(who, unit) THEN PERFORM jixiao.refuse(who || ' may not edit unit ' || unit); END IF;
            PERFORM jixiao.check_review(CASE WHEN current_row.id IS NOT NULL THEN current_row.body END, new_body, who, p_installing);
            PERFORM set_config('jixiao.changes', p_changes, true), set_config('jixiao.host', p_host, true),
                    set_config('jixiao.pid', p_pid::text, true), set_config('jixiao.at', p_at, true);
            IF current_row.id IS NULL THEN
                INSERT INTO jixiao.documents (id, unit_code, revision, body, sha256, summary, findings_version,
                    saved_by, saved_host, saved_pid, saved_at)
                VALUES (p_id, unit, 1, new_body, sha, p_summary::jsonb, p_findings_version, who, p_host, p_pid, p_at)
                ON CONFLICT (id) DO NOTHING;
                IF NOT FOUND THEN PERFORM set_config('jixiao.changes', '', true); RETURN 0; END IF;
            ELSE
                UPDATE jixiao.documents SET unit_code = unit, revision = p_base + 1, body = new_body, sha256 = sha,
                    summary = p_summary::jsonb, findings_version = p_findings_version, saved_by = who, saved_host = p_host,
                    saved_pid = p_pid, saved_at = p_at
                WHERE id = p_id;
            END IF;
            PERFORM set_config('jixiao.changes', '', true);
            RETURN p_base + 1;
        END
        $f$;

        -- Soft delete and restore, with AccessPolicy.refusalToDelete's rule.
        CREATE FUNCTION jixiao.set_deleted(p_id text, p_deleted boolean, p_host text, p_pid integer, p_at text) RETURNS void
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $f$
        DECLARE
            who text := session_user;
            current_row jixiao.documents%ROWTYPE;
            policy jsonb := (SELECT value::jsonb FROM jixiao.meta WHERE key = 'access_policy');
        BEGIN
            SELECT * INTO current_row FROM jixiao.documents WHERE id = p_id FOR UPDATE;
            IF NOT FOUND OR NOT jixiao.may_edit_as(who, current_row.unit_code) THEN PERFORM jixiao.refuse(who || ' may not change ' || p_id); END IF;
            IF current_row.deleted = p_deleted THEN PERFORM jixiao.refuse(p_id || CASE WHEN p_deleted THEN ' is deleted' ELSE ' is not deleted' END); END IF;
            IF policy IS NOT NULL AND NOT jixiao.is_principal(who, policy->'reviewers') THEN
                IF NOT (jixiao.is_principal(who, policy->'editors'->p_id) OR jixiao.is_principal(who, policy->'editors'->current_row.unit_code)) THEN
                    PERFORM jixiao.refuse(who || ' is not an editor of ' || p_id);
                END IF;
                IF current_row.body->>'status' IN ('submitted', 'approved') THEN PERFORM jixiao.refuse('the document is ' || (current_row.body->>'status')); END IF;
            END IF;
            PERFORM set_config('jixiao.changes', '[]', true), set_config('jixiao.host', p_host, true),
                    set_config('jixiao.pid', p_pid::text, true), set_config('jixiao.at', p_at, true);
            UPDATE jixiao.documents SET deleted = p_deleted WHERE id = p_id;
            PERFORM set_config('jixiao.changes', '', true);
        END
        $f$;

        -- The list's cached summary, rewritten when the finding rules changed; never the status.
        CREATE FUNCTION jixiao.refresh_summary(p_id text, p_revision bigint, p_summary text, p_findings_version text) RETURNS void
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $f$
        BEGIN
            UPDATE jixiao.documents SET summary = p_summary::jsonb, findings_version = p_findings_version
            WHERE id = p_id AND revision = p_revision AND jixiao.may_edit_as(session_user, unit_code)
              AND body->>'status' IS NOT DISTINCT FROM p_summary::jsonb->>'status'
              AND body->>'id' IS NOT DISTINCT FROM p_summary::jsonb->>'id';
        END
        $f$;

        -- The history record of a write made through the functions above, from the old and new rows.
        -- Writes by the schema owner outside them (`jixiao store copy` brings its own records) set
        -- no jixiao.changes and record nothing here.
        CREATE FUNCTION jixiao.record_history() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $f$
        DECLARE
            claimed text := nullif(current_setting('jixiao.changes', true), '');
            record_kind text;
            changed boolean;
        BEGIN
            IF claimed IS NULL THEN RETURN NULL; END IF;
            IF TG_OP = 'INSERT' OR NEW.revision <> OLD.revision THEN
                record_kind := 'save';
            ELSIF NEW.deleted <> OLD.deleted THEN
                record_kind := CASE WHEN NEW.deleted THEN 'delete' ELSE 'restore' END;
            ELSE
                RETURN NULL;
            END IF;
            IF record_kind = 'save' THEN
                changed := TG_OP = 'INSERT' OR NEW.body IS DISTINCT FROM OLD.body;
                IF changed AND claimed::jsonb = '[]'::jsonb THEN
                    PERFORM jixiao.refuse('revision ' || NEW.revision || ' changes the document but its record lists no cells');
                END IF;
                IF NOT changed AND claimed::jsonb <> '[]'::jsonb THEN
                    PERFORM jixiao.refuse('revision ' || NEW.revision || ' changes nothing but its record lists cells');
                END IF;
            ELSIF claimed::jsonb <> '[]'::jsonb THEN
                PERFORM jixiao.refuse('a ' || record_kind || ' changes no cells');
            END IF;
            INSERT INTO jixiao.history (doc_id, seq, unit_code, kind, revision, base_revision, user_name, host, pid, at, sha256,
                                        changes, body, previous_sha256)
            VALUES (NEW.id, (SELECT coalesce(max(seq), 0) + 1 FROM jixiao.history WHERE doc_id = NEW.id), NEW.unit_code, record_kind,
                    NEW.revision, CASE WHEN record_kind = 'save' THEN coalesce(OLD.revision, 0) ELSE NEW.revision END, session_user,
                    coalesce(current_setting('jixiao.host', true), ''), coalesce(nullif(current_setting('jixiao.pid', true), '')::integer, 0),
                    coalesce(current_setting('jixiao.at', true), ''), NEW.sha256, claimed::jsonb,
                    CASE WHEN record_kind = 'save' THEN NEW.body END, OLD.sha256);
            PERFORM set_config('jixiao.changes', '', true);
            RETURN NULL;
        END
        $f$;
        CREATE TRIGGER documents_history AFTER INSERT OR UPDATE ON jixiao.documents
            FOR EACH ROW EXECUTE FUNCTION jixiao.record_history();

        -- Clients write only through the functions.
        DROP POLICY documents_create ON jixiao.documents;
        DROP POLICY documents_change ON jixiao.documents;
        DROP POLICY history_append ON jixiao.history;
        REVOKE INSERT, UPDATE, DELETE ON jixiao.documents FROM jixiao_user;
        REVOKE INSERT, UPDATE, DELETE ON jixiao.history FROM jixiao_user;
        REVOKE ALL ON FUNCTION jixiao.is_principal(text, jsonb), jixiao.may_edit_as(text, text), jixiao.refuse(text),
            jixiao.check_review(jsonb, jsonb, text, boolean), jixiao.lock_document(text),
            jixiao.save_document(text, bigint, text, text, text, text, integer, text, text, boolean),
            jixiao.set_deleted(text, boolean, text, integer, text), jixiao.refresh_summary(text, bigint, text, text),
            jixiao.record_history() FROM PUBLIC;
        GRANT EXECUTE ON FUNCTION jixiao.lock_document(text),
            jixiao.save_document(text, bigint, text, text, text, text, integer, text, text, boolean),
            jixiao.set_deleted(text, boolean, text, integer, text), jixiao.refresh_summary(text, bigint, text, text)
            TO jixiao_user;
        """
}
