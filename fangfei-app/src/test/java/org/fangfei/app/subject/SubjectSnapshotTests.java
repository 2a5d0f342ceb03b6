package org.fangfei.app.subject;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Set;

import org.fangfei.app.IntegrationTest;
import org.fangfei.app.TestAccounts;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.TabularFile;
import org.fangfei.app.subject.SnapshotComparison.Change;
import org.fangfei.app.subject.SnapshotComparison.Count;
import org.fangfei.app.subject.SnapshotComparison.Entry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The monthly 动态管理台账. Months are global, so each test takes months of its own, far in the
 * past; the test classes run one after another, so nothing else changes the ledger
 * between a test's two months.
 */
@IntegrationTest
class SubjectSnapshotTests {

	static final DataScope COUNTY = DataScope.jurisdiction("620422000000");

	static final DataScope HUISHI = DataScope.jurisdiction("620422100000");

	static final DataScope GUOCHENGYI = DataScope.jurisdiction("620422101000");

	@Autowired
	SubjectSnapshots snapshots;

	@Autowired
	Subjects subjects;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Test
	void aMonthIsTakenOnceAndNeverInTheFuture() {
		long subjectsNow = this.jdbc.sql("select count(*) from subject").query(Long.class).single();
		SubjectSnapshots.Run run = this.snapshots.take("2001-03", "tester");
		assertThat(run.subjects()).isEqualTo(subjectsNow);
		assertThat(this.jdbc.sql("select count(*) from subject_snapshot where month = '2001-03'")
			.query(Long.class)
			.single()).isEqualTo(subjectsNow);

		assertThatThrownBy(() -> this.snapshots.take("2001-03", "tester")).isInstanceOf(Rejected.class)
			.hasMessage("2001-03 的动态管理台账已经生成，不能重复生成");
		assertThatThrownBy(() -> this.snapshots.take("2999-01", "tester")).isInstanceOf(Rejected.class)
			.hasMessage("不能生成未来月份（2999-01）的动态管理台账");
		assertThatThrownBy(() -> this.snapshots.take("2001-13", "tester")).isInstanceOf(Rejected.class)
			.hasMessage("月份不正确：2001-13");
		assertThatThrownBy(() -> this.snapshots.take("三月", "tester")).isInstanceOf(Rejected.class)
			.hasMessageStartingWith("月份格式应为 YYYY-MM");
		assertThat(this.jdbc.sql("select count(*) from subject_snapshot_run where month = '2999-01'")
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("select count(*) from audit_log where action = 'SNAPSHOT' and target_id = '2001-03'")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void comparingTwoMonthsShowsAddedRemovedAndChangedSubjects() {
		long stays = create("快照甲变化公司", "620422100001");
		long gone = create("快照甲注销公司", "620422100001");
		this.snapshots.take("2002-01", "tester");
		this.jdbc.sql("update subject set status = 'RECTIFYING', risk_level = 'RED' where id = :id")
			.param("id", stays)
			.update();
		this.jdbc.sql("delete from subject where id = :id").param("id", gone).update();
		long added = create("快照甲新增公司", "620422100002");
		this.snapshots.take("2002-02", "tester");

		SnapshotComparison c = this.snapshots.compare("2002-02", "2002-01", COUNTY);

		assertThat(c.from()).isEqualTo("2002-01");
		assertThat(c.added()).extracting(Entry::subjectId).containsExactly(added);
		assertThat(c.removed()).extracting(Entry::subjectId).containsExactly(gone);
		assertThat(c.changed()).singleElement().satisfies(change -> {
			assertThat(change.to().subjectId()).isEqualTo(stays);
			assertThat(change.from().status()).isEqualTo(SubjectStatus.WATCHING);
			assertThat(change.to().status()).isEqualTo(SubjectStatus.RECTIFYING);
			assertThat(change.to().riskLevel()).isEqualTo(RiskLevel.RED);
		});
		assertThat(count(c.byStatus(), "WATCHING").difference()).isEqualTo(-1);
		assertThat(count(c.byStatus(), "RECTIFYING").difference()).isEqualTo(1);
		assertThat(count(c.byRiskLevel(), "RED").difference()).isEqualTo(1);
		assertThat(c.byStatus()).extracting(Count::code)
			.containsExactly("WATCHING", "RECTIFYING", "RESOLVED", "CASE_FILED", "LOST_CONTACT", "NO_ACTION");
	}

	@Test
	void aComparisonShowsOnlyTheCallersScope() {
		long own = create("快照乙本镇公司", "620422100001");
		long moved = create("快照乙迁出公司", "620422100001");
		long other = create("快照乙他镇公司", "620422101001");
		long sector = this.subjects
			.create(SubjectTestData.form("快照乙教育公司", "620422101001", "EDUCATION", SubjectStatus.WATCHING),
					DataScope.all(), "tester")
			.id();
		this.snapshots.take("2003-01", "tester");
		this.jdbc.sql("update subject set status = 'RESOLVED' where id in (:ids)")
			.param("ids", List.of(own, other, sector))
			.update();
		this.jdbc.sql("update subject set region_code = '620422101002' where id = :id").param("id", moved).update();
		this.snapshots.take("2003-02", "tester");

		SnapshotComparison township = this.snapshots.compare("2003-01", "2003-02", HUISHI);
		assertThat(township.changed()).extracting(c -> c.to().subjectId()).containsExactly(own);
		assertThat(township.removed()).extracting(Entry::subjectId).containsExactly(moved);
		assertThat(township.added()).isEmpty();
		assertThat(township.bySector()).allSatisfy(n -> assertThat(n.code()).isNotEqualTo("EDUCATION"));

		SnapshotComparison neighbour = this.snapshots.compare("2003-01", "2003-02", GUOCHENGYI);
		assertThat(neighbour.added()).extracting(Entry::subjectId).containsExactly(moved);
		assertThat(neighbour.changed()).extracting(c -> c.to().subjectId()).containsExactlyInAnyOrder(other, sector);

		DataScope education = DataScope.department("620422000000", Set.of("EDUCATION"));
		SnapshotComparison department = this.snapshots.compare("2003-01", "2003-02", education);
		assertThat(department.changed()).extracting(Change::to).extracting(Entry::subjectId).containsExactly(sector);
		assertThat(department.bySector()).extracting(Count::code).containsExactly("EDUCATION");
		assertThat(this.snapshots.ledger("2003-02", education))
			.allSatisfy(e -> assertThat(e.sectorCode()).isEqualTo("EDUCATION"));
	}

	@Test
	void theApiTakesAndComparesWithPermissionsAndThePageExports() throws Exception {
		UserDetails office = this.accounts.ready("office");
		create("快照丙公司", "620422100001");
		this.mvc.perform(post("/api/v1/subjects/snapshots").param("month", "2004-01").with(user(office)).with(csrf()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.month").value("2004-01"));
		this.mvc.perform(post("/api/v1/subjects/snapshots").param("month", "2004-01").with(user(office)).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("2004-01 的动态管理台账已经生成，不能重复生成"));
		this.mvc
			.perform(post("/api/v1/subjects/snapshots").param("month", "2004-02")
				.with(user(this.accounts.ready("huishi")))
				.with(csrf()))
			.andExpect(status().isForbidden());
		create("快照丙新增公司", "620422100001");
		this.snapshots.take("2004-02", "tester");
		this.mvc
			.perform(get("/api/v1/subjects/snapshots/compare").param("from", "2004-01")
				.param("to", "2004-02")
				.with(user(office)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.added[0].name").value("快照丙新增公司"));
		this.mvc.perform(get("/subjects/snapshots").param("from", "2004-01").param("to", "2004-02").with(user(office)))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("快照丙新增公司")));
		byte[] xlsx = this.mvc
			.perform(get("/subjects/snapshots/compare/export").param("from", "2004-01")
				.param("to", "2004-02")
				.with(user(office)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		List<List<String>> summary = TabularFile.read("c.xlsx", new ByteArrayInputStream(xlsx));
		assertThat(summary.get(0)).containsExactly("分类", "项目", "2004-01", "2004-02", "增减");
		assertThat(summary.get(1).get(0)).isEqualTo("状态");
		assertThat(summary.get(1).get(1)).isEqualTo("监测中");
		assertThat(summary.get(1).get(4)).isEqualTo("+1");
	}

	private long create(String name, String region) {
		return this.subjects
			.create(SubjectTestData.form(name, region, null, SubjectStatus.WATCHING), DataScope.all(), "tester")
			.id();
	}

	private static Count count(List<Count> counts, String code) {
		return counts.stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow();
	}

}
