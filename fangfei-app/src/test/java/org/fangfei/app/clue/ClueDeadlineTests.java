package org.fangfei.app.clue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.IntegrationTest;
import org.fangfei.app.calendar.WorkCalendar;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * 办理时限 and 督办: every step gets a due date in working days; the watch flags a step past it
 * once (timeline, notices to the holder and the office head), the supervision board and
 * the overdue filter list it, and listed supervision with a leader tells the holder and
 * the leader.
 */
@IntegrationTest
class ClueDeadlineTests extends ClueTestSupport {

	@Autowired
	WorkCalendar calendar;

	@Autowired
	DeadlineWatch watch;

	@Test
	void eachStepIsDueAfterItsWorkingDays() throws Exception {
		long id = registered("时限");
		LocalDate today = LocalDate.now();
		LocalDate due = this.calendar.plusWorkingDays(today, 5);
		assertThat(clueRow(id)).containsEntry("due_on", java.sql.Date.valueOf(due));
		assertThat(count("select count(*) from clue_step where clue_id = ? and step = 'REGISTERED' and due_on = ?", id,
				due))
			.isOne();
		toVerifying(id);
		LocalDate verifyDue = this.calendar.plusWorkingDays(today, 30);
		assertThat(clueRow(id)).containsEntry("due_on", java.sql.Date.valueOf(verifyDue));
		assertThat(count("select count(*) from clue_step where clue_id = ? and step = 'VERIFYING' and due_on = ?", id,
				verifyDue))
			.isOne();

		Map<String, Object> major = hotline("重大时限");
		major.put("grade", "MAJOR");
		long majorId = register(this.office, major);
		assertThat(clueRow(majorId)).containsEntry("due_on",
				java.sql.Date.valueOf(this.calendar.plusWorkingDays(today, 1)));
	}

	@Test
	void theFirstDeadlineCountsFromWhenTheClueWasReceivedNotTypedIn() throws Exception {
		LocalDate receivedOn = LocalDate.now().minusDays(20);
		Map<String, Object> referral = hotline("部门移交");
		referral.put("source", "REFERRAL");
		referral.put("receivedAt", receivedOn + "T09:30:00");
		long id = register(this.office, referral);

		LocalDate due = this.calendar.plusWorkingDays(receivedOn, 5);
		assertThat(clueRow(id)).containsEntry("due_on", java.sql.Date.valueOf(due));
		assertThat(due).isBefore(LocalDate.now());
		assertThat(this.jdbc.sql("select started_at from clue_step where clue_id = :c and step = 'REGISTERED'")
			.param("c", id)
			.query(java.time.OffsetDateTime.class)
			.single()
			.atZoneSameInstant(java.time.ZoneId.systemDefault())
			.toLocalDateTime()).isEqualTo(receivedOn.atTime(9, 30));
		assertThat(listedIds(this.office, "overdue=true&text=" + this.tag)).containsExactly(id);

		// a corrected grade counts again from the same day, the day it was received
		this.mvc
			.perform(post("/clues/" + id + "/edit").param("version", Integer.toString(version(id)))
				.param("title", clueRow(id).get("title").toString())
				.param("description", "某公司以高息为诱饵向村民吸收资金")
				.param("regionCode", HUISHI_VILLAGE)
				.param("amount", "20000")
				.param("peopleCount", "12")
				.param("grade", "MAJOR")
				.with(user(this.office))
				.with(csrf()))
			.andReturn();
		assertThat(clueRow(id)).containsEntry("grade", "MAJOR")
			.containsEntry("due_on", java.sql.Date.valueOf(this.calendar.plusWorkingDays(receivedOn, 1)));
	}

	@Test
	void aReceivedTimeInTheFutureOrYearsBackIsRefusedInChinese() throws Exception {
		long before = count("select count(*) from clue");
		Map<String, Object> old = hotline("年份输错");
		old.put("receivedAt", "2001-11-16T09:30:00");
		var response = postJson(this.office, "/api/v1/clues", old);
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(JsonPath.parse(response.getContentAsString()).read("$.errors.receivedAt", String.class))
			.startsWith("接收时间不能早于一年前");
		Map<String, Object> future = hotline("未来时间");
		future.put("receivedAt", LocalDate.now().plusDays(1) + "T09:30:00");
		response = postJson(this.office, "/api/v1/clues", future);
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(JsonPath.parse(response.getContentAsString()).read("$.errors.receivedAt", String.class))
			.isEqualTo("接收时间不能晚于现在");
		assertThat(count("select count(*) from clue")).isEqualTo(before);
	}

	@Test
	void theWatchFlagsAnOverdueStepOnce() throws Exception {
		long id = registered("逾期");
		toVerifying(id);
		LocalDate later = LocalDate.now().plusDays(60);

		this.watch.check(later);

		List<Map<String, Object>> flagged = events(id, "逾期");
		assertThat(flagged).singleElement().satisfies(e -> {
			assertThat(e).containsEntry("actor", Actor.system("系统").username());
			assertThat(e.get("note").toString()).contains("核查中", "已超过办理期限");
		});
		assertThat(clueRow(id)).containsEntry("overdue_notified_on", java.sql.Date.valueOf(later));
		List<Map<String, Object>> overdue = notices(id).stream().filter(n -> "OVERDUE".equals(n.get("kind"))).toList();
		assertThat(overdue).extracting(n -> n.get("recipient_key"))
			.containsExactlyInAnyOrder("unit:" + HUISHI, "role:OFFICE_HEAD:620422");
		long noticesBefore = notices(id).size();

		this.watch.check(later);

		assertThat(events(id, "逾期")).hasSize(1);
		assertThat(notices(id)).hasSize((int) noticesBefore);

		// the step ends: its overdue notices leave the inbox
		ok(this.huishi, id, "VERIFY", verification());
		assertThat(notices(id)).filteredOn(n -> "OVERDUE".equals(n.get("kind")))
			.allSatisfy(n -> assertThat(n.get("resolved_at")).isNotNull());
		assertThat(clueRow(id)).containsEntry("overdue_notified_on", null);
	}

	@Test
	void theWatchWarnsOfAStepDueSoonOnce() throws Exception {
		long id = registered("即将到期");
		toVerifying(id);
		LocalDate due = clueRow(id).get("due_on") instanceof java.sql.Date d ? d.toLocalDate() : null;
		assertThat(due).isNotNull();
		LocalDate today = due.minusDays(1);

		this.watch.check(today);
		this.watch.check(today);

		assertThat(notices(id)).filteredOn(n -> "DUE_SOON".equals(n.get("kind")))
			.extracting(n -> n.get("recipient_key"))
			.containsExactly("unit:" + HUISHI);
		assertThat(events(id, "逾期")).isEmpty();
	}

	@Test
	void theScheduledPassFlagsAnOverdueClue() throws Exception {
		long late = registered("定时逾期");
		pastDue(late, 2);

		// as the scheduler calls it: not through check's own transactional proxy
		this.watch.run(LocalDate.now());

		assertThat(events(late, "逾期")).hasSize(1);
		assertThat(clueRow(late).get("overdue_notified_on")).isNotNull();
	}

	@Test
	void anOverdueClueIsOnTheSupervisionBoardAndTheOverdueFilter() throws Exception {
		long late = registered("督办台逾期");
		long fresh = registered("督办台未逾期");
		pastDue(late, 3);

		assertThat(this.watch.check(LocalDate.now())).isPositive();
		assertThat(events(late, "逾期")).hasSize(1);
		assertThat(events(fresh, "逾期")).isEmpty();

		String board = getAs(this.chief, "/clues/supervision").getContentAsString(StandardCharsets.UTF_8);
		assertThat(board).contains(code(late)).doesNotContain(code(fresh));
		assertThat(listedIds(this.office, "overdue=true&text=" + this.tag)).containsExactly(late);
		assertThat(listedIds(this.office, "text=" + this.tag)).contains(late, fresh);
		String page = getAs(this.office, "/clues?overdue=true&text=" + this.tag)
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains(code(late)).doesNotContain(code(fresh));
		// 河畔镇 sees neither on its board
		assertThat(getAs(this.hepan, "/clues/supervision").getContentAsString(StandardCharsets.UTF_8))
			.doesNotContain(code(late));
	}

	@Test
	void supervisionWithALeaderTellsTheHolderAndTheLeader() throws Exception {
		long id = registered("挂牌督办");
		toVerifying(id);
		int version = version(id);
		long leaderId = userId("leader");

		supervise(id, leaderId, "");
		assertThat(clueRow(id)).containsEntry("supervised", false);
		assertThat(events(id, "督办")).isEmpty();

		supervise(id, leaderId, "请于本周内完成核查");
		Map<String, Object> clue = clueRow(id);
		assertThat(clue).containsEntry("supervised", true)
			.containsEntry("supervision_leader_id", leaderId)
			.containsEntry("supervision_note", "请于本周内完成核查");
		assertThat((Integer) clue.get("version")).isEqualTo(version + 1);
		assertThat(events(id, "督办")).singleElement()
			.satisfies(e -> assertThat(e).containsEntry("note", "请于本周内完成核查").containsEntry("actor", "chief"));
		assertThat(audits(id)).endsWith("CLUE_SUPERVISE");
		assertThat(notices(id)).filteredOn(n -> "SUPERVISION".equals(n.get("kind")))
			.extracting(n -> n.get("recipient_key"))
			.containsExactlyInAnyOrder("unit:" + HUISHI, "user:" + leaderId);
		String board = getAs(this.chief, "/clues/supervision").getContentAsString(StandardCharsets.UTF_8);
		assertThat(board).contains(code(id)).contains("挂牌(县领导 李明)");
		assertThat(getAs(this.chief, "/api/v1/clues/" + id).getContentAsString(StandardCharsets.UTF_8))
			.contains("\"supervisionLeader\":\"县领导 李明\"");
		assertThat(getAs(this.chief, "/clues/" + id).getContentAsString(StandardCharsets.UTF_8))
			.contains("value=\"" + leaderId + "\">县领导 李明</option>");
		assertThat(getAs(this.leader, "/api/v1/inbox?size=100").getContentAsString(StandardCharsets.UTF_8))
			.contains("督办：" + code(id));
		assertThat(listedIds(this.office, "supervised=true&text=" + this.tag)).containsExactly(id);

		// only a leader or the office head within the jurisdiction leads a clue
		supervise(id, userId("office"), "改由处非办包案");
		assertThat(events(id, "督办")).hasSize(1);
		assertThat(clueRow(id)).containsEntry("supervision_leader_id", leaderId);

		// a township cannot supervise
		int status = this.mvc
			.perform(post("/clues/" + id + "/supervision").param("note", "越权督办").with(user(this.huishi)).with(csrf()))
			.andReturn()
			.getResponse()
			.getStatus();
		assertThat(status).isEqualTo(403);
		assertThat(events(id, "督办")).hasSize(1);
	}

	@Test
	void closingAClueEndsItsSupervisionBadgeAndNotices() throws Exception {
		long id = registered("督办后销号");
		long leaderId = userId("leader");
		toAssessing(id);
		supervise(id, leaderId, "请尽快研判");
		assertThat(clueRow(id)).containsEntry("supervised", true);
		assertThat(notices(id)).filteredOn(n -> "SUPERVISION".equals(n.get("kind"))).isNotEmpty();

		ok(this.chief, id, "DETERMINE", determination("NOT_ILLEGAL", "经研判不构成非法集资"));
		ok(this.office, id, "FEEDBACK", note("已向来源反馈"));
		ok(this.chief, id, "CLOSE", note("销号"));

		assertThat(clueRow(id)).containsEntry("state", "CLOSED").containsEntry("supervised", false);
		assertThat(notices(id)).filteredOn(n -> "SUPERVISION".equals(n.get("kind")))
			.isNotEmpty()
			.allSatisfy(n -> assertThat(n.get("resolved_at")).as("supervision notice resolved").isNotNull());
		assertThat(events(id, "督办")).last().satisfies(e -> assertThat(e.get("note")).isEqualTo("线索已销号，挂牌督办随之结束"));
		String page = getAs(this.chief, "/clues/" + id).getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).doesNotContain("挂牌督办：").doesNotContain("id=\"supervision\"");
		assertThat(listedIds(this.office, "supervised=true&text=" + this.tag)).doesNotContain(id);
		assertThat(getAs(this.chief, "/clues/supervision").getContentAsString(StandardCharsets.UTF_8))
			.doesNotContain(code(id));

		// and no new supervision on a closed clue
		int before = events(id, "督办").size();
		supervise(id, leaderId, "再次督办");
		assertThat(clueRow(id)).containsEntry("supervised", false);
		assertThat(events(id, "督办")).hasSize(before);
	}

	private void supervise(long id, long leaderId, String note) throws Exception {
		this.mvc
			.perform(post("/clues/" + id + "/supervision").param("leaderId", Long.toString(leaderId))
				.param("note", note)
				.with(user(this.chief))
				.with(csrf()))
			.andReturn();
	}

	/** Moves the clue's current step's due date into the past, as if days had gone by. */
	private void pastDue(long id, int days) {
		LocalDate due = LocalDate.now().minusDays(days);
		this.jdbc.sql("update clue set due_on = :d where id = :id").param("d", due).param("id", id).update();
		this.jdbc.sql("update clue_step set due_on = :d where clue_id = :id and finished_at is null")
			.param("d", due)
			.param("id", id)
			.update();
	}

}
