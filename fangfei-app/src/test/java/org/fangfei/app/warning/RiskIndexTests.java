package org.fangfei.app.warning;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.fangfei.app.IntegrationTest;
import org.fangfei.app.ad.AdHitLinked;
import org.fangfei.app.casefile.CaseEvent;
import org.fangfei.app.casefile.CaseOrigin;
import org.fangfei.app.casefile.CasePath;
import org.fangfei.app.casefile.CaseStage;
import org.fangfei.app.clue.ClueSource;
import org.fangfei.app.patrol.PatrolFindingRaised;
import org.fangfei.app.shared.Times;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Each signal of the index with its record and points, decay, the standing signals the
 * ledger records, tier changes and the warnings they raise, links to risky subjects and
 * the back-test.
 */
@IntegrationTest
class RiskIndexTests extends WarningTestSupport {

	@Autowired
	RiskIndex index;

	@Autowired
	IndexQueries queries;

	@Autowired
	BackTest backTest;

	@Autowired
	WarningJobs jobs;

	@Test
	void aTipCountsItsWeightWithItsRecordAndARepeatedDeliveryAddsNothing() throws Exception {
		long s = enterprise("举报信号公司" + this.tag);
		long clue = clue(ClueSource.TIP, List.of(s));
		assertThat(score(s)).isEqualTo(25);
		assertThat(tier(s)).isEqualTo("BLUE");
		Map<String, Object> signal = row("select * from warning_signal where subject_id = ? and kind = 'CLUE'", s);
		assertThat(signal).containsEntry("ref_kind", "CLUE")
			.containsEntry("ref_id", clue)
			.containsEntry("link", "/clues/" + clue);
		assertThat((String) signal.get("label")).startsWith("群众举报：XS" + clue);
		publish(new org.fangfei.app.clue.ClueEvent.Registered(
				new org.fangfei.app.clue.ClueEvent.ClueRef(clue, "XS" + clue, HUISHI_VILLAGE, null,
						org.fangfei.app.clue.ClueGrade.NORMAL, org.fangfei.app.clue.ClueState.REGISTERED, 1),
				ClueSource.TIP, null, "again", null, null, List.of(s), Times.now()));
		assertThat(score(s)).as("the same clue counts once").isEqualTo(25);
	}

	@Test
	void channelsWeighDifferentlyAndMonitoringAndPetitionsAreTheirOwnSignals() throws Exception {
		long referred = enterprise("移交信号公司" + this.tag);
		clue(ClueSource.REFERRAL, List.of(referred));
		assertThat(score(referred)).as("a department's referral weighs 1.2").isEqualTo(30);
		assertThat(tier(referred)).isEqualTo("YELLOW");
		long monitored = enterprise("监测信号公司" + this.tag);
		clue(ClueSource.MONITORING, List.of(monitored));
		assertThat(kinds(monitored)).containsExactly("MONITORING");
		assertThat(score(monitored)).isEqualTo(30);
		long petitioned = enterprise("信访信号公司" + this.tag);
		clue(ClueSource.PETITION, List.of(petitioned));
		assertThat(kinds(petitioned)).containsExactly("PETITION");
		assertThat(score(petitioned)).isEqualTo(20);
	}

	@Test
	void anAdHitCountsByItsScoreAndAPatrolFindingByItsWeight() throws Exception {
		long s = enterprise("广告信号公司" + this.tag);
		publish(new AdHitLinked(nextRef(), s, 80, java.time.Instant.now()));
		assertThat(kinds(s)).containsExactly("AD");
		assertThat(score(s)).as("25 × 0.8").isEqualTo(20);
		long patrol = nextRef();
		publish(new PatrolFindingRaised(patrol, s, HUISHI_VILLAGE, "门店宣传高息理财", "grid"));
		assertThat(score(s)).isEqualTo(40);
		assertThat(row("select label, link from warning_signal where subject_id = ? and kind = 'PATROL'", s))
			.containsEntry("label", "巡查发现：门店宣传高息理财")
			.containsEntry("link", "/patrols/" + patrol);
	}

	@Test
	void aMomentsSignalHalvesEveryHalfLifeAndAStandingOneDoesNot() throws Exception {
		long s = enterprise("衰减信号公司" + this.tag);
		clue(ClueSource.TIP, List.of(s));
		this.index.signal(s, SignalKind.CLUE, "CLUE", nextRef(), 1, daysAgo(90), "九十天前的举报", null);
		this.index.signal(s, SignalKind.SWEEP, "SWEEP", nextRef(), 1, daysAgo(180), "半年前的扫楼发现", null);
		this.index.recompute(s);
		assertThat(score(s)).as("25 + 12.5 + 15/4").isEqualTo(41);
		List<IndexQueries.Contribution> parts = this.queries.contributions(s);
		assertThat(parts).extracting(IndexQueries.Contribution::label).contains("九十天前的举报", "半年前的扫楼发现");
		assertThat(parts.stream().filter(c -> c.label().equals("九十天前的举报")).findFirst().orElseThrow().points())
			.isCloseTo(12.5, within(0.1));
	}

	@Test
	void theLedgerGivesStandingSignalsSectorWordsLicenceAndTheHandPickedLevel() throws Exception {
		long s = subject(Map.of("kind", "INDIVIDUAL_BUSINESS", "name", "鑫盛理财咨询店" + this.tag, "regionCode",
				HUISHI_VILLAGE, "status", "LOST_CONTACT", "sectorCode", "WEALTH_MANAGEMENT", "riskLevel", "ORANGE"));
		clue(ClueSource.HOTLINE, List.of(s));
		assertThat(kinds(s)).containsExactlyInAnyOrder("CLUE", "KEY_SECTOR", "LICENCE", "MANUAL", "STATUTORY_WORDS");
		assertThat(row("select label from warning_signal where subject_id = ? and kind = 'STATUTORY_WORDS'", s)
			.get("label")
			.toString()).contains("理财");
		assertThat(
				row("select strength from warning_signal where subject_id = ? and kind = 'LICENCE'", s).get("strength")
					.toString())
			.as("no licence and lost contact")
			.startsWith("2");
		// 25 + 15 + 20 + 15×2 + 40×0.6 = 114, capped
		assertThat(score(s)).isEqualTo(100);
		assertThat(tier(s)).isEqualTo("RED");
	}

	@Test
	void risingIntoOrangeWarnsTheTownshipAndRisingToRedWarnsAgain() throws Exception {
		long s = enterprise("升级预警公司" + this.tag);
		clue(ClueSource.TIP, List.of(s));
		clue(ClueSource.TIP, List.of(s));
		assertThat(tier(s)).isEqualTo("YELLOW");
		assertThat(warnings(s)).isEmpty();
		publish(new PatrolFindingRaised(nextRef(), s, HUISHI_VILLAGE, "发放高息传单", "grid"));
		assertThat(tier(s)).isEqualTo("ORANGE");
		List<Map<String, Object>> raised = warnings(s);
		assertThat(raised).singleElement()
			.satisfies(w -> assertThat(w).containsEntry("tier", "ORANGE")
				.containsEntry("status", "OPEN")
				.containsEntry("unit_code", "620422100000")
				.containsEntry("score", 70));
		long id = ((Number) raised.get(0).get("id")).longValue();
		assertThat(this.jdbc.sql("select count(*) from notice where dedup_key = ? and to_unit_code = '620422100000'")
			.param("warning:" + id)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(((java.sql.Date) raised.get(0).get("due_on")).toLocalDate()).isAfter(Times.today());
		clue(ClueSource.TIP, List.of(s));
		assertThat(tier(s)).isEqualTo("RED");
		assertThat(warnings(s)).extracting(w -> w.get("tier")).containsExactly("ORANGE", "RED");
		assertThat(this.jdbc.sql("select count(*) from warning_index_history where subject_id = ?")
			.param(s)
			.query(Long.class)
			.single()).as("each change of tier kept").isGreaterThanOrEqualTo(3);
	}

	@Test
	void aSubjectSharingItsLegalRepresentativeWithARedOneIsLinked() throws Exception {
		String rep = "关联人" + this.tag;
		long red = subject(Map.of("kind", "ENTERPRISE", "name", "关联甲公司" + this.tag, "creditCode", creditCode(),
				"regionCode", HUISHI_VILLAGE, "status", "WATCHING", "legalRepresentative", rep, "riskLevel", "RED"));
		long other = subject(Map.of("kind", "ENTERPRISE", "name", "关联乙公司" + this.tag, "creditCode", creditCode(),
				"regionCode", HUISHI_VILLAGE, "status", "WATCHING", "legalRepresentative", rep));
		clue(ClueSource.TIP, List.of(red, other));
		clue(ClueSource.TIP, List.of(red));
		assertThat(tier(red)).as("40 by hand, 50 from the clues").isEqualTo("RED");
		this.jobs.run(Times.now(), Times.today());
		assertThat(kinds(other)).contains("LINK");
		assertThat(row("select label, ref_id from warning_signal where subject_id = ? and kind = 'LINK'", other))
			.containsEntry("ref_id", red)
			.satisfies(m -> assertThat(m.get("label").toString()).contains("负责人相同").contains(rep));
		assertThat(score(other)).isEqualTo(40);
	}

	@Test
	void aCommonNameLinksNobodyAndASubjectCountsAtMostThreeLinks() throws Exception {
		// a name carried by more than COMMON subjects in the township identifies nobody
		String common = "常见名" + this.tag;
		long red = subject(Map.of("kind", "ENTERPRISE", "name", "常见名红公司" + this.tag, "creditCode", creditCode(),
				"regionCode", HUISHI_VILLAGE, "status", "WATCHING", "legalRepresentative", common, "riskLevel", "RED"));
		List<Long> namesakes = new java.util.ArrayList<>();
		for (int i = 0; i < RiskIndex.COMMON; i++) {
			namesakes.add(subject(Map.of("kind", "ENTERPRISE", "name", "常见名公司" + i + this.tag, "creditCode",
					creditCode(), "regionCode", HUISHI_VILLAGE, "status", "WATCHING", "legalRepresentative", common)));
		}
		// the same name in another township is another person
		long elsewhere = subject(Map.of("kind", "ENTERPRISE", "name", "外镇同名公司" + this.tag, "creditCode", creditCode(),
				"regionCode", "620422102001", "status", "WATCHING", "legalRepresentative", "少见名" + this.tag));
		long rare = subject(Map.of("kind", "ENTERPRISE", "name", "少见名红公司" + this.tag, "creditCode", creditCode(),
				"regionCode", HUISHI_VILLAGE, "status", "WATCHING", "legalRepresentative", "少见名" + this.tag,
				"riskLevel", "RED"));
		// four risky subjects at one address: their neighbour counts three of them
		String address = "会师镇测试路" + this.tag + "号";
		List<Long> risky = new java.util.ArrayList<>();
		for (int i = 0; i < RiskIndex.MAX_LINKS + 1; i++) {
			risky.add(subject(Map.of("kind", "ENTERPRISE", "name", "同址红公司" + i + this.tag, "creditCode", creditCode(),
					"regionCode", HUISHI_VILLAGE, "status", "WATCHING", "businessAddress", address, "riskLevel",
					"RED")));
		}
		long neighbour = subject(Map.of("kind", "ENTERPRISE", "name", "同址邻居公司" + this.tag, "creditCode", creditCode(),
				"regionCode", HUISHI_VILLAGE, "status", "WATCHING", "businessAddress", address));
		List<Long> all = new java.util.ArrayList<>(namesakes);
		all.addAll(List.of(red, rare, elsewhere, neighbour));
		all.addAll(risky);
		clue(ClueSource.TIP, all);
		clue(ClueSource.TIP, all);
		assertThat(tier(red)).isEqualTo("RED");
		assertThat(tier(rare)).isEqualTo("RED");

		this.jobs.run(Times.now(), Times.today());
		for (long n : namesakes) {
			assertThat(kinds(n)).as("namesake of a common name").doesNotContain("LINK");
		}
		assertThat(kinds(elsewhere)).as("same name, another township").doesNotContain("LINK");
		assertThat(this.jdbc.sql("select count(*) from warning_signal where subject_id = ? and kind = 'LINK'")
			.param(neighbour)
			.query(Long.class)
			.single()).isEqualTo(RiskIndex.MAX_LINKS);
	}

	@Test
	void theBackTestCountsTheDaysFromOrangeAndRedToTheCase() throws Exception {
		long s = enterprise("回测公司" + this.tag);
		clue(ClueSource.TIP, List.of(s));
		this.index.signal(s, SignalKind.CLUE, "CLUE", nextRef(), 1.2, daysAgo(40), "四十天前的移交", null);
		this.index.signal(s, SignalKind.PATROL, "PATROL", nextRef(), 1, daysAgo(40), "四十天前的巡查发现", null);
		this.index.signal(s, SignalKind.MONITORING, "CLUE", nextRef(), 1, daysAgo(40), "四十天前的监测", null);
		this.index.recompute(s, daysAgo(40)).forEach(r -> assertThat(r.to()).isEqualTo(Tier.RED));
		this.index.signal(s, SignalKind.AD, "AD_HIT", nextRef(), 1, daysAgo(10), "十天前的广告", null);
		long caseId = nextRef();
		this.backTest.outcome(s, "CASE", caseId, "AJ" + this.tag, Times.today());
		assertThat(row("select * from warning_backtest where subject_id = ?", s))
			.as("computed when the outcome arrives")
			.containsEntry("kind", "CASE");
		publish(new CaseEvent.Opened(
				new CaseEvent.CaseRef(caseId, "AJ" + this.tag, "回测案", HUISHI_VILLAGE, null, List.of(s), 1),
				CaseOrigin.LEGACY, null, CasePath.CRIMINAL, CaseStage.FILED, Times.today(), null, null));
		assertThat(this.jdbc.sql("select count(*) from warning_outcome where subject_id = ?")
			.param(s)
			.query(Long.class)
			.single()).as("the case's event records the same outcome once").isEqualTo(1);
		this.backTest.compute(Times.now());
		Map<String, Object> b = row("select * from warning_backtest where subject_id = ?", s);
		assertThat(b).containsEntry("kind", "CASE").containsEntry("ref_code", "AJ" + this.tag);
		LocalDate outcome = ((java.sql.Date) b.get("outcome_on")).toLocalDate();
		LocalDate red = ((java.sql.Date) b.get("red_on")).toLocalDate();
		assertThat(outcome.toEpochDay() - red.toEpochDay()).isBetween(39L, 41L);
		assertThat(b.get("orange_on")).isEqualTo(b.get("red_on"));
		BackTest.Summary summary = this.backTest.summary("620422%");
		assertThat(summary.outcomes()).isGreaterThanOrEqualTo(1);
		assertThat(summary.sawRed()).isGreaterThanOrEqualTo(1);
	}

}
