package org.fangfei.app.clue;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.fangfei.app.IntegrationTest;
import org.fangfei.app.TestImages;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * A patrol that raises a finding becomes one clue from the channel "网格走访发现": taken in by
 * the event listener after the patrol commits, the pending finding marked taken with the
 * clue's code; delivered again, it still makes one clue.
 */
@IntegrationTest
@EnableScenarios
class ClueFromPatrolTests extends ClueTestSupport {

	@Autowired
	PatrolFindingIntake intake;

	@Test
	void aRaisedFindingBecomesOnePatrolClue(Scenario scenario) throws Exception {
		String name = "走访线索商行" + this.tag;
		long[] patrolId = new long[1];
		scenario.stimulate(() -> patrolId[0] = recordPatrolRaisingAClue(name))
			.andWaitAtMost(Duration.ofSeconds(20))
			.andWaitForStateChange(() -> clueRefOf(patrolId[0]), Optional::isPresent)
			.andVerify(ref -> {
				String code = ref.orElseThrow();
				Map<String, Object> clue = this.jdbc.sql("select * from clue where code = :c")
					.param("c", code)
					.query()
					.singleRow();
				assertThat(clue).containsEntry("source", "PATROL")
					.containsEntry("source_ref", "patrol-" + patrolId[0])
					.containsEntry("state", "REGISTERED")
					.containsEntry("region_code", HUISHI_VILLAGE)
					.containsEntry("feedback_required", false);
				assertThat(clue.get("description").toString()).contains(name, "承诺高额回报");
				long id = ((Number) clue.get("id")).longValue();
				assertThat(count("select count(*) from clue_subject cs join subject s on s.id = cs.subject_id "
						+ "where cs.clue_id = ? and s.name = ?", id, name))
					.isOne();
				assertThat(timeline(id)).containsExactly("登记:>REGISTERED", "附件:>");
				// the patrol's photo follows the clue, still without EXIF or position
				Map<String, Object> photo = this.jdbc.sql("select * from clue_attachment where clue_id = :c")
					.param("c", id)
					.query()
					.singleRow();
				assertThat(photo).containsEntry("file_name", "走访照片1.jpg")
					.containsEntry("content_type", "image/jpeg")
					.containsEntry("uploaded_by", "网格走访");
				TestImages.assertUprightPortrait((byte[]) photo.get("content"));
				assertThat(notices(id)).singleElement()
					.satisfies(n -> assertThat(n).containsEntry("to_role", "OFFICE").containsEntry("kind", "ASSIGNED"));
			});
		assertThat(this.jdbc.sql("select taken_at from pending_finding where patrol_id = :p")
			.param("p", patrolId[0])
			.query()
			.singleRow()
			.get("taken_at")).isNotNull();

		// delivered again (a retry of the publication, or the sweep finding it waiting)
		this.jdbc.sql("update pending_finding set taken_at = null, clue_ref = null where patrol_id = :p")
			.param("p", patrolId[0])
			.update();
		assertThat(this.intake.sweep()).isPositive();
		assertThat(
				count("select count(*) from clue where source = 'PATROL' and source_ref = ?", "patrol-" + patrolId[0]))
			.isOne();
		assertThat(clueRefOf(patrolId[0])).isPresent();
		assertThat(this.intake.sweep()).isZero();
	}

	/**
	 * Issue 14, item 2: the office's feedback on a clue a patrol raised reaches the grid
	 * worker who recorded the patrol, in their inbox, once.
	 */
	@Test
	void theFeedbackReachesTheGridWorkerWhosePatrolRaisedTheClue(Scenario scenario) throws Exception {
		long[] patrolId = new long[1];
		scenario.stimulate(() -> patrolId[0] = recordPatrolRaisingAClue("反馈网格员商行" + this.tag))
			.andWaitAtMost(Duration.ofSeconds(20))
			.andWaitForStateChange(() -> clueRefOf(patrolId[0]), Optional::isPresent);
		long id = this.jdbc.sql("select id from clue where source_ref = :r")
			.param("r", "patrol-" + patrolId[0])
			.query(Long.class)
			.single();
		toDetermined(id, "NOT_ILLEGAL");
		assertThat(state(id)).isEqualTo("FEEDBACK");
		long gridUser = this.jdbc.sql("select id from app_user where username = 'grid'").query(Long.class).single();
		String feedback = "经核查，该商行已停止宣传，未发现非法集资。感谢上报。" + this.tag;
		scenario.stimulate(() -> {
			try {
				ok(this.office, id, "FEEDBACK", note(feedback));
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		})
			.andWaitAtMost(Duration.ofSeconds(20))
			.andWaitForStateChange(() -> this.jdbc
				.sql("select count(*) from notice where to_user_id = :u and kind = 'FEEDBACK' and body = :b")
				.param("u", gridUser)
				.param("b", feedback)
				.query(Long.class)
				.single(), n -> n > 0)
			.andVerify(n -> assertThat(n).isOne());
		assertThat(this.jdbc.sql("select link from notice where to_user_id = :u and body = :b")
			.param("u", gridUser)
			.param("b", feedback)
			.query(String.class)
			.single()).isEqualTo("/patrols/" + patrolId[0]);
	}

	private Optional<String> clueRefOf(long patrolId) {
		return this.jdbc.sql("select clue_ref from pending_finding where patrol_id = :p and taken_at is not null")
			.param("p", patrolId)
			.query(String.class)
			.optional();
	}

	private long recordPatrolRaisingAClue(String newSubject) {
		try {
			String location = this.mvc
				.perform(multipart("/patrols")
					.file(new MockMultipartFile("photos", "IMG_0001.jpg", "image/jpeg", TestImages.portraitPhoto()))
					.param("target", "new")
					.param("newSubjectKind", "INDIVIDUAL_BUSINESS")
					.param("newSubjectName", newSubject)
					.param("newSubjectRegion", HUISHI_VILLAGE)
					.param("visitedAt", LocalDateTime.now().minusHours(1).truncatedTo(ChronoUnit.MINUTES).toString())
					.param("place", "会师镇西街门店")
					.param("legallyRegistered", "YES")
					.param("fundraisingApproved", "NONE")
					.param("solicitsPublic", "YES")
					.param("promisesHighReturns", "YES")
					.param("hidesBehindLegalForm", "NO")
					.param("adsOrStallsSeen", "NO")
					.param("notes", "店内张贴高息宣传单")
					.param("raiseClue", "true")
					.with(user(this.grid))
					.with(csrf()))
				.andReturn()
				.getResponse()
				.getRedirectedUrl();
			assertThat(location).matches("/patrols/[0-9]+");
			return Long.parseLong(location.substring("/patrols/".length()));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
