-- Who registered each webhook (the actor of its WebhookRegistered), so that a vendor account's webhooks end with its
-- tenant access, as everything it creates does. Webhooks registered before this column existed have no registrant.
alter table webhook add column registered_by varchar(64);
create index webhook_registered_by on webhook (registered_by) where registered_by is not null;
