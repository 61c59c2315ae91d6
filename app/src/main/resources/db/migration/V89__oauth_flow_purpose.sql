-- A Salesforce sign-in is started either to connect a data source or to authorize the Inbound
-- connection of a Custom Objects integration; both come back to the same registered callback,
-- so the stored round trip says which one it was.
alter table oauth_flow add column purpose text not null default 'DATA_SOURCE'
    check (purpose in ('DATA_SOURCE', 'CUSTOM_OBJECTS'));
