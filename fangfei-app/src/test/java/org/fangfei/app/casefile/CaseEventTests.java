package org.fangfei.app.casefile;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.fangfei.app.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fangfei.app.Stimulus.unchecked;

/**
 * The case ledger tells the others what happened, once the change commits: opening, each
 * stage move with its document, closing and a change of figures, each carrying the case's
 * id, code, region, subjects and the version the change wrote, so no listener reads the
 * case's tables. A refused move publishes nothing.
 */
@IntegrationTest
@EnableScenarios
class CaseEventTests extends CaseTestSupport {

	@Test
	void openingIsPublishedWithItsStageDocumentAndVersionZero(Scenario scenario) throws Exception {
		Map<String, Object> form = caseForm("ADMINISTRATIVE", "ADMIN_INVESTIGATION");
		String title = form.get("title").toString();
		scenario.stimulate(unchecked(() -> register(this.office, form)))
			.andWaitAtMost(Duration.ofSeconds(20))
			.andWaitForEventOfType(CaseEvent.Opened.class)
			.matching(e -> e.file().title().equals(title))
			.toArriveAndVerify(e -> {
				assertThat(e.origin()).isEqualTo(CaseOrigin.ASSIGNED);
				assertThat(e.clueId()).isNull();
				assertThat(e.path()).isEqualTo(CasePath.ADMINISTRATIVE);
				assertThat(e.stage()).isEqualTo(CaseStage.ADMIN_INVESTIGATION);
				assertThat(e.on()).isEqualTo(LocalDate.now().minusDays(10));
				assertThat(e.docNumber()).isEqualTo(form.get("docNumber"));
				assertThat(e.unit()).isEqualTo("会宁县公安局");
				assertThat(e.file().regionCode()).isEqualTo(HUISHI_VILLAGE);
				assertThat(e.file().code()).startsWith("AJ");
				assertThat(e.file().version()).isZero().isEqualTo(version(e.file().id()));
			});
	}

	@Test
	void aStageMoveCarriesItsDocumentUnitAndTheVersionItWrote(Scenario scenario) throws Exception {
		long id = register(this.office, caseForm("ADMINISTRATIVE", "ADMIN_INVESTIGATION"));
		scenario.stimulate(unchecked(() -> stageOk(id, "ADMIN_DETERMINATION")))
			.andWaitAtMost(Duration.ofSeconds(20))
			.andWaitForEventOfType(CaseEvent.StageRecorded.class)
			.matching(e -> e.file().id() == id)
			.toArriveAndVerify(e -> {
				assertThat(e.from()).isEqualTo(CaseStage.ADMIN_INVESTIGATION);
				assertThat(e.stage()).isEqualTo(CaseStage.ADMIN_DETERMINATION);
				assertThat(e.path()).isEqualTo(CasePath.ADMINISTRATIVE);
				assertThat(e.on()).isEqualTo(LocalDate.now());
				assertThat(e.docNumber()).isEqualTo("文书〔2026〕ADMIN_DETERMINATION");
				assertThat(e.unit()).isEqualTo("会宁县公安局");
				assertThat(e.transferred()).isFalse();
				assertThat(e.file().version()).isEqualTo(1).isEqualTo(version(id));
			});
	}

	@Test
	void aTransferToThePoliceSaysSo(Scenario scenario) throws Exception {
		long id = register(this.office, caseForm("ADMINISTRATIVE", "ADMIN_INVESTIGATION"));
		scenario.stimulate(unchecked(() -> stageOk(id, "FILED")))
			.andWaitAtMost(Duration.ofSeconds(20))
			.andWaitForEventOfType(CaseEvent.StageRecorded.class)
			.matching(e -> e.file().id() == id)
			.toArriveAndVerify(e -> {
				assertThat(e.transferred()).isTrue();
				assertThat(e.path()).isEqualTo(CasePath.CRIMINAL);
				assertThat(e.stage()).isEqualTo(CaseStage.FILED);
			});
	}

	@Test
	void closingIsItsOwnEvent(Scenario scenario) throws Exception {
		long id = register(this.office, caseForm("CRIMINAL", "FILED"));
		scenario.stimulate(unchecked(() -> stageOk(id, "CLOSED")))
			.andWaitAtMost(Duration.ofSeconds(20))
			.andWaitForEventOfType(CaseEvent.Closed.class)
			.matching(e -> e.file().id() == id)
			.toArriveAndVerify(e -> {
				assertThat(e.from()).isEqualTo(CaseStage.FILED);
				assertThat(e.path()).isEqualTo(CasePath.CRIMINAL);
				assertThat(e.docNumber()).isEqualTo("文书〔2026〕CLOSED");
			});
		assertThat(published(CaseEvent.StageRecorded.class, id)).as("a closing is not also a stage move").isZero();
	}

	@Test
	void aChangeOfFiguresCarriesTheFiguresSubjectsAndRegionsAsTheyStandNow(Scenario scenario) throws Exception {
		long id = register(this.office, caseForm("ADMINISTRATIVE", "ADMIN_INVESTIGATION"));
		Map<String, Object> form = caseForm("ADMINISTRATIVE", "ADMIN_INVESTIGATION");
		form.put("amountRaised", "150000000");
		form.put("participantsCount", 2500);
		form.put("involvedRegions", List.of(HEPAN));
		scenario.stimulate(unchecked(() -> {
			MockHttpServletResponse r = postJson(this.office, "/api/v1/cases/" + id + "?version=" + version(id), form);
			assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
		}))
			.andWaitAtMost(Duration.ofSeconds(20))
			.andWaitForEventOfType(CaseEvent.FiguresChanged.class)
			.matching(e -> e.file().id() == id)
			.toArriveAndVerify(e -> {
				assertThat(e.amountRaisedFen()).isEqualTo(150_000_000_00L);
				assertThat(e.participants()).isEqualTo(2500);
				assertThat(e.directLossFen()).isEqualTo(1_200_000_00L);
				assertThat(e.involvedRegions()).containsExactly(HEPAN);
				assertThat(e.file().version()).isEqualTo(version(id));
			});
	}

	@Test
	void aRefusedMovePublishesNothing() throws Exception {
		long id = register(this.office, caseForm("ADMINISTRATIVE", "ADMIN_INVESTIGATION"));
		org.fangfei.app.EventsDelivered.await(this.jdbc);
		long before = published(CaseEvent.StageRecorded.class, id);
		MockHttpServletResponse refused = stage(this.office, id, "PENALTY", LocalDate.now());
		assertThat(refused.getStatus()).isEqualTo(400);
		assertThat(published(CaseEvent.StageRecorded.class, id)).isEqualTo(before).isZero();
	}

	/** Events of this type about case {@code id} in the publication registry. */
	private long published(Class<?> type, long id) {
		return this.jdbc
			.sql("select count(*) from event_publication where event_type = :t and serialized_event like :id")
			.param("t", type.getName())
			.param("id", "%\"id\":" + id + ",%")
			.query(Long.class)
			.single();
	}

}
