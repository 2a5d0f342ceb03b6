package org.fangfei.app.patrol;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.fangfei.app.IntegrationTest;
import org.fangfei.app.report.Figures;
import org.fangfei.app.report.Jurisdiction;
import org.fangfei.app.report.Measure;
import org.fangfei.app.report.MeasureCatalog;
import org.fangfei.app.report.Period;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.PageRequest;
import org.fangfei.app.shared.Times;
import org.fangfei.app.subject.Subjects;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 网格巡查覆盖率 counts grids, not visits: the jurisdiction's level-2 grids, those patrolled at
 * least once in the period (however often) and those not, per township and village, each
 * value equal to its drill-down. The year 2013 belongs to this class.
 */
@IntegrationTest
class PatrolGridCoverageTests {

	static final String HUISHI = "620422100000";

	static final String HEPAN = "620422102000";

	@Autowired
	Patrols patrols;

	@Autowired
	Subjects subjects;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Figures figures;

	@Autowired
	MeasureCatalog catalog;

	@Test
	void theGridsPatrolledAndNotAreCountedPerJurisdictionAndListed() {
		Measure grids = this.catalog.find("patrol.grids").orElseThrow();
		assertThat(grids.parameters()).containsOnlyKeys("PATROLLED", "UNPATROLLED");
		Period year = Period.of(LocalDate.of(2013, 1, 1), LocalDate.of(2013, 12, 31));
		Jurisdiction huishi = new Jurisdiction(HUISHI, "会师镇", false);
		Jurisdiction hepan = new Jurisdiction(HEPAN, "河畔镇", false);
		long all = gridsUnder("620422100");
		assertThat(all).as("会师镇 has several village grids").isGreaterThan(2);
		assertThat(this.figures.value(grids, null, year, huishi)).isEqualTo(all);
		assertThat(this.figures.value(grids, "PATROLLED", year, huishi)).isZero();

		long subject = PatrolFixtures.subject(this.subjects, PatrolFixtures.GRID_VILLAGE);
		long first = patrolAt(subject, LocalDateTime.of(2013, 5, 10, 10, 0));
		patrolAt(subject, LocalDateTime.of(2013, 6, 12, 15, 0));
		patrolAt(subject, LocalDateTime.of(2014, 1, 3, 9, 0));
		patrolAt(PatrolFixtures.subject(this.subjects, PatrolFixtures.hepanVillage(this.jdbc)),
				LocalDateTime.of(2013, 7, 1, 9, 0));
		long grid = this.jdbc.sql("select grid_id from patrol where id = :id")
			.param("id", first)
			.query(Long.class)
			.single();
		String gridCode = this.jdbc.sql("select code from grid where id = :id")
			.param("id", grid)
			.query(String.class)
			.single();

		// twice in the same grid counts one grid; a patrol after the period none
		assertThat(this.figures.value(grids, "PATROLLED", year, huishi)).isEqualTo(1);
		assertThat(this.figures.value(grids, "UNPATROLLED", year, huishi)).isEqualTo(all - 1);
		assertThat(this.figures.value(grids, null, year, huishi)).isEqualTo(all);
		Figures.Drill patrolled = this.figures.drill(grids, "PATROLLED", year, huishi, PageRequest.of(1, 50));
		assertThat(patrolled.value()).isEqualTo(1);
		assertThat(patrolled.rows().items()).singleElement().satisfies(row -> {
			assertThat(row.ref()).isEqualTo(gridCode);
			assertThat(row.title()).endsWith("(期内巡查2次)");
			assertThat(row.onDate()).isEqualTo(LocalDate.of(2013, 6, 12));
			assertThat(row.link()).isEqualTo("/patrols?gridId=" + grid + "&from=2013-01-01&to=2013-12-31");
		});
		Figures.Drill unpatrolled = this.figures.drill(grids, "UNPATROLLED", year, huishi,
				PageRequest.of(1, (int) all));
		assertThat(unpatrolled.value()).isEqualTo(all - 1);
		assertThat(unpatrolled.rows().items()).hasSize((int) all - 1)
			.allSatisfy(row -> assertThat(row.title()).endsWith("(期内未巡查)"))
			.extracting(Figures.Row::ref)
			.doesNotContain(gridCode);

		// scope: the other township counts its own grid, the village its own grids only,
		// the county each township apart
		assertThat(this.figures.value(grids, "PATROLLED", year, hepan)).isEqualTo(1);
		assertThat(this.figures.value(grids, null, year, hepan)).isEqualTo(gridsUnder("620422102"));
		Jurisdiction village = new Jurisdiction(PatrolFixtures.GRID_VILLAGE, "东山根社区", false);
		assertThat(this.figures.value(grids, null, year, village)).isEqualTo(gridsUnder(PatrolFixtures.GRID_VILLAGE));
		assertThat(this.figures.value(grids, "PATROLLED", year, village)).isEqualTo(1);
		Map<String, Long> county = this.figures.grouped(grids, "PATROLLED", year,
				new Jurisdiction("620422000000", "会宁县", false), 9);
		assertThat(county).containsEntry("620422100", 1L).containsEntry("620422102", 1L);

		// another period: nothing patrolled
		Period autumn = Period.of(LocalDate.of(2013, 8, 1), LocalDate.of(2013, 12, 31));
		assertThat(this.figures.value(grids, "PATROLLED", autumn, huishi)).isZero();
		assertThat(this.figures.value(grids, "UNPATROLLED", autumn, huishi)).isEqualTo(all);
	}

	private long gridsUnder(String prefix) {
		return this.jdbc.sql("select count(*) from grid where level = 2 and enabled and region_code like :p")
			.param("p", prefix + "%")
			.query(Long.class)
			.single();
	}

	private long patrolAt(long subject, LocalDateTime at) {
		PatrolForm form = new PatrolForm(subject, null, null, null, null, at, "巡查覆盖测试门店", Answer.YES, Answer.NONE,
				Answer.NO, Answer.NO, Answer.NO, Answer.NO, "经营正常", false);
		try (Times.Held held = Times.holdAt(Times.atCounty(at.plusHours(1)))) {
			return this.patrols.record(form, List.of(), DataScope.all(), "grid").id();
		}
	}

}
