package org.fangfei.app.clue;

import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.fangfei.app.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.security.core.userdetails.UserDetails;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard counts what the viewer's scope holds: the county office sees every clue,
 * a township only its own territory's.
 */
@IntegrationTest
class ClueDashboardTests extends ClueTestSupport {

	@Test
	void countsFollowWhatWasCreatedWithinTheViewersScope() throws Exception {
		Figures countyBefore = figures(this.chief);
		Figures huishiBefore = figures(this.huishi);
		Figures hepanBefore = figures(this.hepan);

		long one = registered("看板甲");
		long two = registered("看板乙");
		toDispatched(two);
		Map<String, Object> tip = hotline("看板河畔");
		tip.put("source", "TIP");
		tip.put("regionCode",
				this.jdbc.sql("select min(code) from region where parent_code = :p")
					.param("p", HEPAN)
					.query(String.class)
					.single());
		register(this.office, tip);
		long rejected = registered("看板不予受理");
		ok(this.office, rejected, "REJECT", note("重复举报"));
		assertThat(List.of(one, two, rejected)).doesNotHaveDuplicates();

		Figures county = figures(this.chief);
		assertThat(county.total - countyBefore.total).isEqualTo(4);
		assertThat(county.open - countyBefore.open).isEqualTo(3);
		assertThat(county.state("DISPATCHED") - countyBefore.state("DISPATCHED")).isEqualTo(1);
		assertThat(county.state("REJECTED") - countyBefore.state("REJECTED")).isEqualTo(1);
		assertThat(county.source("HOTLINE") - countyBefore.source("HOTLINE")).isEqualTo(3);
		assertThat(county.source("TIP") - countyBefore.source("TIP")).isEqualTo(1);
		assertThat(county.stepsFinished - countyBefore.stepsFinished).isEqualTo(3);

		Figures huishi = figures(this.huishi);
		assertThat(huishi.total - huishiBefore.total).isEqualTo(3);
		assertThat(huishi.open - huishiBefore.open).isEqualTo(2);
		assertThat(huishi.source("TIP") - huishiBefore.source("TIP")).isZero();
		assertThat(huishi.townships).allSatisfy(k -> assertThat(k).startsWith("620422100"));

		Figures hepan = figures(this.hepan);
		assertThat(hepan.total - hepanBefore.total).isEqualTo(1);
		assertThat(hepan.source("TIP") - hepanBefore.source("TIP")).isEqualTo(1);
		assertThat(hepan.townships).allSatisfy(k -> assertThat(k).startsWith("620422102"));

		assertThat(getAs(this.grid, "/api/v1/clues/dashboard").getStatus()).isEqualTo(403);
	}

	private record Figures(long total, long open, long stepsFinished, DocumentContext doc, List<String> townships) {

		long state(String state) {
			return sum("$.byState[?(@.key == '" + state + "')].count");
		}

		long source(String source) {
			return sum("$.bySource[?(@.key == '" + source + "')].count");
		}

		private long sum(String path) {
			List<Number> found = this.doc.read(path);
			return found.stream().mapToLong(Number::longValue).sum();
		}

	}

	private Figures figures(UserDetails who) throws Exception {
		var response = getAs(who, "/api/v1/clues/dashboard");
		assertThat(response.getStatus()).as(who.getUsername()).isEqualTo(200);
		DocumentContext doc = JsonPath.parse(response.getContentAsString());
		return new Figures(doc.read("$.total", Long.class), doc.read("$.open", Long.class),
				doc.read("$.stepsFinished", Long.class), doc, doc.read("$.byTownship[*].key"));
	}

}
