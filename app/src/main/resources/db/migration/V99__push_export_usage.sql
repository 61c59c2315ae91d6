-- Unique records pushed per export term, for the export limit: a record counts once per term
-- however often it is rewritten.
create table push_export_usage (
    integration_id     uuid not null references integration (id) on delete cascade,
    term_start         date not null,
    row_key            text not null,
    primary key (integration_id, term_start, row_key)
);
