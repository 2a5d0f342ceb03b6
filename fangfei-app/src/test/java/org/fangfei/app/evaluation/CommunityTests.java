package org.fangfei.app.evaluation;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fangfei.app.EventsDelivered;
import org.fangfei.app.IntegrationTest;
import org.fangfei.app.TestImages;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Times;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The 无非法集资社区(村) drive: nomination within the township, the checklist from the records
 * and the township's evidence (photos cleaned, anything else refused), self-assessment,
 * the county's return and certification, revocation by a new case, and the scope. Years
 * 2003–2005 and 2016 belong to this class.
 */
@IntegrationTest
class CommunityTests extends EvaluationTestSupport {

	@Autowired
	Communities communities;

	@Autowired
	Evaluations evaluations;

	@Test
	void nominationIsForTheTownshipsOwnVillagesOncePerYear() {
		var huishi = township(HUISHI, "huishi");
		assertThatThrownBy(() -> this.communities.nominate(2003, " ", huishi)).isInstanceOf(Rejected.class)
			.hasMessage("请选择村(社区)");
		assertThatThrownBy(() -> this.communities.nominate(2003, HEPAN_VILLAGE, huishi)).isInstanceOf(Rejected.class)
			.hasMessage("只能推荐本辖区的村(社区)");
		assertThatThrownBy(() -> this.communities.nominate(2003, HUISHI, huishi)).isInstanceOf(Rejected.class)
			.hasMessageEndingWith("不是启用中的村(社区)，创建对象须为村(社区)");
		assertThatThrownBy(() -> this.communities.nominate(1999, HUISHI_VILLAGE, huishi)).isInstanceOf(Rejected.class)
			.hasMessage("考核年度须在2000年到" + Times.today().getYear() + "年之间");
		Communities.Community c = this.communities.nominate(2003, HUISHI_VILLAGE, huishi);
		assertThat(c.status()).isEqualTo(CommunityStatus.NOMINATED);
		assertThat(c.townshipCode()).isEqualTo(HUISHI);
		assertThatThrownBy(() -> this.communities.nominate(2003, HUISHI_VILLAGE, huishi)).isInstanceOf(Rejected.class)
			.hasMessage(c.regionName() + "已推荐为2003年度创建社区(村)");
		// scope: another township neither sees nor moves it
		assertThatThrownBy(() -> this.communities.get(c.id(), DataScope.jurisdiction(HEPAN)))
			.isInstanceOf(NotFound.class);
		assertThat(this.communities.of(2003, DataScope.jurisdiction(HEPAN))).isEmpty();
		assertThat(this.communities.of(2003, DataScope.jurisdiction(COUNTY))).extracting(Communities.Community::id)
			.contains(c.id());
	}

	@Test
	void theLinkageStandardIsMetByCluesHandledWithThePoliceAndTheMarketRegulator() throws Exception {
		var huishi = township(HUISHI, "huishi");
		Communities.Community c = this.communities.nominate(2016, HUISHI_VILLAGE, huishi);
		Checklist.Item before = this.communities.checklist(c).get(1);
		assertThat(before.met()).isFalse();
		assertThat(before.finding()).startsWith("本年度无与市场监管、公安联动处置的线索记录");
		assertThat(before.link()).isNull();

		// received from the police (部门移交), in the village; one in 河畔镇 does not count here
		clueAt("2016-03-01T10:00", "REFERRAL", "县公安局移交", HUISHI_VILLAGE);
		clueAt("2016-03-02T10:00", "REFERRAL", "县公安局移交", HEPAN_VILLAGE);
		// a hotline clue is not a linkage until the market regulator is made its
		// assisting unit
		long hotline = clueAt("2016-04-01T10:00", "HOTLINE", "12345", HUISHI_VILLAGE);
		Checklist.Item half = this.communities.checklist(c).get(1);
		assertThat(half.met()).as("only the police so far").isFalse();
		assertThat(half.finding()).isEqualTo("本年度与公安联动处置线索1件、与市场监管联动处置线索0件，尚缺与市场监管的联动记录，可上传佐证");
		long market = this.jdbc.sql("select id from department where name like '%市场监督管理局%' order by id limit 1")
			.query(Long.class)
			.single();
		move(hotline, "2016-04-02T10:00", "ACCEPT", Map.of());
		move(hotline, "2016-04-03T10:00", "DISPATCH", Map.of("unit", "R" + HUISHI, "assist", List.of("D" + market)));

		Checklist.Item linkage = this.communities.checklist(c).get(1);
		assertThat(linkage.met()).as("both linkages on record").isTrue();
		assertThat(linkage.finding()).isEqualTo("本年度与公安联动处置线索1件、与市场监管联动处置线索1件");
		assertThat(linkage.link()).contains("measure=clue.linked", "region=" + HUISHI_VILLAGE, "from=2016-01-01");
		// the link lists exactly the two clues
		String page = this.mvc.perform(get(linkage.link()).with(user(this.office)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("联动测试REFERRAL 2016-03-01 " + this.tag, "联动测试HOTLINE 2016-04-01 " + this.tag)
			.doesNotContain("联动测试REFERRAL 2016-03-02 " + this.tag);
		// another year keeps its own records
		assertThat(this.communities.checklist(this.communities.nominate(2015, HUISHI_VILLAGE, huishi)).get(1).met())
			.isFalse();
	}

	private long clueAt(String when, String source, String detail, String region) throws Exception {
		try (var held = Times.holdAt(OffsetDateTime.parse(when + ":00+08:00").plusHours(1))) {
			Map<String, Object> form = new LinkedHashMap<>();
			form.put("source", source);
			form.put("sourceDetail", detail);
			form.put("receivedAt", when);
			form.put("title", "联动测试" + source + " " + when.substring(0, 10) + " " + this.tag);
			form.put("description", "某合作社以高息为诱饵向村民吸收资金");
			form.put("regionCode", region);
			return registerClue(form);
		}
	}

	private void move(long clue, String when, String action, Map<String, Object> fields) throws Exception {
		try (var held = Times.holdAt(OffsetDateTime.parse(when + ":00+08:00"))) {
			clueMove(this.office, clue, action, fields);
		}
	}

	@Test
	void theChecklistReadsTheRecordsAndTakesOnlyCleanedPhotosAsEvidence() throws Exception {
		var huishi = township(HUISHI, "huishi");
		Communities.Community c = this.communities.nominate(2004, HUISHI_VILLAGE, huishi);
		List<Checklist.Item> items = this.communities.checklist(c);
		assertThat(items).extracting(Checklist.Item::standard).containsExactly(Standard.values());
		Checklist.Item noCase = items.get(4);
		assertThat(noCase.met()).isTrue();
		assertThat(noCase.finding()).isEqualTo("本年度无新立案件");
		assertThat(noCase.link()).contains("measure=case.opened", "region=" + HUISHI_VILLAGE, "from=2004-01-01");
		assertThat(items.get(1).met()).as("no record of the linkage: evidence needed").isFalse();

		assertThatThrownBy(() -> this.communities.submit(c.id(), huishi)).isInstanceOf(Rejected.class)
			.hasMessageStartingWith("以下创建标准尚未达到或缺少佐证，不能上报：")
			.hasMessageContaining("与市场监管、公安等部门建立联动预警机制");
		assertThatThrownBy(() -> evidence(c, "NO_CASE", "我村无案件", null)).isInstanceOf(Rejected.class)
			.hasMessage("“辖区内无新发非法集资案件”按案件记录判定，不能以佐证材料代替");
		assertThatThrownBy(() -> evidence(c, "SOMETHING", "说明", null)).isInstanceOf(Rejected.class)
			.hasMessage("请选择创建标准");
		assertThatThrownBy(() -> evidence(c, "LINKAGE", " ", null)).isInstanceOf(Rejected.class).hasMessage("请填写佐证说明");
		MockMultipartFile pdf = new MockMultipartFile("photo", "纪要.jpg", "image/jpeg",
				"%PDF-1.4 fake".getBytes(StandardCharsets.US_ASCII));
		assertThatThrownBy(() -> evidence(c, "LINKAGE", "联席会议纪要", pdf)).isInstanceOf(Rejected.class)
			.hasMessage("佐证材料只接收照片(JPG、PNG，按文件内容判断)，文件请拍照后上传");
		assertThat(this.communities.checklist(c).get(1).evidence()).as("nothing kept on a refusal").isEmpty();

		byte[] original = TestImages.portraitPhoto();
		evidence(c, "LINKAGE", "与县市场监管局、公安局召开联席会议", new MockMultipartFile("photo", "a.jpg", "image/jpeg", original));
		Checklist.Evidence kept = this.communities.checklist(c).get(1).evidence().get(0);
		assertThat(kept.photo()).isTrue();
		byte[] stored = this.communities.photo(c.id(), kept.id(), DataScope.jurisdiction(HUISHI)).getValue();
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).as("metadata dropped")
			.doesNotContain(TestImages.PORTRAIT_MAKE);
		assertThat(this.communities.checklist(c).get(1).met()).isTrue();
		assertThatThrownBy(() -> this.communities.photo(c.id(), kept.id(), DataScope.jurisdiction(HEPAN)))
			.isInstanceOf(NotFound.class);
	}

	@Test
	void theTownshipSubmitsTheCountyReturnsThenCertifiesAndANewCaseRevokes() throws Exception {
		int year = 2005;
		var huishi = township(HUISHI, "huishi");
		var county = county();
		Communities.Community c = this.communities.nominate(year, HUISHI_VILLAGE, huishi);
		meetEveryStandard(c);
		long certifiedBefore = this.evaluations.certifiedCommunities();
		assertThatThrownBy(() -> this.communities.certify(c.id(), county)).isInstanceOf(Rejected.class)
			.hasMessage("只能审核已上报的自评，" + c.regionName() + "已推荐待自评");
		assertThat(this.communities.submit(c.id(), huishi).status()).isEqualTo(CommunityStatus.SUBMITTED);
		assertThatThrownBy(() -> this.communities.submit(c.id(), huishi)).isInstanceOf(Rejected.class)
			.hasMessage(c.regionName() + "创建自评已上报待审核，不能再修改或上报");
		assertThatThrownBy(() -> this.communities.returnIt(c.id(), " ", county)).isInstanceOf(Rejected.class)
			.hasMessage("请填写退回原因");
		assertThat(this.communities.returnIt(c.id(), "请补充联席会议照片", county).status()).isEqualTo(CommunityStatus.RETURNED);
		evidence(c, "LINKAGE", "补充联席会议照片",
				new MockMultipartFile("photo", "b.png", "image/png", TestImages.portraitPhoto()));
		this.communities.submit(c.id(), huishi);
		Communities.Community certified = this.communities.certify(c.id(), county);
		assertThat(certified.status()).isEqualTo(CommunityStatus.CERTIFIED);
		assertThat(certified.certifiedOn()).isEqualTo(Times.today());
		assertThat(this.evaluations.certifiedCommunities()).isEqualTo(certifiedBefore + 1);

		// a case opened in another village leaves it alone; one in the community revokes
		// it
		caseAt("别村新案", LocalDate.of(year, 12, 1), HEPAN_VILLAGE, 5);
		EventsDelivered.await(this.jdbc);
		assertThat(this.communities.get(c.id(), DataScope.all()).status()).isEqualTo(CommunityStatus.CERTIFIED);
		caseAt("本村新案", LocalDate.of(year, 12, 2), HUISHI_VILLAGE, 5);
		EventsDelivered.await(this.jdbc);
		Communities.Community revoked = this.communities.get(c.id(), DataScope.all());
		assertThat(revoked.status()).isEqualTo(CommunityStatus.REVOKED);
		assertThat(revoked.revokedOn()).isEqualTo(LocalDate.of(year, 12, 2));
		assertThat(revoked.revokedReason()).contains("本村新案 " + this.tag);
		assertThat(this.evaluations.certifiedCommunities()).isEqualTo(certifiedBefore);
		assertThat(this.communities.timeline(c.id(), DataScope.all())).extracting(Communities.Event::label)
			.containsExactly("推荐", "自评上报", "退回", "自评上报", "认定", "撤销认定");
		assertThat(this.communities.checklist(revoked).get(4).met()).isFalse();

		String page = this.mvc.perform(get("/evaluation/communities/" + c.id()).with(user(this.huishi)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("已撤销", "本村新案 " + this.tag);
		String board = this.mvc
			.perform(get("/evaluation/communities").param("year", Integer.toString(year)).with(user(this.office)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(board).contains("township-" + HUISHI, "尚未推荐", "摸排处置");
	}

	private void meetEveryStandard(Communities.Community c) throws Exception {
		for (Checklist.Item item : this.communities.checklist(c)) {
			if (!item.met() && item.standard().evidenceAllowed()) {
				evidence(c, item.standard().name(), "佐证：" + item.standard().label(), null);
			}
		}
	}

	private void evidence(Communities.Community c, String item, String note, MockMultipartFile photo) {
		this.communities.addEvidence(c.id(), item, note, photo, township(HUISHI, "huishi"));
	}

}
