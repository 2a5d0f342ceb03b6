package org.fangfei.app.security;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.Rejected;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Roles and their permission strings. The three administrator roles keep a fixed set of
 * permissions so that 三员分立 cannot be undone by editing a role.
 *
 * <p>
 * Every request needs the permissions and scope kinds of its account's roles, so they are
 * kept in memory: {@link #grant} drops the copy when its transaction commits (the change
 * applies from the next request on this instance), and the copy is read again after
 * {@link #KEPT_FOR} at the latest, so another instance sharing the database follows
 * within that time.
 */
@Service
class Roles {

	/** Every permission string the application checks, with its Chinese name. */
	static final Map<String, String> PERMISSIONS = new java.util.LinkedHashMap<>();

	static {
		PERMISSIONS.put("org:region:view", "查看区划");
		PERMISSIONS.put("org:region:edit", "维护区划");
		PERMISSIONS.put("org:grid:view", "查看网格");
		PERMISSIONS.put("org:grid:edit", "维护网格");
		PERMISSIONS.put("org:grid:export", "导出网格");
		PERMISSIONS.put("org:department:view", "查看成员单位");
		PERMISSIONS.put("org:department:edit", "维护成员单位");
		PERMISSIONS.put("org:person:view", "查看人员");
		PERMISSIONS.put("org:person:edit", "维护人员");
		PERMISSIONS.put("org:person:reveal", "查看完整手机号");
		PERMISSIONS.put("org:person:export", "导出人员");
		PERMISSIONS.put("org:import", "导入区划、网格和人员");
		PERMISSIONS.put("org:dict:edit", "维护字典(行业、集资模式)");
		PERMISSIONS.put("subject:subject:view", "查看风险主体");
		PERMISSIONS.put("subject:subject:edit", "登记和维护风险主体");
		PERMISSIONS.put("subject:subject:import", "导入风险主体");
		PERMISSIONS.put("subject:subject:export", "导出风险主体");
		PERMISSIONS.put("subject:snapshot:take", "生成月度台账");
		PERMISSIONS.put("subject:word:review", "审核名称敏感词");
		PERMISSIONS.put("building:building:view", "查看楼宇");
		PERMISSIONS.put("building:building:edit", "维护楼宇");
		PERMISSIONS.put("building:sweep:edit", "登记扫楼");
		PERMISSIONS.put("building:building:export", "导出楼宇");
		PERMISSIONS.put("patrol:patrol:view", "查看走访巡查");
		PERMISSIONS.put("patrol:patrol:create", "登记走访巡查");
		PERMISSIONS.put("patrol:patrol:export", "导出走访巡查");
		PERMISSIONS.put("system:calendar:view", "查看工作日历(节假日)");
		PERMISSIONS.put("system:calendar:edit", "维护工作日历(节假日)");
		PERMISSIONS.put("system:backup:view", "查看数据备份");
		PERMISSIONS.put("system:backup:run", "立即备份");
		PERMISSIONS.put("notice:inbox:view", "待办通知");
		PERMISSIONS.put("notice:bulletin:view", "查看通报");
		PERMISSIONS.put("notice:bulletin:send", "发送通报");
		PERMISSIONS.put("clue:clue:view", "查看线索");
		PERMISSIONS.put("clue:clue:export", "导出线索");
		PERMISSIONS.put("clue:clue:intake", "登记线索");
		PERMISSIONS.put("clue:clue:accept", "受理线索");
		PERMISSIONS.put("clue:clue:dispatch", "分派线索");
		PERMISSIONS.put("clue:clue:handle", "核查与处置线索");
		PERMISSIONS.put("clue:clue:reveal", "查看线索提供人联系方式");
		PERMISSIONS.put("clue:clue:determine", "研判认定线索");
		PERMISSIONS.put("clue:clue:close", "线索销号与回头看");
		PERMISSIONS.put("clue:dispute:resolve", "裁决认定争议");
		PERMISSIONS.put("clue:supervision:manage", "挂牌督办");
		PERMISSIONS.put("clue:meeting:edit", "登记会商研判会议");
		PERMISSIONS.put("clue:dashboard:view", "查看线索统计");
		PERMISSIONS.put("clue:deadline:edit", "设置办理时限");
		PERMISSIONS.put("monitoring:alert:view", "查看资金监测预警");
		PERMISSIONS.put("monitoring:alert:export", "导出资金监测预警");
		PERMISSIONS.put("monitoring:batch:upload", "上传银行流水");
		PERMISSIONS.put("monitoring:alert:clue", "预警转线索与排除");
		PERMISSIONS.put("monitoring:alert:ingest", "接收实时监测预警(接口)");
		PERMISSIONS.put("tip:tip:view", "查看群众举报");
		PERMISSIONS.put("tip:tip:export", "导出群众举报(不含举报人身份)");
		PERMISSIONS.put("tip:message:send", "答复举报人");
		PERMISSIONS.put("tip:reporter:reveal", "查看举报人身份");
		PERMISSIONS.put("tip:reward:manage", "举报奖励审批与发放");
		PERMISSIONS.put("casefile:case:view", "查看案件台账");
		PERMISSIONS.put("casefile:case:edit", "登记与办理案件");
		PERMISSIONS.put("casefile:case:supervise", "案件督办与领导包案");
		PERMISSIONS.put("casefile:refund:manage", "资金清退");
		PERMISSIONS.put("casefile:claim:manage", "参与人登记窗口与核实");
		PERMISSIONS.put("credit:entry:view", "查看失信名单");
		PERMISSIONS.put("credit:entry:query", "查询失信名单(按名称、信用代码、身份证号)");
		PERMISSIONS.put("credit:entry:export", "导出失信名单");
		PERMISSIONS.put("credit:repair:apply", "申请信用修复");
		PERMISSIONS.put("credit:repair:approve", "审批信用修复");
		PERMISSIONS.put("credit:log:view", "查看失信名单查询日志");
		PERMISSIONS.put("credit:setting:edit", "失信名单设置(公开与列入期限)");
		PERMISSIONS.put("petition:petition:view", "查看信访件");
		PERMISSIONS.put("petition:petition:edit", "登记与办理信访件");
		PERMISSIONS.put("petition:petition:export", "导出信访件");
		PERMISSIONS.put("petition:stability:view", "查看重点人员、矛盾纠纷和风险评估");
		PERMISSIONS.put("petition:stability:edit", "维护重点人员和矛盾纠纷台账");
		PERMISSIONS.put("petition:stability:export", "导出重点人员和矛盾纠纷台账");
		PERMISSIONS.put("petition:assessment:edit", "登记社会稳定风险评估");
		PERMISSIONS.put("ad:ad:view", "查看广告资讯排查结果");
		PERMISSIONS.put("ad:ad:screen", "排查广告资讯(粘贴、上传、接口)");
		PERMISSIONS.put("ad:ad:clue", "广告命中关联主体、转为线索");
		PERMISSIONS.put("ad:ad:export", "导出广告资讯排查结果");
		PERMISSIONS.put("ad:dictionary:edit", "维护广告排查词库");
		PERMISSIONS.put("outreach:outreach:view", "查看宣传教育(活动、资料、调查、典型案例、志愿者和协会)");
		PERMISSIONS.put("outreach:outreach:edit", "登记和更正宣传活动、资料、调查、典型案例、志愿者和协会");
		PERMISSIONS.put("outreach:outreach:export", "导出宣传教育和培训台账");
		PERMISSIONS.put("outreach:plan:edit", "制定宣传教育年度计划");
		PERMISSIONS.put("outreach:training:view", "查看培训和网格员培训覆盖");
		PERMISSIONS.put("outreach:training:edit", "登记和更正培训");
		PERMISSIONS.put("report:form:view", "生成、查看和导出统计报表及其明细");
		PERMISSIONS.put("report:form:edit", "设置统计报表(报表定义)");
		PERMISSIONS.put("campaign:campaign:view", "查看专项行动和任务看板");
		PERMISSIONS.put("campaign:campaign:manage", "编辑专项行动、审核方案、起草总结");
		PERMISSIONS.put("campaign:progress:report", "报送专项行动方案和进展");
		PERMISSIONS.put("warning:index:view", "查看风险指数、预警和回测");
		PERMISSIONS.put("warning:warning:answer", "反馈风险预警");
		PERMISSIONS.put("warning:setting:edit", "设置风险指数权重和等级");
		PERMISSIONS.put("warning:notice:publish", "发布风险提示");
		PERMISSIONS.put("warning:cockpit:view", "查看领导驾驶舱");
		PERMISSIONS.put("warning:map:import", "导入乡镇边界地图");
		PERMISSIONS.put("ledger:ledger:view", "查看乡镇月度动态台账");
		PERMISSIONS.put("ledger:ledger:submit", "生成和上报本乡镇月度动态台账");
		PERMISSIONS.put("ledger:ledger:review", "审核(通过或退回)乡镇月度动态台账");
		PERMISSIONS.put("ledger:report:view", "查看线索月报和重大线索上报");
		PERMISSIONS.put("ledger:report:submit", "生成和报送线索月报");
		PERMISSIONS.put("ledger:report:accept", "登记市级接收线索月报和重大线索");
		PERMISSIONS.put("evaluation:score:view", "查看考核得分和无非法集资社区(村)创建");
		PERMISSIONS.put("evaluation:scheme:edit", "设置考核方案和人工评分");
		PERMISSIONS.put("evaluation:score:finalise", "考核定稿");
		PERMISSIONS.put("evaluation:community:assess", "推荐本乡镇创建社区(村)并自评上报");
		PERMISSIONS.put("evaluation:community:review", "审核认定无非法集资社区(村)");
		PERMISSIONS.put("enquiry:enquiry:view", "查看资金查询和冻结");
		PERMISSIONS.put("enquiry:enquiry:draft", "拟制资金查询和冻结");
		PERMISSIONS.put("enquiry:enquiry:approve", "审批资金查询和冻结(仅处非办负责人)");
		PERMISSIONS.put("enquiry:statement:load", "导入银行对账单");
		PERMISSIONS.put("enquiry:trace:view", "查看资金穿透");
		PERMISSIONS.put("enquiry:trace:export", "导出资金流向");
		PERMISSIONS.put("sec:user:view", "查看用户");
		PERMISSIONS.put("sec:user:edit", "维护用户");
		PERMISSIONS.put("sec:role:view", "查看角色");
		PERMISSIONS.put("sec:role:edit", "角色授权");
		PERMISSIONS.put("sec:settings:edit", "安全参数");
		PERMISSIONS.put("sec:approval:decide", "审批一次性密码和敏感授权");
		PERMISSIONS.put("monitor:online:view", "查看在线用户");
		PERMISSIONS.put("monitor:online:forceLogout", "强退在线用户");
		PERMISSIONS.put("audit:log:view", "查看审计日志");
	}

	record Role(String code, String name, String scopeKind, String adminKind, String description,
			List<String> permissions) {

		public boolean administrator() {
			return this.adminKind != null;
		}

	}

	/** How long the in-memory copy of the roles serves before it is read again. */
	static final Duration KEPT_FOR = Duration.ofSeconds(60);

	private record Kept(Map<String, Role> byCode, long readAt) {
	}

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final ApprovalRequests requests;

	private volatile Kept kept;

	/**
	 * Counts committed role changes, so that a copy read while a change commits is not
	 * kept.
	 */
	private final AtomicLong changes = new AtomicLong();

	Roles(JdbcClient jdbc, AuditLog audit, ApprovalRequests requests) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.requests = requests;
	}

	List<Role> all() {
		Map<String, List<String>> perms = this.jdbc
			.sql("select role_code, permission from role_permission order by permission")
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey,
					Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
		return this.jdbc.sql("select * from app_role order by admin_kind nulls last, code")
			.query((rs, n) -> new Role(rs.getString("code"), rs.getString("name"), rs.getString("scope_kind"),
					rs.getString("admin_kind"), rs.getString("description"),
					perms.getOrDefault(rs.getString("code"), List.of())))
			.list();
	}

	Role get(String code) {
		return all().stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow(() -> new NotFound("角色"));
	}

	Set<String> codes() {
		return all().stream().map(Role::code).collect(Collectors.toSet());
	}

	Map<String, String> adminKinds() {
		return this.jdbc.sql("select code, admin_kind from app_role where admin_kind is not null")
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/** The permissions the given roles hold together (unknown codes hold none). */
	Set<String> permissionsOf(Collection<String> roleCodes) {
		Map<String, Role> roles = kept();
		Set<String> permissions = new HashSet<>();
		for (String code : roleCodes) {
			Role role = roles.get(code);
			if (role != null) {
				permissions.addAll(role.permissions());
			}
		}
		return Set.copyOf(permissions);
	}

	/** The scope kinds of the given roles (unknown codes have none). */
	Set<String> scopeKinds(Collection<String> roleCodes) {
		Map<String, Role> roles = kept();
		return roleCodes.stream()
			.map(roles::get)
			.filter(Objects::nonNull)
			.map(Role::scopeKind)
			.collect(Collectors.toUnmodifiableSet());
	}

	private Map<String, Role> kept() {
		Kept now = this.kept;
		if (now == null || System.nanoTime() - now.readAt() > KEPT_FOR.toNanos()) {
			long changesBefore = this.changes.get();
			long readAt = System.nanoTime();
			now = new Kept(all().stream().collect(Collectors.toUnmodifiableMap(Role::code, r -> r)), readAt);
			if (this.changes.get() == changesBefore) {
				this.kept = now;
			}
		}
		return now.byCode();
	}

	/**
	 * Replaces a business role's permissions; administrator roles and administrator
	 * permissions are fixed. A {@link ApprovalRequests#SENSITIVE} permission the role
	 * does not hold yet is not given now but waits for a second administrator's approval
	 * ({@link Approvals}); the returned permissions are those waiting.
	 */
	@Transactional
	List<String> grant(String code, List<String> permissions, CurrentUser by) {
		Role before = get(code);
		if (before.administrator()) {
			throw new Rejected("三员分立：管理员角色的权限固定，不能修改");
		}
		List<String> unknown = permissions.stream().filter(p -> !PERMISSIONS.containsKey(p)).toList();
		if (!unknown.isEmpty()) {
			throw new Rejected("未知的权限：" + String.join("、", unknown));
		}
		if (permissions.stream()
			.anyMatch(p -> p.startsWith("sec:") || p.startsWith("audit:") || p.startsWith("monitor:online:"))) {
			throw new Rejected("三员分立：安全和审计权限只能由对应管理员角色持有");
		}
		List<String> waiting = permissions.stream()
			.distinct()
			.filter(p -> ApprovalRequests.SENSITIVE.contains(p) && !before.permissions().contains(p))
			.toList();
		if (!waiting.isEmpty() && by == null) {
			throw new Rejected("授予“查看举报人身份”权限须由管理员提出并经另一名管理员审批");
		}
		this.jdbc.sql("delete from role_permission where role_code = :code").param("code", code).update();
		for (String p : Set.copyOf(permissions)) {
			if (!waiting.contains(p)) {
				this.jdbc.sql("insert into role_permission (role_code, permission) values (:code, :p)")
					.param("code", code)
					.param("p", p)
					.update();
			}
		}
		for (String p : waiting) {
			this.requests.rolePermission(code, p,
					"为角色“" + before.name() + "”增加权限“" + PERMISSIONS.get(p) + "”(" + holders(code) + " 个账号持有该角色)", by);
		}
		this.audit.success("GRANT", "role", code, "修改角色权限 " + before.name(), named(before.permissions()),
				named(permissions.stream().filter(p -> !waiting.contains(p)).toList()));
		forgetAfterCommit();
		return waiting;
	}

	/** Adds a permission a second administrator approved. */
	@Transactional
	void addApproved(String code, String permission) {
		Role before = get(code);
		this.jdbc.sql("""
				insert into role_permission (role_code, permission) select :code, :p where not exists
				(select 1 from role_permission where role_code = :code and permission = :p)
				""").param("code", code).param("p", permission).update();
		this.audit.success("GRANT", "role", code, "修改角色权限 " + before.name() + "(经审批)", named(before.permissions()),
				named(get(code).permissions()));
		forgetAfterCommit();
	}

	/**
	 * Permissions as the audit log keeps them: by their Chinese names (the log is read by
	 * the audit administrator, who never sees a permission code).
	 */
	static String named(java.util.Collection<String> permissions) {
		return permissions.stream().map(p -> PERMISSIONS.getOrDefault(p, p)).toList().toString();
	}

	private long holders(String code) {
		return this.jdbc.sql("select count(*) from user_role where role_code = :code")
			.param("code", code)
			.query(Long.class)
			.single();
	}

	private void forgetAfterCommit() {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				Roles.this.changes.incrementAndGet();
				Roles.this.kept = null;
			}
		});
	}

}
