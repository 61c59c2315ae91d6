-- crm_record rows reach their organization through their integration (integration → organization
-- cascades), and record_key rows through their crm_record. The direct foreign key to organization
-- only cost a row lock on the organization and a trigger per inserted row: about 4 s per million
-- rows of a first sync, and as much again when their keys are computed. Deleting an organization
-- still removes both, through the integration's cascade.
alter table crm_record drop constraint if exists crm_record_organization_id_fkey;
alter table record_key drop constraint if exists record_key_organization_id_fkey;
