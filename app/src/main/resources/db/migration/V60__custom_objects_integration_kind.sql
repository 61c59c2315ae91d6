-- The Salesforce Custom Objects integration writes overlaps into an org that is already a data
-- source of the same organization (its records point at that org's Account and Lead ids), so it
-- names the data-source integration it serves. Deleting the data source removes it too.
alter table integration drop constraint integration_kind_check;
alter table integration add constraint integration_kind_check
    check (kind in ('SALESFORCE_DATA_SOURCE', 'SALESFORCE_CUSTOM_OBJECTS'));
alter table integration add column source_integration_id uuid references integration (id) on delete cascade;
alter table integration add constraint custom_objects_has_source
    check ((kind = 'SALESFORCE_CUSTOM_OBJECTS') = (source_integration_id is not null));
create unique index integration_one_custom_objects_per_source
    on integration (source_integration_id) where source_integration_id is not null;
