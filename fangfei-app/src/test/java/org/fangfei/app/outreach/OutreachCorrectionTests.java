package org.fangfei.app.outreach;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.imageio.ImageIO;

import org.fangfei.app.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * Issue 17: corrections of activities (with photos, materials, volunteers), training
 * sessions, materials, volunteers and associations — within scope, against the version
 * read, checked with Chinese messages, audited; what activities refer to keeps its
 * history.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestAccounts.class)
class OutreachCorrectionTests extends OutreachTestSupport {

	@Test
	void anActivityIsCorrectedWithItsPhotosAndTheChangeIsAudited() throws Exception {
		long id = activityWithPhoto();
		long photo = count("select min(id) from outreach_activity_photo where activity_id = ?", id);
		assertThat(this.mvc.perform(get("/outreach/activities/" + id + "/edit").with(user(this.huishi)))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("修改宣传活动", "社区服务中心 " + this.tag, "name=\"removePhotos\"");

		Map<String, String> form = activity(HUISHI_VILLAGE);
		form.put("place", "村委会广场 " + this.tag);
		form.put("peopleReached", "300");
		form.put("version", "0");
		form.put("removePhotos", "" + photo);
		var request = multipart("/outreach/activities/" + id)
			.file(new MockMultipartFile("photos", "新照片.png", "image/png", png()))
			.with(user(this.huishi))
			.with(csrf());
		form.forEach(request::param);
		assertThat(this.mvc.perform(request).andReturn().getResponse().getRedirectedUrl())
			.isEqualTo("/outreach/activities/" + id);

		var row = this.jdbc.sql("select * from outreach_activity where id = :id").param("id", id).query().singleRow();
		assertThat(row).containsEntry("place", "村委会广场 " + this.tag)
			.containsEntry("people_reached", 300)
			.containsEntry("version", 1);
		assertThat(count("select count(*) from outreach_activity_photo where activity_id = ? and id = ?", id, photo))
			.isZero();
		assertThat(count("select count(*) from outreach_activity_photo where activity_id = ?", id)).isEqualTo(1);
		assertThat(this.jdbc
			.sql("select summary from audit_log where action = 'OUTREACH_ACTIVITY_UPDATE' and target_id = :id")
			.param("id", "" + id)
			.query(String.class)
			.single()).contains("村委会广场", "覆盖 300 人", "删除照片 1 张", "新增照片 1 张", "修改前", "社区服务中心");
	}

	@Test
	void aCorrectionAgainstAnOldVersionIsRefusedAndChangesNothing() throws Exception {
		long id = activity(this.huishi, HUISHI_VILLAGE);
		Map<String, String> form = activity(HUISHI_VILLAGE);
		form.put("version", "0");
		form.put("peopleReached", "200");
		postForm(this.huishi, "/outreach/activities/" + id, form);
		form.put("peopleReached", "999");
		MvcResult stale = postForm(this.huishi, "/outreach/activities/" + id, form);
		assertThat(stale.getFlashMap().get("actionError")).isEqualTo("该记录已被他人修改或删除，请刷新后重试");
		MvcResult staleDelete = postForm(this.huishi, "/outreach/activities/" + id + "/delete", Map.of("version", "0"));
		assertThat(staleDelete.getFlashMap().get("actionError")).isEqualTo("该记录已被他人修改或删除，请刷新后重试");
		MvcResult noVersion = postForm(this.huishi, "/outreach/activities/" + id + "/delete", Map.of());
		assertThat(noVersion.getFlashMap().get("actionError")).isEqualTo("缺少版本号，请刷新后重试");
		assertThat(count("select people_reached from outreach_activity where id = ?", id)).isEqualTo(200);
	}

	@Test
	void aBadCorrectionIsRefusedWithChineseMessages() throws Exception {
		long id = activity(this.huishi, HUISHI_VILLAGE);
		Map<String, String> form = activity(HEPAN_VILLAGE);
		form.put("version", "0");
		form.put("heldOn", LocalDate.now().plusDays(2).toString());
		form.put("organiser", "");
		form.put("volunteerIds", "999999999");
		assertThat(postForm(this.huishi, "/outreach/activities/" + id, form).getResponse().getContentAsString())
			.contains("修改宣传活动", "活动日期不能晚于今天", "所在区划不在您的管辖范围内", "请填写组织单位", "志愿者不存在、已停用或不在您的管辖范围内");
		assertThat(count("select version from outreach_activity where id = ?", id)).isZero();
	}

	@Test
	void anActivityIsDeletedWithItsPhotosMaterialsAndVolunteers() throws Exception {
		long material = material(this.huishi, HUISHI_VILLAGE);
		long volunteer = volunteer(this.huishi, HUISHI_VILLAGE);
		Map<String, String> form = activity(HUISHI_VILLAGE);
		form.put("materialIds", "" + material);
		form.put("volunteerIds", "" + volunteer);
		var request = multipart("/outreach/activities")
			.file(new MockMultipartFile("photos", "现场.png", "image/png", png()))
			.with(user(this.huishi))
			.with(csrf());
		form.forEach(request::param);
		long id = idOf(this.mvc.perform(request).andReturn());
		assertThat(count("select count(*) from outreach_activity_material where activity_id = ?", id)).isEqualTo(1);

		assertThat(postForm(this.hepan, "/outreach/activities/" + id + "/delete", Map.of("version", "0")).getResponse()
			.getStatus()).as("another township").isEqualTo(404);
		assertThat(postForm(this.leader, "/outreach/activities/" + id + "/delete", Map.of("version", "0")).getResponse()
			.getStatus()).as("a leader only reads").isEqualTo(403);
		assertThat(count("select count(*) from outreach_activity where id = ?", id)).isEqualTo(1);

		MvcResult deleted = postForm(this.huishi, "/outreach/activities/" + id + "/delete", Map.of("version", "0"));
		assertThat(deleted.getResponse().getRedirectedUrl()).isEqualTo("/outreach");
		assertThat(count("select count(*) from outreach_activity where id = ?", id)).isZero();
		assertThat(count("select count(*) from outreach_activity_photo where activity_id = ?", id)).isZero();
		assertThat(count("select count(*) from outreach_activity_material where activity_id = ?", id)).isZero();
		assertThat(count("select count(*) from outreach_activity_volunteer where activity_id = ?", id)).isZero();
		assertThat(count("select count(*) from audit_log where action = 'OUTREACH_ACTIVITY_DELETE' and target_id = ?",
				"" + id))
			.isEqualTo(1);
		assertThat(this.mvc.perform(get("/outreach/activities/" + id).with(user(this.huishi)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
	}

	@Test
	void aTrainingIsCorrectedAndDeletedWithItsAttendees() throws Exception {
		long worker = count("select min(id) from person where role = 'GRID_WORKER' and region_code like '620422100%'");
		long other = count("select max(id) from person where role = 'GRID_WORKER' and region_code like '620422100%'");
		long hepanWorker = count(
				"select min(id) from person where role = 'GRID_WORKER' and region_code like '620422102%'");
		MvcResult created = postForm(this.huishi, "/outreach/trainings",
				Map.of("topic", "条例解读 " + this.tag, "heldOn", LocalDate.now().minusDays(3).toString(), "regionCode",
						HUISHI_VILLAGE, "trainer", "镇处非办", "hours", "2", "attendeeIds", "" + worker));
		long id = idOf(created);

		Map<String, String> bad = new LinkedHashMap<>(
				Map.of("version", "0", "topic", "条例解读 " + this.tag, "heldOn", LocalDate.now().toString(), "regionCode",
						HUISHI_VILLAGE, "trainer", "镇处非办", "hours", "41", "attendeeIds", worker + "," + hepanWorker));
		assertThat(postForm(this.huishi, "/outreach/trainings/" + id, bad).getResponse().getContentAsString())
			.contains("修改培训", "学时应大于0且不超过40", "参训人员(编号" + hepanWorker + ")不存在或不在您的管辖范围内");

		Map<String, String> good = new LinkedHashMap<>(bad);
		good.put("hours", "3.5");
		good.put("attendeeIds", worker + "," + other);
		assertThat(postForm(this.huishi, "/outreach/trainings/" + id, good).getResponse().getRedirectedUrl())
			.isEqualTo("/outreach/trainings/" + id);
		assertThat(this.jdbc.sql("select hours from training_session where id = :id")
			.param("id", id)
			.query(java.math.BigDecimal.class)
			.single()).isEqualByComparingTo("3.5");
		assertThat(count("select count(*) from training_attendee where session_id = ?", id))
			.isEqualTo(worker == other ? 1 : 2);
		assertThat(count("select count(*) from audit_log where action = 'TRAINING_UPDATE' and target_id = ?", "" + id))
			.isEqualTo(1);

		assertThat(postForm(this.hepan, "/outreach/trainings/" + id + "/delete", Map.of("version", "1")).getResponse()
			.getStatus()).isEqualTo(404);
		postForm(this.huishi, "/outreach/trainings/" + id + "/delete", Map.of("version", "1"));
		assertThat(count("select count(*) from training_session where id = ?", id)).isZero();
		assertThat(count("select count(*) from training_attendee where session_id = ?", id)).isZero();
		assertThat(count("select count(*) from audit_log where action = 'TRAINING_DELETE' and target_id = ?", "" + id))
			.isEqualTo(1);
	}

	@Test
	void aMaterialUsedByAnActivityCannotBeDeletedAndAnUnusedOneCan() throws Exception {
		long used = material(this.huishi, HUISHI_VILLAGE);
		long unused = material(this.huishi, HUISHI_VILLAGE);
		Map<String, String> form = activity(HUISHI_VILLAGE);
		form.put("materialIds", "" + used);
		postForm(this.huishi, "/outreach/activities", form);

		MvcResult refused = postForm(this.huishi, "/outreach/materials/" + used + "/delete", Map.of("version", "0"));
		assertThat(refused.getFlashMap().get("actionError")).isEqualTo("该资料已在 1 次宣传活动中使用，不能删除；如有错误请修改");
		assertThat(count("select count(*) from outreach_material where id = ?", used)).isEqualTo(1);

		Map<String, String> edit = Map.of("version", "0", "kind", "POSTER", "title", "", "regionCode", HUISHI_VILLAGE,
				"copies", "-3");
		assertThat(postForm(this.huishi, "/outreach/materials/" + used, edit).getResponse().getContentAsString())
			.contains("修改宣传资料", "请填写资料名称", "印制(制作)数量不能为负数");
		postForm(this.huishi, "/outreach/materials/" + used, Map.of("version", "0", "kind", "POSTER", "title",
				"改正后的海报 " + this.tag, "regionCode", HUISHI_VILLAGE, "copies", "50"));
		assertThat(this.jdbc.sql("select title from outreach_material where id = :id")
			.param("id", used)
			.query(String.class)
			.single()).isEqualTo("改正后的海报 " + this.tag);

		assertThat(
				postForm(this.hepan, "/outreach/materials/" + unused + "/delete", Map.of("version", "0")).getResponse()
					.getStatus())
			.isEqualTo(404);
		postForm(this.huishi, "/outreach/materials/" + unused + "/delete", Map.of("version", "0"));
		assertThat(count("select count(*) from outreach_material where id = ?", unused)).isZero();
		assertThat(count("select count(*) from audit_log where action = 'OUTREACH_MATERIAL_DELETE' and target_id = ?",
				"" + unused))
			.isEqualTo(1);
	}

	@Test
	void aVolunteerWhoJoinedActivitiesIsMadeInactiveNotDeleted() throws Exception {
		long joined = volunteer(this.huishi, HUISHI_VILLAGE);
		long idle = volunteer(this.huishi, HUISHI_VILLAGE);
		Map<String, String> form = activity(HUISHI_VILLAGE);
		form.put("volunteerIds", "" + joined);
		long activity = idOf(postForm(this.huishi, "/outreach/activities", form));

		MvcResult kept = postForm(this.huishi, "/outreach/volunteers/" + joined + "/delete", Map.of("version", "0"));
		assertThat((String) kept.getFlashMap().get("done")).contains("已停用");
		assertThat(count("select count(*) from volunteer where id = ? and not enabled", joined)).isEqualTo(1);
		assertThat(count("select count(*) from outreach_activity_volunteer where volunteer_id = ?", joined))
			.isEqualTo(1);
		// no longer offered nor accepted on a new activity; the old one keeps its name
		assertThat(this.mvc.perform(get("/outreach/activities/new").with(user(this.huishi)))
			.andReturn()
			.getResponse()
			.getContentAsString()).doesNotContain("value=\"" + joined + "\"");
		Map<String, String> again = activity(HUISHI_VILLAGE);
		again.put("volunteerIds", "" + joined);
		assertThat(postForm(this.huishi, "/outreach/activities", again).getResponse().getContentAsString())
			.contains("志愿者不存在、已停用或不在您的管辖范围内");
		// a correction of the old activity keeps the inactive volunteer
		form.put("version", "0");
		assertThat(postForm(this.huishi, "/outreach/activities/" + activity, form).getResponse().getRedirectedUrl())
			.isEqualTo("/outreach/activities/" + activity);

		postForm(this.huishi, "/outreach/volunteers/" + idle + "/delete", Map.of("version", "0"));
		assertThat(count("select count(*) from volunteer where id = ?", idle)).isZero();

		postForm(this.huishi, "/outreach/volunteers/" + joined + "/enabled", Map.of("version", "1", "enabled", "true"));
		assertThat(count("select count(*) from volunteer where id = ? and enabled", joined)).isEqualTo(1);
		assertThat(count("select count(*) from audit_log where action in ('VOLUNTEER_DEACTIVATE', 'VOLUNTEER_ACTIVATE')"
				+ " and target_id = ?", "" + joined))
			.isEqualTo(2);

		assertThat(postForm(this.huishi, "/outreach/volunteers/" + joined,
				Map.of("version", "2", "name", "", "regionCode", HUISHI_VILLAGE, "joinedOn",
						LocalDate.now().plusDays(1).toString()))
			.getResponse()
			.getContentAsString()).contains("修改志愿者", "请填写志愿者姓名", "加入日期不能晚于今天");
	}

	@Test
	void anAssociationWhoseReportBecameAClueCannotBeDeleted() throws Exception {
		MvcResult created = postForm(this.office, "/outreach/associations",
				Map.of("name", "县小额贷款协会 " + this.tag, "regionCode", "620422000000", "members", "12"));
		long id = idOf(created);
		postForm(this.office, "/outreach/associations",
				Map.of("name", "县典当协会 " + this.tag, "regionCode", "620422000000", "members", "3"));
		postForm(this.office, "/outreach/associations/" + id + "/reports", Map.of("memberName", "某小贷公司", "regionCode",
				HUISHI_VILLAGE, "reportedOn", LocalDate.now().toString(), "description", "以高息吸收存款 " + this.tag));
		assertThat(count("select count(*) from association_report where association_id = ?", id)).isEqualTo(1);

		MvcResult refused = postForm(this.office, "/outreach/associations/" + id + "/delete", Map.of("version", "0"));
		assertThat(refused.getFlashMap().get("actionError")).isEqualTo("该协会已有 1 份报告转为线索，不能删除");
		assertThat(postForm(this.office, "/outreach/associations/" + id,
				Map.of("version", "0", "name", "县典当协会 " + this.tag, "regionCode", "620422000000", "members", "12"))
			.getResponse()
			.getContentAsString()).contains("该区划已登记同名行业协会");
		postForm(this.office, "/outreach/associations/" + id,
				Map.of("version", "0", "name", "县小额贷款行业协会 " + this.tag, "regionCode", "620422000000", "members", "15"));
		assertThat(count("select members from association where id = ?", id)).isEqualTo(15);
		assertThat(
				postForm(this.huishi, "/outreach/associations/" + id + "/delete", Map.of("version", "1")).getResponse()
					.getStatus())
			.as("a county association is outside a township")
			.isEqualTo(404);
	}

	long activity(org.springframework.security.core.userdetails.UserDetails who, String region) throws Exception {
		return idOf(postForm(who, "/outreach/activities", activity(region)));
	}

	long material(org.springframework.security.core.userdetails.UserDetails who, String region) throws Exception {
		postForm(who, "/outreach/materials",
				Map.of("kind", "LEAFLET", "title", "折页 " + this.tag + " " + System.nanoTime(), "regionCode", region));
		return count("select max(id) from outreach_material where title like ?", "折页 " + this.tag + "%");
	}

	long volunteer(org.springframework.security.core.userdetails.UserDetails who, String region) throws Exception {
		postForm(who, "/outreach/volunteers", Map.of("name", "志愿者" + this.tag, "regionCode", region, "joinedOn",
				LocalDate.now().minusDays(10).toString()));
		return count("select max(id) from volunteer where name = ?", "志愿者" + this.tag);
	}

	long activityWithPhoto() throws Exception {
		var request = multipart("/outreach/activities")
			.file(new MockMultipartFile("photos", "现场.png", "image/png", png()))
			.with(user(this.huishi))
			.with(csrf());
		activity(HUISHI_VILLAGE).forEach(request::param);
		return idOf(this.mvc.perform(request).andReturn());
	}

	static long idOf(MvcResult created) {
		String url = created.getResponse().getRedirectedUrl();
		assertThat(url).as("redirect after create").isNotNull();
		return Long.parseLong(url.replaceAll("\\D", ""));
	}

	static byte[] png() throws Exception {
		BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		ImageIO.write(image, "png", png);
		return png.toByteArray();
	}

}
