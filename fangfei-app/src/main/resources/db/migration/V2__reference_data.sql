-- Roles, permissions, settings and the sector dictionary that every installation starts with.

insert into app_role (code, name, scope_kind, admin_kind, description) values
  ('SYS_ADMIN',   '系统管理员',     'ALL',          'SYSTEM',   '维护区划、网格、成员单位、人员和字典'),
  ('SEC_ADMIN',   '安全保密管理员', 'NONE',         'SECURITY', '管理用户、角色授权和安全策略'),
  ('AUDIT_ADMIN', '安全审计员',     'NONE',         'AUDIT',    '查看审计日志'),
  ('OFFICE',      '处非办工作人员', 'JURISDICTION', null,       '县级处非办，管辖范围内全部数据'),
  ('LEADER',      '领导',           'JURISDICTION', null,       '查看辖区数据和统计'),
  ('TOWNSHIP',    '乡镇(街道)工作人员', 'JURISDICTION', null,   '本乡镇(街道)及所辖村(社区)'),
  ('DEPARTMENT',  '成员单位工作人员', 'DEPARTMENT', null,       '本单位监管行业，所在区划范围'),
  ('GRID_WORKER', '网格员',         'JURISDICTION', null,       '本人所在网格');

insert into role_permission (role_code, permission) values
  ('SYS_ADMIN', 'org:region:view'), ('SYS_ADMIN', 'org:region:edit'),
  ('SYS_ADMIN', 'org:grid:view'), ('SYS_ADMIN', 'org:grid:edit'),
  ('SYS_ADMIN', 'org:department:view'), ('SYS_ADMIN', 'org:department:edit'),
  ('SYS_ADMIN', 'org:person:view'), ('SYS_ADMIN', 'org:person:edit'),
  ('SYS_ADMIN', 'org:import'),
  ('SEC_ADMIN', 'sec:user:view'), ('SEC_ADMIN', 'sec:user:edit'),
  ('SEC_ADMIN', 'sec:role:view'), ('SEC_ADMIN', 'sec:role:edit'), ('SEC_ADMIN', 'sec:settings:edit'),
  ('AUDIT_ADMIN', 'audit:log:view'),
  ('OFFICE', 'org:region:view'), ('OFFICE', 'org:grid:view'), ('OFFICE', 'org:grid:edit'),
  ('OFFICE', 'org:department:view'), ('OFFICE', 'org:person:view'), ('OFFICE', 'org:person:edit'),
  ('OFFICE', 'org:import'), ('OFFICE', 'org:person:reveal'),
  ('LEADER', 'org:region:view'), ('LEADER', 'org:grid:view'), ('LEADER', 'org:department:view'),
  ('LEADER', 'org:person:view'),
  ('TOWNSHIP', 'org:region:view'), ('TOWNSHIP', 'org:grid:view'), ('TOWNSHIP', 'org:person:view'),
  ('TOWNSHIP', 'org:person:edit'),
  ('DEPARTMENT', 'org:region:view'), ('DEPARTMENT', 'org:grid:view'), ('DEPARTMENT', 'org:department:view'),
  ('GRID_WORKER', 'org:grid:view');

insert into setting (key, value, label) values
  ('password.min-length', '8', '密码最小长度'),
  ('password.min-classes', '3', '密码至少包含的字符类别数(大写、小写、数字、符号)'),
  ('lockout.max-failures', '5', '连续登录失败锁定次数'),
  ('lockout.minutes', '10', '锁定时长(分钟)'),
  ('session.idle-minutes', '30', '会话空闲超时(分钟)');

-- 重点领域 (seeds 002 and 004); editable later
insert into dict_item (dict_type, code, label, sort_order) values
  ('sector', 'INVESTMENT_CONSULTING', '投资咨询', 10),
  ('sector', 'WEALTH_MANAGEMENT', '投资理财', 20),
  ('sector', 'PRIVATE_LENDING_AGENCY', '民间投融资中介', 30),
  ('sector', 'PRIVATE_FUND', '私募/"伪私募"', 40),
  ('sector', 'THIRD_PARTY_WEALTH', '第三方财富管理', 50),
  ('sector', 'ELDERLY_CARE', '养老服务', 60),
  ('sector', 'FARMER_COOPERATIVE', '农民专业合作社', 70),
  ('sector', 'MICROLOAN', '小额贷款', 80),
  ('sector', 'FINANCING_GUARANTEE', '融资担保', 90),
  ('sector', 'REAL_ESTATE', '房地产', 100),
  ('sector', 'VIRTUAL_CURRENCY', '虚拟货币/区块链', 110),
  ('sector', 'CULTURE_TOURISM', '文化旅游', 120),
  ('sector', 'FILM_INVESTMENT', '影视投资', 130),
  ('sector', 'DEBT_RELIEF', '解债服务', 140),
  ('sector', 'AGRICULTURE', '涉农', 150),
  ('sector', 'COMMERCE_SERVICE', '商贸服务', 160),
  ('sector', 'EDUCATION', '教育培训', 170),
  ('sector', 'HEALTH_PRODUCTS', '保健品', 180);
