-- When a SUPPORT or SERVICES identity's tenant access ends: its personal access tokens are deleted then.
alter table directory_identity add column tenant_access_expires_at timestamp with time zone;
create index directory_identity_expiry on directory_identity (tenant_access_expires_at)
    where tenant_access_expires_at is not null;
