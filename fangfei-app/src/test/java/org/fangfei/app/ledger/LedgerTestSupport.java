package org.fangfei.app.ledger;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import org.fangfei.app.CountyTestSupport;
import org.fangfei.app.TestCases;
import org.fangfei.app.TestClues;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.Times;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetails;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the ledger tests share: the demo accounts, actors for the services, and records
 * made through the owning modules' APIs at a moment in the past (the clock held there),
 * so that a month's ledger can be checked against what stood at its end. Each test uses
 * months of its own, long past, so tests never see each other's records.
 */
abstract class LedgerTestSupport extends CountyTestSupport {

	@Autowired
	Ledgers ledgers;

	UserDetails chief;

	UserDetails huishi;

	UserDetails hepan;

	@BeforeEach
	void setUpAccounts() {
		this.chief = this.accounts.ready("chief");
		this.huishi = this.accounts.ready("huishi");
		this.hepan = this.accounts.ready("hepan");
	}

	static Actor township(String region, String username) {
		return new Actor(11, username, username + "镇干部", region, null, false, Set.of("TOWNSHIP"),
				Set.of("ledger:ledger:view", "ledger:ledger:submit"), DataScope.jurisdiction(region));
	}

	static Actor county(String username) {
		return new Actor(12, username, "县处非办" + username, "620422000000", null, true, Set.of("OFFICE"),
				Set.of("ledger:ledger:view", "ledger:ledger:review", "ledger:report:submit", "ledger:report:accept"),
				DataScope.jurisdiction("620422000000"));
	}

	static OffsetDateTime at(String text) {
		return OffsetDateTime.parse(text + "+08:00");
	}

	/** A subject registered through the API at {@code when}. */
	long subjectAt(String when, String name, String region) throws Exception {
		try (var held = Times.holdAt(at(when))) {
			MockHttpServletResponse r = postJson(this.office, "/api/v1/subjects",
					Map.of("kind", "ENTERPRISE", "name", name + this.tag, "regionCode", region, "status", "WATCHING"));
			assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
			return JsonPath.parse(r.getContentAsString()).read("$.id", Long.class);
		}
	}

	/** A subject's risk level or status changed at {@code when}, as an edit stamps it. */
	void changeSubject(long id, String column, String value, String when) {
		this.jdbc.sql("update subject set " + column + " = :v, updated_at = :at, version = version + 1 where id = :id")
			.param("v", value)
			.param("at", at(when))
			.param("id", id)
			.update();
	}

	/** A hotline clue registered through the API at {@code when}. */
	long clueAt(String when, String title, String region, boolean major) throws Exception {
		try (var held = Times.holdAt(at(when))) {
			Map<String, Object> form = TestClues.hotline(title + " " + this.tag, region);
			if (major) {
				form.put("grade", "MAJOR");
			}
			return registerClue(form);
		}
	}

	/** The office accepts (受理) a clue at {@code when}. */
	void acceptClueAt(long id, String when) throws Exception {
		try (var held = Times.holdAt(at(when))) {
			clueMove(this.office, id, "ACCEPT", Map.of());
		}
	}

	/** A case registered directly, its first stage entered on {@code on}. */
	long caseAt(String title, String stage, LocalDate on, String region) throws Exception {
		Map<String, Object> form = TestCases.form(title + " " + this.tag, "会金调〔" + on.getYear() + "〕" + this.tag);
		form.put("stage", stage);
		form.put("stageOn", on.toString());
		form.put("regionCode", region);
		return registerCase(form);
	}

	/** The rows of a section whose cells include {@code text} somewhere. */
	static List<List<String>> rowsWith(LedgerContent content, String section, String text) {
		return content.section(section)
			.rows()
			.stream()
			.filter(r -> r.stream().anyMatch(c -> c.contains(text)))
			.toList();
	}

	static String summary(LedgerContent content, String item) {
		return content.section("summary")
			.rows()
			.stream()
			.filter(r -> r.get(1).equals(item))
			.map(r -> r.get(2))
			.findFirst()
			.orElseThrow();
	}

}
