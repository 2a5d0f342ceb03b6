package org.fangfei.app.subject;

import java.io.ByteArrayInputStream;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import org.fangfei.app.IntegrationTest;
import org.fangfei.app.TestAccounts;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.Times;
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
		long march = createAt("快照丁三月公司", "620422100001", "2001-03-20T10:00:00+08:00");
		long april = createAt("快照丁四月公司", "620422100001", "2001-04-01T00:00:00+08:00");
		long subjectsThen = this.jdbc.sql("select count(*) from subject where created_at < '2001-04-01T00:00:00+08:00'")
			.query(Long.class)
			.single();
		SubjectSnapshots.Run run = this.snapshots.take("2001-03", "tester");
		assertThat(run.subjects()).isEqualTo(subjectsThen);
		assertThat(this.jdbc.sql("select subject_id from subject_snapshot where month = '2001-03'")
			.query(Long.class)
			.list()).contains(march).doesNotContain(april).hasSize((int) subjectsThen);

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
		long stays = createAt("快照甲变化公司", "620422100001", "2002-01-05T09:00:00+08:00");
		long gone = createAt("快照甲注销公司", "620422100001", "2002-01-05T09:00:00+08:00");
		this.jdbc.sql("""
				update subject set status = 'RECTIFYING', risk_level = 'RED', updated_at = '2002-02-10T09:00:00+08:00'
				where id = :id""").param("id", stays).update();
		this.jdbc.sql("delete from subject where id = :id").param("id", gone).update();
		long added = createAt("快照甲新增公司", "620422100002", "2002-02-11T09:00:00+08:00");
		// a change after February is not February's, however late the month is taken
		this.jdbc.sql("update subject set status = 'RESOLVED', updated_at = '2002-03-02T09:00:00+08:00' where id = :id")
			.param("id", stays)
			.update();
		this.snapshots.take("2002-01", "tester");
		this.snapshots.take("2002-02", "tester");

		SnapshotComparison c = this.snapshots.compare("2002-02", "2002-01", COUNTY);

		assertThat(c.from()).isEqualTo("2002-01");
		assertThat(c.added()).extracting(Entry::subjectId).containsExactly(added);
		// a subject deleted (registered by mistake) is in no month
		assertThat(c.removed()).isEmpty();
		assertThat(this.snapshots.ledger("2002-01", COUNTY)).extracting(Entry::subjectId)
			.contains(stays)
			.doesNotContain(gone);
		assertThat(c.changed()).singleElement().satisfies(change -> {
			assertThat(change.to().subjectId()).isEqualTo(stays);
			assertThat(change.from().status()).isEqualTo(SubjectStatus.WATCHING);
			assertThat(change.to().status()).isEqualTo(SubjectStatus.RECTIFYING);
			assertThat(change.to().riskLevel()).isEqualTo(RiskLevel.RED);
		});
		// one left 监测中 for 整改中, one was added
		assertThat(count(c.byStatus(), "WATCHING").difference()).isZero();
		assertThat(count(c.byStatus(), "RECTIFYING").difference()).isEqualTo(1);
		assertThat(count(c.byRiskLevel(), "RED").difference()).isEqualTo(1);
		assertThat(c.byStatus()).extracting(Count::code)
			.containsExactly("WATCHING", "RECTIFYING", "RESOLVED", "CASE_FILED", "LOST_CONTACT", "NO_ACTION");
	}

	@Test
	void aComparisonShowsOnlyTheCallersScope() {
		long own = createAt("快照乙本镇公司", "620422100001", "2003-01-03T09:00:00+08:00");
		long moved = createAt("快照乙迁出公司", "620422100001", "2003-01-03T09:00:00+08:00");
		long other = createAt("快照乙他镇公司", "620422101001", "2003-01-03T09:00:00+08:00");
		long sector;
		try (var held = Times.holdAt(OffsetDateTime.parse("2003-01-03T09:00:00+08:00"))) {
			sector = this.subjects
				.create(SubjectTestData.form("快照乙教育公司", "620422101001", "EDUCATION", SubjectStatus.WATCHING),
						DataScope.all(), "tester")
				.id();
		}
		this.jdbc
			.sql("update subject set status = 'RESOLVED', updated_at = '2003-02-03T09:00:00+08:00' where id in (:ids)")
			.param("ids", List.of(own, other, sector))
			.update();
		this.jdbc.sql(
				"update subject set region_code = '620422101002', updated_at = '2003-02-03T09:00:00+08:00' where id = :id")
			.param("id", moved)
			.update();
		this.snapshots.take("2003-01", "tester");
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
		createAt("快照丙公司", "620422100001", "2004-01-10T09:00:00+08:00");
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
		createAt("快照丙新增公司", "620422100001", "2004-02-10T09:00:00+08:00");
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

	private long createAt(String name, String region, String at) {
		try (var held = Times.holdAt(OffsetDateTime.parse(at))) {
			return create(name, region);
		}
	}

	private static Count count(List<Count> counts, String code) {
		return counts.stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow();
	}

}
