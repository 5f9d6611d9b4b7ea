-- The authorization table: every live credential and every identity as the log leaves them, folded by
-- CredentialFacts / OwnerFacts and written by the command side's directory projector in the transaction that appends
-- the events. Every call with a token reads it, on every instance of either side, so a revocation is exact everywhere.
create table access_identity (
    identity_id              varchar(64) not null primary key,
    tenant_access_expires_at timestamp with time zone,
    facts                    jsonb       not null
);
create index access_identity_expiry on access_identity (tenant_access_expires_at)
    where tenant_access_expires_at is not null;

create table access_credential (
    credential_id varchar(64) not null primary key,
    owner_id      varchar(64) not null,
    facts         jsonb       not null
);

-- Replaced by the two tables above; the first start of this version fills them from the log.
drop table directory_credential;
drop table directory_identity;
drop table revoked_token;

-- When a refresh-token family began: a family begun before its client was disabled or lost the grant is over.
alter table refresh_token_family add column started_at timestamp with time zone;

-- The audit index: one row per event, written in the transaction that appends it (by whichever side appends it),
-- so the audit trail answers by subject, actor and time from indexes and never lags the log.
create table audit_entry (
    position    bigserial                not null primary key,
    event_id    varchar(255)             not null unique,
    type        varchar(128)             not null,
    occurred_at timestamp with time zone not null,
    actor_id    varchar(64),
    subject_id  varchar(255)             not null,
    details     jsonb                    not null
);
create index audit_entry_subject on audit_entry (subject_id, position);
create index audit_entry_actor on audit_entry (actor_id, position);
create index audit_entry_time on audit_entry (occurred_at, position);

-- Every transaction that appends events notifies the channel once (PostgreSQL folds equal notifications of a
-- transaction into one, delivered at commit): query-side processes listen, so they read a write at once.
create function notify_events_appended() returns trigger language plpgsql as $$
begin
    perform pg_notify('events_appended', '');
    return null;
end;
$$;
create trigger events_appended after insert on domainEventEntry
    for each statement execute function notify_events_appended();

drop index if exists domain_event_entry_unowned;
