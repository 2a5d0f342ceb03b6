package org.fangfei.app.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;

import org.fangfei.app.IntegrationTest;
import org.fangfei.app.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The calendar API on the seeded 2026 schedule, its refusals, and the cache: reloaded at
 * once after an edit here, after the refresh interval for an edit made elsewhere. Tests
 * write only in 2033, which the seed leaves empty.
 */
@IntegrationTest
class WorkCalendarApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	WorkCalendar calendar;

	@AfterEach
	void removeTestYear() {
		this.jdbc.sql("delete from holiday where day >= date '2033-01-01' and day < date '2034-01-01'").update();
		this.calendar.refreshAfterCommit();
	}

	@Test
	void theSeededScheduleIsListedAndCounted() throws Exception {
		UserDetails office = this.accounts.ready("office");
		this.mvc.perform(get("/api/v1/calendar/holidays").param("year", "2026").with(user(office)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(39))
			.andExpect(jsonPath("$[0].date").value("2026-01-01"))
			.andExpect(jsonPath("$[0].kind").value("HOLIDAY"))
			.andExpect(jsonPath("$[0].name").value("元旦"))
			.andExpect(jsonPath("$[3].date").value("2026-01-04"))
			.andExpect(jsonPath("$[3].kind").value("WORKDAY"));
		this.mvc.perform(get("/api/v1/calendar/holidays").param("year", "2027").with(user(office)))
			.andExpect(jsonPath("$.length()").value(0));
		// Mon 28 Sep 2026: Tue 29, Wed 30, (1–7 Oct off), Thu 8, Fri 9, Sat 10 Oct worked
		this.mvc.perform(
				get("/api/v1/calendar/working-days").param("from", "2026-09-28").param("add", "5").with(user(office)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.date").value("2026-10-10"));
		// Spring Festival: Fri 13 Feb, then Sat 14 Feb worked, 15–23 Feb off
		this.mvc.perform(
				get("/api/v1/calendar/working-days").param("from", "2026-02-13").param("add", "2").with(user(office)))
			.andExpect(jsonPath("$.date").value("2026-02-24"));
		// 261 weekdays, 19 of them holidays (1–2 Jan, 16–20 and 23 Feb, 6 Apr, 1, 4 and 5
		// May,
		// 19 Jun, 25 Sep, 1, 2 and 5–7 Oct), 6 adjusted weekend working days
		assertThat(this.calendar.workingDaysBetween(LocalDate.of(2025, 12, 31), LocalDate.of(2026, 12, 31)))
			.as("working days in 2026")
			.isEqualTo(261 - 19 + 6);
	}

	@Test
	void badRequestsAreRefusedInChineseAndNothingIsWritten() throws Exception {
		UserDetails sys = this.accounts.ready("sysadmin");
		this.mvc
			.perform(put("/api/v1/calendar/holidays/2033-03-01").with(user(sys))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"kind\":\"WORKDAY\",\"name\":\"调休\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("2033-03-01 是周二，调休上班日必须是周六或周日"))
			.andExpect(jsonPath("$.errors.kind").value("2033-03-01 是周二，调休上班日必须是周六或周日"));
		this.mvc
			.perform(put("/api/v1/calendar/holidays/2033-02-29").with(user(sys))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"kind\":\"HOLIDAY\",\"name\":\"春节\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.date").value(containsString("日期“2033-02-29”不正确")));
		this.mvc
			.perform(put("/api/v1/calendar/holidays/2033-03-01").with(user(sys))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"kind\":\"HOLIDAY\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.name").value("名称不能为空，如 春节 或 春节调休上班"));
		this.mvc
			.perform(
					get("/api/v1/calendar/working-days").param("from", "2026-09-28").param("add", "-1").with(user(sys)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.add").value("应在 0 到 2500 之间"));
		this.mvc.perform(delete("/api/v1/calendar/holidays/2033-03-01").with(user(sys)).with(csrf()))
			.andExpect(status().isNotFound());
		UserDetails township = this.accounts.ready("huishi");
		this.mvc
			.perform(put("/api/v1/calendar/holidays/2033-03-01").with(user(township))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"kind\":\"HOLIDAY\",\"name\":\"乡镇\"}"))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/calendar/holidays").param("year", "2026").with(user(township)))
			.andExpect(status().isForbidden());
		assertThat(
				this.jdbc.sql("select count(*) from holiday where day >= date '2033-01-01'").query(Long.class).single())
			.isZero();
	}

	@Test
	void aPutAndADeleteAreAuditedAndCountedAtOnce() throws Exception {
		UserDetails sys = this.accounts.ready("sysadmin");
		this.mvc
			.perform(put("/api/v1/calendar/holidays/2033-03-05").with(user(sys))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"kind\":\"WORKDAY\",\"name\":\"测试调休上班\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.date").value("2033-03-05"))
			.andExpect(jsonPath("$.kind").value("WORKDAY"))
			.andExpect(jsonPath("$.updatedBy").value("sysadmin"));
		assertThat(this.calendar.current().isWorkingDay(LocalDate.of(2033, 3, 5))).isTrue();
		this.mvc.perform(delete("/api/v1/calendar/holidays/2033-03-05").with(user(sys)).with(csrf()))
			.andExpect(status().isNoContent());
		assertThat(this.calendar.current().isWorkingDay(LocalDate.of(2033, 3, 5))).isFalse();
		assertThat(this.jdbc.sql("""
				select string_agg(action, ',' order by id) from audit_log
				where target_type = 'holiday' and target_id = '2033-03-05'
				""").query(String.class).single()).isEqualTo("CREATE,DELETE");
	}

	@Test
	void anEditMadeElsewhereIsSeenAfterTheRefreshInterval() {
		AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2033-01-01T00:00:00Z"));
		InstantSource clock = now::get;
		WorkCalendar otherInstance = new WorkCalendar(this.jdbc, Duration.ofSeconds(60), clock);
		LocalDate monday = LocalDate.of(2033, 3, 7);
		assertThat(otherInstance.current().isWorkingDay(monday)).isTrue();
		this.jdbc.sql(
				"insert into holiday (day, kind, name, updated_by) values (date '2033-03-07', 'HOLIDAY', '他处录入', 'test')")
			.update();
		now.set(now.get().plusSeconds(59));
		assertThat(otherInstance.current().isWorkingDay(monday)).as("still cached").isTrue();
		now.set(now.get().plusSeconds(2));
		assertThat(otherInstance.current().isWorkingDay(monday)).as("reloaded after 60 s").isFalse();
	}

}
