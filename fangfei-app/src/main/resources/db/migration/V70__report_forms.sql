-- Statistical forms (统计报表, module report): form definitions kept as data (the three forms of
-- the 2024-25 campaign ship here; the office sets up more on a page), the permissions, and indexes
-- for the period filters of the measures the modules offer (see reports.md and performance.md).

create table report_form (
    id          bigserial primary key,
    code        varchar(40)  not null unique check (code ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
    title       varchar(100) not null,
    definition  text         not null check (length(definition) <= 200000),
    enabled     boolean      not null default true,
    builtin     boolean      not null default false,
    version     integer      not null default 0,
    created_by  varchar(40)  not null,
    created_at  timestamptz  not null default now(),
    updated_by  varchar(40)  not null,
    updated_at  timestamptz  not null default now()
);

-- the period filters of the measures (each on its owner's table; see performance.md)
create index clue_received_at_idx on clue (received_at);
create index clue_event_to_state_idx on clue_event (to_state, occurred_at) include (clue_id) where to_state is not null;
create index clue_event_determined_idx on clue_event (occurred_at) include (clue_id) where kind = '认定';
create index clue_step_open_due_idx on clue_step (due_on) include (clue_id, started_at) where finished_at is null;
create index subject_created_at_idx on subject (created_at);
create index building_sweep_swept_on_idx on building_sweep (swept_on);
create index case_refund_paid_on_idx on case_refund (paid_on) where paid_on is not null;
create index petition_received_on_idx on petition (received_on);

insert into role_permission (role_code, permission) values
  ('OFFICE', 'report:form:view'), ('OFFICE', 'report:form:edit'),
  ('OFFICE_HEAD', 'report:form:view'), ('OFFICE_HEAD', 'report:form:edit'),
  ('LEADER', 'report:form:view'), ('TOWNSHIP', 'report:form:view');

insert into report_form (code, title, definition, enabled, builtin, created_by, updated_by) values
  ('004-work', '打击非法集资专项行动工作情况统计表', '{
  "title": "打击非法集资专项行动工作情况统计表",
  "titleBlock": [
    "填报单位：{填报单位}",
    "统计期间：{统计期间}",
    "制表日期：{制表日期}"
  ],
  "rows": "REGIONS",
  "header": [
    [
      {
        "text": "单位",
        "rows": 2
      },
      {
        "text": "宣传教育",
        "cols": 3
      },
      {
        "text": "培训",
        "cols": 2
      },
      {
        "text": "风险排查",
        "cols": 4
      },
      {
        "text": "线索处置",
        "cols": 3
      },
      {
        "text": "案件办理",
        "cols": 5
      },
      {
        "text": "受理信访件(件)",
        "rows": 2
      }
    ],
    [
      {
        "text": "宣传活动(场)"
      },
      {
        "text": "覆盖人次"
      },
      {
        "text": "发放资料(份)"
      },
      {
        "text": "举办培训(期)"
      },
      {
        "text": "参训人次"
      },
      {
        "text": "新登记风险主体(户)"
      },
      {
        "text": "已扫楼宇(栋)"
      },
      {
        "text": "扫楼检查主体(户)"
      },
      {
        "text": "走访巡查(次)"
      },
      {
        "text": "受理线索(件)"
      },
      {
        "text": "研判认定(件)"
      },
      {
        "text": "销号(件)"
      },
      {
        "text": "新立案件(件)"
      },
      {
        "text": "涉案金额(万元)"
      },
      {
        "text": "集资参与人(人)"
      },
      {
        "text": "结案(件)"
      },
      {
        "text": "清退兑付(万元)"
      }
    ]
  ],
  "columns": [
    {
      "measure": "outreach.activities"
    },
    {
      "measure": "outreach.reached"
    },
    {
      "measure": "outreach.materials"
    },
    {
      "measure": "outreach.trainings"
    },
    {
      "measure": "outreach.trained"
    },
    {
      "measure": "subject.registered"
    },
    {
      "measure": "building.swept"
    },
    {
      "measure": "building.tenantsChecked"
    },
    {
      "measure": "patrol.visits"
    },
    {
      "measure": "clue.received"
    },
    {
      "measure": "clue.determined"
    },
    {
      "measure": "clue.closed"
    },
    {
      "measure": "case.opened"
    },
    {
      "measure": "case.raised"
    },
    {
      "measure": "case.participants"
    },
    {
      "measure": "case.closed"
    },
    {
      "measure": "case.refunded"
    },
    {
      "measure": "petition.received"
    }
  ],
  "notes": [
    "注：1.各项数字由系统按统计期间从各台账的登记日期和办理记录自动生成，点击数字可查看明细。",
    "2.新立案件以案件首个办理阶段的日期计；涉案金额、集资参与人为该案最近一次登记的数字。",
    "3.清退兑付按实际兑付日期计。"
  ]
}', true, true, 'system', 'system'),
  ('004-clues', '风险线索排查处置情况统计表', '{
  "title": "风险线索排查处置情况统计表",
  "titleBlock": [
    "填报单位：{填报单位}",
    "统计期间：{统计期间}",
    "制表日期：{制表日期}"
  ],
  "rows": "REGIONS",
  "header": [
    [
      {
        "text": "单位",
        "rows": 2
      },
      {
        "text": "风险排查",
        "cols": 5
      },
      {
        "text": "线索受理",
        "cols": 8
      },
      {
        "text": "研判认定",
        "cols": 5
      },
      {
        "text": "处置",
        "cols": 2
      }
    ],
    [
      {
        "text": "走访巡查(次)"
      },
      {
        "text": "巡查发现问题(次)"
      },
      {
        "text": "已扫楼宇(栋)"
      },
      {
        "text": "扫楼发现风险(个)"
      },
      {
        "text": "新登记风险主体(户)"
      },
      {
        "text": "合计"
      },
      {
        "text": "其中：群众举报"
      },
      {
        "text": "热线电话"
      },
      {
        "text": "网格走访发现"
      },
      {
        "text": "部门移交"
      },
      {
        "text": "上级交办"
      },
      {
        "text": "监测预警"
      },
      {
        "text": "重大线索"
      },
      {
        "text": "合计"
      },
      {
        "text": "不属于非法集资"
      },
      {
        "text": "不规范经营"
      },
      {
        "text": "涉嫌非法集资"
      },
      {
        "text": "涉嫌犯罪"
      },
      {
        "text": "销号"
      },
      {
        "text": "期末超期未办结"
      }
    ]
  ],
  "columns": [
    {
      "measure": "patrol.visits"
    },
    {
      "measure": "patrol.findings"
    },
    {
      "measure": "building.swept"
    },
    {
      "measure": "building.risksFound"
    },
    {
      "measure": "subject.registered"
    },
    {
      "measure": "clue.received"
    },
    {
      "measure": "clue.received",
      "param": "TIP"
    },
    {
      "measure": "clue.received",
      "param": "HOTLINE"
    },
    {
      "measure": "clue.received",
      "param": "PATROL"
    },
    {
      "measure": "clue.received",
      "param": "REFERRAL"
    },
    {
      "measure": "clue.received",
      "param": "ASSIGNED"
    },
    {
      "measure": "clue.received",
      "param": "MONITORING"
    },
    {
      "measure": "clue.major"
    },
    {
      "measure": "clue.determined"
    },
    {
      "measure": "clue.determined",
      "param": "NOT_ILLEGAL"
    },
    {
      "measure": "clue.determined",
      "param": "IRREGULAR"
    },
    {
      "measure": "clue.determined",
      "param": "SUSPECTED_ILLEGAL"
    },
    {
      "measure": "clue.determined",
      "param": "SUSPECTED_CRIME"
    },
    {
      "measure": "clue.closed"
    },
    {
      "measure": "clue.overdue"
    }
  ],
  "notes": [
    "注：1.线索按受理时间、研判认定按首次认定时间、销号按销号时间计入统计期间；线索单位(件)。",
    "2.“期末超期未办结”为截止日期当天结束时仍有环节超过办理时限的线索。",
    "3.来源各列未列出媒体曝光、金融机构报告、行业协会、信访件和其他来源，故各列之和可小于合计。"
  ]
}', true, true, 'system', 'system'),
  ('004-cross', '跨省(自治区、直辖市)非法集资案件(风险)办理情况登记统计表', '{
  "title": "跨省(自治区、直辖市)非法集资案件(风险)办理情况登记统计表",
  "titleBlock": [
    "填报单位：{填报单位}",
    "统计期间：{统计期间}",
    "制表日期：{制表日期}"
  ],
  "rows": "REGIONS",
  "header": [
    [
      {
        "text": "单位",
        "rows": 2
      },
      {
        "text": "案件数(件)",
        "cols": 5
      },
      {
        "text": "涉案情况",
        "cols": 3
      },
      {
        "text": "清退兑付(万元)",
        "rows": 2
      }
    ],
    [
      {
        "text": "期内在办"
      },
      {
        "text": "其中：我方主办"
      },
      {
        "text": "其中：我方协办"
      },
      {
        "text": "本期新立"
      },
      {
        "text": "本期结案"
      },
      {
        "text": "涉案金额(万元)"
      },
      {
        "text": "本地集资参与人(人)"
      },
      {
        "text": "本地涉案金额(万元)"
      }
    ]
  ],
  "columns": [
    {
      "measure": "case.crossInHand"
    },
    {
      "measure": "case.crossInHand",
      "param": "LEAD"
    },
    {
      "measure": "case.crossInHand",
      "param": "ASSIST"
    },
    {
      "measure": "case.crossOpened"
    },
    {
      "measure": "case.crossClosed"
    },
    {
      "measure": "case.crossRaised"
    },
    {
      "measure": "case.crossLocalParticipants"
    },
    {
      "measure": "case.crossLocalAmount"
    },
    {
      "measure": "case.crossRefunded"
    }
  ],
  "notes": [
    "注：1.“期内在办”为统计期间内任一天处于办理中的跨省案件(首个办理阶段不晚于截止日期、未在开始日期前结案)，点击数字即为逐案登记表。",
    "2.涉案情况为期内在办案件最近一次登记的数字；清退兑付按实际兑付日期计。"
  ]
}', true, true, 'system', 'system')
;
