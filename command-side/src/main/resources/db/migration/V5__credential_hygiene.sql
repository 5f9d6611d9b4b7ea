-- Credential hygiene: what the service's own rules look for, as columns of the authorization table (expiry, last
-- activity, the notices each credential has had), and the keyed hashes of every live credential's secret versions,
-- so a leaked secret finds its credential with one lookup.
alter table access_credential
    add column kind                  varchar(32),
    add column key_type              varchar(64),
    add column enabled               boolean not null default true,
    add column expires_at            timestamp with time zone,
    add column last_active_at        timestamp with time zone,
    add column expiry_warned_for     timestamp with time zone,
    add column expiry_noted_for      timestamp with time zone,
    add column inactivity_warned_for timestamp with time zone;
create index access_credential_owner on access_credential (owner_id);
create index access_credential_expiry on access_credential (expires_at) where expires_at is not null;
create index access_credential_activity on access_credential (last_active_at);

create table access_secret (
    secret_hash   varchar(128) not null primary key,
    credential_id varchar(64)  not null,
    version       integer      not null
);
create index access_secret_credential on access_secret (credential_id);

-- The facts now hold secret versions, expiry and usage: the next start folds the log into the tables again.
truncate access_credential;
truncate access_identity;

-- Which credential's token performed an action, beside the identity it acted for: the exposure report's "actions".
alter table audit_entry add column actor_credential_id varchar(64);
create index audit_entry_actor_credential on audit_entry (actor_credential_id, position)
    where actor_credential_id is not null;
create index audit_entry_type on audit_entry (type, position);

-- The rights catalogue the authorization table's credentials were last compared under: a start with a different
-- catalogue file appends the rights drift it causes, once, whichever instance starts first.
create table access_catalogue (
    id        integer not null primary key,
    catalogue jsonb   not null
);

-- Webhooks as the log leaves them (kept in the appending transaction), and their outbox: one delivery per webhook
-- and credential event, written by a tracking processor in the transaction that stores its token, delivered in log
-- order per webhook and credential, retried with back-off, and kept as the webhook's delivery log.
create table webhook (
    webhook_id    varchar(64)   not null primary key,
    url           varchar(2000) not null,
    event_types   varchar(1000) not null,
    description   varchar(500),
    secret_salt   varchar(64)   not null,
    enabled       boolean       not null,
    registered_at timestamp with time zone not null
);

create table webhook_delivery (
    delivery_id      bigserial                not null primary key,
    webhook_id       varchar(64)              not null,
    event_id         varchar(255)             not null,
    event_type       varchar(64)              not null,
    credential_id    varchar(64)              not null,
    log_position     bigint                   not null,
    payload          text                     not null,
    status           varchar(16)              not null,
    attempts         integer                  not null default 0,
    queued_at        timestamp with time zone not null,
    next_attempt_at  timestamp with time zone not null,
    claimed_until    timestamp with time zone,
    last_attempt_at  timestamp with time zone,
    last_status_code integer,
    last_error       varchar(500),
    delivered_at     timestamp with time zone,
    unique (webhook_id, event_id)
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_chain on webhook_delivery (webhook_id, credential_id, log_position)
    where status = 'PENDING';
create index webhook_delivery_log on webhook_delivery (webhook_id, delivery_id);

-- Axon's JDBC token store (its default schema), for the command side's own tracking processor: the webhook outbox.
create table tokenEntry (
    processorName varchar(255) not null,
    segment       integer      not null,
    token         bytea,
    tokenType     varchar(255),
    timestamp     varchar(255),
    owner         varchar(255),
    primary key (processorName, segment)
);
