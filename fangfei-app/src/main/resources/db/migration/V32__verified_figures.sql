-- 核查: the figures the handling unit verified on site (issue 14). A verification may
-- correct the amount involved and the number of participants registered at intake; the
-- clue then stands on the verified figures (criminal thresholds, rewards), and the report
-- keeps what was verified. Null: the report found no figure and the registered one stands.
alter table clue_verification add column amount_fen bigint check (amount_fen is null or amount_fen >= 0);
alter table clue_verification add column people_count integer check (people_count is null or people_count >= 0);
