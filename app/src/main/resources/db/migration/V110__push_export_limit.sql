-- An Admin's own cap on the unique records pushed per term for one Custom Objects integration; it
-- can only lower the operator's crosswalk.push.export-limit (when one is configured), never raise it.
create table push_export_limit (
    integration_id     uuid primary key references integration (id) on delete cascade,
    export_limit       integer not null check (export_limit > 0)
);
