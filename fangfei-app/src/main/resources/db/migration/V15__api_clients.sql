-- 接入系统: other systems (hotline platform, bank reports, the Flink monitoring job) call the JSON
-- API with a bearer token bound to an account; only a SHA-256 of the token is stored.
create table api_client (
    id           bigserial primary key,
    name         varchar(100) not null unique,
    user_id      bigint       not null references app_user (id),
    token_hash   varchar(64)  not null unique,
    token_hint   varchar(12)  not null,
    enabled      boolean      not null default true,
    created_by   varchar(40)  not null,
    created_at   timestamptz  not null default now(),
    last_used_at timestamptz
);
