package org.fangfei.app.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.fangfei.app.IntegrationTest;
import org.fangfei.app.TestAccounts;
import org.fangfei.app.notification.Inbox;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 14, item 16: when December comes and the coming year's holiday schedule is not in
 * the work calendar, the system administrator finds one notice in the inbox — not before
 * December, not twice — and it is resolved once the schedule is entered. Runs the daily
 * check on fixed clocks, in years no real clock reaches (2098 entered, 2099 not).
 */
@IntegrationTest
class HolidayScheduleWatchTests {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private static final String KEY = "calendar:schedule-missing:2099";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Inbox inbox;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Test
	void theAdministratorIsToldOnceInDecemberUntilTheScheduleIsEntered() throws Exception {
		assertThat(this.jdbc.sql("select count(*) from holiday where extract(year from day) in (2098, 2099)")
			.query(Long.class)
			.single()).as("2098 and 2099 are not entered").isZero();
		this.jdbc
			.sql("insert into holiday (day, kind, name, updated_by) values ('2098-10-01', 'HOLIDAY', '国庆节', 'test')")
			.update();
		try {
			decemberComes();
		}
		finally {
			this.jdbc.sql("delete from holiday where day in ('2098-10-01', '2099-01-01') and updated_by = 'test'")
				.update();
		}
	}

	private void decemberComes() throws Exception {
		on("2098-11-30").daily();
		assertThat(notices(KEY)).as("November: nothing to say about next year").isZero();
		assertThat(notices("calendar:schedule-missing:2098")).as("this year's schedule is there").isZero();

		on("2098-12-01").daily();
		on("2098-12-02").daily();
		assertThat(notices(KEY)).as("one notice however often the check runs").isOne();
		var notice = this.jdbc
			.sql("select kind, to_role, needs_action, resolved_at, title, link from notice where dedup_key = :k")
			.param("k", KEY)
			.query()
			.singleRow();
		assertThat(notice).containsEntry("kind", "CALENDAR")
			.containsEntry("to_role", "SYS_ADMIN")
			.containsEntry("needs_action", true)
			.containsEntry("title", "2099年节假日安排尚未录入")
			.containsEntry("link", "/settings/holidays?year=2099");
		assertThat(notice.get("resolved_at")).isNull();
		String inbox = this.mvc.perform(get("/inbox").with(user(this.accounts.ready("sysadmin"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(inbox).contains("2099年节假日安排尚未录入");

		this.jdbc
			.sql("insert into holiday (day, kind, name, updated_by) values ('2099-01-01', 'HOLIDAY', '元旦', 'test')")
			.update();
		on("2098-12-03").daily();
		assertThat(this.jdbc.sql("select resolved_at is not null from notice where dedup_key = :k")
			.param("k", KEY)
			.query(Boolean.class)
			.single()).as("resolved once 2099 is entered").isTrue();
		on("2098-12-04").daily();
		assertThat(notices(KEY)).isOne();
	}

	private HolidayScheduleWatch on(String day) {
		return new HolidayScheduleWatch(this.jdbc, this.inbox,
				Clock.fixed(LocalDate.parse(day).atTime(8, 30).atZone(CHINA).toInstant(), CHINA));
	}

	private long notices(String key) {
		return this.jdbc.sql("select count(*) from notice where dedup_key = :k")
			.param("k", key)
			.query(Long.class)
			.single();
	}

}
