package org.fangfei.app.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Chinese an auditor reads instead of codes: every action written to the log, the
 * fields of the records kept before and after a change, and the coded values they hold.
 * The audit module cannot ask the others for their labels (they depend on it), so the
 * words are kept here; {@code AuditLabelsTests} fails when an action, a field of an
 * audited record or one of its enum values has none.
 */
public final class AuditLabels {

	private static final Map<String, String> ACTIONS = new LinkedHashMap<>();

	private static final Map<String, String> FIELDS = new LinkedHashMap<>();

	private static final Map<String, String> VALUES = new LinkedHashMap<>();

	private static final Map<String, String> ROLES = new LinkedHashMap<>();

	private static final Map<String, String> TARGETS = new LinkedHashMap<>();

	static {
		actions("LOGIN", "登录", "LOGIN_FAILED", "登录失败", "LOGIN_THROTTLED", "登录尝试过多被拒绝", "ACCESS_DENIED", "越权访问被拒绝",
				"API_TOKEN", "无效的接入令牌", "CHANGE_PASSWORD", "修改密码", "RESET_PASSWORD", "重置密码", "UNLOCK", "解锁账号",
				"FORCE_LOGOUT", "强制下线", "GRANT", "授权", "CREATE", "新增", "UPDATE", "修改", "DELETE", "删除", "ENABLE", "启用",
				"DISABLE", "停用", "IMPORT", "导入", "EXPORT", "导出", "SNAPSHOT", "生成月度台账", "REVIEW", "审核禁用字词", "REVEAL",
				"查看人员完整手机号", "TIP_REVEAL", "查看举报人身份", "CLUE_REVEAL", "查看线索举报人信息", "TIP_MESSAGE", "答复举报人", "REWARD_RULE",
				"设置举报奖励标准", "REWARD_OPEN", "举报奖励立案", "REWARD_APPROVE", "批准举报奖励", "REWARD_PAY", "登记奖励发放", "SEND", "发送通报",
				"RECEIPT", "签收通报", "READ", "阅读通知", "READ_ALL", "全部标为已读", "BACKUP", "数据备份", "APPROVAL_REQUEST", "提交审批",
				"APPROVAL_APPROVE", "审批通过", "APPROVAL_REJECT", "审批驳回", "APPROVAL_WITHDRAW", "撤回审批", "APPROVAL_DECIDE",
				"审批", "API_CLIENT_ISSUE", "签发接入令牌", "API_CLIENT_REVOKE", "吊销接入令牌", "MONITORING_UPLOAD", "上传银行流水",
				"MONITORING_MAPPING", "设置流水列对应", "MONITORING_PENDING_DELETE", "删除待处理上传", "MONITORING_PENDING_EXPIRED",
				"待处理上传过期删除", "MONITORING_BATCH_INTERRUPTED", "流水分析中断", "MONITORING_INGEST", "接收实时监测预警",
				"MONITORING_ALERT_CLUE", "预警转为线索", "MONITORING_ALERT_DISMISS", "排除预警", "MEETING_RECORD", "记录会商研判会",
				"CLUE_REGISTER", "登记线索", "CLUE_EDIT", "修改线索", "CLUE_ATTACH", "上传线索附件", "CLUE_COMMENT", "线索批注",
				"CLUE_DEADLINE_SET", "调整办理时限", "CLUE_SUPERVISE", "督办线索", "CLUE_SUPERVISE_LIFT", "解除督办", "CLUE_ACCEPT",
				"受理线索", "CLUE_REJECT", "不予受理线索", "CLUE_MERGE", "合并线索", "CLUE_DISPATCH", "分派线索", "CLUE_RETURN", "退回线索",
				"CLUE_RECEIVE", "签收线索", "CLUE_VERIFY", "提交核查报告", "CLUE_MORE", "要求补充核查", "CLUE_DETERMINE", "研判认定",
				"CLUE_DISPUTE", "提出认定异议", "CLUE_RESOLVE", "裁决认定异议", "CLUE_MEASURE", "登记处置措施", "CLUE_FINISH", "完成处置",
				"CLUE_FEEDBACK", "反馈来源", "CLUE_CLOSE", "销号", "CLUE_LOOK_BACK", "回头看", "CLUE_ASSIST", "协办单位补充核查情况",
				"CASE_REGISTER", "登记案件", "CASE_OPEN", "由线索立案", "CASE_UPDATE", "修改案件", "CASE_STAGE", "登记办案环节",
				"CASE_LEAD", "挂牌督办与领导包案", "CASE_HANDLING", "涉稳评估与办案时间表", "CASE_TASK_FORCE", "调整工作专班", "CASE_ASSET",
				"登记涉案资产", "CASE_PARTICIPANT", "登记集资参与人", "CASE_PARTICIPANT_IMPORT", "导入集资参与人", "CASE_TRACED_IMPORT",
				"从资金流水导入参与人和资产", "CASE_PARTICIPANT_ACCEPT_ALL", "批量认可集资参与人", "CASE_PARTICIPANT_CLAIM", "核实参与人债权",
				"CASE_REFUND_BATCH", "生成清退批次", "CASE_REFUND_PAID", "登记清退发放", "CASE_REFUND_EXPORT", "导出清退发放清单",
				"CASE_EXPORT", "导出案件台账");
		// participants register themselves, 三统两分, the cross-province register (casefile)
		actions("CAMPAIGN_REPORT", "报送专项行动进展", "CAMPAIGN_PLAN", "报送行动方案", "CAMPAIGN_PLAN_REVIEW", "审核行动方案",
				"CAMPAIGN_SUMMARY_FINALISE", "专项行动总结定稿");
		actions("CASE_CLAIM_WINDOW_OPEN", "开放参与人登记", "CASE_CLAIM_WINDOW_CLOSE", "关闭参与人登记", "CASE_CLAIM_SUBMIT",
				"参与人自行登记", "CASE_CLAIM_DECIDE", "核实参与人登记", "CASE_CLAIM_DOCUMENT", "查看参与人登记材料", "CASE_DUTY", "明确三统两分职责",
				"CASE_CROSS_PROVINCE", "登记跨省案件", "CASE_CROSS_PROVINCE_EXPORT", "导出跨省案件登记");
		// the credit list (credit)
		actions("CREDIT_LIST", "列入失信名单", "CREDIT_EXPIRE", "期满移出失信名单", "CREDIT_REPAIR_APPLY", "申请信用修复",
				"CREDIT_REPAIR_APPROVE", "批准信用修复", "CREDIT_REPAIR_REJECT", "不予信用修复", "CREDIT_SETTING", "修改失信名单设置");
		actions("WARNING_RAISE", "发出风险预警", "WARNING_ANSWER", "反馈风险预警", "WARNING_ESCALATE", "预警逾期上报", "WARNING_SETTING",
				"修改风险指数设置", "RISK_NOTICE_PUBLISH", "发布风险提示", "RISK_NOTICE_WITHDRAW", "撤回风险提示", "WARNING_MAP_IMPORT",
				"导入乡镇地图");
		// account enquiries and fund tracing (enquiry)
		actions("ENQUIRY_DRAFT", "拟制资金查询或冻结", "ENQUIRY_APPROVE", "批准资金查询或冻结", "ENQUIRY_REFUSE", "不予批准资金查询或冻结",
				"ENQUIRY_ANSWER", "登记银行回执", "ENQUIRY_LETTER", "出具协助查询或冻结通知书", "STATEMENT_LOAD", "导入银行对账单", "TRACE_ROLE",
				"标注账户角色", "TRACE_EXPORT", "导出资金流向");
		// petitions and stability (petition)
		actions("CASE_SENSITIVE_STEP", "登记强制措施或情况通报", "PETITION_REGISTER", "登记信访件", "PETITION_ACCEPT", "受理信访件并告知",
				"PETITION_REFUSE", "不予受理信访件", "PETITION_EXTEND", "信访件延期", "PETITION_REPLY", "答复信访人", "PETITION_RATE",
				"记录信访人满意度", "STABILITY_ASSESSMENT", "登记社会稳定风险评估", "KEY_PERSON_CREATE", "登记重点人员", "KEY_PERSON_UPDATE",
				"修改重点人员", "KEY_PERSON_CONTACT", "登记重点人员联系情况", "KEY_PERSON_RELEASE", "解除重点人员管控", "DISPUTE_CREATE",
				"登记矛盾纠纷", "DISPUTE_PROGRESS", "登记矛盾化解进展");
		// outreach, surveys, typical cases, training, social forces (outreach)
		actions("OUTREACH_ACTIVITY", "登记宣传活动", "OUTREACH_PLAN", "制定宣传教育计划", "OUTREACH_MATERIAL", "登记宣传资料",
				"VOLUNTEER_CREATE", "登记志愿者", "ASSOCIATION_CREATE", "登记行业协会", "ASSOCIATION_REPORT", "行业协会报告转为线索",
				"SURVEY_CREATE", "发布知晓率调查", "TYPICAL_CASE_CREATE", "编写典型案例", "TYPICAL_CASE_UPDATE", "修改典型案例",
				"TRAINING_CREATE", "登记培训", "OUTREACH_ACTIVITY_UPDATE", "修改宣传活动", "OUTREACH_ACTIVITY_DELETE", "删除宣传活动",
				"TRAINING_UPDATE", "修改培训", "TRAINING_DELETE", "删除培训", "OUTREACH_MATERIAL_UPDATE", "修改宣传资料",
				"OUTREACH_MATERIAL_DELETE", "删除宣传资料", "VOLUNTEER_UPDATE", "修改志愿者", "VOLUNTEER_DELETE", "删除志愿者",
				"VOLUNTEER_DEACTIVATE", "停用志愿者", "VOLUNTEER_ACTIVATE", "启用志愿者", "ASSOCIATION_UPDATE", "修改行业协会",
				"ASSOCIATION_DELETE", "删除行业协会");
		// statistical forms (report)
		actions("REPORT_FORM_CREATE", "新建统计报表", "REPORT_FORM_UPDATE", "修改统计报表定义");
		// the monthly ledger and the report to the city (ledger)
		actions("LEDGER_GENERATE", "生成乡镇月度台账", "LEDGER_SUBMIT", "上报乡镇月度台账", "LEDGER_RETURN", "退回乡镇月度台账",
				"LEDGER_ACCEPT", "审核通过乡镇月度台账", "LEDGER_EXPORT", "导出乡镇月度台账", "CITY_REPORT_GENERATE", "生成线索月报",
				"CITY_REPORT_SUBMIT", "报送线索月报", "CITY_REPORT_ACCEPT", "登记市级接收线索月报", "CITY_REPORT_EXPORT", "导出线索月报",
				"MAJOR_REPORT_ACCEPT", "登记市级接收重大线索");
		// evaluation and the 无非法集资社区(村) drive (evaluation)
		actions("EVALUATION_SCHEME_SAVE", "保存考核方案", "EVALUATION_MANUAL_SCORE", "人工评分", "EVALUATION_FINALISE", "考核定稿",
				"EVALUATION_EXPORT", "导出考核得分", "COMMUNITY_NOMINATE", "推荐创建无非法集资社区(村)", "COMMUNITY_EVIDENCE", "补充创建佐证材料",
				"COMMUNITY_SUBMIT", "创建社区(村)自评上报", "COMMUNITY_RETURN", "退回创建社区(村)自评", "COMMUNITY_CERTIFY",
				"认定无非法集资社区(村)", "COMMUNITY_REVOKE", "撤销无非法集资社区(村)");
		// ad screening (ad)
		actions("AD_SCREEN", "排查广告资讯", "AD_LINK", "广告命中关联主体", "AD_CLUE", "广告命中转为线索", "AD_DICTIONARY", "修改广告排查词库");
		fields("id", "编号", "code", "代码", "name", "名称", "shortName", "简称", "kind", "类型", "type", "类别", "label", "名称",
				"level", "级别", "status", "状态", "enabled", "启用", "office", "牵头部门", "sortOrder", "排序", "text", "关键词",
				"flagged", "含禁用字词", "version", "版本", "notes", "备注", "regionCode", "区划代码", "regionName", "所在区划",
				"region", "区划代码", "regionPrefix", "适用区划", "parentCode", "上级区划", "parentId", "上级网格编号", "parentName",
				"上级网格", "gridId", "网格编号", "gridName", "所属网格", "people", "人员数", "departmentId", "成员单位编号", "department",
				"成员单位编号", "departmentName", "成员单位", "sectorCode", "行业代码", "sectorCodes", "监管行业代码", "sectorLabel", "行业",
				"sectorLabels", "监管行业", "schemeCode", "集资模式代码", "schemeLabel", "集资模式", "creditCode", "统一社会信用代码",
				"idNumberMasked", "身份证号(脱敏)", "phoneMasked", "手机号(脱敏)", "legalRepresentative", "法定代表人",
				"registeredAddress", "注册地址", "businessAddress", "经营地址", "address", "地址", "buildingId", "楼宇编号",
				"buildingName", "所在楼宇", "unit", "室号", "floors", "楼层数", "tenants", "入驻主体数", "lastSweptOn", "最近扫楼日期",
				"riskLevel", "风险等级", "businessScope", "经营范围", "statutoryWords", "禁用字词", "wordReview", "字词审核",
				"createdBy", "登记人", "createdAt", "登记时间", "updatedAt", "修改时间", "role", "人员类别", "username", "用户名",
				"displayName", "姓名", "passwordHash", "密码摘要", "mustChangePassword", "须修改密码", "failedAttempts", "连续失败次数",
				"lockedUntil", "锁定至", "lastLoginAt", "最近登录", "roles", "角色", "roleNames", "角色名称", "campaignId", "专项行动编号",
				"campaignName", "专项行动", "startsOn", "开始日期", "endsOn", "结束日期", "sweptOn", "扫楼日期", "sweptBy", "扫楼人",
				"participants", "参加人员", "tenantsChecked", "检查主体数", "risksFound", "发现风险数", "findings", "发现情况",
				"subjectId", "主体编号", "subjectName", "风险主体", "worker", "网格员", "visitedAt", "走访时间", "place", "地点",
				"legallyRegistered", "主体资格是否合法", "fundraisingApproved", "集资活动是否获得批准", "solicitsPublic",
				"是否向社会不特定对象募集资金", "promisesHighReturns", "是否承诺高额回报", "hidesBehindLegalForm", "是否以合法形式掩盖非法集资",
				"adsOrStallsSeen", "是否发现集资广告、摆摊设点", "raiseClue", "上报线索", "raisedClue", "发现问题上报线索", "photoIds", "照片",
				"findingTakenAt", "转为线索时间", "clueRef", "线索编号", "mode", "奖励方式", "normalFen", "一般线索奖励(分)", "majorFen",
				"重大线索奖励(分)", "perMille", "奖励比例(‰)", "floorFen", "最低奖励(分)", "capFen", "最高奖励(分)");
		values("true", "是", "false", "否", "null", "(空)", "ENTERPRISE", "企业", "INDIVIDUAL_BUSINESS", "个体工商户",
				"INDIVIDUAL", "个人", "ORGANISATION", "社会组织", "PLATFORM", "网络平台", "RED", "红色", "ORANGE", "橙色", "YELLOW",
				"黄色", "BLUE", "蓝色", "WATCHING", "监测中", "RECTIFYING", "整改中", "RESOLVED", "已化解", "CASE_FILED", "已立案",
				"LOST_CONTACT", "失联", "NO_ACTION", "无需处置", "PENDING", "待审核", "CONFIRMED", "确认违规", "CLEARED", "已核实无问题",
				"PROVINCE", "省", "CITY", "市", "COUNTY", "县(区)", "TOWNSHIP", "乡镇(街道)", "VILLAGE", "村(社区)", "GRID_LEADER",
				"网格长", "GRID_WORKER", "网格员", "INFORMANT", "信息员", "STAFF", "工作人员", "OFFICE", "写字楼", "COMMERCIAL",
				"商业综合体", "APARTMENT", "公寓楼", "MARKET", "市场", "OTHER", "其他", "YES", "是", "NO", "否", "UNKNOWN", "不清楚",
				"NONE", "不涉及", "TIERS", "按档次定额", "PER_MILLE", "按金额比例", "REGISTERED", "待受理", "ACCEPTED", "待分派",
				"REJECTED", "不予受理", "DISPATCHED", "已分派待签收", "VERIFYING", "核查中", "ASSESSING", "待研判认定", "DISPUTED",
				"认定争议待裁决", "DISPOSING", "处置中", "FEEDBACK", "待反馈销号", "CLOSED", "已销号", "MERGED", "已合并");
		put(ROLES, "SYS_ADMIN", "系统管理员", "SEC_ADMIN", "安全保密管理员", "AUDIT_ADMIN", "安全审计员", "OFFICE", "处非办工作人员",
				"OFFICE_HEAD", "处非办负责人", "LEADER", "领导", "TOWNSHIP", "乡镇(街道)工作人员", "DEPARTMENT", "成员单位工作人员",
				"GRID_WORKER", "网格员");
		put(TARGETS, "enquiry", "资金查询", "trace_account", "涉案账户", "account_approval", "审批", "api_client", "接入系统",
				"backup", "数据备份", "building", "楼宇", "building_sweep", "扫楼记录", "bulletin", "通报", "case", "案件",
				"petition", "信访件", "stability_assessment", "社会稳定风险评估", "key_person", "重点人员", "dispute", "矛盾纠纷", "clue",
				"线索", "credit_entry", "失信名单记录", "credit_setting", "失信名单设置", "warning", "风险预警", "warning_setting",
				"风险指数设置", "warning_notice", "风险提示", "warning_map", "乡镇地图", "clue_deadline", "线索时限", "department",
				"成员单位", "dict_item", "字典项", "grid", "网格", "holiday", "节假日", "meeting", "会议", "monitoring_alert", "监测预警",
				"monitoring_batch", "流水批次", "notice", "通知", "patrol", "走访巡查", "person", "人员", "region", "区划", "reward",
				"举报奖励", "reward_rule", "奖励标准", "role", "角色", "session", "会话", "setting", "安全参数", "subject", "风险主体",
				"subject_snapshot", "月度台账", "sweep_campaign", "扫楼专项行动", "tip", "举报", "url", "页面", "user", "用户",
				"outreach_activity", "宣传活动", "outreach_plan", "宣传教育计划", "outreach_material", "宣传资料", "volunteer", "志愿者",
				"association", "行业协会", "association_report", "行业协会报告", "survey", "知晓率调查", "typical_case", "典型案例",
				"training_session", "培训", "report_form", "统计报表", "ledger", "乡镇月度台账", "clue_city_report", "线索月报",
				"clue_upward_report", "重大线索上报", "ad_batch", "广告排查批次", "ad_post", "广告资讯", "ad_dictionary", "广告排查词库",
				"evaluation_scheme", "考核方案", "evaluation_community", "创建社区(村)", "campaign", "专项行动", "campaign_task",
				"专项行动任务");
	}

	private AuditLabels() {
	}

	private static void actions(String... pairs) {
		put(ACTIONS, pairs);
	}

	private static void fields(String... pairs) {
		put(FIELDS, pairs);
	}

	private static void values(String... pairs) {
		put(VALUES, pairs);
	}

	private static void put(Map<String, String> into, String... pairs) {
		for (int i = 0; i < pairs.length; i += 2) {
			if (into.put(pairs[i], pairs[i + 1]) != null) {
				throw new IllegalStateException("Two labels for " + pairs[i]);
			}
		}
	}

	/** Every action the log holds, code → label, in the order the filter offers them. */
	public static Map<String, String> actions() {
		return Collections.unmodifiableMap(ACTIONS);
	}

	/** The action's label; an unknown code is shown as it is. */
	public static String action(String code) {
		return code == null ? "" : ACTIONS.getOrDefault(code, code);
	}

	/** What kind of record an entry is about, in Chinese; an unknown one as it is. */
	public static String target(String type) {
		return type == null ? "" : TARGETS.getOrDefault(type, type);
	}

	/** Whether a kind of record written to the log has a label. */
	public static boolean knowsTarget(String type) {
		return TARGETS.containsKey(type);
	}

	/** Whether a field of an audited record has a label. */
	public static boolean knowsField(String name) {
		return FIELDS.containsKey(name);
	}

	/** Whether a coded value has a label. */
	public static boolean knowsValue(String value) {
		return VALUES.containsKey(value);
	}

	static String field(String name) {
		return FIELDS.getOrDefault(name, name);
	}

	/**
	 * A field's value as an auditor reads it: codes and true/false in Chinese, lists item
	 * by item; role codes by the role's name.
	 */
	static String value(String field, String raw) {
		Map<String, String> labels = "roles".equals(field) ? ROLES : VALUES;
		if (raw == null || raw.isEmpty()) {
			return "(空)";
		}
		if (raw.startsWith("[") && raw.endsWith("]")) {
			String inner = raw.substring(1, raw.length() - 1).strip();
			if (inner.isEmpty()) {
				return "(空)";
			}
			StringBuilder out = new StringBuilder();
			for (String item : inner.split(",\\s*")) {
				out.append(out.isEmpty() ? "" : "、").append(labels.getOrDefault(item, item));
			}
			return out.toString();
		}
		return labels.getOrDefault(raw, raw);
	}

}
