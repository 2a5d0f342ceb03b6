package org.fangfei.app.casefile;

import java.util.Optional;

import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.DemoPart;
import org.fangfei.app.shared.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What follows {@link DemoCases} once the demo's stability risk assessments exist (the
 * petition module's demo records them, "三同步") and the demo accounts were made: the key
 * case gets its listed supervision and the leader who owns it (领导包案), moves to 清退 and
 * shares out its first refund batch, paid by the bank; the prosecuted case goes to trial.
 * A step whose assessment is missing is left out, as the gate would refuse it.
 */
@Component
class DemoCaseSteps implements DemoPart {

	private final CaseRegistry registry;

	private final KeyCases keyCases;

	private final RefundBatches refunds;

	private final SensitiveSteps sensitiveSteps;

	private final JdbcClient jdbc;

	DemoCaseSteps(CaseRegistry registry, KeyCases keyCases, RefundBatches refunds, SensitiveSteps sensitiveSteps,
			JdbcClient jdbc) {
		this.registry = registry;
		this.keyCases = keyCases;
		this.refunds = refunds;
		this.sensitiveSteps = sensitiveSteps;
		this.jdbc = jdbc;
	}

	@Override
	public String name() {
		return "casefile.case-steps";
	}

	@Override
	public int order() {
		return 95;
	}

	@Override
	public void run() {
		open(DemoCases.KEY_CASE, CaseStage.ENFORCEMENT).ifPresent(this::keyCase);
		open(DemoCases.TO_TRIAL, CaseStage.PROSECUTION).ifPresent(this::trial);
	}

	private void keyCase(long id) {
		Actor actor = DemoCases.office();
		boolean listed = this.jdbc.sql("select listed_supervision from case_file where id = :id")
			.param("id", id)
			.query(Boolean.class)
			.single();
		if (!listed) {
			lead(id, actor);
		}
		if (!this.sensitiveSteps.assessed(id, SensitiveStep.REFUND_START)) {
			return;
		}
		this.registry.advance(id, version(id), new StageEntry(CaseStage.REFUND, Times.today().minusDays(6),
				"会处非清〔演示〕1号", "会宁县金穗案工作专班", "清退方案经县政府常务会议审定并公告"), actor);
		long batch = this.refunds.distribute(id, version(id), "600000", "首批清退：已变现资产的一部分，按净损失比例清退", actor);
		this.refunds.recordPayment(id, version(id), batch, null, Times.today(), "会宁农商行批量代发〔演示〕0001", actor);
	}

	private void lead(long id, Actor actor) {
		this.keyCases.lead(id, version(id),
				new KeyCases.Leadership("金穗案涉及群众多、金额大，专班要倒排工期，年底前完成首批清退，确保不发生群体性事件。", true, "县处非办挂牌督办：每月5日前报送追赃挽损和清退进展",
						this.keyCases.leaders(actor)
							.stream()
							.filter(a -> a.roles().contains("LEADER"))
							.findFirst()
							.map(a -> a.id())
							.orElse(null)),
				actor);
	}

	private void trial(long id) {
		if (!this.sensitiveSteps.assessed(id, SensitiveStep.TRIAL)) {
			return;
		}
		this.registry.advance(id, version(id),
				new StageEntry(CaseStage.TRIAL, Times.today().minusDays(9), "(2026)甘0422刑初演示3号", "会宁县人民法院", "已公开开庭审理"),
				DemoCases.office());
	}

	/** The demo case with this title, while it still stands at {@code stage}. */
	private Optional<Long> open(String title, CaseStage stage) {
		return this.jdbc.sql("select id from case_file where title = :t and stage = :s")
			.param("t", title)
			.param("s", stage.name())
			.query(Long.class)
			.optional();
	}

	private int version(long id) {
		return this.jdbc.sql("select version from case_file where id = :id")
			.param("id", id)
			.query(Integer.class)
			.single();
	}

}
