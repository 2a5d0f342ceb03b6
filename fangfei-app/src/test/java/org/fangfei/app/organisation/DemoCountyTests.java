package org.fangfei.app.organisation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.fangfei.app.IntegrationTest;
import org.fangfei.app.shared.DataScope;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo county 会宁县 as loaded on an empty database: 28 townships as level-1 grids and
 * 322 villages and communities as level-2 grids, each under the level-1 grid of its own
 * township.
 */
@IntegrationTest
class DemoCountyTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	OrganisationTree tree;

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	/**
	 * Other tests add regions of their own, so the count is taken over the codes of the
	 * shipped file.
	 */
	@Test
	void loadsTheTownshipsAndVillagesOfHuining() throws Exception {
		List<String> lines = Files.readAllLines(Path.of("src/main/resources/" + DemoCounty.CSV));
		List<String> villages = lines.stream().skip(1).map(l -> l.split(",")[0]).toList();
		List<String> townships = lines.stream().skip(1).map(l -> l.split(",")[2] + "000").distinct().toList();
		assertThat(villages).hasSize(322).doesNotHaveDuplicates();
		assertThat(townships).hasSize(28);
		assertThat(this.jdbc.sql("select count(*) from grid where level = 1 and region_code = any(:codes)")
			.param("codes", townships.toArray(String[]::new))
			.query(Long.class)
			.single()).isEqualTo(28);
		assertThat(this.jdbc.sql("select count(*) from grid where level = 2 and region_code = any(:codes)")
			.param("codes", villages.toArray(String[]::new))
			.query(Long.class)
			.single()).isEqualTo(322);
		assertThat(this.jdbc.sql("select count(*) from region where level = 'VILLAGE' and code = any(:codes)")
			.param("codes", villages.toArray(String[]::new))
			.query(Long.class)
			.single()).isEqualTo(322);
	}

	@Test
	void everyVillageGridHangsUnderItsTownshipGrid() {
		long misplaced = count("""
				select count(*) from grid g
				join grid p on p.id = g.parent_id
				join region v on v.code = g.region_code
				where g.level = 2 and g.code = v.code and v.name like '%委员会'
				and (p.level <> 1 or p.region_code <> v.parent_code)
				""");
		assertThat(misplaced).isZero();
	}

	@Test
	void theCountyTreeOpensToItsTownships() {
		DataScope county = DataScope.jurisdiction("620422000000");
		assertThat(this.tree.roots(county)).extracting(n -> n.region().name()).containsExactly("会宁县");
		var townships = this.tree.children("620422000000", county);
		assertThat(townships).hasSizeGreaterThanOrEqualTo(28);
		RegionNode huishi = townships.stream()
			.filter(n -> n.region().code().equals("620422100000"))
			.findFirst()
			.orElseThrow();
		assertThat(huishi.region().name()).isEqualTo("会师镇");
		assertThat(huishi.gridLevel()).isEqualTo(1);
		assertThat(huishi.villages()).isGreaterThanOrEqualTo(21);
	}

	@Test
	void everyDemoPersonHasAnEncryptedPhoneAndNoPlainDigits() {
		assertThat(count("select count(*) from person where phone_enc is null or phone_idx is null")).isZero();
		assertThat(count("select count(*) from person where phone_masked !~ '^1[0-9]{2}\\*{4}[0-9]{4}$'")).isZero();
		assertThat(count("select count(*) from person where position('1990422' in encode(phone_enc, 'escape')) > 0"))
			.isZero();
	}

}
