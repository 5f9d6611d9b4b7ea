-- Axon's JDBC event storage engine with its default EventSchema (unquoted camelCase names, folded to lower case
-- by PostgreSQL); payloads are bytea from the Jackson serializer.
create table domainEventEntry (
    globalIndex         bigserial    not null primary key,
    eventIdentifier     varchar(255) not null unique,
    metaData            bytea,
    payload             bytea        not null,
    payloadRevision     varchar(255),
    payloadType         varchar(255) not null,
    timeStamp           varchar(255) not null,
    aggregateIdentifier varchar(255) not null,
    sequenceNumber      bigint       not null,
    type                varchar(255),
    unique (aggregateIdentifier, sequenceNumber)
);

create table snapshotEventEntry (
    aggregateIdentifier varchar(255) not null,
    sequenceNumber      bigint       not null,
    type                varchar(255) not null,
    eventIdentifier     varchar(255) not null unique,
    metaData            bytea,
    payload             bytea        not null,
    payloadRevision     varchar(255),
    payloadType         varchar(255) not null,
    timeStamp           varchar(255) not null,
    primary key (aggregateIdentifier, sequenceNumber)
);

-- The write side's directory: what the token endpoint and the aggregates look up, kept by a subscribing
-- processor in the same transaction as the events that change it.
create table directory_identity (
    identity_id varchar(64)   not null primary key,
    name        varchar(255)  not null,
    kind        varchar(16)   not null,
    levels      varchar(4000) not null default ''
);

create table directory_credential (
    client_id                     varchar(64)   not null primary key,
    credential_kind               varchar(32)   not null,
    owner_id                      varchar(64)   not null,
    secret_hash                   varchar(255)  not null,
    scope                         varchar(8000) not null,
    grant_types                   varchar(255)  not null,
    enabled                       boolean       not null,
    access_token_validity_seconds integer       not null
);

-- Personal access token names per owner: the consistent lookup behind "at most 10" and "unique names".
create table pat_owner (
    owner_id varchar(64) not null primary key
);

create table pat_name (
    token_id varchar(64)  not null primary key,
    owner_id varchar(64)  not null,
    name_key varchar(255) not null
);
create unique index pat_name_unique_per_owner on pat_name (owner_id, name_key);
