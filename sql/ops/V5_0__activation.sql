-- Activation: what operators asked the ad platforms to change through the HTTP API
-- (`triangulate serve`), who asked, when and why, and when a connector applied it. Kept out of
-- `marts` for the same reason as `ops`: timestamps and tokens differ on every run by nature.

create schema if not exists activation;

-- API tokens. A token is `trg_<token_id>_<secret>`; only a salted SHA-256 of the secret is kept,
-- so a copy of this table does not let anyone call the API.
create table activation.api_tokens (
    token_id    text primary key,           -- public half: names the token in logs and rows
    name        text not null,              -- who holds it (a person or a service)
    role        text not null check (role in ('reader', 'operator')),
    salt        bytea not null,             -- 16 random bytes
    secret_hash bytea not null,             -- SHA-256(salt || secret)
    created_at  timestamptz not null,
    revoked_at  timestamptz
);

-- One row per accepted change request; the changes feed serves them in change_id order.
create table activation.changes (
    change_id       bigint generated always as identity primary key,
    token_id        text not null references activation.api_tokens,
    idempotency_key text not null,           -- the request's Idempotency-Key header
    request_hash    text not null,           -- SHA-256 of method, path and canonical body
    kind            text not null check (kind in ('budget', 'bid_multiplier', 'creative_rotation', 'schedule')),
    campaign_id     text not null,
    payload         jsonb not null,          -- the change itself, as the connector applies it
    reason          text not null,           -- why (required)
    requested_by    text not null,           -- who: the token's name
    requested_at    timestamptz not null,    -- when
    effective_at    timestamptz not null,    -- when the platform should apply it (now unless scheduled)
    response_status integer not null,        -- replayed as-is for a repeated Idempotency-Key
    response_body   text not null,           -- the exact bytes, so a replay is byte-identical
    applied_at      timestamptz,             -- null until a connector has applied it
    applied_by      text,                    -- the connector's name
    unique (token_id, idempotency_key)
);
create index changes_pending on activation.changes (change_id) where applied_at is null;

-- Append-only audit trail: token creation, change requests, applications.
create table activation.audit (
    audit_id  bigint generated always as identity primary key,
    at        timestamptz not null,
    actor     text not null,
    action    text not null,                 -- token_created, change_requested, change_applied
    change_id bigint references activation.changes,
    detail    jsonb not null
);
create index audit_change on activation.audit (change_id);
