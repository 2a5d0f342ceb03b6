package org.fangfei.app.calendar;

import java.time.LocalDate;

import org.fangfei.app.IntegrationTest;
import org.fangfei.app.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The holiday settings page: who sees and who edits, each refusal with its message and
 * nothing written, the all-or-nothing paste, the audit entry and the calendar reloaded
 * after each edit. Tests write only in 2031 and 2032, which the seed leaves empty.
 */
@IntegrationTest
class WorkCalendarPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	WorkCalendar calendar;

	@AfterEach
	void removeTestYears() {
		this.jdbc.sql("delete from holiday where day >= date '2031-01-01' and day < date '2033-01-01'").update();
		this.calendar.refreshAfterCommit();
	}

	private long rows(int year) {
		return this.jdbc.sql("select count(*) from holiday where extract(year from day) = :y")
			.param("y", year)
			.query(Long.class)
			.single();
	}

	private long audits(String action, String targetId) {
		return this.jdbc
			.sql("select count(*) from audit_log where target_type = 'holiday' and action = :a and target_id = :t")
			.param("a", action)
			.param("t", targetId)
			.query(Long.class)
			.single();
	}

	@Test
	void theSeededYearIsShownInTheTableAndTheColouredGrid() throws Exception {
		this.mvc.perform(get("/settings/holidays").param("year", "2026").with(user(this.accounts.ready("sysadmin"))))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("2026年：放假 33 天，调休上班 6 天"),
					containsString("class=\"cal-holiday\" title=\"2026-10-01 周四 国庆节（放假）\""),
					containsString("class=\"cal-workday\" title=\"2026-10-10 周六 国庆节调休上班（上班）\""),
					containsString("class=\"cal-weekend\" title=\"2026-10-11 周日\""),
					containsString("class=\"cal-plain\" title=\"2026-10-12 周一\""), containsString("批量粘贴"),
					not(containsString("style=")))));
	}

	@Test
	void anUnpublishedYearSaysSo() throws Exception {
		this.mvc.perform(get("/settings/holidays").param("year", "2027").with(user(this.accounts.ready("office"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2027年的节假日安排尚未录入")));
		this.mvc.perform(get("/settings/holidays").param("year", "1999").with(user(this.accounts.ready("office"))))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("年份应在2000到2099之间")));
	}

	@Test
	void theOfficeViewsButOnlyTheAdministratorEdits() throws Exception {
		UserDetails office = this.accounts.ready("office");
		this.mvc.perform(get("/settings/holidays").param("year", "2026").with(user(office)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("国庆节调休上班"), not(containsString("批量粘贴")))));
		this.mvc
			.perform(post("/settings/holidays").with(user(office))
				.with(csrf())
				.param("year", "2031")
				.param("date", "2031-03-04")
				.param("kind", "HOLIDAY")
				.param("name", "办公室测试"))
			.andExpect(status().isForbidden());
		UserDetails township = this.accounts.ready("huishi");
		this.mvc.perform(get("/settings/holidays").with(user(township))).andExpect(status().isForbidden());
		this.mvc
			.perform(post("/settings/holidays").with(user(township))
				.with(csrf())
				.param("year", "2031")
				.param("date", "2031-03-04")
				.param("kind", "HOLIDAY")
				.param("name", "乡镇测试"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/settings/holidays/paste").with(user(township))
				.with(csrf())
				.param("year", "2031")
				.param("text", "2031-03-04,HOLIDAY,乡镇测试"))
			.andExpect(status().isForbidden());
		this.mvc.perform(
				post("/settings/holidays/2026-10-01/delete").with(user(township)).with(csrf()).param("year", "2026"))
			.andExpect(status().isForbidden());
		assertThat(rows(2031)).isZero();
		assertThat(rows(2026)).isEqualTo(39);
	}

	@Test
	void aDayIsAddedChangedAndDeletedAuditedAndCountedAtOnce() throws Exception {
		UserDetails sys = this.accounts.ready("sysadmin");
		LocalDate tuesday = LocalDate.of(2031, 3, 4);
		assertThat(this.calendar.current().isWorkingDay(tuesday)).isTrue();
		this.mvc
			.perform(post("/settings/holidays").with(user(sys))
				.with(csrf())
				.param("year", "2031")
				.param("date", "2031-03-04")
				.param("kind", "HOLIDAY")
				.param("name", "测试假日"))
			.andExpect(redirectedUrl("/settings/holidays?year=2031&saved"));
		assertThat(this.calendar.current().isWorkingDay(tuesday)).isFalse();
		assertThat(this.calendar.plusWorkingDays(LocalDate.of(2031, 3, 3), 1)).isEqualTo(LocalDate.of(2031, 3, 5));
		assertThat(audits("CREATE", "2031-03-04")).isEqualTo(1);
		assertThat(this.jdbc.sql("select updated_by from holiday where day = date '2031-03-04'")
			.query(String.class)
			.single()).isEqualTo("sysadmin");

		this.mvc
			.perform(post("/settings/holidays").with(user(sys))
				.with(csrf())
				.param("year", "2031")
				.param("date", "2031-03-04")
				.param("kind", "HOLIDAY")
				.param("name", "改名的假日"))
			.andExpect(redirectedUrl("/settings/holidays?year=2031&saved"));
		assertThat(audits("UPDATE", "2031-03-04")).isEqualTo(1);
		this.mvc.perform(get("/settings/holidays").param("year", "2031").with(user(sys)))
			.andExpect(content().string(containsString("改名的假日")));

		this.mvc
			.perform(post("/settings/holidays/2031-03-04/delete").with(user(sys)).with(csrf()).param("year", "2031"))
			.andExpect(redirectedUrl("/settings/holidays?year=2031&deleted"));
		assertThat(rows(2031)).isZero();
		assertThat(audits("DELETE", "2031-03-04")).isEqualTo(1);
		assertThat(this.calendar.current().isWorkingDay(tuesday)).isTrue();
	}

	@Test
	void eachBadEntryIsRefusedWithItsMessageAndNothingIsWritten() throws Exception {
		UserDetails sys = this.accounts.ready("sysadmin");
		String[][] cases = { { "2031-02-30", "HOLIDAY", "春节", "日期“2031-02-30”不正确" },
				{ "三月四日", "HOLIDAY", "春节", "日期“三月四日”不正确，应为 2026-10-01 这样的格式" },
				{ "2031-03-04", "WORKDAY", "调休", "2031-03-04 是周二，调休上班日必须是周六或周日" },
				{ "2031-03-08", "HOLIDAY", " ", "名称不能为空" }, { "2031-03-08", "REST", "休息", "类型“REST”不正确" },
				{ "2031-03-08", "HOLIDAY", "很".repeat(51), "名称不能超过50个字" } };
		for (String[] c : cases) {
			this.mvc
				.perform(post("/settings/holidays").with(user(sys))
					.with(csrf())
					.param("year", "2031")
					.param("date", c[0])
					.param("kind", c[1])
					.param("name", c[2]))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString(c[3])));
		}
		assertThat(rows(2031)).isZero();
	}

	@Test
	void aPasteWithOneBadLineWritesNothingAndAGoodOneWritesEveryLine() throws Exception {
		UserDetails sys = this.accounts.ready("sysadmin");
		String bad = """
				2032-10-01 至 2032-10-07 国庆节
				2032-10-11,WORKDAY,国庆节调休上班
				2032-10-05,HOLIDAY,国庆节
				2032-13-01,HOLIDAY,国庆节
				""";
		this.mvc.perform(
				post("/settings/holidays/paste").with(user(sys)).with(csrf()).param("year", "2032").param("text", bad))
			.andExpect(status().isOk())
			.andExpect(content().string(
					allOf(containsString("第2行：2032-10-11 是周一，调休上班日必须是周六或周日"), containsString("第3行：2032-10-05 与第1行重复"),
							containsString("第4行：日期“2032-13-01”不正确"), containsString("2032-10-01 至 2032-10-07 国庆节"))));
		assertThat(rows(2032)).isZero();

		String good = """
				2032-10-01 至 2032-10-07 国庆节
				2032-10-09,WORKDAY,国庆节调休上班
				""";
		this.mvc.perform(
				post("/settings/holidays/paste").with(user(sys)).with(csrf()).param("year", "2032").param("text", good))
			.andExpect(redirectedUrl("/settings/holidays?year=2032&pasted=8"));
		assertThat(rows(2032)).isEqualTo(8);
		assertThat(audits("IMPORT", "2032")).isEqualTo(1);
		// Thu 30 Sep 2032: + 1 working day = Fri 8 Oct, + 2 = Sat 9 Oct (adjusted)
		assertThat(this.calendar.plusWorkingDays(LocalDate.of(2032, 9, 30), 1)).isEqualTo(LocalDate.of(2032, 10, 8));
		assertThat(this.calendar.plusWorkingDays(LocalDate.of(2032, 9, 30), 2)).isEqualTo(LocalDate.of(2032, 10, 9));
	}

}
