-- The after-sync pipeline (schedule/AfterSyncPipeline): per data-source integration, the latest
-- request for a pass (a run finished, a partner-side change) and how far each named stage got.
-- A stage whose watermark has reached the request is done for it, so a retried pass resumes at
-- the stage that failed.
create table pipeline_request (
    integration_id  uuid primary key references integration (id) on delete cascade,
    organization_id uuid not null references organization (id) on delete cascade,
    requested_at    timestamptz not null,
    -- the request the last complete pass served (every stage succeeded)
    completed_for   timestamptz,
    -- the last failure, until a pass completes
    failed_stage    text,
    failure         text,
    failed_at       timestamptz,
    -- the request whose attempts were used up: the dispatcher leaves it until a newer one
    gave_up_for     timestamptz
);

create table pipeline_stage_watermark (
    integration_id uuid not null references integration (id) on delete cascade,
    stage          text not null,
    -- the request this stage last completed
    watermark      timestamptz not null,
    primary key (integration_id, stage)
);

-- Runs finished before this version and not caught up with yet get a request, so the first pass serves them.
insert into pipeline_request (integration_id, organization_id, requested_at)
select r.integration_id, r.organization_id, coalesce(max(r.ended_at), now())
from sync_run r
where r.matched_at is null and r.status <> 'RUNNING'
group by r.integration_id, r.organization_id;
