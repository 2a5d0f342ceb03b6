-- Sweep campaigns (扫楼专项行动) become campaigns (docs/campaigns.md): each existing
-- sweep_campaign gets a campaign with the same name, region and dates and one sweep task
-- whose progress is read from the building module's sweeps. The building module keeps its
-- sweep_campaign rows and its per-building sweeps; nothing is deleted.
insert into campaign (name, document, region_code, starts_on, ends_on, sweep_campaign_id, created_by, created_at)
select s.name, null, s.region_code, s.starts_on, s.ends_on, s.id, 'system', now()
from sweep_campaign s
where not exists (select 1 from campaign c where c.sweep_campaign_id = s.id);

insert into campaign_task (campaign_id, group_no, group_name, seq, title, body, period, due_day, due_on, sweep)
select c.id, 1, '扫楼清街', 1, '扫楼清街式排查', '对区域内楼宇逐栋扫楼，进度取自楼宇扫楼记录', 'ONCE', 5, c.ends_on, true
from campaign c
where c.sweep_campaign_id is not null
  and not exists (select 1 from campaign_task t where t.campaign_id = c.id);
