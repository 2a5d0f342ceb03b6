package org.fangfei.app.outreach;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
 * Issue 17: activities with their checks, photos cleaned, the plan against what was done,
 * scope between townships, training coverage, an association's report becoming a clue,
 * and the Excel exports.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestAccounts.class)
class OutreachTests extends OutreachTestSupport {

	@Test
	void anActivityIsRecordedAndAnotherTownshipCannotSeeIt() throws Exception {
		MvcResult created = postForm(this.huishi, "/outreach/activities", activity(HUISHI_VILLAGE));
		assertThat(created.getResponse().getRedirectedUrl()).startsWith("/outreach/activities/");
		long id = Long.parseLong(created.getResponse().getRedirectedUrl().replaceAll("\\D", ""));
		var row = this.jdbc.sql("select * from outreach_activity where id = :id").param("id", id).query().singleRow();
		assertThat(row).containsEntry("venue", "COMMUNITY")
			.containsEntry("people_reached", 120)
			.containsEntry("elderly", true);
		assertThat(this.mvc.perform(get("/outreach/activities/" + id).with(user(this.huishi)))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("社区服务中心 " + this.tag);
		assertThat(this.mvc.perform(get("/outreach/activities/" + id).with(user(this.hepan)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(this.mvc.perform(get("/outreach").param("text", this.tag).with(user(this.hepan)))
			.andReturn()
			.getResponse()
			.getContentAsString()).doesNotContain("社区服务中心 " + this.tag).contains("没有符合条件的宣传活动");
	}

	@Test
	void badActivitiesAreRefusedWithChineseMessagesAndNothingIsWritten() throws Exception {
		Map<String, String> form = activity(HEPAN_VILLAGE);
		form.remove("forms");
		form.put("heldOn", LocalDate.now().plusDays(3).toString());
		form.put("peopleReached", "-5");
		form.put("place", "");
		String page = postForm(this.huishi, "/outreach/activities", form).getResponse().getContentAsString();
		assertThat(page).contains("活动日期不能晚于今天", "所在区划不在您的管辖范围内", "请填写活动地点", "请至少选择一种宣传形式", "覆盖人数不能为负数");
		Map<String, String> noVenue = activity(HUISHI_VILLAGE);
		noVenue.remove("venue");
		noVenue.put("materialIds", "999999999");
		assertThat(postForm(this.huishi, "/outreach/activities", noVenue).getResponse().getContentAsString())
			.contains("请选择宣传场所(七进)", "宣传资料不存在或不在您的管辖范围内");
		assertThat(count("select count(*) from outreach_activity where place like ?", "%" + this.tag)).isZero();
	}

	@Test
	void photosAreReEncodedAndOtherFilesRefused() throws Exception {
		BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		ImageIO.write(image, "png", png);
		var request = multipart("/outreach/activities")
			.file(new MockMultipartFile("photos", "现场.png", "image/png", png.toByteArray()))
			.with(user(this.huishi))
			.with(csrf());
		activity(HUISHI_VILLAGE).forEach(request::param);
		String redirect = this.mvc.perform(request).andReturn().getResponse().getRedirectedUrl();
		long id = Long.parseLong(redirect.replaceAll("\\D", ""));
		byte[] stored = this.jdbc.sql("select content from outreach_activity_photo where activity_id = :id")
			.param("id", id)
			.query(byte[].class)
			.single();
		assertThat(ImageIO.read(new ByteArrayInputStream(stored)).getWidth()).isEqualTo(40);

		var bad = multipart("/outreach/activities")
			.file(new MockMultipartFile("photos", "照片.jpg", "image/jpeg", "不是图片".getBytes()))
			.with(user(this.huishi))
			.with(csrf());
		Map<String, String> form = activity(HUISHI_VILLAGE);
		form.put("place", "坏照片 " + this.tag);
		form.forEach(bad::param);
		assertThat(this.mvc.perform(bad).andReturn().getResponse().getContentAsString())
			.contains("文件“照片.jpg”不是JPEG或PNG图片");
		assertThat(count("select count(*) from outreach_activity where place = ?", "坏照片 " + this.tag)).isZero();
	}

	@Test
	void thePlanIsSetByTheOfficeAndCountsTheYearsActivities() throws Exception {
		int year = LocalDate.now().getYear();
		String township = "620422100000";
		assertThat(postForm(this.huishi, "/outreach/plan",
				Map.of("year", "" + year, "regionCode", township, "plannedCount", "5", "plannedReach", "100"))
			.getResponse()
			.getStatus()).isEqualTo(403);
		postForm(this.office, "/outreach/plan",
				Map.of("year", "" + year, "regionCode", township, "plannedCount", "40", "plannedReach", "9000"));
		assertThat(count("select planned_count from outreach_plan where year = ? and region_code = ?", year, township))
			.isEqualTo(40);
		MvcResult refused = postForm(this.office, "/outreach/plan",
				Map.of("year", "" + year, "regionCode", HUISHI_VILLAGE, "plannedCount", "-1", "plannedReach", "1"));
		assertThat(refused.getFlashMap().get("actionError").toString()).contains("请选择乡镇(街道)", "计划活动场次不能为负数");
		long before = count("""
				select count(*) from outreach_activity where region_code like '620422100%'
				and held_on >= ? and held_on < ?""", LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
		String page = this.mvc.perform(get("/outreach/plan").with(user(this.office)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).containsPattern("id=\"plan-" + township + "\"[\\s\\S]*?>40<[\\s\\S]*?>" + before + "<");
	}

	@Test
	void trainingCoversGridWorkersAndNamesThoseNeverTrained() throws Exception {
		long worker = count("select min(id) from person where role = 'GRID_WORKER' and region_code like '620422100%'");
		long hepanWorker = count(
				"select min(id) from person where role = 'GRID_WORKER' and region_code like '620422102%'");
		Map<String, String> form = new java.util.LinkedHashMap<>(
				Map.of("topic", "条例解读 " + this.tag, "heldOn", LocalDate.now().toString(), "regionCode", "620422100000",
						"trainer", "县处非办", "hours", "abc", "attendeeIds", hepanWorker + ""));
		String page = postForm(this.huishi, "/outreach/trainings", form).getResponse().getContentAsString();
		assertThat(page).contains("学时应为数字", "参训人员(编号" + hepanWorker + ")不存在或不在您的管辖范围内");
		form.put("hours", "1.25");
		form.put("attendeeIds", "" + worker);
		assertThat(postForm(this.huishi, "/outreach/trainings", form).getResponse().getContentAsString())
			.contains("学时最多保留一位小数");
		assertThat(count("select count(*) from training_session where topic = ?", "条例解读 " + this.tag)).isZero();
		form.put("hours", "2.5");
		String redirect = postForm(this.huishi, "/outreach/trainings", form).getResponse().getRedirectedUrl();
		assertThat(redirect).startsWith("/outreach/trainings/");
		String coverage = this.mvc.perform(get("/outreach/trainings/coverage").with(user(this.huishi)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		long workers = count(
				"""
						select count(*) from person where role in ('GRID_WORKER', 'GRID_LEADER') and region_code like '620422100%'""");
		long never = count(
				"""
						select count(*) from person p where role in ('GRID_WORKER', 'GRID_LEADER') and region_code like '620422100%'
						and not exists (select 1 from training_attendee a where a.person_id = p.id)""");
		assertThat(coverage).contains("id=\"grid-workers\">" + workers + "<", "id=\"never-trained\">" + never + "<");
		String onlyNever = this.mvc
			.perform(get("/outreach/trainings/coverage").param("never", "true").with(user(this.huishi)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String name = this.jdbc.sql("select name from person where id = :id")
			.param("id", worker)
			.query(String.class)
			.single();
		// the list is paged (20 a page, those never trained first): the trained worker is
		// on one of the pages
		StringBuilder everyPage = new StringBuilder();
		for (int p = 1; p <= (workers + 19) / 20; p++) {
			everyPage.append(
					this.mvc.perform(get("/outreach/trainings/coverage").param("page", "" + p).with(user(this.huishi)))
						.andReturn()
						.getResponse()
						.getContentAsString());
		}
		assertThat(everyPage.toString()).contains(">" + name + "<");
		assertThat(onlyNever).doesNotContain(">" + name + "<");
	}

	@Test
	void anAssociationsReportBecomesAnAssociationClueOrNothingIsWritten() throws Exception {
		String redirect = postForm(this.office, "/outreach/associations",
				Map.of("name", "会宁县小贷行业协会 " + this.tag, "regionCode", "620422000000", "members", "9"))
			.getResponse()
			.getRedirectedUrl();
		long association = Long.parseLong(redirect.replaceAll("\\D", ""));
		assertThat(postForm(this.office, "/outreach/associations",
				Map.of("name", "会宁县小贷行业协会 " + this.tag, "regionCode", "620422000000"))
			.getResponse()
			.getContentAsString()).contains("该区划已登记同名行业协会");
		Map<String, String> report = new java.util.LinkedHashMap<>(
				Map.of("memberName", "某小额贷款公司 " + this.tag, "regionCode", HUISHI_VILLAGE, "reportedOn",
						LocalDate.now().toString(), "description", "会员单位违规吸收公众存款，承诺月息2分", "amount", "一百万"));
		assertThat(postForm(this.office, "/outreach/associations/" + association + "/reports", report).getResponse()
			.getContentAsString()).contains("涉及金额");
		assertThat(count("select count(*) from association_report where association_id = ?", association)).isZero();
		report.put("amount", "1000000");
		postForm(this.office, "/outreach/associations/" + association + "/reports", report);
		var row = this.jdbc
			.sql("""
					select c.source, c.source_detail, c.region_code from association_report r join clue c on c.id = r.clue_id
					where r.association_id = :a""")
			.param("a", association)
			.query()
			.singleRow();
		assertThat(row).containsEntry("source", "ASSOCIATION")
			.containsEntry("source_detail", "会宁县小贷行业协会 " + this.tag)
			.containsEntry("region_code", HUISHI_VILLAGE);
		assertThat(postForm(this.leader, "/outreach/associations/" + association + "/reports", report).getResponse()
			.getStatus()).isEqualTo(403);
	}

	@Test
	void theActivityExportOpensWithChineseHeadersWithinTheScope() throws Exception {
		postForm(this.huishi, "/outreach/activities", activity(HUISHI_VILLAGE));
		byte[] xlsx = this.mvc.perform(get("/outreach/export").param("text", this.tag).with(user(this.huishi)))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			var sheet = book.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("宣传场所(七进)");
			assertThat(sheet.getLastRowNum()).isEqualTo(1);
			assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("进社区");
		}
		byte[] other = this.mvc.perform(get("/outreach/export").param("text", this.tag).with(user(this.hepan)))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(other))) {
			assertThat(book.getSheetAt(0).getLastRowNum()).isZero();
		}
		assertThat(this.mvc.perform(get("/outreach/export").with(user(this.accounts.ready("grid"))))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
	}

}
