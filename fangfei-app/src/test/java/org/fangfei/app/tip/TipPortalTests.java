package org.fangfei.app.tip;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import org.fangfei.app.IntegrationTest;
import org.fangfei.app.SessionCookie;
import org.fangfei.app.TestAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fangfei.app.tip.TipFixtures.file;
import static org.fangfei.app.tip.TipFixtures.freshAddress;
import static org.fangfei.app.tip.TipFixtures.sessionWithCaptcha;
import static org.fangfei.app.tip.TipFixtures.tip;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The public portal's security: escaping, SQL metacharacters, files, throttling, CAPTCHA,
 * honeypot, and the reporter's identity never shown without the permission.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class TipPortalTests {

	private static final String NAME = "欧阳秘举";

	private static final String PHONE = "13987650421";

	private static final String SCRIPT = "<script>alert('x')</script>";

	private static final String SQL = "'; drop table tip; --";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestAccounts accounts;

	@Test
	void publicPagesNeedNoAccountAndCarryNoStaffLinks() throws Exception {
		for (String page : List.of("/tip", "/tip/new", "/tip/track")) {
			String html = this.mvc.perform(get(page))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(html).doesNotContain("/clues").doesNotContain("/subjects").doesNotContain("/logout");
		}
		assertThat(this.mvc.perform(get("/tips")).andReturn().getResponse().getStatus()).isIn(302, 401);
		this.mvc.perform(post("/tip").with(r -> {
			r.setRemoteAddr(freshAddress());
			return r;
		})).andExpect(status().isForbidden());
	}

	@Test
	void identityStaysSecretAndEveryFieldComesBackEscaped(CapturedOutput output) throws Exception {
		String address = freshAddress();
		Cookie session = sessionWithCaptcha(this.mvc);
		String html = this.mvc
			.perform(
					tip(session, address, "subjectName", SCRIPT + SQL, "subjectAddress", "<img src=x onerror=alert(1)>",
							"subjectBusiness", SQL, "whatHappened", "他们说" + SCRIPT + "保本高息，" + SQL, "amount", "120000",
							"peopleCount", "30", "anonymous", "false", "reporterName", NAME, "reporterPhone", PHONE,
							"reporterContact", "住在" + NAME + "家", "wantsReward", "true")
						.file(file("现场.jpg", "image/jpeg", TipFixtures.jpegWithExif())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).as(() -> errorIn(html)).contains("tracking-code");
		String code = TipFixtures.codeIn(html);
		long tipId = tipOf(code);
		assertThat(this.jdbc.sql("select count(*) from tip").query(Long.class).single()).isPositive();
		var clue = this.jdbc.sql("""
				select c.id, c.source, c.description, c.informant_name_enc, c.informant_masked, c.region_code
				from clue c join tip t on t.clue_id = c.id where t.id = :t
				""").param("t", tipId).query().singleRow();
		assertThat(clue.get("source")).isEqualTo("TIP");
		assertThat((String) clue.get("description")).contains(SCRIPT).contains(SQL).doesNotContain(NAME);
		assertThat(clue.get("informant_name_enc")).isNull();
		assertThat(clue.get("informant_masked")).isNull();
		assertThat(clue.get("region_code")).isEqualTo(TipFixtures.HUISHI_VILLAGE);
		byte[] photo = this.jdbc.sql("select content from tip_attachment where tip_id = :t")
			.param("t", tipId)
			.query(byte[].class)
			.single();
		assertThat(new String(photo, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("GPSLatitude");
		long clueId = ((Number) clue.get("id")).longValue();

		UserDetails office = this.accounts.ready("office");
		UserDetails huishi = this.accounts.ready("huishi");
		UserDetails chief = this.accounts.ready("chief");
		for (var page : List.of(get("/tips").with(user(office)), get("/tips/" + tipId).with(user(office)),
				get("/tips/" + tipId).with(user(chief)), get("/clues/" + clueId).with(user(office)),
				get("/clues/" + clueId).with(user(huishi)), get("/clues").with(user(office)),
				get("/api/v1/clues/" + clueId).with(user(office)), get("/api/v1/clues").with(user(huishi)),
				get("/clues/dashboard").with(user(chief)), get("/inbox").with(user(office)))) {
			var response = this.mvc.perform(page).andExpect(status().isOk()).andReturn().getResponse();
			String body = response.getContentAsString();
			assertThat(body).doesNotContain(NAME).doesNotContain(PHONE);
			if (response.getContentType().startsWith("application/json")) {
				continue; // data, not markup: the pages that show it escape it
			}
			assertThat(body).doesNotContain("<script>alert").doesNotContain("<img src=x");
		}
		String tipPage = this.mvc.perform(get("/tips/" + tipId).with(user(office)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(tipPage).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
			.contains("&#39;; drop table tip; --")
			.doesNotContain("reveal-form");
		assertThat(this.mvc.perform(get("/clues/" + clueId).with(user(huishi)))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("&lt;script&gt;");

		this.mvc.perform(post("/tips/" + tipId + "/reporter").with(user(office)).with(csrf()).param("reason", "核实"))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/tips/" + tipId).with(user(huishi))).andExpect(status().isForbidden());
		String refused = this.mvc.perform(post("/tips/" + tipId + "/reporter").with(user(chief)).with(csrf()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("须填写事由").doesNotContain(NAME);
		String revealed = this.mvc
			.perform(post("/tips/" + tipId + "/reporter").with(user(chief)).with(csrf()).param("reason", "核实举报奖励领取人"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(revealed).contains(NAME).contains(PHONE);
		assertThat(this.jdbc.sql("""
				select count(*) from audit_log where action = 'TIP_REVEAL' and target_id = :t and actor = 'chief'
				and summary like '%核实举报奖励领取人%'
				""").param("t", String.valueOf(tipId)).query(Long.class).single()).isEqualTo(1);
		assertThat(this.jdbc
			.sql("select count(*) from audit_log where summary like :n or summary like :p "
					+ "or coalesce(before_data, '') like :n or coalesce(after_data, '') like :p")
			.param("n", "%" + NAME + "%")
			.param("p", "%" + PHONE + "%")
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("select count(*) from audit_log where actor_ip = :ip")
			.param("ip", address)
			.query(Long.class)
			.single()).as("the reporter's address is not written to the audit log").isZero();
		assertThat(output.getAll()).doesNotContain(NAME).doesNotContain(PHONE);
	}

	@Test
	void theReporterFollowsTheTipWithTheCodeAndReadsTheOfficesAnswer() throws Exception {
		String address = freshAddress();
		String code = send(address);
		long tipId = tipOf(code);
		String status = track(address, code.toLowerCase().replace("-", " ")).andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(status).contains("已收到");
		UserDetails office = this.accounts.ready("office");
		this.mvc
			.perform(post("/tips/" + tipId + "/messages").with(user(office))
				.with(csrf())
				.param("body", "已转交属地核查，<b>请勿</b>声张。"))
			.andExpect(status().is3xxRedirection());
		MvcResult tracked = this.mvc.perform(post("/tip/track").with(csrf()).param("code", code).with(r -> {
			r.setRemoteAddr(address);
			return r;
		})).andExpect(status().isOk()).andReturn();
		Cookie session = SessionCookie.of(tracked);
		String again = tracked.getResponse().getContentAsString();
		assertThat(again).contains("已转交属地核查，&lt;b&gt;请勿&lt;/b&gt;声张。").doesNotContain("office");
		this.mvc.perform(multipart("/tip/track/more").cookie(session).with(csrf()).param("more", "他们周六还要开会").with(r -> {
			r.setRemoteAddr(address);
			return r;
		})).andExpect(status().isOk());
		assertThat(this.jdbc.sql("select body from tip_message where tip_id = :t and direction = 'FROM_REPORTER'")
			.param("t", tipId)
			.query(String.class)
			.list()).containsExactly("他们周六还要开会");
		this.mvc.perform(multipart("/tip/track/more").with(csrf()).param("more", "没有查询过").with(r -> {
			r.setRemoteAddr(freshAddress());
			return r;
		})).andExpect(status().isForbidden());
	}

	@Test
	void guessingTrackingCodesIsThrottled() throws Exception {
		String address = freshAddress();
		String code = send(address);
		track(address, "7K3M-Q9XD-2HTB-W5NE").andExpect(status().isNotFound());
		track(address, "7K3M-Q9XD-2HTB-W5NF").andExpect(status().isTooManyRequests());
		track(address, code).andExpect(status().isTooManyRequests());
		track(freshAddress(), code).andExpect(status().isOk());
	}

	@Test
	void wrongOrReusedCaptchaAndFilledHoneypotStoreNothing() throws Exception {
		long before = tips();
		Cookie session = sessionWithCaptcha(this.mvc);
		String html = this.mvc.perform(tip(session, freshAddress(), "captcha", "41"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("验证码不正确或已过期");
		this.mvc.perform(tip(session, freshAddress())).andExpect(status().isOk());
		assertThat(tips()).as("the challenge was used up by the wrong answer").isEqualTo(before);
		this.mvc.perform(tip(null, freshAddress())).andExpect(status().isOk());
		assertThat(tips()).as("no challenge shown in this session").isEqualTo(before);
		String bot = this.mvc.perform(tip(sessionWithCaptcha(this.mvc), freshAddress(), "website", "http://spam"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(TipFixtures.codeIn(bot)).isNotBlank();
		assertThat(tips()).isEqualTo(before);
	}

	@Test
	void oversizeDisguisedAndTooManyFilesAreRefusedAndNothingIsWritten() throws Exception {
		long before = tips();
		byte[] big = new byte[TipFiles.MAX_BYTES + 1];
		System.arraycopy(TipFixtures.jpeg(10, 10), 0, big, 0, 100);
		refused(file("big.jpg", "image/jpeg", big), "超过8MB");
		refused(file("photo.jpg", "image/jpeg", "MZ\u0090\u0000 this is an exe".getBytes()), "类型不支持");
		refused(file("letter.pdf", "application/pdf", "%PDF-1.4 /Author (x)".getBytes()), "PDF");
		refused(file("录音.mp3", "audio/mpeg", TipAttachmentCleaningTests.fixture("fake.mp3")), "不是有效的MP3录音");
		var request = tip(sessionWithCaptcha(this.mvc), freshAddress());
		for (int i = 0; i < 6; i++) {
			request.file(file("p" + i + ".jpg", "image/jpeg", TipFixtures.jpeg(8, 8)));
		}
		assertThat(this.mvc.perform(request)
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("最多上传5个附件");
		assertThat(tips()).isEqualTo(before);
		assertThat(this.jdbc
			.sql("select count(*) from tip_attachment t where not exists (select 1 from tip where id = t.tip_id)")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void staffPageSaysWhatWasDoneToEachAttachmentAndNoMore() throws Exception {
		String html = this.mvc
			.perform(tip(sessionWithCaptcha(this.mvc), freshAddress())
				.file(file("现场.jpg", "image/jpeg", TipAttachmentCleaningTests.fixture("gps.jpg")))
				.file(file("材料.docx", "application/octet-stream", TipAttachmentCleaningTests.fixture("report.docx")))
				.file(file("录音.amr", "audio/amr", TipAttachmentCleaningTests.fixture("trailing.amr"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		long tipId = tipOf(TipFixtures.codeIn(html));
		this.jdbc.sql("""
				insert into tip_attachment (tip_id, file_name, content_type, size_bytes, content)
				values (:t, '附件9.docx', :type, 1, '\\x00'::bytea)""")
			.param("t", tipId)
			.param("type", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
			.update();
		String page = this.mvc.perform(get("/tips/" + tipId).with(user(this.accounts.ready("office"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).doesNotContain("已清除照片位置、文档作者等信息")
			.contains(Cleaning.PHOTO.label(), Cleaning.DOCUMENT.label(), Cleaning.AUDIO.label())
			.contains("早期上传：仅清除了文档属性");
		assertThat(this.jdbc.sql("select cleaning from tip_attachment where tip_id = :t order by id")
			.param("t", tipId)
			.query(String.class)
			.list()).containsExactly("PHOTO", "DOCUMENT", "AUDIO", null);
	}

	@Test
	void sendingIsLimitedPerAddress() throws Exception {
		String address = freshAddress();
		for (int i = 0; i < 5; i++) {
			send(address);
		}
		String html = this.mvc.perform(tip(sessionWithCaptcha(this.mvc), address))
			.andExpect(status().isTooManyRequests())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("提交过于频繁");
		send(freshAddress());
	}

	@Test
	void aTipIsRoutedToThePlaceChosenOrTheMatchedSubjectsPlace() throws Exception {
		String hepan = this.jdbc
			.sql("select code from region where code like '620422102%' and level = 'VILLAGE' order by code limit 1")
			.query(String.class)
			.single();
		long chosen = tipOf(send(freshAddress(), "regionCode", hepan));
		assertThat(clueRegion(chosen)).isEqualTo(hepan);
		var subject = this.jdbc.sql("""
				select s.id, s.name, s.region_code from subject s
				where (select count(*) from subject o where o.name = s.name) = 1 order by s.id limit 1
				""").query().singleRow();
		String code = send(freshAddress(), "regionCode", "", "subjectName", (String) subject.get("name"));
		long matched = tipOf(code);
		assertThat(clueRegion(matched)).isEqualTo(subject.get("region_code"));
		assertThat(this.jdbc.sql(
				"select count(*) from clue_subject cs join tip t on t.clue_id = cs.clue_id where t.id = :t and cs.subject_id = :s")
			.param("t", matched)
			.param("s", subject.get("id"))
			.query(Long.class)
			.single()).isEqualTo(1);
		String html = this.mvc
			.perform(tip(sessionWithCaptcha(this.mvc), freshAddress(), "regionCode", "", "subjectName", "没有登记过的某某公司"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("请选择发生地所在的乡镇");
		this.mvc.perform(tip(sessionWithCaptcha(this.mvc), freshAddress(), "regionCode", "620422000000"))
			.andExpect(status().isBadRequest());
		this.mvc.perform(tip(sessionWithCaptcha(this.mvc), freshAddress(), "anonymous", "true", "wantsReward", "true"))
			.andExpect(status().isBadRequest());
	}

	@Test
	void theTipBecomesOneClueOnlyEvenIfRegisteredAgain() throws Exception {
		long tipId = tipOf(send(freshAddress()));
		String ref = "TIP-" + tipId;
		assertThat(this.jdbc.sql("select count(*) from clue where source = 'TIP' and source_ref = :r")
			.param("r", ref)
			.query(Long.class)
			.single()).isEqualTo(1);
		String json = this.mvc
			.perform(post("/api/v1/clues").with(user(this.accounts.ready("office")))
				.with(csrf())
				.contentType("application/json")
				.content("{\"source\":\"TIP\",\"sourceRef\":\"" + ref
						+ "\",\"title\":\"重复\",\"description\":\"重复\",\"regionCode\":\"620422100001\"}"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(JsonPath.parse(json).read("$.code", String.class)).startsWith("XS");
	}

	private void refused(org.springframework.mock.web.MockMultipartFile file, String message) throws Exception {
		String html = this.mvc.perform(tip(sessionWithCaptcha(this.mvc), freshAddress()).file(file))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains(message);
	}

	private String send(String address, String... fields) throws Exception {
		var response = this.mvc.perform(tip(sessionWithCaptcha(this.mvc), address, fields)).andReturn().getResponse();
		String html = response.getContentAsString();
		assertThat(response.getStatus()).as(() -> errorIn(html)).isEqualTo(200);
		return TipFixtures.codeIn(html);
	}

	private static String errorIn(String html) {
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("id=\"tip-error\">([^<]*)").matcher(html);
		return m.find() ? m.group(1) : html;
	}

	private org.springframework.test.web.servlet.ResultActions track(String address, String code) throws Exception {
		return this.mvc.perform(post("/tip/track").with(csrf()).param("code", code).with(r -> {
			r.setRemoteAddr(address);
			return r;
		}));
	}

	private long tipOf(String code) {
		return this.tracking.find(code).orElseThrow();
	}

	@Autowired
	TipTracking tracking;

	private String clueRegion(long tipId) {
		return this.jdbc.sql("select c.region_code from clue c join tip t on t.clue_id = c.id where t.id = :t")
			.param("t", tipId)
			.query(String.class)
			.single();
	}

	private long tips() {
		return this.jdbc.sql("select count(*) from tip").query(Long.class).single();
	}

}
