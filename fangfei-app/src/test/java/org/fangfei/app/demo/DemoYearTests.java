package org.fangfei.app.demo;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.fangfei.app.EventsDelivered;
import org.fangfei.app.FangfeiApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18, "A year of history": a first start of an empty database with the demo on (the
 * default) — the tests' shared context leaves the year out — makes clues in every state
 * through the workflow, with tallies that equal the rows and times spread over the past
 * twelve months; a restart adds nothing. One instance for all of it, started once.
 */
class DemoYearTests {

	@TempDir
	static Path dir;

	private static ConfigurableApplicationContext app;

	private static JdbcClient jdbc;

	private static long startMillis;

	@BeforeAll
	static void firstStart() {
		long t0 = System.nanoTime();
		app = start(true);
		startMillis = (System.nanoTime() - t0) / 1_000_000;
		jdbc = app.getBean(JdbcClient.class);
		EventsDelivered.await(jdbc);
	}

	@AfterAll
	static void stop() {
		if (app != null) {
			app.close();
		}
	}

	static ConfigurableApplicationContext start(boolean fresh) {
		return new SpringApplicationBuilder(FangfeiApplication.class).run("--fangfei.data-dir=" + dir.resolve("data"),
				"--fangfei.data-dir-fresh=" + fresh, "--fangfei.embedded-db.port=0", "--server.port=0",
				"--fangfei.demo-history=true", "--fangfei.backup.cron=-", "--spring.main.banner-mode=off");
	}

	private static long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	private static List<String> strings(String sql) {
		return jdbc.sql(sql).query(String.class).list();
	}

	@Test
	void everyPartRanOnceAndInOrder() {
		System.out.println("demo first start: " + startMillis + " ms");
		assertThat(strings("select name from demo_part order by ran_at, name")).containsExactlyInAnyOrder(
				"organisation.county", "security.accounts", "subject.ledger", "credit.list",
				"casefile.cross-province-case", "casefile.cases", "casefile.closed-cases", "petition.stability",
				"casefile.case-steps", "outreach.year", "subject.year", "building.year", "patrol.year", "tip.year",
				"clue.year", "notification.year", "ad.screened-batch");
	}

	@Test
	void theLedgersAreFull() {
		assertThat(count("select count(*) from subject")).isGreaterThanOrEqualTo(3000);
		assertThat(count("select count(distinct sector_code) from subject")).isGreaterThanOrEqualTo(15);
		assertThat(count("select count(*) from building")).isGreaterThanOrEqualTo(30);
		assertThat(count("select count(distinct to_char(swept_on, 'YYYY-MM')) from building_sweep")).isEqualTo(12);
		assertThat(count("select count(*) from patrol")).isGreaterThan(300);
		assertThat(count("select count(*) from patrol where raise_clue")).isPositive();
		assertThat(count("select count(*) from tip where clue_id is not null and tracking_hash is not null"))
			.isEqualTo(80);
		assertThat(count("select count(*) from bulletin")).isGreaterThanOrEqualTo(12);
		assertThat(count("select count(*) from bulletin_recipient where first_read_at is not null")).isPositive();
		assertThat(count("select count(*) from bulletin_recipient where first_read_at is null")).isPositive();
		assertThat(count("select count(*) from notice where resolved_at is null")).as("inbox items").isPositive();
		// credit codes pass GB 32100
		jdbc.sql("select credit_code from subject where credit_code is not null")
			.query(String.class)
			.list()
			.forEach(code -> assertThat(org.fangfei.app.shared.CreditCode.isValid(code)).as(code).isTrue());
	}

	@Test
	void theDemoMadeEveryClueStateChannelAndDetermination() {
		assertThat(strings("select distinct state from clue"))
			.containsAll(Arrays.stream(org.fangfei.app.clue.ClueState.values()).map(Enum::name).toList());
		assertThat(strings("select distinct source from clue")).contains("TIP", "HOTLINE", "PATROL", "REFERRAL",
				"ASSIGNED", "MEDIA", "MONITORING", "BANK_REPORT", "ASSOCIATION", "PETITION", "OTHER");
		assertThat(strings("select distinct determination from clue where determination is not null"))
			.containsExactlyInAnyOrder("NOT_ILLEGAL", "IRREGULAR", "SUSPECTED_ILLEGAL", "SUSPECTED_CRIME");
		assertThat(count("select count(*) from clue_event where kind = '退回'")).as("returned").isPositive();
		assertThat(count("select count(*) from clue_event where kind = '裁决'")).as("disputes resolved").isPositive();
		assertThat(count("select count(*) from clue where state = 'DISPUTED'")).as("disputes pending").isPositive();
		assertThat(count("select count(*) from clue where supervised")).as("supervised").isPositive();
		assertThat(count(
				"select count(*) from clue where state not in ('CLOSED', 'REJECTED', 'MERGED') and due_on < current_date"))
			.as("overdue")
			.isPositive();
		assertThat(count("select count(distinct kind) from clue_measure")).as("kinds of measures").isGreaterThan(5);
		assertThat(count("select count(*) from clue where state = 'CLOSED' and feedback is not null")).isPositive();
	}

	@Test
	void talliesEqualTheRows() {
		String byKey = """
				select left(region_code, 9) || '000' || '|' || coalesce(sector_code, '') || '|' || coalesce(handler_department_id, 0)
				  || '|' || state || '|' || source || '|' || supervised as k, count(*) as n from clue group by 1
				""";
		String tallied = """
				select k, sum(n) as n from (
				  select region_code || '|' || sector_code || '|' || handler_department_id || '|' || state || '|' || source
				    || '|' || supervised as k, n from clue_tally
				  union all
				  select region_code || '|' || sector_code || '|' || handler_department_id || '|' || state || '|' || source
				    || '|' || supervised, n from clue_tally_delta) t
				group by k having sum(n) <> 0
				""";
		assertThat(map(tallied)).isEqualTo(map(byKey)).isNotEmpty();
		String finished = """
				select to_char(s.finished_at, 'YYYY-MM') as k, count(*) as n from clue_step s
				where s.finished_at is not null group by 1
				""";
		String stepTallied = """
				select to_char(month, 'YYYY-MM') as k, sum(finished) as n from (
				  select month, finished from clue_step_tally union all select month, finished from clue_step_tally_delta) t
				group by 1 having sum(finished) <> 0
				""";
		assertThat(map(stepTallied)).isEqualTo(map(finished));
	}

	@Test
	void timesAreSpreadOverThePastTwelveMonthsAndNeverAhead() {
		OffsetDateTime now = OffsetDateTime.now();
		OffsetDateTime first = jdbc.sql("select min(received_at) from clue").query(OffsetDateTime.class).single();
		assertThat(first).isBetween(now.minusDays(372), now.minusDays(330));
		assertThat(count("select count(distinct to_char(occurred_at, 'YYYY-MM')) from clue_event"))
			.isGreaterThanOrEqualTo(12);
		assertThat(count("select count(distinct to_char(finished_at, 'YYYY-MM')) from clue_step"))
			.isGreaterThanOrEqualTo(11);
		assertThat(count("select count(*) from clue_event where occurred_at > now()")).isZero();
		assertThat(count("select count(*) from clue where created_at < received_at")).isZero();
		assertThat(count("select count(distinct to_char(created_at, 'YYYY-MM')) from subject"))
			.isGreaterThanOrEqualTo(12);
		// a step's deadline is counted from the day it started, in working days
		assertThat(
				count("select count(*) from clue_step where due_on < (started_at at time zone 'Asia/Shanghai')::date"))
			.isZero();
	}

	private static Map<String, Long> map(String sql) {
		Map<String, Long> map = new TreeMap<>();
		jdbc.sql(sql).query((rs, n) -> map.put(rs.getString("k"), rs.getLong("n"))).list();
		return map;
	}

	@Test
	void aRestartAddsNothing() {
		List<String> tables = List.of("region", "person", "app_user", "subject", "clue", "clue_event", "notice",
				"demo_part");
		Map<String, Long> before = new TreeMap<>();
		tables.forEach(t -> before.put(t, count("select count(*) from " + t)));
		app.close();
		app = start(false);
		jdbc = app.getBean(JdbcClient.class);
		Map<String, Long> after = new TreeMap<>();
		tables.forEach(t -> after.put(t, count("select count(*) from " + t)));
		assertThat(after).isEqualTo(before);
	}

}
