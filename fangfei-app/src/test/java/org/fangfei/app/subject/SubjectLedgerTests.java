package org.fangfei.app.subject;

import org.fangfei.app.IntegrationTest;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.PageRequest;
import org.fangfei.app.shared.Rejected;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Registering subjects (建档立卡): identifier checks, the statutory word check of 条例 art. 9,
 * duplicate detection, the supervising department by sector, and the data scope.
 */
@IntegrationTest
class SubjectLedgerTests {

	static final DataScope COUNTY = DataScope.jurisdiction("620422000000");

	static final DataScope HUISHI = DataScope.jurisdiction("620422100000");

	@Autowired
	Subjects subjects;

	@Autowired
	JdbcClient jdbc;

	static SubjectForm form(String name, String creditCode, String idNumber, String region, String sector,
			String scope) {
		return new SubjectForm(SubjectKind.ENTERPRISE, name, creditCode, idNumber, "", "", "", null, "", region, null,
				sector, null, RiskLevel.YELLOW, SubjectStatus.WATCHING, scope, "");
	}

	private long count(String name) {
		return this.jdbc.sql("select count(*) from subject where name = :n")
			.param("n", name)
			.query(Long.class)
			.single();
	}

	@Test
	void aValidEnterpriseIsRegisteredWithItsSupervisor() {
		Subject s = this.subjects.create(
				form("会宁县测试养老服务有限公司", SubjectTestData.creditCode(), "", "620422100001", "ELDERLY_CARE", "养老服务"), COUNTY,
				"office");
		assertThat(s.departmentName()).isEqualTo("县民政局");
		assertThat(s.statutoryWords()).isEmpty();
		assertThat(s.wordReview()).isNull();
		assertThat(this.jdbc.sql("select count(*) from audit_log where target_type = 'subject' and target_id = :id")
			.param("id", String.valueOf(s.id()))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aSectorNobodyOwnsFallsToTheOffice() {
		Subject s = this.subjects.create(form("会宁县无主行业测试公司", null, "", "620422100002", null, ""), COUNTY, "office");
		assertThat(s.departmentName()).contains("处非办");
	}

	@Test
	void wrongIdentifiersAreRefusedAndNothingIsWritten() {
		assertThatThrownBy(() -> this.subjects
			.create(form("错误代码公司", "91350100M000100Y44", "", "620422100001", null, ""), COUNTY, "office"))
			.isInstanceOf(Rejected.class)
			.hasMessageContaining("统一社会信用代码不正确");
		assertThatThrownBy(() -> this.subjects
			.create(form("错误身份证个体", null, "620422198001011234", "620422100001", null, ""), COUNTY, "office"))
			.isInstanceOf(Rejected.class)
			.hasMessageContaining("身份证号不正确");
		assertThatThrownBy(
				() -> this.subjects.create(form("未知行业公司", null, "", "620422100001", "NO_SUCH", ""), COUNTY, "office"))
			.isInstanceOf(Rejected.class)
			.hasMessageContaining("未知的行业");
		assertThat(count("错误代码公司") + count("错误身份证个体") + count("未知行业公司")).isZero();
	}

	@Test
	void statutoryWordsInNameOrScopeAreFlaggedForReview() {
		Subject byName = this.subjects.create(form("会宁县鑫源财富管理有限公司", null, "", "620422101001", null, ""), COUNTY,
				"office");
		assertThat(byName.statutoryWords()).containsExactly("财富管理");
		assertThat(byName.wordReview()).isEqualTo(Subject.WordReview.PENDING);
		Subject byScope = this.subjects
			.create(form("会宁县某某咨询有限公司", null, "", "620422101001", null, "投资咨询；理财产品推介；股权众筹平台运营"), COUNTY, "office");
		assertThat(byScope.statutoryWords()).containsExactly("理财", "股权众筹");
		var flagged = this.subjects.search(new SubjectQuery(null, null, null, null, null, null, null, true), COUNTY,
				PageRequest.of(1, 200));
		assertThat(flagged.items()).extracting(Subject::id).contains(byName.id(), byScope.id());
		Subject cleared = this.subjects.review(byName.id(), Subject.WordReview.CLEARED, COUNTY);
		assertThat(cleared.wordReview()).isEqualTo(Subject.WordReview.CLEARED);
		assertThatThrownBy(() -> this.subjects.review(byName.id(), Subject.WordReview.PENDING, COUNTY))
			.isInstanceOf(Rejected.class);
	}

	@Test
	void aSecondCopyIsRefusedWithAPointerToTheFirst() {
		String code = SubjectTestData.creditCode();
		Subject first = this.subjects.create(form("会宁县重复检测公司", code, "", "620422103001", null, ""), COUNTY, "office");
		assertThatThrownBy(
				() -> this.subjects.create(form("另一个名称", code, "", "620422103200", null, ""), COUNTY, "office"))
			.isInstanceOfSatisfying(Rejected.class, ex -> {
				assertThat(ex.getMessage()).contains("已登记");
				assertThat(ex.fieldErrors()).containsEntry("duplicateOf", String.valueOf(first.id()));
			});
		assertThatThrownBy(
				() -> this.subjects.create(form("会宁县重复检测公司", null, "", "620422103001", null, ""), COUNTY, "office"))
			.isInstanceOfSatisfying(Rejected.class,
					ex -> assertThat(ex.fieldErrors()).containsEntry("duplicateOf", String.valueOf(first.id())));
		Subject sameNameElsewhere = this.subjects.create(form("会宁县重复检测公司", null, "", "620422103200", null, ""), COUNTY,
				"office");
		assertThat(sameNameElsewhere.id()).isNotEqualTo(first.id());
	}

	@Test
	void individualsKeepTheirIdNumberEncryptedAndUnique() {
		String idNumber = "62042219800101" + "0017";
		idNumber = idNumber.substring(0, 17)
				+ org.fangfei.app.shared.PersonalData.idCheckCharacter(idNumber.substring(0, 17));
		SubjectForm individual = new SubjectForm(SubjectKind.INDIVIDUAL, "测试放贷人甲", null, idNumber, "", "", "", null, "",
				"620422104001", null, null, null, null, SubjectStatus.WATCHING, "", "");
		Subject s = this.subjects.create(individual, COUNTY, "office");
		assertThat(s.idNumberMasked()).isEqualTo("620422********" + idNumber.substring(14));
		byte[] stored = this.jdbc.sql("select id_number_enc from subject where id = :id")
			.param("id", s.id())
			.query(byte[].class)
			.single();
		assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(idNumber);
		SubjectForm again = new SubjectForm(SubjectKind.INDIVIDUAL, "测试放贷人乙", null, idNumber, "", "", "", null, "",
				"620422104001", null, null, null, null, SubjectStatus.WATCHING, "", "");
		assertThatThrownBy(() -> this.subjects.create(again, COUNTY, "office")).isInstanceOf(Rejected.class)
			.hasMessageContaining("该身份证号已登记");
	}

	@Test
	void aTownshipSeesAndRegistersOnlyWithinItsTownship() {
		Subject other = this.subjects.create(form("河畔镇范围测试公司", null, "", "620422102001", null, ""), COUNTY, "office");
		assertThatThrownBy(() -> this.subjects.get(other.id(), HUISHI))
			.isInstanceOf(org.fangfei.app.shared.NotFound.class);
		assertThatThrownBy(
				() -> this.subjects.create(form("越权登记公司", null, "", "620422102200", null, ""), HUISHI, "huishi"))
			.isInstanceOf(Rejected.class)
			.hasMessageContaining("不在您的管辖范围内");
		var page = this.subjects.search(SubjectQuery.all(), HUISHI, PageRequest.of(1, 200));
		assertThat(page.items()).allSatisfy(s -> assertThat(s.regionCode()).startsWith("620422100"));
	}

	@Test
	void aDepartmentSeesOnlyItsSectors() {
		this.subjects.create(form("部门范围测试房产公司", null, "", "620422105001", "REAL_ESTATE", ""), COUNTY, "office");
		this.subjects.create(form("部门范围测试养老公司", null, "", "620422105001", "ELDERLY_CARE", ""), COUNTY, "office");
		DataScope civilAffairs = DataScope.department("620422000000", java.util.Set.of("ELDERLY_CARE"));
		var page = this.subjects.search(new SubjectQuery("部门范围测试", null, null, null, null, null, null, null),
				civilAffairs, PageRequest.of(1, 50));
		assertThat(page.items()).extracting(Subject::name).containsExactly("部门范围测试养老公司");
	}

	@Test
	void searchMatchesNamePartsAndWholeCreditCodes() {
		String code = SubjectTestData.creditCode();
		this.subjects.create(form("会宁县搜索测试百度公司", code, "", "620422106001", null, ""), COUNTY, "office");
		assertThat(this.subjects
			.search(new SubjectQuery("搜索测试百度", null, null, null, null, null, null, null), COUNTY, PageRequest.of(1, 20))
			.total()).isEqualTo(1);
		assertThat(this.subjects
			.search(new SubjectQuery(code.toLowerCase(), null, null, null, null, null, null, null), COUNTY,
					PageRequest.of(1, 20))
			.items()).extracting(Subject::name).containsExactly("会宁县搜索测试百度公司");
		assertThat(this.subjects
			.search(new SubjectQuery("%", null, null, null, null, null, null, null), COUNTY, PageRequest.of(1, 20))
			.total()).isZero();
		for (String part : new String[] { "百", "度公", "会宁县搜索测试百度公司", "索测试百" }) {
			assertThat(this.subjects
				.search(new SubjectQuery(part, null, null, null, null, null, null, null), COUNTY,
						PageRequest.of(1, 200))
				.items()).extracting(Subject::name).as(part).contains("会宁县搜索测试百度公司");
		}
		assertThat(Subjects.bigrams("百度百度")).containsExactly("百度", "度百");
		assertThat(Subjects.bigrams("百")).isNull();
	}

}
