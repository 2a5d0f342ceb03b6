package org.fangfei.app.workbench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The one menu of the platform: groups of pages, each page shown to whoever holds one of
 * the permissions its controller checks. A group appears when the user may open at least
 * one of its pages. The layout renders it, breadcrumbs are derived from it, and
 * {@code MenuCoverageTests} opens every entry as every role to keep it equal to the
 * controllers' checks.
 */
public final class Menu {

	/**
	 * One page of the menu.
	 *
	 * @param id the element id of its link ({@code menu-clues})
	 * @param label its name in the menu and the breadcrumbs
	 * @param href the page, relative to the application
	 * @param anyOf the permissions that open it; any one is enough, none for every
	 * signed-in user
	 */
	public record Item(String id, String label, String href, Set<String> anyOf) {

		boolean openTo(Predicate<String> can) {
			return this.anyOf.isEmpty() || this.anyOf.stream().anyMatch(can);
		}

		/** Whether a request path is this page or one below it. */
		boolean covers(String path) {
			return path.equals(this.href) || !this.href.equals("/") && path.startsWith(this.href + "/");
		}

	}

	/** A group of pages under one heading. */
	public record Group(String id, String label, List<Item> items) {
	}

	/** One step of the breadcrumbs; {@code href} null for the page itself. */
	public record Crumb(String label, String href) {
	}

	static final List<Group> GROUPS = List.of(
			group("workbench", "工作台", item("workbench", "我的工作台", "/"),
					item("inbox", "待办通知", "/inbox", "notice:inbox:view"),
					item("bulletins", "通报", "/bulletins", "notice:bulletin:view")),
			group("clues", "线索与案件", item("clues", "问题线索", "/clues", "clue:clue:view"),
					item("deadlines", "期限预警", "/clues/deadlines", "clue:clue:view"),
					item("supervision", "督办", "/clues/supervision", "clue:clue:view"),
					item("meetings", "会商研判", "/meetings", "clue:clue:view"),
					item("tips", "群众举报", "/tips", "tip:tip:view"),
					item("reward-rules", "举报奖励标准", "/tips/reward-rules", "tip:reward:manage"),
					item("cases", "案件台账", "/cases", "casefile:case:view"),
					item("case-candidates", "待立案线索", "/cases/candidates", "casefile:case:view"),
					item("cross-province", "跨省案件", "/cases/cross-province", "casefile:case:view"),
					item("enquiries", "资金查询", "/enquiries", "enquiry:enquiry:view"),
					item("tracing", "资金穿透", "/tracing", "enquiry:trace:view")),
			group("risk", "风险监测", item("cockpit", "领导驾驶舱", "/cockpit", "warning:cockpit:view"),
					item("risk-index", "风险指数", "/warnings", "warning:index:view"),
					item("warnings", "预警", "/warnings/list", "warning:index:view"),
					item("monitoring", "资金监测", "/monitoring", "monitoring:alert:view"),
					item("alerts", "监测预警", "/monitoring/alerts", "monitoring:alert:view"),
					item("ads", "广告资讯排查", "/ads", "ad:ad:view"),
					item("ad-dictionary", "排查词库", "/ads/dictionary", "ad:dictionary:edit"),
					item("review", "主体审查", "/subjects/review", "subject:word:review"),
					item("credit", "失信名单", "/credit", "credit:entry:view"),
					item("credit-query", "失信查询", "/credit/query", "credit:entry:query"),
					item("credit-repairs", "信用修复", "/credit/repairs", "credit:repair:apply", "credit:repair:approve"),
					item("credit-log", "查询记录", "/credit/log", "credit:log:view")),
			group("ledgers", "台账", item("subjects", "风险主体", "/subjects", "subject:subject:view"),
					item("subject-import", "主体导入", "/subjects/import", "subject:subject:import"),
					item("buildings", "楼宇", "/buildings", "building:building:view"),
					item("unswept", "本月未扫楼", "/buildings/unswept", "building:building:view")),
			group("grassroots", "基层治理", item("patrols", "走访巡查", "/patrols", "patrol:patrol:view"),
					item("patrol-new", "新增巡查", "/patrols/new", "patrol:patrol:create"),
					item("unpatrolled", "未巡查网格", "/patrols/unpatrolled", "patrol:patrol:view"),
					item("findings", "巡查发现", "/patrols/findings", "patrol:patrol:view"),
					item("petitions", "信访", "/petitions", "petition:petition:view"),
					item("stability", "重点人员", "/stability/key-persons", "petition:stability:view"),
					item("disputes", "矛盾摸排", "/stability/disputes", "petition:stability:view"),
					item("assessments", "稳定风险评估", "/stability/assessments", "petition:stability:view"),
					item("tree", "区划与网格", "/org/tree", "org:region:view", "org:grid:view"),
					item("grids", "网格", "/grids", "org:grid:view"), item("people", "人员", "/people", "org:person:view")),
			group("outreach", "宣传与考核", item("outreach", "宣传教育", "/outreach", "outreach:outreach:view"),
					item("outreach-plan", "年度宣传计划", "/outreach/plan", "outreach:outreach:view"),
					item("outreach-materials", "宣传资料库", "/outreach/materials", "outreach:outreach:view"),
					item("outreach-surveys", "知晓率调查", "/outreach/surveys", "outreach:outreach:view"),
					item("typical-cases", "典型案例", "/outreach/cases", "outreach:outreach:view"),
					item("trainings", "教育培训", "/outreach/trainings", "outreach:training:view"),
					item("training-coverage", "网格员培训覆盖", "/outreach/trainings/coverage", "outreach:training:view"),
					item("volunteers", "志愿者", "/outreach/volunteers", "outreach:outreach:view"),
					item("associations", "行业协会", "/outreach/associations", "outreach:outreach:view"),
					item("evaluation", "考核得分", "/evaluation", "evaluation:score:view"),
					item("evaluation-scheme", "考核方案", "/evaluation/scheme", "evaluation:score:view"),
					item("communities", "无非法集资社区(村)创建", "/evaluation/communities", "evaluation:score:view")),
			group("campaigns", "专项行动", item("campaigns", "专项行动", "/campaigns", "campaign:campaign:view"),
					item("campaign-template", "行动模板", "/campaigns/template", "campaign:campaign:manage"),
					item("sweep-campaign-new", "新建扫楼行动", "/campaigns/sweeps/new", "building:sweep:edit")),
			group("statistics", "统计报送", item("ledgers", "月度台账", "/ledgers", "ledger:ledger:view"),
					item("city-reports", "线索月报", "/ledgers/city", "ledger:report:view"),
					item("dashboard", "线索统计", "/clues/dashboard", "clue:dashboard:view"),
					item("coverage", "巡查覆盖", "/patrols/coverage", "patrol:patrol:view"),
					item("reports", "统计报表", "/reports", "report:form:view"),
					item("report-forms", "报表定义", "/report-forms", "report:form:edit")),
			group("system", "系统管理", item("departments", "成员单位", "/departments", "org:department:view"),
					item("import", "导入", "/import", "org:import"),
					item("dicts", "字典", "/dicts/sector", "org:dict:edit"),
					item("calendar", "工作日历", "/settings/holidays", "system:calendar:view"),
					item("credit-settings", "失信名单参数", "/credit/settings", "credit:setting:edit"),
					item("warning-settings", "风险指数设置", "/warnings/settings", "warning:setting:edit"),
					item("warning-map", "乡镇地图", "/cockpit/map", "warning:map:import"),
					item("backups", "数据备份", "/system/backups", "system:backup:view"),
					item("users", "用户", "/users", "sec:user:view"), item("roles", "角色", "/roles", "sec:role:view"),
					item("api-clients", "接入系统", "/api-clients", "sec:user:edit"),
					item("security-settings", "安全参数", "/settings", "sec:settings:edit"),
					item("approvals", "待审批", "/approvals", "sec:approval:decide"),
					item("online", "在线用户", "/online", "monitor:online:view"),
					item("audit", "审计日志", "/audit", "audit:log:view")));

	private static final Crumb HOME = new Crumb("首页", "/");

	private Menu() {
	}

	private static Group group(String id, String label, Item... items) {
		return new Group(id, label, List.of(items));
	}

	private static Item item(String id, String label, String href, String... anyOf) {
		return new Item("menu-" + id, label, href, Set.of(anyOf));
	}

	/** The groups and pages a user with these permissions may open, in menu order. */
	public static List<Group> of(Predicate<String> can) {
		List<Group> visible = new ArrayList<>();
		for (Group group : GROUPS) {
			List<Item> items = group.items().stream().filter(i -> i.openTo(can)).toList();
			if (!items.isEmpty()) {
				visible.add(new Group(group.id(), group.label(), items));
			}
		}
		return visible;
	}

	/** Every page of the menu, whoever may open it. */
	public static List<Item> all() {
		return GROUPS.stream().flatMap(g -> g.items().stream()).toList();
	}

	/**
	 * The breadcrumbs of a page: 首页, the menu group and the menu page whose path is the
	 * longest prefix of the request path, then the page's own title when it is not that
	 * menu page itself. The home page has none.
	 * @param path the request path within the application
	 * @param title the page's title without the product name, or null
	 */
	public static List<Crumb> trail(String path, String title) {
		if (path == null || path.isEmpty() || path.equals("/")) {
			return List.of();
		}
		List<Crumb> crumbs = new ArrayList<>();
		crumbs.add(HOME);
		Optional<Group> group = Optional.empty();
		Item best = null;
		for (Group g : GROUPS) {
			for (Item item : g.items()) {
				if (item.covers(path) && (best == null || item.href().length() > best.href().length())) {
					best = item;
					group = Optional.of(g);
				}
			}
		}
		if (best != null) {
			crumbs.add(new Crumb(group.get().label(), null));
			boolean itself = path.equals(best.href()) || title == null || title.isBlank() || title.equals(best.label());
			crumbs.add(new Crumb(best.label(), itself ? null : best.href()));
			if (itself) {
				return crumbs;
			}
		}
		if (title != null && !title.isBlank()) {
			crumbs.add(new Crumb(title, null));
		}
		return crumbs;
	}

}
