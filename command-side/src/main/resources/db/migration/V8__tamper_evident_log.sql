-- A tamper-evident log (issue 22). Every appended event gets a record hash in the appending transaction: SHA-256
-- over the stored row's fields, each length-prefixed, so the content is pinned the moment it is written. A chainer
-- (LogChain, one instance at a time) then links the records in the order it finds them committed: chain hash n =
-- SHA-256(chain hash n-1 || n || global index || record hash), and signs a checkpoint (position, chain hash) at an
-- interval with the key the service publishes at /oauth/jwks. Appends never wait for one another: the chain is
-- built behind them, and a transaction that commits late is chained late, at the end. ExportVerifier recomputes all
-- of it from an export (GET /v3/audit-exports) without the service.

-- One field of the canonical form: its length in bytes (-1 for null), big-endian, then the bytes.
create function chain_part(part bytea) returns bytea language sql immutable as $$
    select int4send(coalesce(length(part), -1)) || coalesce(part, ''::bytea)
$$;

create function chain_text(part text) returns bytea language sql immutable as $$
    select chain_part(convert_to(part, 'UTF8'))
$$;

-- The record hash of one stored event: its identifier, aggregate, sequence number, aggregate type, payload type and
-- revision, timestamp, payload and metadata, in that order.
create function event_record_hash(event_id text, aggregate_id text, sequence_number bigint, aggregate_type text,
                                  payload_type text, payload_revision text, time_stamp text, payload bytea,
                                  meta_data bytea) returns bytea language sql immutable as $$
    select sha256(chain_text(event_id) || chain_text(aggregate_id) || int8send(sequence_number)
                  || chain_text(aggregate_type) || chain_text(payload_type) || chain_text(payload_revision)
                  || chain_text(time_stamp) || chain_part(payload) || chain_part(meta_data))
$$;

create table event_record (
    global_index bigint      primary key,
    record_hash  bytea       not null,
    recorded_at  timestamptz not null default clock_timestamp(),
    chain_seq    bigint      unique,
    chain_hash   bytea
);
create index event_record_unchained on event_record (global_index) where chain_seq is null;

insert into event_record (global_index, record_hash)
select globalIndex, event_record_hash(eventIdentifier, aggregateIdentifier, sequenceNumber, type, payloadType,
                                      payloadRevision, timeStamp, payload, metaData)
from domainEventEntry;

create function record_appended_event() returns trigger language plpgsql as $$
begin
    insert into event_record (global_index, record_hash)
    values (new.globalIndex, event_record_hash(new.eventIdentifier, new.aggregateIdentifier, new.sequenceNumber,
                                               new.type, new.payloadType, new.payloadRevision, new.timeStamp,
                                               new.payload, new.metaData));
    return null;
end
$$;

create trigger event_recorded after insert on domainEventEntry
    for each row execute function record_appended_event();

-- A signed checkpoint: the chain through chain_seq has chain_hash; jws is the compact JWS of both, signed with the
-- service's current token-signing key (its kid names it in /oauth/jwks).
create table log_checkpoint (
    chain_seq  bigint      primary key,
    chain_hash bytea       not null,
    signed_at  timestamptz not null,
    jws        text        not null
);
