package org.fangfei.app.casefile;

import java.util.List;

import org.fangfei.app.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo county's cross-province case, loaded through the services at start: duties,
 * the register line, an open window and claims in every state, and loaded once only.
 */
@IntegrationTest
class DemoCrossProvinceCaseTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoCrossProvinceCase demo;

	@Test
	void theDemoCaseHasAWindowAndClaimsInEveryState() throws Exception {
		long id = this.jdbc.sql("select id from case_file where title = :t")
			.param("t", DemoCrossProvinceCase.TITLE)
			.query(Long.class)
			.single();
		assertThat(this.jdbc.sql("select cross_province from case_file where id = :id")
			.param("id", id)
			.query(Boolean.class)
			.single()).isTrue();
		List<String> states = this.jdbc.sql("select distinct status from case_claim where case_id = :c order by 1")
			.param("c", id)
			.query(String.class)
			.list();
		assertThat(states).containsExactly("ACCEPTED", "CORRECTED", "REFUSED", "SUBMITTED");
		assertThat(this.jdbc.sql("select count(*) from case_claim_window where case_id = :c and closed_at is null")
			.param("c", id)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from case_duty where case_id = :c")
			.param("c", id)
			.query(Long.class)
			.single()).isEqualTo(3);
		assertThat(this.jdbc.sql("select role from case_cross_province where case_id = :c")
			.param("c", id)
			.query(String.class)
			.single()).isEqualTo("LEAD");
		this.demo.run();
		assertThat(this.jdbc.sql("select count(*) from case_file where title = :t")
			.param("t", DemoCrossProvinceCase.TITLE)
			.query(Long.class)
			.single()).as("loaded once").isEqualTo(1);
	}

}
