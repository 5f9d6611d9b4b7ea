-- People sign in (issue 18). What proves who someone is lives here, beside the log and never in it: the log says
-- that a password was set or an authenticator enrolled, these tables hold the slow hash and the sealed secret.

-- Usernames, unique ignoring case: the key is the lower-cased username.
create table identity_username (
    username_key varchar(64) primary key,
    username     varchar(64) not null,
    identity_id  varchar(64) not null unique
);

-- A password's bcrypt hash (of its HMAC under the service's pepper).
create table identity_password (
    identity_id   varchar(64) primary key,
    password_hash varchar(100) not null,
    set_at        timestamptz not null
);

-- An authenticator app's TOTP secret, sealed with AES-GCM under a key derived from the pepper; pending until its
-- first code confirms it. last_step is the last time step a code was accepted for: no code works twice.
create table identity_authenticator (
    identity_id   varchar(64) primary key,
    sealed_secret varchar(200) not null,
    confirmed     boolean not null,
    last_step     bigint not null default 0,
    started_at    timestamptz not null
);

-- Recovery codes' keyed hashes; a used one is deleted.
create table identity_recovery_code (
    code_hash   varchar(100) primary key,
    identity_id varchar(64) not null
);
create index identity_recovery_code_identity on identity_recovery_code (identity_id);

-- Failed sign-ins within the tenant's lockout window, and until when an identity is locked.
create table sign_in_failure (
    identity_id     varchar(64) primary key,
    window_started  timestamptz not null,
    failures        int not null,
    locked_until    timestamptz
);

-- Browser sessions on the service's own pages: the SHA-256 of the session id (the cookie), never the id itself.
create table sign_in_session (
    session_hash     varchar(64) primary key,
    identity_id      varchar(64) not null,
    state            varchar(32) not null,
    methods          varchar(100) not null,
    created_at       timestamptz not null,
    authenticated_at timestamptz,
    last_seen_at     timestamptz not null
);
create index sign_in_session_identity on sign_in_session (identity_id);

-- Authorization codes (RFC 6749 §4.1), by the SHA-256 of the code: single use, bound to their client, redirect URI
-- and PKCE challenge. What the code's first use issued is kept so that a second use can revoke it.
create table authorization_code (
    code_hash       varchar(64) primary key,
    client_id       varchar(64) not null,
    identity_id     varchar(64) not null,
    redirect_uri    varchar(2048) not null,
    code_challenge  varchar(128) not null,
    scope           varchar(4000) not null,
    nonce           varchar(512),
    auth_time       timestamptz not null,
    expires_at      timestamptz not null,
    consumed_at     timestamptz,
    issued_jti      varchar(64),
    issued_family   varchar(64)
);

-- The tenant's sign-in rules (lockout-config), one row.
create table tenant_sign_in_settings (
    tenant_id varchar(64) primary key,
    settings  jsonb not null
);

-- A refresh-token family can act for a person (the authorization-code grant): the person it acts for.
alter table refresh_token_family add column identity_id varchar(64);
alter table refresh_token_family add column delegated_scope varchar(4000);
create index refresh_token_family_identity on refresh_token_family (identity_id) where identity_id is not null;
