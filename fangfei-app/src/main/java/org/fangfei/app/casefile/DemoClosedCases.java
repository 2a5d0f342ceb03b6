package org.fangfei.app.casefile;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.fangfei.app.shared.DemoPart;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Two closed cases of the demo county (会宁县), made through the case ledger's own services
 * (registered at their last working stage, then closed), so that the outreach module has
 * cases to write typical cases from. Names are invented.
 */
@Component
class DemoClosedCases implements DemoPart {

	static final String TITLE_ONE = "会宁县夕阳红养老服务有限公司以养老为名非法集资案（演示）";

	static final String TITLE_TWO = "会宁县兴农种养专业合作社非法吸收公众存款案（演示）";

	private final CaseRegistry registry;

	private final JdbcClient jdbc;

	DemoClosedCases(CaseRegistry registry, JdbcClient jdbc) {
		this.registry = registry;
		this.jdbc = jdbc;
	}

	@Override
	public String name() {
		return "casefile.closed-cases";
	}

	@Override
	public int order() {
		return 62;
	}

	@Override
	public void run() {
		boolean county = this.jdbc.sql("select count(*) from region where code = '620422100001'")
			.query(Long.class)
			.single() > 0;
		boolean done = this.jdbc.sql("select count(*) from case_file where title = :t")
			.param("t", TITLE_ONE)
			.query(Long.class)
			.single() > 0;
		if (county && !done) {
			load();
		}
	}

	private void load() {
		Actor actor = new Actor(0, "system", "演示数据", "620422000000", null, true, Set.of("OFFICE"),
				Set.of("casefile:case:edit"), DataScope.all());
		LocalDate today = Times.today();
		long one = this.registry.register(new CaseForm(null, TITLE_ONE, CaseOrigin.ASSIGNED, CasePath.ADMINISTRATIVE,
				CaseStage.PENALTY, today.minusMonths(5), "会处非罚〔演示〕3号", "会宁县处置非法集资工作领导小组办公室", "620422100001", "", "",
				"3600000", 86, "2100000", null, List.of(), List.of()), actor);
		this.registry.advance(one, version(one), new StageEntry(CaseStage.CLOSED, today.minusMonths(2), "会处非结〔演示〕3号",
				"会宁县处置非法集资工作领导小组办公室", "责令退还集资款，已清退完毕"), actor);
		long two = this.registry.register(new CaseForm(null, TITLE_TWO, CaseOrigin.ASSIGNED, CasePath.CRIMINAL,
				CaseStage.ENFORCEMENT, today.minusMonths(4), "(演示)甘0422刑初12号", "会宁县人民法院", "620422102001", "", "",
				"12800000", 230, "7600000", today.minusMonths(14), List.of(), List.of()), actor);
		this.registry.advance(two, version(two),
				new StageEntry(CaseStage.CLOSED, today.minusMonths(1), "会公(经)结〔演示〕7号", "会宁县公安局", "判决已执行，清退结束"), actor);
	}

	private int version(long id) {
		return this.jdbc.sql("select version from case_file where id = :id")
			.param("id", id)
			.query(Integer.class)
			.single();
	}

}
