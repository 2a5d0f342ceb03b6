package org.fangfei.app.warning;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fangfei.app.IntegrationTest;
import org.fangfei.app.clue.ClueEvent;
import org.fangfei.app.clue.ClueGrade;
import org.fangfei.app.clue.ClueSource;
import org.fangfei.app.clue.ClueState;
import org.fangfei.app.clue.Determination;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.Times;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cockpit's running tallies (V98): they follow tier changes, subjects moving village,
 * clues registered and closed, equal a full recount after a mix of events, are put right
 * by the nightly pass when they drifted, and the cockpit still shows only the reader's
 * jurisdiction.
 */
@IntegrationTest
class CockpitTalliesTests extends WarningTestSupport {

	static final String HUISHI_TOWN = "620422100";

	@Autowired
	Cockpit cockpit;

	@Autowired
	WarningJobs jobs;

	@Autowired
	RiskIndex index;

	@Test
	void theTierTallyFollowsEveryTierChangeAndEqualsARecount() throws Exception {
		long blueBefore = tally(HUISHI_VILLAGE, "BLUE");
		long yellowBefore = tally(HUISHI_VILLAGE, "YELLOW");
		long orangeBefore = tally(HUISHI_VILLAGE, "ORANGE");
		long s = enterprise("计数公司" + this.tag);
		clue(ClueSource.TIP, List.of(s));
		assertThat(tier(s)).isEqualTo("BLUE");
		assertThat(tally(HUISHI_VILLAGE, "BLUE")).as("a subject first heard of").isEqualTo(blueBefore + 1);
		clue(ClueSource.TIP, List.of(s));
		assertThat(tier(s)).isEqualTo("YELLOW");
		assertThat(tally(HUISHI_VILLAGE, "BLUE")).isEqualTo(blueBefore);
		assertThat(tally(HUISHI_VILLAGE, "YELLOW")).isEqualTo(yellowBefore + 1);
		clue(ClueSource.TIP, List.of(s));
		assertThat(tier(s)).isEqualTo("ORANGE");
		assertThat(tally(HUISHI_VILLAGE, "YELLOW")).isEqualTo(yellowBefore);
		assertThat(tally(HUISHI_VILLAGE, "ORANGE")).isEqualTo(orangeBefore + 1);
		// a score that moves within its tier changes no count
		this.index.signal(s, SignalKind.PATROL, "PATROL", nextRef(), 0.1, Times.now(), "小幅变动", null);
		this.index.recompute(s);
		assertThat(tier(s)).isEqualTo("ORANGE");
		assertThat(tally(HUISHI_VILLAGE, "ORANGE")).isEqualTo(orangeBefore + 1);
		// a subject moving village (as the ledger's edit tells the module) moves its
		// count
		String other = "620422100002";
		long otherBefore = tally(other, "ORANGE");
		this.jdbc.sql("update warning_subject set region_code = ? where subject_id = ?").params(other, s).update();
		assertThat(tally(HUISHI_VILLAGE, "ORANGE")).isEqualTo(orangeBefore);
		assertThat(tally(other, "ORANGE")).isEqualTo(otherBefore + 1);
		assertThat(tierTally()).isEqualTo(tierRecount());
	}

	@Test
	void theMonthTallyCountsCluesRegisteredAndClosedInTheirMonthsOnceAndEqualsARecount() {
		LocalDate thisMonth = Times.today().withDayOfMonth(1);
		OffsetDateTime closedAt = Times.now().minusMonths(2);
		LocalDate closedMonth = closedAt.atZoneSameInstant(Times.zone()).toLocalDate().withDayOfMonth(1);
		long registeredBefore = months(HUISHI_VILLAGE, thisMonth, "REGISTERED");
		long closedBefore = months(HUISHI_VILLAGE, closedMonth, "CLOSED");
		long id = clue(ClueSource.TIP, List.of());
		assertThat(months(HUISHI_VILLAGE, thisMonth, "REGISTERED")).isEqualTo(registeredBefore + 1);
		ClueEvent.ClueRef ref = new ClueEvent.ClueRef(id, "XS" + id, HUISHI_VILLAGE, null, ClueGrade.NORMAL,
				ClueState.CLOSED, 5);
		publish(new ClueEvent.Closed(ref, Determination.IRREGULAR, closedAt));
		assertThat(months(HUISHI_VILLAGE, closedMonth, "CLOSED")).isEqualTo(closedBefore + 1);
		// a repeated delivery counts nothing
		publish(new ClueEvent.Closed(ref, Determination.IRREGULAR, closedAt));
		publish(new ClueEvent.Registered(ref, ClueSource.TIP, null, "again", null, null, List.of(), Times.now()));
		assertThat(months(HUISHI_VILLAGE, closedMonth, "CLOSED")).isEqualTo(closedBefore + 1);
		assertThat(months(HUISHI_VILLAGE, thisMonth, "REGISTERED")).isEqualTo(registeredBefore + 1);
		assertThat(monthTally()).isEqualTo(monthRecount());
		// the cockpit's months read the tally
		Cockpit.Month last = this.cockpit.months(DataScope.jurisdiction(HUISHI_VILLAGE)).get(11);
		assertThat(last.month()).isEqualTo(thisMonth.toString().substring(0, 7));
		assertThat(last.registered()).isEqualTo(registeredBefore + 1);
	}

	@Test
	void theNightlyPassRebuildsTalliesThatDrifted() throws Exception {
		long s = enterprise("漂移公司" + this.tag);
		clue(ClueSource.TIP, List.of(s));
		this.jdbc.sql("update warning_tier_tally set n = n + 100 where region_code = ? and tier = 'BLUE'")
			.param(HUISHI_VILLAGE)
			.update();
		this.jdbc.sql("insert into warning_tier_tally values ('620422999999', '', 'RED', 7)").update();
		this.jdbc.sql("delete from warning_clue_month_tally where region_code = ?").param(HUISHI_VILLAGE).update();
		assertThat(tierTally()).isNotEqualTo(tierRecount());
		assertThat(monthTally()).isNotEqualTo(monthRecount());
		this.jobs.run(Times.now(), Times.today());
		assertThat(tierTally()).isEqualTo(tierRecount());
		assertThat(monthTally()).isEqualTo(monthRecount());
	}

	@Test
	void theCockpitCountsOnlyTheReadersJurisdictionAndSectors() throws Exception {
		long s = enterprise("辖区公司" + this.tag);
		clue(ClueSource.TIP, List.of(s));
		Cockpit.Figures town = this.cockpit.figures(DataScope.jurisdiction(HUISHI_TOWN + "000"));
		assertThat(town.townships()).extracting(Cockpit.Township::code).containsExactly(HUISHI_TOWN + "000");
		long inTown = this.jdbc.sql("select count(*) from warning_subject where region_code like ? and tier = 'BLUE'")
			.param(HUISHI_TOWN + "%")
			.query(Long.class)
			.single();
		assertThat(town.tiers().get(Tier.BLUE)).isEqualTo(inTown);
		Cockpit.Figures county = this.cockpit.figures(DataScope.jurisdiction("620422000000"));
		assertThat(county.tiers().get(Tier.BLUE)).isGreaterThan(inTown);
		assertThat(county.townships()).hasSizeGreaterThan(1);
		// a reader limited to sectors counts only their subjects (this one has none)
		Cockpit.Figures sector = this.cockpit
			.figures(DataScope.department("620422000000", Set.of("WEALTH_MANAGEMENT")));
		long wealth = this.jdbc
			.sql("select count(*) from warning_subject where sector_code = 'WEALTH_MANAGEMENT' and tier = 'BLUE'")
			.query(Long.class)
			.single();
		assertThat(sector.tiers().get(Tier.BLUE)).isEqualTo(wealth);
		// the township's months hold only its clues
		long id = clue(ClueSource.TIP, List.of());
		assertThat(id).isPositive();
		long otherTownClues = this.cockpit.months(DataScope.jurisdiction("620422101000"))
			.stream()
			.mapToLong(Cockpit.Month::registered)
			.sum();
		long otherTownRecount = this.jdbc
			.sql("select count(*) from warning_clue_flow where kind = 'REGISTERED' and region_code like '620422101%'"
					+ " and month >= ?")
			.param(Times.today().withDayOfMonth(1).minusMonths(11))
			.query(Long.class)
			.single();
		assertThat(otherTownClues).isEqualTo(otherTownRecount);
	}

	long tally(String village, String tier) {
		return this.jdbc.sql("select coalesce(sum(n), 0) from warning_tier_tally where region_code = ? and tier = ?")
			.params(village, tier)
			.query(Long.class)
			.single();
	}

	long months(String village, LocalDate month, String kind) {
		return this.jdbc.sql(
				"select coalesce(sum(n), 0) from warning_clue_month_tally where region_code = ? and month = ? and kind = ?")
			.params(village, month, kind)
			.query(Long.class)
			.single();
	}

	List<Map<String, Object>> tierTally() {
		return this.jdbc.sql("""
				select region_code, sector_code, tier, n from warning_tier_tally where n <> 0 order by 1, 2, 3
				""").query().listOfRows();
	}

	List<Map<String, Object>> tierRecount() {
		return this.jdbc.sql("""
				select region_code, coalesce(sector_code, '') as sector_code, tier, count(*) as n
				from warning_subject group by 1, 2, 3 order by 1, 2, 3
				""").query().listOfRows();
	}

	List<Map<String, Object>> monthTally() {
		return this.jdbc.sql("""
				select month, region_code, kind, n from warning_clue_month_tally where n <> 0 order by 1, 2, 3
				""").query().listOfRows();
	}

	List<Map<String, Object>> monthRecount() {
		return this.jdbc.sql("""
				select month, region_code, kind, count(*) as n from warning_clue_flow group by 1, 2, 3 order by 1, 2, 3
				""").query().listOfRows();
	}

}
