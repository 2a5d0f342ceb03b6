package org.fangfei.app.clue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import com.jayway.jsonpath.JsonPath;
import org.awaitility.Awaitility;
import org.fangfei.app.EventsDelivered;
import org.fangfei.app.IntegrationTest;
import org.fangfei.app.TestAccounts;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.Conflict;
import org.fangfei.app.shared.DataScope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The office corrects an open clue: each changed field lands on the timeline as before →
 * after, raising the grade to major reports it upward, a stale version or bad input
 * changes nothing, and a township cannot correct it.
 */
@IntegrationTest
class ClueEditTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	ClueEdits edits;

	@Autowired
	Deadlines deadlines;

	UserDetails office;

	String tag;

	@BeforeEach
	void setUp() {
		this.office = this.accounts.ready("office");
		this.tag = Long.toString(System.nanoTime(), 36);
	}

	private long register() throws Exception {
		String body = this.mvc
			.perform(post("/api/v1/clues").with(user(this.office))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"source\":\"MEDIA\",\"title\":\"修改前" + this.tag
						+ "\",\"description\":\"媒体报道某养老机构高息揽储\",\"regionCode\":\"620422100001\",\"amount\":\"1000\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.parse(body).read("$.id", Long.class);
	}

	private MockHttpServletRequestBuilder edit(UserDetails who, long id, int version, String title, String amount,
			String grade) {
		return post("/clues/{id}/edit", id).with(user(who))
			.with(csrf())
			.param("version", String.valueOf(version))
			.param("title", title)
			.param("description", "媒体报道某养老机构高息揽储")
			.param("regionCode", "620422100001")
			.param("sectorCode", "ELDERLY_CARE")
			.param("amount", amount)
			.param("grade", grade);
	}

	private String timeline(long id) {
		return String.join("\n",
				this.jdbc.sql("select kind || ':' || coalesce(note, '') from clue_event where clue_id = :c order by id")
					.param("c", id)
					.query(String.class)
					.list());
	}

	@Test
	void changesGoToTheTimelineAndMajorIsReportedUpward() throws Exception {
		long id = register();
		this.mvc.perform(edit(this.office, id, 0, "修改后" + this.tag, "6000000", "MAJOR"))
			.andExpect(status().is3xxRedirection());
		assertThat(timeline(id)).contains("修改:标题：修改前" + this.tag + " → 修改后" + this.tag)
			.contains("涉及金额(元)：1,000.00 → 6,000,000.00")
			.contains("等级：一般 → 重大")
			.contains("行业：(空) → 养老服务")
			.doesNotContain("ELDERLY_CARE");
		EventsDelivered.await(this.jdbc);
		assertThat(this.jdbc.sql("select count(*) from clue_upward_report where clue_id = :c")
			.param("c", id)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from audit_log where action = 'CLUE_EDIT' and target_id = :id")
			.param("id", String.valueOf(id))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void staleVersionBadInputAndTownshipsChangeNothing() throws Exception {
		long id = register();
		// the form comes back with the message and what the user typed
		this.mvc.perform(edit(this.office, id, 5, "旧页面" + this.tag, "1000", "NORMAL"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("已被他人处理")))
			.andExpect(content().string(containsString("旧页面" + this.tag)));
		this.mvc.perform(edit(this.office, id, 0, "", "-3", "NORMAL"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请填写标题")))
			.andExpect(content().string(containsString("不能为负数")));
		UserDetails huishi = this.accounts.ready("huishi");
		this.mvc.perform(edit(huishi, id, 0, "乡镇改" + this.tag, "1000", "NORMAL")).andExpect(status().isForbidden());
		assertThat(this.jdbc.sql("select title || '/' || version from clue where id = :id")
			.param("id", id)
			.query(String.class)
			.single()).isEqualTo("修改前" + this.tag + "/0");
		assertThat(timeline(id)).doesNotContain("修改:");
	}

	@Test
	void aCorrectedGradeRecomputesTheDeadlineOfTheStepInHand() throws Exception {
		long id = register();
		LocalDate started = this.jdbc
			.sql("select started_at::date from clue_step where clue_id = :c and finished_at is null")
			.param("c", id)
			.query(LocalDate.class)
			.single();
		LocalDate normal = this.deadlines.dueOn(ClueState.REGISTERED, ClueGrade.NORMAL, started);
		LocalDate major = this.deadlines.dueOn(ClueState.REGISTERED, ClueGrade.MAJOR, started);
		assertThat(major).as("a major clue has less time").isBefore(normal);
		assertThat(dueOn(id)).isEqualTo(normal);
		this.mvc.perform(edit(this.office, id, 0, "修改前" + this.tag, "1000", "MAJOR"))
			.andExpect(status().is3xxRedirection());
		assertThat(dueOn(id)).isEqualTo(major);
		assertThat(this.jdbc.sql("select due_on from clue_step where clue_id = :c and finished_at is null")
			.param("c", id)
			.query(LocalDate.class)
			.single()).isEqualTo(major);
	}

	private LocalDate dueOn(long id) {
		return this.jdbc.sql("select due_on from clue where id = :c").param("c", id).query(LocalDate.class).single();
	}

	/**
	 * A correction that loses a race writes nothing: it read the clue at version 0,
	 * another change commits version 1 while the correction waits for the row, and the
	 * correction must then be refused — no timeline entry, no audit success, nothing
	 * changed.
	 */
	@Test
	void aCorrectionThatLosesARaceWritesNothing() throws Exception {
		long id = register();
		Actor office = new Actor(1, "office", "处非办", "620422000000", null, true, Set.of("OFFICE"),
				Set.of("clue:clue:accept"), DataScope.jurisdiction("620422000000"));
		ClueEditForm form = new ClueEditForm(0, "修改后" + this.tag, "媒体报道某养老机构高息揽储", "620422100001", null, null, "2000",
				null, ClueGrade.NORMAL);
		try (Connection other = this.dataSource.getConnection()) {
			other.setAutoCommit(false);
			try (PreparedStatement bump = other
				.prepareStatement("update clue set version = version + 1 where id = ?")) {
				bump.setLong(1, id);
				bump.executeUpdate();
			}
			ExecutorService thread = Executors.newSingleThreadExecutor();
			try {
				Future<?> correction = thread.submit(() -> this.edits.edit(id, form, office));
				// the correction has read version 0 and now waits for the row the other
				// change holds
				Awaitility.await()
					.atMost(Duration.ofSeconds(20))
					.until(() -> correction.isDone() || waitingForALock("update clue set"));
				other.commit();
				assertThatThrownBy(correction::get).hasCauseInstanceOf(Conflict.class);
			}
			finally {
				thread.shutdownNow();
			}
		}
		assertThat(timeline(id)).doesNotContain("\n修改:").doesNotContain("修改:标题");
		assertThat(this.jdbc.sql("select count(*) from audit_log where action = 'CLUE_EDIT' and target_id = :id")
			.param("id", String.valueOf(id))
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("select title from clue where id = :id").param("id", id).query(String.class).single())
			.isEqualTo("修改前" + this.tag);
	}

	private boolean waitingForALock(String statement) {
		return this.jdbc.sql("""
				select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like :q
				""").param("q", statement + "%").query(Long.class).single() > 0;
	}

}
