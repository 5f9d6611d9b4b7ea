-- An identity's network rules, checked on every call made with its personal access tokens.
alter table directory_identity add column allowed_cidrs varchar(8000) not null default '';
alter table directory_identity add column allowed_countries varchar(2000) not null default '';

-- How long an API client's refresh tokens live (the seed's default: one month).
alter table directory_credential add column refresh_token_validity_seconds integer not null default 2592000;

-- Access tokens (by jti) and refresh-token families (by id) revoked before they expire; a row is kept until every
-- token it names has expired anyway.
create table revoked_token (
    token_id      varchar(64)              not null primary key,
    credential_id varchar(64)              not null,
    expires_at    timestamp with time zone not null
);
create index revoked_token_expiry on revoked_token (expires_at);

-- Refresh-token families: the client a family belongs to, the keyed hash and expiry of its current token, and
-- whether it still lives (its rotation rules are the RefreshTokenFamily aggregate's; this is what the token and
-- introspection endpoints look up).
create table refresh_token_family (
    family_id   varchar(64)              not null primary key,
    client_id   varchar(64)              not null,
    owner_id    varchar(64)              not null,
    secret_hash varchar(255)             not null,
    expires_at  timestamp with time zone not null,
    revoked     boolean                  not null default false
);

-- Events that belong to no aggregate (refused calls): the audit trail finds them by subject through this index.
create index domain_event_entry_unowned on domainEventEntry (globalIndex) where type is null;
