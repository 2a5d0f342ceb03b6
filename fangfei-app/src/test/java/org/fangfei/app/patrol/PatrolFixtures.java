package org.fangfei.app.patrol;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.fangfei.app.shared.DataScope;
import org.fangfei.app.subject.SubjectForm;
import org.fangfei.app.subject.SubjectKind;
import org.fangfei.app.subject.SubjectStatus;
import org.fangfei.app.subject.Subjects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * Real images, subjects with unique names and filled-in patrol forms for the patrol
 * tests, which share the database with every other test class.
 */
final class PatrolFixtures {

	static final String GRID_VILLAGE = "620422100001";

	private PatrolFixtures() {
	}

	static byte[] image(String format, int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(30, 120, 200));
		g.fillRect(0, 0, width, height);
		g.setColor(Color.ORANGE);
		g.fillOval(width / 4, height / 4, width / 2, height / 2);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			if (!ImageIO.write(image, format, out)) {
				throw new IllegalStateException("No writer for " + format);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	static MockMultipartFile png(String name) {
		return new MockMultipartFile("photos", name, "image/png", image("png", 64, 48));
	}

	static MockMultipartFile jpeg(String name) {
		return new MockMultipartFile("photos", name, "image/jpeg", image("jpg", 64, 48));
	}

	static String unique(String prefix) {
		return prefix + UUID.randomUUID().toString().substring(0, 8);
	}

	/** A subject registered by the county office in the given village. */
	static long subject(Subjects subjects, String region) {
		SubjectForm form = new SubjectForm(SubjectKind.INDIVIDUAL_BUSINESS, unique("巡查测试商行"), "", "", "", "", "街边门店",
				null, "", region, null, null, null, null, SubjectStatus.WATCHING, "", "");
		return subjects.create(form, DataScope.jurisdiction("620422000000"), "office").id();
	}

	/**
	 * The patrol form as a phone submits it, the business registered and raising no
	 * money; the named fields left out.
	 */
	static MockMultipartHttpServletRequestBuilder patrolForm(String target, String... omitted) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("target", target);
		fields.put("visitedAt", LocalDateTime.now().minusHours(1).truncatedTo(ChronoUnit.MINUTES).toString());
		fields.put("place", "会师镇西街门店");
		fields.put("legallyRegistered", "YES");
		fields.put("fundraisingApproved", "NONE");
		fields.put("solicitsPublic", "NO");
		fields.put("promisesHighReturns", "NO");
		fields.put("hidesBehindLegalForm", "NO");
		fields.put("adsOrStallsSeen", "NO");
		fields.put("notes", "店内张贴理财宣传单");
		List.of(omitted).forEach(fields::remove);
		MockMultipartHttpServletRequestBuilder request = multipart("/patrols");
		fields.forEach(request::param);
		return request;
	}

	/** A village of 河畔镇, outside 会师镇 users' scope. */
	static String hepanVillage(JdbcClient jdbc) {
		return jdbc.sql("select min(code) from region where parent_code = '620422102000'").query(String.class).single();
	}

	static long count(JdbcClient jdbc, String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	/**
	 * A village of 会师镇 other than the grid worker's, whose grid only the caller patrols;
	 * low codes come first on the lists.
	 */
	static String otherVillage(JdbcClient jdbc, int skip) {
		return jdbc.sql("""
				select r.code from region r join grid g on g.region_code = r.code and g.level = 2
				where r.parent_code = '620422100000' and r.code <> :own order by r.code limit 1 offset :skip
				""").param("own", GRID_VILLAGE).param("skip", skip).query(String.class).single();
	}

}
