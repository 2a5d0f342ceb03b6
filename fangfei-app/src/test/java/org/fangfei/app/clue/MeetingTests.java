package org.fangfei.app.clue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

import org.fangfei.app.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * 会商研判: a meeting recorded with its decisions determines the clues it discussed; bad
 * input is refused on the form with nothing written.
 */
@IntegrationTest
class MeetingTests extends ClueTestSupport {

	@Test
	void anAssessmentMeetingDeterminesTheClueItDiscussed() throws Exception {
		long id = registered("会商研判");
		toAssessing(id);
		String title = "第一次会商 " + this.tag;

		MockHttpServletResponse response = this.mvc
			.perform(meeting("ASSESSMENT", this.chief, title, LocalDate.now()).param("clueCode", code(id).toLowerCase())
				.param("determination", "SUSPECTED_ILLEGAL")
				.param("decisionNote", "资金池运作，涉嫌非法吸收公众存款"))
			.andReturn()
			.getResponse();
		assertThat(response.getRedirectedUrl()).matches("/meetings/[0-9]+");
		long meetingId = Long.parseLong(response.getRedirectedUrl().substring("/meetings/".length()));

		assertThat(this.jdbc.sql("select * from meeting where id = :id").param("id", meetingId).query().singleRow())
			.containsEntry("kind", "ASSESSMENT")
			.containsEntry("title", title)
			.containsEntry("created_by", "chief");
		assertThat(this.jdbc.sql("select * from meeting_clue where meeting_id = :m")
			.param("m", meetingId)
			.query()
			.singleRow()).containsEntry("clue_id", id).containsEntry("determination", "SUSPECTED_ILLEGAL");
		Map<String, Object> clue = clueRow(id);
		assertThat(clue).containsEntry("state", "DISPOSING").containsEntry("determination", "SUSPECTED_ILLEGAL");
		assertThat(clue.get("determination_note").toString()).contains(title, "资金池运作");
		assertThat(timeline(id)).endsWith("认定:ASSESSING>DISPOSING");
		assertThat(audits(id)).endsWith("CLUE_DETERMINE");
		assertThat(count("select count(*) from audit_log where action = 'MEETING_RECORD' and target_id = ?",
				Long.toString(meetingId)))
			.isOne();
		assertThat(getAs(this.chief, "/meetings/" + meetingId).getContentAsString(StandardCharsets.UTF_8))
			.contains(code(id));
		assertThat(getAs(this.chief, "/clues/" + id).getContentAsString(StandardCharsets.UTF_8)).contains(title);
	}

	@Test
	void aMeetingOnAClueNotAwaitingAssessmentOnlyNotesTheDecision() throws Exception {
		long id = registered("会商非研判环节");
		String title = "联席会议 " + this.tag;
		MockHttpServletResponse response = this.mvc
			.perform(meeting(this.chief, "JOINT", title, LocalDate.now()).param("clueCode", code(id))
				.param("determination", "IRREGULAR"))
			.andReturn()
			.getResponse();
		assertThat(response.getRedirectedUrl()).matches("/meetings/[0-9]+");
		assertThat(state(id)).isEqualTo("REGISTERED");
		assertThat(events(id, "会商研判")).singleElement()
			.satisfies(e -> assertThat(e.get("note").toString()).contains(title, "不规范经营行为"));
	}

	@Test
	void badMeetingInputIsRefusedAndNothingWritten() throws Exception {
		long id = registered("会商坏输入");
		toAssessing(id);
		Snapshot clue = snapshot(id);
		long meetings = count("select count(*) from meeting");
		long decisions = count("select count(*) from meeting_clue");

		assertRefused(meeting("ASSESSMENT", this.chief, "", LocalDate.now()).param("clueCode", code(id))
			.param("determination", "NOT_ILLEGAL"), "请填写会议名称");
		assertRefused(meeting("ASSESSMENT", this.chief, "未来的会 " + this.tag, LocalDate.now().plusDays(1))
			.param("clueCode", code(id))
			.param("determination", "NOT_ILLEGAL"), "不能晚于今天");
		assertRefused(meeting("ASSESSMENT", this.chief, "不存在的线索 " + this.tag, LocalDate.now())
			.param("clueCode", "XS20269999999")
			.param("determination", "NOT_ILLEGAL"), "XS20269999999 不存在或无权查看");
		assertRefused(meeting("ASSESSMENT", this.chief, "没有结论 " + this.tag, LocalDate.now()).param("clueCode", code(id))
			.param("determination", ""), "请为线索");
		assertThat(count("select count(*) from meeting")).isEqualTo(meetings);
		assertThat(count("select count(*) from meeting_clue")).isEqualTo(decisions);
		assertThat(snapshot(id)).isEqualTo(clue);

		int status = this.mvc.perform(meeting("ASSESSMENT", this.huishi, "镇里开会 " + this.tag, LocalDate.now()))
			.andReturn()
			.getResponse()
			.getStatus();
		assertThat(status).isEqualTo(403);
		assertThat(count("select count(*) from meeting")).isEqualTo(meetings);
	}

	private void assertRefused(MockHttpServletRequestBuilder request, String message) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getRedirectedUrl()).isNull();
		assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains(message);
	}

	private MockHttpServletRequestBuilder meeting(String kind, UserDetails who, String title, LocalDate heldOn) {
		return meeting(who, kind, title, heldOn);
	}

	private MockHttpServletRequestBuilder meeting(UserDetails who, String kind, String title, LocalDate heldOn) {
		return post("/meetings").with(user(who))
			.with(csrf())
			.param("kind", kind)
			.param("heldOn", heldOn.toString())
			.param("title", title)
			.param("attendees", "县处非办、县市场监管局、会师镇")
			.param("minutes", "研判线索");
	}

}
