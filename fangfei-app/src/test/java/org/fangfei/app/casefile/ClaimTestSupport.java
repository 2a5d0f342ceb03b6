package org.fangfei.app.casefile;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import org.fangfei.app.SessionCookie;
import org.fangfei.app.shared.PersonalData;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * What the self-registration tests share: a case with a window open, claims sent through
 * the public page (CAPTCHA answer 42 in tests, each test from addresses of its own), the
 * office's forms, and look-ups.
 */
abstract class ClaimTestSupport extends CaseTestSupport {

	private static final AtomicInteger ADDRESS = new AtomicInteger(1);

	private static final AtomicInteger SERIAL = new AtomicInteger(100);

	static String freshAddress() {
		int n = ADDRESS.getAndIncrement();
		return "10.88." + (n / 250) + "." + (n % 250 + 1);
	}

	/** A valid ID number not used by another claim test in this JVM. */
	static String freshId() {
		int n = SERIAL.getAndIncrement();
		String first17 = "620422" + (19500101 + (n / 900) * 10000) + String.format("%03d", n % 900 + 100);
		return first17 + PersonalData.idCheckCharacter(first17);
	}

	long caseWithWindow() throws Exception {
		long id = register(this.office, caseForm("ADMINISTRATIVE", "ADMIN_INVESTIGATION"));
		MvcResult r = openWindow(this.office, id, LocalDate.now(), LocalDate.now().plusDays(30), "请如实登记 " + this.tag);
		assertThat(r.getFlashMap().get("actionError")).isNull();
		return id;
	}

	MvcResult openWindow(UserDetails who, long caseId, LocalDate from, LocalDate to, String notice) throws Exception {
		var request = post("/cases/" + caseId + "/claim-windows").with(user(who))
			.with(csrf())
			.param("version", Integer.toString(version(caseId)))
			.param("notice", notice == null ? "" : notice);
		if (from != null) {
			request.param("opensOn", from.toString());
		}
		if (to != null) {
			request.param("closesOn", to.toString());
		}
		return this.mvc.perform(request).andReturn();
	}

	MvcResult office(UserDetails who, String path, String... params) throws Exception {
		var request = post(path).with(user(who)).with(csrf());
		for (int i = 0; i + 1 < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return this.mvc.perform(request).andReturn();
	}

	long windowOf(long caseId) {
		return this.jdbc.sql("select max(id) from case_claim_window where case_id = :c")
			.param("c", caseId)
			.query(Long.class)
			.single();
	}

	Cookie captchaSession() throws Exception {
		return SessionCookie.of(this.mvc.perform(get("/claim/captcha.png")).andReturn());
	}

	MockMultipartHttpServletRequestBuilder claim(Cookie session, String address, long windowId, String... fields) {
		MockMultipartHttpServletRequestBuilder request = multipart("/claim");
		if (session != null) {
			request.cookie(session);
		}
		request.with(csrf()).with(r -> {
			r.setRemoteAddr(address);
			return r;
		});
		Map<String, String> values = new LinkedHashMap<>();
		values.put("windowId", Long.toString(windowId));
		values.put("captcha", "42");
		values.put("name", "王秀英");
		values.put("idNumber", freshId());
		values.put("phone", "13912345678");
		values.put("invested", "50000");
		values.put("received", "2000");
		values.put("bankName", "中国农业银行会宁县支行");
		values.put("accountHolder", "王秀英");
		values.put("account", "6228480000000000017");
		values.put("claimant", "SELF");
		for (int i = 0; i + 1 < fields.length; i += 2) {
			values.put(fields[i], fields[i + 1]);
		}
		values.forEach(request::param);
		return request;
	}

	/** Sends a claim that must be taken; returns its code. */
	String sent(long windowId, String... fields) throws Exception {
		var response = this.mvc.perform(claim(captchaSession(), freshAddress(), windowId, fields))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
		return codeIn(response.getContentAsString());
	}

	static String codeIn(String html) {
		Matcher m = Pattern.compile("id=\"claim-code\">([0-9A-Z-]{19})<").matcher(html);
		if (!m.find()) {
			throw new AssertionError("No claim code in the page:\n" + html);
		}
		return m.group(1);
	}

	long claims(long caseId) {
		return count("select count(*) from case_claim where case_id = ?", caseId);
	}

	long latestClaim(long caseId) {
		return this.jdbc.sql("select max(id) from case_claim where case_id = :c")
			.param("c", caseId)
			.query(Long.class)
			.single();
	}

	String track(String code, String address) throws Exception {
		return this.mvc.perform(post("/claim/track").with(csrf()).param("code", code).with(r -> {
			r.setRemoteAddr(address);
			return r;
		})).andReturn().getResponse().getContentAsString();
	}

	MvcResult decide(UserDetails who, long caseId, long claimId, String review, String... more) throws Exception {
		String[] params = new String[4 + more.length];
		params[0] = "version";
		params[1] = Integer.toString(version(caseId));
		params[2] = "review";
		params[3] = review;
		System.arraycopy(more, 0, params, 4, more.length);
		return office(who, "/cases/" + caseId + "/claims/" + claimId + "/decision", params);
	}

	/** A JPEG with an EXIF segment naming a place, as a phone photo has. */
	static byte[] jpegWithExif() throws java.io.IOException {
		java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(64, 48,
				java.awt.image.BufferedImage.TYPE_INT_RGB);
		java.io.ByteArrayOutputStream plain = new java.io.ByteArrayOutputStream();
		javax.imageio.ImageIO.write(image, "jpg", plain);
		byte[] bytes = plain.toByteArray();
		byte[] payload = "Exif\0\0GPSLatitude 36.1N GPSLongitude 105.0E"
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		out.write(bytes, 0, 2);
		out.write(0xFF);
		out.write(0xE1);
		out.write((payload.length + 2) >> 8);
		out.write((payload.length + 2) & 0xFF);
		out.write(payload);
		out.write(bytes, 2, bytes.length - 2);
		return out.toByteArray();
	}

}
