-- Rate limits hold across instances and survive a restart (issue 13, items 5 and 6): Bucket4j's
-- PostgreSQL proxy manager keeps one token bucket per key (kind and address, account or both; see
-- shared.Throttles). expires_at (epoch milliseconds) is when the bucket would be full again plus a
-- margin; only then is its row deleted, so forgetting a key never hands anyone a fresh bucket.
create table rate_limit_bucket (
    id         varchar(200) not null primary key,
    state      bytea,
    expires_at bigint
);

create index rate_limit_bucket_expiry_idx on rate_limit_bucket (expires_at);

-- Addresses (an IPv6 address by its /64 network) an account signed in from successfully: the
-- owner is not slowed down there when strangers guess the account's name
-- (security.SignInThrottle). Kept for 30 days after the last sign-in.
create table sign_in_known (
    address        varchar(64)  not null,
    username       varchar(64)  not null,
    last_signed_in timestamptz  not null,
    primary key (address, username)
);

create index sign_in_known_last_idx on sign_in_known (last_signed_in);
