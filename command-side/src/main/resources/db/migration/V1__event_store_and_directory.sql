-- Axon's JDBC event storage engine (EventSchema defaults), payloads as bytea from the Jackson serializer.
create table domain_event_entry (
    global_index         bigserial    not null primary key,
    event_identifier     varchar(255) not null unique,
    meta_data            bytea,
    payload              bytea        not null,
    payload_revision     varchar(255),
    payload_type         varchar(255) not null,
    time_stamp           varchar(255) not null,
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    type                 varchar(255),
    unique (aggregate_identifier, sequence_number)
);

create table snapshot_event_entry (
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    type                 varchar(255) not null,
    event_identifier     varchar(255) not null unique,
    meta_data            bytea,
    payload              bytea        not null,
    payload_revision     varchar(255),
    payload_type         varchar(255) not null,
    time_stamp           varchar(255) not null,
    primary key (aggregate_identifier, sequence_number)
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
