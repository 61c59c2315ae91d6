-- Which Account in my Salesforce org stands for each partner organization (Partner_Account__c).
-- AUTO rows are recomputed from the partner's domains on every push; MANUAL rows (an Admin's choice,
-- possibly "none": account_sf_id null) are kept as they are.
create table partner_account_mapping (
    integration_id      uuid not null references integration (id) on delete cascade,
    partner_org_id      uuid not null references organization (id) on delete cascade,
    account_sf_id       char(18),
    source              text not null check (source in ('AUTO', 'MANUAL')),
    updated_at          timestamptz not null,
    primary key (integration_id, partner_org_id)
);
