package org.fangfei.app.patrol;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.fangfei.app.IntegrationTest;
import org.fangfei.app.TestImages;
import org.fangfei.app.TestAccounts;
import org.fangfei.app.subject.Subjects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fangfei.app.patrol.PatrolFixtures.count;
import static org.fangfei.app.patrol.PatrolFixtures.patrolForm;
import static org.fangfei.app.patrol.PatrolFixtures.png;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A grid worker records patrols with the checklist and photos; every bad input is refused
 * in Chinese with nothing written; a raised finding becomes one pending finding and one
 * {@link PatrolFindingRaised} event.
 */
@IntegrationTest
@RecordApplicationEvents
class PatrolRecordingTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	Subjects subjects;

	@Autowired
	ApplicationEvents events;

	UserDetails grid;

	long subject;

	@BeforeEach
	void setUp() {
		this.grid = this.accounts.ready("grid");
		this.subject = PatrolFixtures.subject(this.subjects, PatrolFixtures.GRID_VILLAGE);
	}

	private long submit(MockMultipartHttpServletRequestBuilder request) throws Exception {
		MvcResult result = this.mvc.perform(request.with(user(this.grid)).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String location = result.getResponse().getRedirectedUrl();
		assertThat(location).matches("/patrols/[0-9]+");
		return Long.parseLong(location.substring("/patrols/".length()));
	}

	@Test
	void workerRecordsPatrolWithPhotoAndSeesItBack() throws Exception {
		MockMultipartFile photo = png("门店.png");
		long id = submit(patrolForm("subject:" + this.subject).file(photo).file(PatrolFixtures.jpeg("宣传单.jpg")));

		Map<String, Object> row = this.jdbc.sql("select * from patrol where id = :id")
			.param("id", id)
			.query()
			.singleRow();
		assertThat(row).containsEntry("legally_registered", "YES")
			.containsEntry("fundraising_approved", "NONE")
			.containsEntry("solicits_public", "NO")
			.containsEntry("ads_or_stalls_seen", "NO")
			.containsEntry("worker", "grid")
			.containsEntry("region_code", PatrolFixtures.GRID_VILLAGE)
			.containsEntry("subject_id", this.subject)
			.containsEntry("raise_clue", false);
		long gridId = this.jdbc.sql("select id from grid where code = '620422100001'").query(Long.class).single();
		assertThat(row).containsEntry("grid_id", gridId);
		Long photoId = this.jdbc.sql("select min(id) from patrol_photo where patrol_id = :id")
			.param("id", id)
			.query(Long.class)
			.single();

		byte[] served = this.mvc.perform(get("/patrols/{id}/photos/{p}", id, photoId).with(user(this.grid)))
			.andExpect(status().isOk())
			.andExpect(content().contentType("image/png"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Content-Disposition", containsString("inline")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		java.awt.image.BufferedImage back = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(served));
		assertThat(back.getWidth()).isEqualTo(64);
		assertThat(back.getHeight()).isEqualTo(48);
		assertThat(photo.getBytes()).isNotEmpty();
		this.mvc.perform(get("/patrols/{id}", id).with(user(this.grid)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("主体资格是否合法")))
			.andExpect(content().string(containsString("不涉及")))
			.andExpect(content().string(containsString("/patrols/" + id + "/photos/" + photoId)))
			.andExpect(content().string(containsString("/subjects/" + this.subject)));
		assertThat(this.events.stream(PatrolFindingRaised.class).filter(e -> e.patrolId() == id)).isEmpty();
	}

	@Test
	void workerRegistersANewSubjectOnTheSpot() throws Exception {
		String name = PatrolFixtures.unique("现场登记小卖部");
		long id = submit(patrolForm("new").param("newSubjectKind", "INDIVIDUAL_BUSINESS")
			.param("newSubjectName", name)
			.param("newSubjectRegion", PatrolFixtures.GRID_VILLAGE));
		Map<String, Object> subject = this.jdbc
			.sql("select s.* from subject s join patrol p on p.subject_id = s.id" + " where p.id = :id")
			.param("id", id)
			.query()
			.singleRow();
		assertThat(subject).containsEntry("name", name)
			.containsEntry("region_code", PatrolFixtures.GRID_VILLAGE)
			.containsEntry("created_by", "grid");
	}

	@Test
	void raisingAClueCreatesOnePendingFindingAndPublishesTheEvent() throws Exception {
		long id = submit(patrolForm("subject:" + this.subject, "promisesHighReturns", "solicitsPublic")
			.param("promisesHighReturns", "YES")
			.param("solicitsPublic", "YES")
			.param("raiseClue", "true"));

		Map<String, Object> finding = this.jdbc.sql("select * from pending_finding where patrol_id = :id")
			.param("id", id)
			.query()
			.singleRow();
		// the clue module takes the finding in asynchronously once the patrol commits, so
		// taken_at may already be set here (see ClueFromPatrolTests)
		assertThat(finding).containsEntry("subject_id", this.subject)
			.containsEntry("region_code", PatrolFixtures.GRID_VILLAGE);
		assertThat((String) finding.get("summary")).contains("承诺高额回报", "向社会不特定对象募集资金", "理财宣传单");
		assertThat(this.events.stream(PatrolFindingRaised.class).filter(e -> e.patrolId() == id).toList())
			.singleElement()
			.satisfies(e -> {
				assertThat(e.subjectId()).isEqualTo(this.subject);
				assertThat(e.regionCode()).isEqualTo(PatrolFixtures.GRID_VILLAGE);
				assertThat(e.summary()).isEqualTo(finding.get("summary"));
			});
		String waiting = this.mvc.perform(get("/patrols/findings").with(user(this.accounts.ready("huishi"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		// listed while waiting; if not listed, the clue module must have taken it already
		boolean taken = this.jdbc.sql("select taken_at is not null from pending_finding where patrol_id = :id")
			.param("id", id)
			.query(Boolean.class)
			.single();
		assertThat(waiting.contains("/patrols/" + id) || taken).isTrue();
		this.mvc.perform(get("/patrols/findings").with(user(this.accounts.ready("hepan"))))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("/patrols/" + id + "\""))));
	}

	@Test
	void badInputsAreRefusedInChineseAndNothingIsWritten() throws Exception {
		long hepanSubject = PatrolFixtures.subject(this.subjects, PatrolFixtures.hepanVillage(this.jdbc));
		String target = "subject:" + this.subject;
		byte[] big = Arrays.copyOf(PatrolFixtures.image("png", 8, 8), Photo.MAX_BYTES + 1);
		Map<String, UnaryOperator<MockMultipartHttpServletRequestBuilder>> cases = Map.of("走访时间不能晚于现在",
				r -> patrolForm(target, "visitedAt").param("visitedAt",
						LocalDateTime.now().plusDays(1).withNano(0).toString()),
				"只能补录30天以内",
				r -> patrolForm(target, "visitedAt").param("visitedAt",
						LocalDateTime.now().minusDays(31).withNano(0).toString()),
				"请回答：是否承诺高额回报", r -> patrolForm(target, "promisesHighReturns"), "不是JPEG或PNG图片",
				r -> r.file(new MockMultipartFile("photos", "假照片.jpg", "image/jpeg",
						"这是一段文字，不是照片".getBytes(java.nio.charset.StandardCharsets.UTF_8))),
				"超过5MB", r -> r.file(new MockMultipartFile("photos", "大图.png", "image/png", big)), "最多上传5张",
				r -> sixPhotos(r), "风险主体不存在或不在您的管辖范围内", r -> patrolForm("subject:" + hepanSubject), "不能回答“不涉及”",
				r -> patrolForm(target, "legallyRegistered").param("legallyRegistered", "NONE"), "请选择走访的主体或楼宇",
				r -> patrolForm(""), "照片“巨图.png”尺寸过大(超过4000万像素)，请缩小后上传", r -> r
					.file(new MockMultipartFile("photos", "巨图.png", "image/png", TestImages.pngBomb(20_000, 20_000))));
		for (var c : cases.entrySet()) {
			long patrols = count(this.jdbc, "patrol");
			long photos = count(this.jdbc, "patrol_photo");
			MockMultipartHttpServletRequestBuilder request = c.getValue().apply(patrolForm(target));
			this.mvc.perform(request.with(user(this.grid)).with(csrf()))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString(c.getKey())));
			assertThat(count(this.jdbc, "patrol")).as(c.getKey()).isEqualTo(patrols);
			assertThat(count(this.jdbc, "patrol_photo")).as(c.getKey()).isEqualTo(photos);
		}
	}

	private static MockMultipartHttpServletRequestBuilder sixPhotos(MockMultipartHttpServletRequestBuilder request) {
		for (int i = 1; i <= 6; i++) {
			request.file(png("照片" + i + ".png"));
		}
		return request;
	}

	@Test
	void aFailedNewSubjectPatrolLeavesNoSubjectBehind() throws Exception {
		String name = PatrolFixtures.unique("未保存的主体");
		this.mvc
			.perform(patrolForm("new").param("newSubjectKind", "ENTERPRISE")
				.param("newSubjectName", name)
				.param("newSubjectRegion", PatrolFixtures.hepanVillage(this.jdbc))
				.with(user(this.grid))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("不在您的管辖范围内")));
		assertThat(this.jdbc.sql("select count(*) from subject where name = :n")
			.param("n", name)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void apiRecordsAPatrolFromJson() throws Exception {
		String body = """
				{"subjectId": %d, "visitedAt": "%s", "place": "东山根社区菜市场",
				 "legallyRegistered": "UNKNOWN", "fundraisingApproved": "NO", "solicitsPublic": "YES",
				 "promisesHighReturns": "YES", "hidesBehindLegalForm": "UNKNOWN", "adsOrStallsSeen": "YES",
				 "notes": "摆摊发放养老项目传单", "raiseClue": false}
				""".formatted(this.subject, LocalDateTime.now().minusMinutes(10).withNano(0));
		String json = this.mvc
			.perform(post("/api/v1/patrols").contentType(MediaType.APPLICATION_JSON)
				.content(body)
				.with(user(this.grid))
				.with(csrf()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.worker").value("grid"))
			.andExpect(jsonPath("$.fundraisingApproved").value("NO"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = Long.parseLong(json.replaceAll("(?s)^\\{\"id\":([0-9]+).*", "$1"));
		this.mvc.perform(get("/api/v1/patrols/{id}", id).with(user(this.grid)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.place").value("东山根社区菜市场"));
		this.mvc
			.perform(post("/api/v1/patrols").contentType(MediaType.APPLICATION_JSON)
				.content(body.replace("\"place\": \"东山根社区菜市场\",", ""))
				.with(user(this.grid))
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.place").value("请填写走访地点"));
	}

	@Test
	void aPortraitPhotoTakenOnAPhoneIsServedUprightWithoutItsExif() throws Exception {
		long id = submit(patrolForm("subject:" + this.subject)
			.file(new MockMultipartFile("photos", "竖拍.jpg", "image/jpeg", TestImages.portraitPhoto())));
		Long photoId = this.jdbc.sql("select min(id) from patrol_photo where patrol_id = :id")
			.param("id", id)
			.query(Long.class)
			.single();

		byte[] served = this.mvc.perform(get("/patrols/{id}/photos/{p}", id, photoId).with(user(this.grid)))
			.andExpect(status().isOk())
			.andExpect(content().contentType("image/jpeg"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		TestImages.assertUprightPortrait(served);
	}

	@Test
	void photosAreStoredWithoutTheirMetadataAndScaledDown() throws Exception {
		byte[] jpeg = PatrolFixtures.image("jpg", 3200, 1200);
		byte[] marker = "GPS-LOCATION-OF-THE-WORKER".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		java.io.ByteArrayOutputStream withExif = new java.io.ByteArrayOutputStream();
		withExif.write(jpeg, 0, 2);
		int length = 2 + 6 + marker.length;
		withExif.write(new byte[] { (byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length });
		withExif.write("Exif\0\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
		withExif.write(marker);
		withExif.write(jpeg, 2, jpeg.length - 2);
		Photo photo = Photo
			.of(java.util.List.of(new MockMultipartFile("photos", "带定位.jpg", "image/jpeg", withExif.toByteArray())))
			.get(0);
		assertThat(new String(photo.bytes(), java.nio.charset.StandardCharsets.ISO_8859_1))
			.doesNotContain("GPS-LOCATION-OF-THE-WORKER");
		java.awt.image.BufferedImage stored = javax.imageio.ImageIO
			.read(new java.io.ByteArrayInputStream(photo.bytes()));
		assertThat(stored.getWidth()).isEqualTo(Photo.MAX_SIDE);
		assertThat(stored.getHeight()).isEqualTo(600);
	}

}
