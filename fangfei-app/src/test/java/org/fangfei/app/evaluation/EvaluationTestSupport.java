package org.fangfei.app.evaluation;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.fangfei.app.CountyTestSupport;
import org.fangfei.app.TestCases;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.DataScope;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.security.core.userdetails.UserDetails;

/**
 * What the evaluation tests share: the demo accounts, actors for the services and cases
 * registered through the case ledger's API. Each test class uses years of its own, long
 * past, so the tests never see each other's records.
 */
abstract class EvaluationTestSupport extends CountyTestSupport {

	UserDetails huishi;

	@BeforeEach
	void setUpAccounts() {
		this.huishi = this.accounts.ready("huishi");
	}

	static Actor township(String region, String username) {
		return new Actor(11, username, username + "镇干部", region, null, false, Set.of("TOWNSHIP"),
				Set.of("evaluation:score:view", "evaluation:community:assess"), DataScope.jurisdiction(region));
	}

	static Actor county() {
		return new Actor(
				12, "office", "县处非办干部", COUNTY, null, true, Set.of("OFFICE"), Set.of("evaluation:score:view",
						"evaluation:scheme:edit", "evaluation:score:finalise", "evaluation:community:review"),
				DataScope.jurisdiction(COUNTY));
	}

	/** A case registered directly, its first stage entered on {@code on}. */
	long caseAt(String title, LocalDate on, String region, int participants) throws Exception {
		Map<String, Object> form = TestCases.form(title + " " + this.tag,
				"会金调〔" + on.getYear() + "〕" + this.tag + title.length());
		form.put("stageOn", on.toString());
		form.put("regionCode", region);
		form.put("participantsCount", participants);
		return registerCase(form);
	}

}
