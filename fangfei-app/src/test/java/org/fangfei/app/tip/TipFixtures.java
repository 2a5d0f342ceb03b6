package org.fangfei.app.tip;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import jakarta.servlet.http.Cookie;
import org.fangfei.app.SessionCookie;

import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/** Building tips and files for the tip tests. */
final class TipFixtures {

	static final String HUISHI_VILLAGE = "620422100001";

	private static final AtomicInteger ADDRESS = new AtomicInteger(1);

	private TipFixtures() {
	}

	/** A client address of its own, so tests do not share rate-limit buckets. */
	static String freshAddress() {
		int n = ADDRESS.getAndIncrement();
		return "10.77." + (n / 250) + "." + (n % 250 + 1);
	}

	/**
	 * The cookie of a session that has been shown a CAPTCHA (answer 42 in tests, see the
	 * pom).
	 */
	static Cookie sessionWithCaptcha(MockMvc mvc) throws Exception {
		return SessionCookie.of(mvc.perform(get("/tip/captcha.png")).andReturn());
	}

	/** A tip sent in the session of the cookie, or in none when it is null. */
	static MockMultipartHttpServletRequestBuilder tip(Cookie session, String address, String... fields) {
		MockMultipartHttpServletRequestBuilder request = multipart("/tip");
		if (session != null) {
			request.cookie(session);
		}
		request.with(csrf()).with(r -> {
			r.setRemoteAddr(address);
			return r;
		});
		java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
		values.put("captcha", "42");
		values.put("regionCode", HUISHI_VILLAGE);
		values.put("subjectName", "某某养老服务中心");
		values.put("whatHappened", "在小区门口发传单，承诺年息百分之二十，动员老人投钱。");
		values.put("anonymous", "true");
		for (int i = 0; i + 1 < fields.length; i += 2) {
			values.put(fields[i], fields[i + 1]);
		}
		values.forEach(request::param);
		return request;
	}

	static String codeIn(String html) {
		Matcher m = Pattern.compile("id=\"tracking-code\">([0-9A-Z-]{19})<").matcher(html);
		if (!m.find()) {
			throw new AssertionError("No tracking code in the page:\n" + html);
		}
		return m.group(1);
	}

	static byte[] jpeg(int width, int height) throws IOException {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(30, 120, 200));
		g.fillRect(0, 0, width, height);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "jpg", out);
		return out.toByteArray();
	}

	/** A JPEG carrying an EXIF segment with a GPS marker right after its start. */
	static byte[] jpegWithExif() throws IOException {
		byte[] plain = jpeg(64, 48);
		byte[] payload = "Exif\0\0GPSLatitude 36.1N GPSLongitude 105.0E Owner 张秘密".getBytes(StandardCharsets.UTF_8);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(plain, 0, 2);
		out.write(0xFF);
		out.write(0xE1);
		int length = payload.length + 2;
		out.write(length >> 8);
		out.write(length & 0xFF);
		out.write(payload);
		out.write(plain, 2, plain.length - 2);
		return out.toByteArray();
	}

	static byte[] docx(String author) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			put(zip, "[Content_Types].xml",
					"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
			put(zip, "word/document.xml", "<w:document xmlns:w=\"w\"><w:body>高息揽储情况说明</w:body></w:document>");
			put(zip, "docProps/core.xml", "<cp:coreProperties><dc:creator>" + author
					+ "</dc:creator><cp:lastModifiedBy>" + author + "</cp:lastModifiedBy></cp:coreProperties>");
			put(zip, "docProps/app.xml", "<Properties><Company>" + author + "的公司</Company></Properties>");
		}
		return out.toByteArray();
	}

	private static void put(ZipOutputStream zip, String name, String content) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(content.getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
	}

	static MockMultipartFile file(String name, String type, byte[] bytes) {
		return new MockMultipartFile("files", name, type, bytes);
	}

}
