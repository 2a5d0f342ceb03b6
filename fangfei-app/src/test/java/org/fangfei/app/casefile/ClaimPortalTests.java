package org.fangfei.app.casefile;

import java.time.LocalDate;
import java.util.Map;

import jakarta.servlet.http.Cookie;
import org.fangfei.app.IntegrationTest;
import org.fangfei.app.shared.Throttles;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The public registration page: without an account, only while a window is open, with
 * identity, phone and account encrypted and masked, heirs' documents cleaned as tip
 * attachments are, one claim per ID number per window and supplements in later windows,
 * the tracking page with the office's reason and the clearance ratio, and the abuse
 * limits — every refusal in Chinese with nothing written.
 */
@IntegrationTest
class ClaimPortalTests extends ClaimTestSupport {

	@Autowired
	Throttles throttles;

	@Autowired
	javax.sql.DataSource dataSource;

	@Test
	void aParticipantRegistersWithoutAnAccountAndIsKeptEncryptedAndMasked() throws Exception {
		long caseId = caseWithWindow();
		long window = windowOf(caseId);
		String home = this.mvc.perform(get("/claim")).andReturn().getResponse().getContentAsString();
		assertThat(home).contains("请如实登记 " + this.tag).contains("register-" + window).doesNotContain("退出");
		String id = freshId();
		String code = sent(window, "idNumber", id, "account", "6228 4800 1234 5678 901");
		Map<String, Object> row = this.jdbc.sql("select * from case_claim where case_id = :c")
			.param("c", caseId)
			.query()
			.singleRow();
		assertThat(row.get("id_number_masked")).isEqualTo(id.substring(0, 6) + "********" + id.substring(14));
		assertThat(row.get("account_masked")).isEqualTo("****8901");
		assertThat(row.get("phone_masked").toString()).contains("*");
		assertThat(new String((byte[]) row.get("id_number_enc"), java.nio.charset.StandardCharsets.ISO_8859_1))
			.doesNotContain(id);
		assertThat(row.get("invested_fen")).isEqualTo(5_000_000L);
		assertThat(row.get("status")).isEqualTo("SUBMITTED");
		assertThat(row.get("code_hash").toString()).doesNotContain(code.replace("-", ""));
		// audited without the visitor's address
		Map<String, Object> audit = this.jdbc
			.sql("select * from audit_log where action = 'CASE_CLAIM_SUBMIT' and target_id = :c")
			.param("c", Long.toString(caseId))
			.query()
			.singleRow();
		assertThat(String.valueOf(audit.get("ip"))).doesNotStartWith("10.88.");
		assertThat(audit.get("summary").toString()).doesNotContain(id);

		String status = track(code.toLowerCase(), freshAddress());
		assertThat(status).contains("id=\"claim-status\">待核实<").contains("****8901").doesNotContain(id);
	}

	@Test
	void badInputIsRefusedInChineseAndNothingIsWritten() throws Exception {
		long caseId = caseWithWindow();
		long window = windowOf(caseId);
		String[][] cases = { { "idNumber", "620422198001010010", "身份证号不正确" }, { "phone", "1234", "手机号不正确" },
				{ "invested", "", "请填写投入金额" }, { "received", "90000", "已收回金额不能大于投入金额" },
				{ "account", "abc", "收款账号应为8至30位数字" }, { "accountHolder", "", "请填写账户户名" },
				{ "claimant", "HEIR", "请填写继承人姓名" } };
		for (String[] c : cases) {
			MockHttpServletResponse r = this.mvc.perform(claim(captchaSession(), freshAddress(), window, c[0], c[1]))
				.andReturn()
				.getResponse();
			assertThat(r.getStatus()).as(c[0]).isEqualTo(400);
			assertThat(r.getContentAsString()).as(c[0]).contains(c[2]);
		}
		// a wrong captcha, and none shown in the session
		MockHttpServletResponse wrong = this.mvc
			.perform(claim(captchaSession(), freshAddress(), window, "captcha", "41"))
			.andReturn()
			.getResponse();
		assertThat(wrong.getContentAsString()).contains("验证码不正确");
		assertThat(this.mvc.perform(claim(null, freshAddress(), window)).andReturn().getResponse().getContentAsString())
			.contains("验证码不正确");
		// a window that is not open
		MockHttpServletResponse closed = this.mvc.perform(claim(captchaSession(), freshAddress(), 999_999_999L))
			.andReturn()
			.getResponse();
		assertThat(closed.getContentAsString()).contains("该登记已截止或尚未开始");
		assertThat(claims(caseId)).isZero();
		assertThat(count("select count(*) from audit_log where action = 'CASE_CLAIM_SUBMIT' and target_id = ?",
				Long.toString(caseId)))
			.isZero();
		// the honeypot answers like a success and stores nothing
		String bot = this.mvc.perform(claim(captchaSession(), freshAddress(), window, "website", "http://spam"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		codeIn(bot);
		assertThat(claims(caseId)).isZero();
	}

	@Test
	void anHeirsDocumentsAreCleanedAndAPdfIsRefused() throws Exception {
		long caseId = caseWithWindow();
		long window = windowOf(caseId);
		String[] heir = { "claimant", "HEIR", "claimantName", "李明", "claimantIdNumber", freshId(), "relation", "儿子" };
		MockMultipartFile pdf = new MockMultipartFile("files", "继承公证书.pdf", "application/pdf",
				"%PDF-1.4 /Author (李明)".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
		MockHttpServletResponse refused = this.mvc
			.perform(claim(captchaSession(), freshAddress(), window, heir).file(pdf))
			.andReturn()
			.getResponse();
		assertThat(refused.getStatus()).isEqualTo(400);
		assertThat(refused.getContentAsString()).contains("PDF");
		assertThat(claims(caseId)).isZero();

		MockMultipartFile photo = new MockMultipartFile("files", "李明的公证书.jpg", "image/jpeg", jpegWithExif());
		MockHttpServletResponse ok = this.mvc.perform(claim(captchaSession(), freshAddress(), window, heir).file(photo))
			.andReturn()
			.getResponse();
		assertThat(ok.getStatus()).as(ok.getContentAsString()).isEqualTo(200);
		long claim = latestClaim(caseId);
		Map<String, Object> doc = this.jdbc.sql("select * from case_claim_document where claim_id = :c")
			.param("c", claim)
			.query()
			.singleRow();
		assertThat(doc.get("file_name")).isEqualTo("附件1.jpg");
		assertThat(doc.get("cleaning").toString()).contains("位置等信息已清除");
		assertThat(new String((byte[]) doc.get("content"), java.nio.charset.StandardCharsets.ISO_8859_1))
			.doesNotContain("GPSLatitude");
		Map<String, Object> row = this.jdbc
			.sql("select claimant, claimant_name, claimant_id_masked from case_claim where id = :c")
			.param("c", claim)
			.query()
			.singleRow();
		assertThat(row.get("claimant")).isEqualTo("HEIR");
		assertThat(row.get("claimant_id_masked").toString()).contains("********");
	}

	@Test
	void oneClaimPerIdNumberPerWindowAndALaterWindowTakesASupplement() throws Exception {
		long caseId = caseWithWindow();
		long first = windowOf(caseId);
		String id = freshId();
		String code = sent(first, "idNumber", id);
		MockHttpServletResponse again = this.mvc.perform(claim(captchaSession(), freshAddress(), first, "idNumber", id))
			.andReturn()
			.getResponse();
		assertThat(again.getStatus()).isEqualTo(400);
		assertThat(again.getContentAsString()).contains("本期已登记");
		assertThat(claims(caseId)).isEqualTo(1);

		assertThat(office(this.office, "/cases/" + caseId + "/claim-windows/" + first + "/close", "version",
				Integer.toString(version(caseId)))
			.getFlashMap()
			.get("actionError")).isNull();
		MockHttpServletResponse late = this.mvc.perform(claim(captchaSession(), freshAddress(), first))
			.andReturn()
			.getResponse();
		assertThat(late.getContentAsString()).contains("该登记已截止或尚未开始");

		openWindow(this.office, caseId, LocalDate.now(), LocalDate.now().plusDays(10), "补充登记 " + this.tag);
		long second = windowOf(caseId);
		assertThat(second).isNotEqualTo(first);
		assertThat(track(code, freshAddress())).contains("id=\"supplement\"");
		sent(second, "idNumber", id, "invested", "60000");
		Map<String, Object> supplement = this.jdbc
			.sql("select supplement_of, invested_fen from case_claim where id = :id")
			.param("id", latestClaim(caseId))
			.query()
			.singleRow();
		assertThat(supplement.get("supplement_of"))
			.isEqualTo(this.jdbc.sql("select id from case_claim where window_id = :w")
				.param("w", first)
				.query(Long.class)
				.single());
		assertThat(supplement.get("invested_fen")).isEqualTo(6_000_000L);
	}

	@Test
	void sendingAndLookingUpAreLimitedPerAddress() throws Exception {
		long caseId = caseWithWindow();
		long window = windowOf(caseId);
		String address = freshAddress();
		int taken = 0;
		int refused = 0;
		for (int i = 0; i < 7; i++) {
			Cookie session = captchaSession();
			int status = this.mvc.perform(claim(session, address, window)).andReturn().getResponse().getStatus();
			if (status == 429) {
				refused++;
			}
			else {
				taken++;
			}
		}
		assertThat(taken).isEqualTo(5);
		assertThat(refused).isEqualTo(2);
		assertThat(claims(caseId)).isEqualTo(5);
		String looker = freshAddress();
		MockHttpServletResponse first = this.mvc
			.perform(post("/claim/track").with(csrf()).param("code", "0000-0000-0000-0000").with(r -> {
				r.setRemoteAddr(looker);
				return r;
			}))
			.andReturn()
			.getResponse();
		assertThat(first.getStatus()).isEqualTo(404);
		assertThat(first.getContentAsString()).contains("没有找到这个登记码");
		MockHttpServletResponse second = this.mvc
			.perform(post("/claim/track").with(csrf()).param("code", "0000-0000-0000-0000").with(r -> {
				r.setRemoteAddr(looker);
				return r;
			}))
			.andReturn()
			.getResponse();
		assertThat(second.getStatus()).as("a wrong code costs two seconds").isEqualTo(429);
		assertThat(second.getContentAsString()).contains("查询过于频繁");
	}

	@Test
	void everyonesBucketStopsAFloodFromManyAddresses() {
		ClaimLimits small = new ClaimLimits(
				new Throttles(this.dataSource, io.github.bucket4j.TimeMeter.SYSTEM_MILLISECONDS), 100, 100, 2, 2, 100,
				100, 1, 1);
		// the buckets are named by their limits: start from a clean slate for this one
		this.jdbc.sql(
				"delete from rate_limit_bucket where id like 'claim-submit-all-2-2%' or id like 'claim-lookup-all-1-1%'")
			.update();
		assertThat(small.trySubmit(freshAddress())).isTrue();
		assertThat(small.trySubmit(freshAddress())).isTrue();
		String third = freshAddress();
		assertThat(small.trySubmit(third)).isFalse();
		assertThat(small.tryLookup(freshAddress())).isTrue();
		assertThat(small.tryLookup(freshAddress())).isFalse();
	}

}
