package org.fangfei.app.outreach;

import java.time.LocalDate;
import java.util.Map;

import jakarta.servlet.http.Cookie;
import org.fangfei.app.SessionCookie;
import org.fangfei.app.TestAccounts;
import org.fangfei.app.shared.Throttles;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Issue 17: an awareness survey answered without an account through a community's link —
 * the CAPTCHA, the honeypot, one sheet per session, the limits per address — and the
 * awareness rate by township, community and age band.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestAccounts.class)
class SurveyTests extends OutreachTestSupport {

	@Autowired
	Throttles throttles;

	static final String ALL_RIGHT = "012111";

	long survey() throws Exception {
		String redirect = postForm(this.office, "/outreach/surveys",
				Map.of("title", "知晓率调查 " + this.tag, "regionCode", "620422000000", "opensOn",
						LocalDate.now().minusDays(1).toString(), "closesOn", LocalDate.now().plusDays(10).toString(),
						"passMark", "80"))
			.getResponse()
			.getRedirectedUrl();
		return Long.parseLong(redirect.replaceAll("\\D", ""));
	}

	String code(long survey) {
		return this.jdbc.sql("select code from survey where id = :id").param("id", survey).query(String.class).single();
	}

	/** A new browser session with a CAPTCHA shown. */
	Cookie session() throws Exception {
		return SessionCookie.of(this.mvc.perform(get("/survey/captcha.png")).andReturn());
	}

	MockHttpServletResponse answer(Cookie session, String link, String address, String age, String sheet,
			String captcha) throws Exception {
		this.mvc.perform(get("/survey/captcha.png").cookie(session)).andReturn();
		var request = post(link).cookie(session).with(csrf()).with(r -> {
			r.setRemoteAddr(address);
			return r;
		});
		if (age != null) {
			request = request.param("ageBand", age);
		}
		for (int i = 0; i < sheet.length(); i++) {
			request = request.param("q" + i, sheet.substring(i, i + 1));
		}
		if (captcha != null) {
			request = request.param("captcha", captcha);
		}
		return this.mvc.perform(request).andReturn().getResponse();
	}

	@Test
	void theCockpitShowsTheLatestSurveysAwarenessPerTownshipEachOpeningTheSurvey() throws Exception {
		long id = survey();
		String link = "/survey/" + code(id) + "/" + HUISHI_VILLAGE;
		assertThat(
				answer(session(), link, "10.17.6." + (System.nanoTime() % 200), "FROM_60", ALL_RIGHT, "42").getStatus())
			.isEqualTo(200);
		assertThat(
				answer(session(), link, "10.17.7." + (System.nanoTime() % 200), "UNDER_30", "222222", "42").getStatus())
			.isEqualTo(200);
		String cockpit = this.mvc.perform(get("/cockpit").with(user(this.leader)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String panel = cockpit.substring(cockpit.indexOf("id=\"panel-awareness\""));
		panel = panel.substring(0, panel.indexOf("</section>"));
		assertThat(panel).contains("知晓率", ">50%<", "知晓率调查 " + this.tag + "，答卷 2 份",
				"href=\"/outreach/surveys/" + id + "\"");
		assertThat(panel).containsPattern("href=\"/outreach/surveys/" + id
				+ "#rate-township\">会师镇</a></td>\\s*<td class=\"text-end fw-bold\">50%</td><td class=\"text-end text-muted\">2 份");
	}

	@Test
	void aVisitorAnswersOnceThroughACommunityLinkAndTheRatesFollow() throws Exception {
		long id = survey();
		String link = "/survey/" + code(id) + "/" + HUISHI_VILLAGE;
		MockHttpServletResponse page = this.mvc.perform(get(link)).andReturn().getResponse();
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString()).contains("您的年龄段", "非法集资的主要特征是什么")
			.doesNotContain("name=\"name\"", "name=\"phone\"", "type=\"tel\"");
		String address = "10.17.1." + (System.nanoTime() % 200);
		Cookie session = session();
		MockHttpServletResponse done = answer(session, link, address, "FROM_60", ALL_RIGHT, "42");
		assertThat(done.getStatus()).isEqualTo(200);
		assertThat(done.getContentAsString()).contains("id=\"survey-score\">100<");
		var row = this.jdbc.sql("select region_code, age_band, score, aware from survey_response where survey_id = :s")
			.param("s", id)
			.query()
			.singleRow();
		assertThat(row).containsEntry("region_code", HUISHI_VILLAGE)
			.containsEntry("age_band", "FROM_60")
			.containsEntry("score", 100)
			.containsEntry("aware", true);
		assertThat(answer(session, link, address, "FROM_60", ALL_RIGHT, "42").getStatus()).isEqualTo(409);
		Cookie other = session();
		assertThat(answer(other, link, address, "UNDER_30", "222222", "42").getStatus()).isEqualTo(200);
		String rates = this.mvc.perform(get("/outreach/surveys/" + id).with(user(this.office)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(rates).contains("id=\"survey-answers\">2<", "id=\"survey-rate\">50%<");
		assertThat(rates).containsPattern("会师镇</td><td class=\"text-end\">2</td><td class=\"text-end\">50%");
		assertThat(rates).containsPattern("60-69岁</td><td class=\"text-end\">1</td><td class=\"text-end\">100%");
		assertThat(this.mvc.perform(get("/outreach/surveys/" + id).with(user(this.hepan)))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("id=\"survey-answers\">2<").doesNotContain("会师镇</td>");
	}

	@Test
	void badSheetsWrongCaptchasAndUnknownLinksAreRefused() throws Exception {
		long id = survey();
		String link = "/survey/" + code(id) + "/" + HUISHI_VILLAGE;
		String address = "10.17.2." + (System.nanoTime() % 200);
		MockHttpServletResponse missing = answer(session(), link, address, null, "10", "42");
		assertThat(missing.getStatus()).isEqualTo(400);
		assertThat(missing.getContentAsString()).contains("请选择您的年龄段", "请回答全部6道题");
		MockHttpServletResponse outOfRange = answer(session(), link, address, "NOT_A_BAND", "109111", "42");
		assertThat(outOfRange.getContentAsString()).contains("请选择您的年龄段", "请回答全部6道题");
		MockHttpServletResponse captcha = answer(session(), link, address, "FROM_30", ALL_RIGHT, "WRONG");
		assertThat(captcha.getStatus()).isEqualTo(400);
		assertThat(captcha.getContentAsString()).contains("验证码不正确或已过期");
		MockHttpServletResponse honeypot = this.mvc
			.perform(post(link).with(csrf()).param("website", "http://spam").param("ageBand", "FROM_30"))
			.andReturn()
			.getResponse();
		assertThat(honeypot.getStatus()).isEqualTo(200);
		assertThat(count("select count(*) from survey_response where survey_id = ?", id)).isZero();
		assertThat(this.mvc.perform(get("/survey/" + code(id) + "/510104000000")).andReturn().getResponse().getStatus())
			.as("a region outside the survey's")
			.isEqualTo(404);
		assertThat(this.mvc.perform(get("/survey/NOSUCHCODE/" + HUISHI_VILLAGE)).andReturn().getResponse().getStatus())
			.isEqualTo(404);
	}

	@Test
	void oneAddressIsStoppedAfterItsBurstWhateverItSends() throws Exception {
		long id = survey();
		String link = "/survey/" + code(id) + "/" + HUISHI_VILLAGE;
		String address = "10.17.3." + (System.nanoTime() % 200);
		for (int i = 0; i < 20; i++) {
			assertThat(answer(session(), link, address, "FROM_30", ALL_RIGHT, "WRONG").getStatus()).isEqualTo(400);
		}
		MockHttpServletResponse stopped = answer(session(), link, address, "FROM_30", ALL_RIGHT, "42");
		assertThat(stopped.getStatus()).isEqualTo(429);
		assertThat(stopped.getContentAsString()).contains("提交过于频繁");
		assertThat(
				answer(session(), link, "10.17.4." + (System.nanoTime() % 200), "FROM_30", ALL_RIGHT, "42").getStatus())
			.as("another address still answers")
			.isEqualTo(200);
	}

	@Test
	void theLimitForEveryoneHoldsAcrossAddresses() {
		SurveyLimits limits = new SurveyLimits(this.throttles, 100, 100, 2, 1);
		assertThat(limits.trySubmit("10.18.0.1")).isTrue();
		assertThat(limits.trySubmit("10.18.0.2")).isTrue();
		assertThat(limits.trySubmit("10.18.0.3")).isFalse();
	}

	@Test
	void closedSurveysTakeNoAnswers() throws Exception {
		String redirect = postForm(this.office, "/outreach/surveys",
				Map.of("title", "过期调查 " + this.tag, "regionCode", "620422000000", "opensOn",
						LocalDate.now().minusDays(30).toString(), "closesOn", LocalDate.now().minusDays(20).toString(),
						"passMark", "80"))
			.getResponse()
			.getRedirectedUrl();
		long id = Long.parseLong(redirect.replaceAll("\\D", ""));
		String link = "/survey/" + code(id) + "/" + HUISHI_VILLAGE;
		assertThat(this.mvc.perform(get(link)).andReturn().getResponse().getContentAsString()).contains("survey-closed")
			.doesNotContain("survey-submit");
		MockHttpServletResponse late = answer(session(), link, "10.17.5." + (System.nanoTime() % 200), "FROM_30",
				ALL_RIGHT, "42");
		assertThat(late.getContentAsString()).contains("该调查不在答题时间内");
		assertThat(count("select count(*) from survey_response where survey_id = ?", id)).isZero();
		assertThat(postForm(this.office, "/outreach/surveys",
				Map.of("title", "", "regionCode", "620422000000", "opensOn", LocalDate.now().toString(), "closesOn",
						LocalDate.now().minusDays(1).toString(), "passMark", "0"))
			.getResponse()
			.getContentAsString()).contains("请填写调查名称", "结束日期不能早于开始日期", "及格线应为1到100之间的百分数");
	}

	@Test
	void eachLinksQrCodeReadsBackAsItsAddressAndOnlyWithinScope() throws Exception {
		long survey = survey();
		MockHttpServletResponse png = this.mvc
			.perform(get("/outreach/surveys/" + survey + "/qr/" + HUISHI_VILLAGE + ".png").with(user(this.huishi)))
			.andReturn()
			.getResponse();
		assertThat(png.getStatus()).isEqualTo(200);
		assertThat(png.getContentType()).isEqualTo("image/png");
		assertThat(decode(png.getContentAsByteArray()))
			.isEqualTo("http://localhost/survey/" + code(survey) + "/" + HUISHI_VILLAGE);

		// 河畔镇's link is outside 会师镇's scope; a made-up region is no link at all
		assertThat(this.mvc
			.perform(get("/outreach/surveys/" + survey + "/qr/" + HEPAN_VILLAGE + ".png").with(user(this.huishi)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(this.mvc.perform(get("/outreach/surveys/" + survey + "/qr/999999999999.png").with(user(this.office)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(this.mvc.perform(get("/outreach/surveys/" + survey + "/qr/" + HUISHI_VILLAGE + ".png"))
			.andReturn()
			.getResponse()
			.getStatus()).as("signed out").isIn(302, 401, 403);

		// the posters: one per township and community in scope, each a readable code
		String posters = this.mvc.perform(get("/outreach/surveys/" + survey + "/posters").with(user(this.huishi)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		java.util.regex.Matcher images = java.util.regex.Pattern.compile("src=\"data:image/png;base64,([^\"]+)\"")
			.matcher(posters);
		int count = 0;
		while (images.find()) {
			String address = decode(java.util.Base64.getDecoder().decode(images.group(1)));
			assertThat(address).startsWith("http://localhost/survey/" + code(survey) + "/620422100");
			count++;
		}
		assertThat(count).isEqualTo(this.jdbc
			.sql("""
					select count(*) from region where code like '620422100%' and level in ('TOWNSHIP', 'VILLAGE') and enabled
					""")
			.query(Integer.class)
			.single());
		assertThat(posters).doesNotContain("620422102001");
	}

	/** Reads a QR code back with ZXing's decoder, as a phone camera would. */
	static String decode(byte[] png) throws Exception {
		java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
		int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
		com.google.zxing.BinaryBitmap bitmap = new com.google.zxing.BinaryBitmap(
				new com.google.zxing.common.HybridBinarizer(
						new com.google.zxing.RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
		// the image is the code alone, as generated: read it as a pure barcode
		return new com.google.zxing.qrcode.QRCodeReader()
			.decode(bitmap, java.util.Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.TRUE))
			.getText();
	}

}
