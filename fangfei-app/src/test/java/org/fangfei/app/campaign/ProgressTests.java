package org.fangfei.app.campaign;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.fangfei.app.IntegrationTest;
import org.fangfei.app.TestImages;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Times;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Progress: a unit reports once per period on its own tasks, late reports flagged, bad
 * input and bad files refused; the board's colours and scope; reminders before and after
 * a report is due; plans filed, returned and filed again; summaries drafted from the
 * records, edited, finalised and exported.
 */
@IntegrationTest
class ProgressTests extends CampaignTestSupport {

	@Autowired
	CampaignReminders reminders;

	@Autowired
	UnitPlans plans;

	@Autowired
	Summaries summaries;

	@Test
	void aUnitReportsOncePerPeriodOnItsOwnTasksAndLateReportsAreFlagged() throws Exception {
		long id = smallCampaign();
		Campaign.Unit mine = unit(id, HUISHI);
		Campaign.Unit theirs = unit(id, HEPAN);
		String first = YearMonth.from(start()).toString();
		String second = YearMonth.from(start()).plusMonths(1).toString();
		// on the page, with a cleaned photo
		this.mvc
			.perform(multipart("/campaigns/{id}/units/{u}/reports", id, mine.id())
				.file(new MockMultipartFile("files", "现场.jpg", "image/jpeg", TestImages.portraitPhoto()))
				.param("period", first)
				.param("body", "组织排查")
				.param("figures", "排查主体：12\n发现线索：1")
				.with(user(this.huishiUser))
				.with(csrf()))
			.andExpect(redirectedUrl("/campaigns/" + id + "/units/" + mine.id()));
		List<Progress.Report> reports = this.progress.reports(mine.id());
		assertThat(reports).singleElement().satisfies(r -> {
			assertThat(r.late()).isTrue();
			assertThat(r.figures()).extracting(Figures.Figure::value).containsExactly(12L, 1L);
			assertThat(r.files()).singleElement().satisfies(f -> assertThat(f.cleaning()).contains("重新编码"));
		});
		// every bad input refused with nothing written
		String future = YearMonth.from(this.today).plusMonths(1).toString();
		Object[][] bad = { { first, "再报", "", "的进展已报送，不能重复报送" }, { future, "提前", "", "尚未开始，不能提前报送" },
				{ "2001-01", "错期", "", "报送期次不属于该任务" }, { second, " ", "", "请填写进展情况" },
				{ second, "x".repeat(4001), "", "进展情况不能超过4000个字" }, { second, "数据错", "排查主体=3", "数据第1行格式应为" } };
		for (Object[] b : bad) {
			assertThatThrownBy(() -> this.progress.report(id, mine.id(), (String) b[0], (String) b[1], (String) b[2],
					List.of(), this.huishi))
				.isInstanceOf(Rejected.class)
				.hasMessageContaining((String) b[3]);
		}
		for (String[] file : new String[][] { { "伪装.pdf", "text" }, { "空.pdf", "" }, { "压缩包.zip", "zip" } }) {
			byte[] bytes = switch (file[1]) {
				case "text" -> "这是一个文本文件".getBytes(StandardCharsets.UTF_8);
				case "zip" -> new byte[] { 'P', 'K', 3, 4, 0, 0, 0, 0 };
				default -> new byte[0];
			};
			this.mvc
				.perform(multipart("/campaigns/{id}/units/{u}/reports", id, mine.id())
					.file(new MockMultipartFile("files", file[0], "application/pdf", bytes))
					.param("period", second)
					.param("body", "带附件")
					.with(user(this.huishiUser))
					.with(csrf()))
				.andExpect(status().isOk())
				.andExpect(content()
					.string(containsString(file[1].isEmpty() ? "是空文件" : "只能是 PDF、JPG/PNG 图片或 Word、Excel 文档")));
		}
		assertThat(this.progress.reports(mine.id())).hasSize(1);
		// another unit's row is not the caller's to report on, nor to see
		assertThatThrownBy(() -> this.progress.report(id, theirs.id(), second, "越权", "", List.of(), this.huishi))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.progress.report(id, mine.id(), second, "越权", "", List.of(), this.hepan))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.progress.report(id, mine.id(), second, "越权", "", List.of(), this.market))
			.isInstanceOf(NotFound.class);
		assertThatThrownBy(() -> this.progress.report(id, mine.id(), second, "处非办", "", List.of(), this.office))
			.isInstanceOf(AccessDeniedException.class);
		this.mvc.perform(get("/campaigns/{id}/units/{u}", id, mine.id()).with(user(this.hepanUser)))
			.andExpect(status().isNotFound());
		// on time: filed before its due date
		String current = YearMonth.from(this.today).toString();
		this.progress.report(id, mine.id(), current, "本月按期", "", List.of(), this.huishi);
		assertThat(this.progress.reports(mine.id())).filteredOn(r -> r.period().equals(current))
			.singleElement()
			.satisfies(r -> assertThat(r.late()).isFalse());
		assertThat(count("select count(*) from audit_log where action = 'CAMPAIGN_REPORT' and summary like ?",
				"%月报任务" + this.tag + "%"))
			.isEqualTo(2);
	}

	@Test
	void theBoardColoursEachUnitOnEachTaskAndAUnitSeesItsOwnColumn() throws Exception {
		long id = smallCampaign();
		Campaign.Unit mine = unit(id, HUISHI);
		Campaign.Unit theirs = unit(id, HEPAN);
		YearMonth first = YearMonth.from(start());
		for (int m = 0; m < 3; m++) {
			LocalDate due = first.plusMonths(m + 1).atDay(5);
			try (var held = Times.holdAt(at(due.minusDays(1)))) {
				this.progress.report(id, mine.id(), first.plusMonths(m).toString(), "按期", "", List.of(), this.huishi);
			}
		}
		try (var held = Times.holdAt(at(first.plusMonths(1).atDay(9)))) {
			this.progress.report(id, theirs.id(), first.toString(), "补报", "", List.of(), this.hepan);
		}
		Progress.Board board = this.progress.board(id, this.office, this.today);
		long taskId = board.campaign().tasks().get(0).id();
		assertThat(board.cell(taskId, "R:" + HUISHI).status()).isEqualTo(CellStatus.DONE);
		assertThat(board.cell(taskId, "R:" + HEPAN).status()).isEqualTo(CellStatus.OVERDUE);
		assertThat(board.units()).extracting(UnitKey.Named::key).containsExactly("R:" + HUISHI, "R:" + HEPAN);
		// only late, nothing missing: before the second month fell due
		assertThat(
				this.progress.board(id, this.office, first.plusMonths(2).atDay(3)).cell(taskId, "R:" + HEPAN).status())
			.isEqualTo(CellStatus.LATE);
		Progress.Board own = this.progress.board(id, this.hepan, this.today);
		assertThat(own.units()).extracting(UnitKey.Named::key).containsExactly("R:" + HEPAN);
		this.mvc.perform(get("/campaigns/{id}/board", id).with(user(this.officeUser)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("逾期未报")))
			.andExpect(content().string(containsString("按期报送·牵头")))
			.andExpect(content().string(containsString("/campaigns/" + id + "/units/" + mine.id())));
		this.mvc.perform(get("/campaigns/{id}/board", id).with(user(this.hepanUser)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("按期报送·牵头"))));
	}

	@Test
	void remindersComeBeforeAReportIsDueAndOverdueNoticesAfterAndFilingResolvesThem() {
		long id = smallCampaign();
		Campaign.Unit mine = unit(id, HUISHI);
		YearMonth month = YearMonth.from(start()).plusMonths(1);
		LocalDate due = month.plusMonths(1).atDay(5);
		String key = CampaignReminders.dedupKey(mine.id(), month.toString());
		String theirs = CampaignReminders.dedupKey(unit(id, HEPAN).id(), month.toString());
		this.reminders.run(due.minusDays(20));
		assertThat(open(key)).isZero();
		LocalDate before = due.minusDays(1);
		this.reminders.run(before);
		this.reminders.run(before);
		assertThat(open(key)).isEqualTo(1);
		assertThat(open(theirs)).isEqualTo(1);
		this.reminders.run(due.plusDays(2));
		assertThat(open(key + ":late")).isEqualTo(1);
		this.progress.report(id, mine.id(), month.toString(), "补报", "", List.of(), this.huishi);
		assertThat(open(key)).isZero();
		assertThat(open(key + ":late")).isZero();
	}

	@Test
	void plansAreFiledReviewedReturnedAndFiledAgain() {
		long id = smallCampaign();
		long plan = this.plans.file(id, "会师镇行动方案", null, this.huishi);
		assertThatThrownBy(() -> this.plans.file(id, "再报", null, this.huishi)).hasMessage("本单位方案已报送，退回后才能重新报送");
		assertThatThrownBy(() -> this.plans.file(id, " ", null, this.hepan)).hasMessage("请填写方案内容");
		assertThatThrownBy(() -> this.plans.file(id, "市场监管局方案", null, this.market)).hasMessage("本单位不承担该行动的任务，无需报送方案");
		assertThatThrownBy(() -> this.plans.review(id, plan, false, "", this.office)).hasMessage("退回须填写理由");
		assertThatThrownBy(() -> this.plans.review(id, plan, true, null, this.huishi))
			.isInstanceOf(AccessDeniedException.class);
		this.plans.review(id, plan, false, "请补充时间安排", this.office);
		assertThatThrownBy(() -> this.plans.review(id, plan, true, null, this.office)).hasMessage("该方案已审核");
		long again = this.plans.file(id, "会师镇行动方案(修改稿)", Attachment.clean("方案.jpg", TestImages.portraitPhoto()),
				this.huishi);
		this.plans.review(id, again, true, null, this.office);
		assertThat(this.plans.of(id, this.office)).singleElement().satisfies(p -> {
			assertThat(p.statusLabel()).isEqualTo("已审核通过");
			assertThat(p.fileName()).isEqualTo("方案.jpg");
		});
		assertThat(this.plans.of(id, this.hepan)).isEmpty();
	}

	@Test
	void summariesAreDraftedFromTheRecordsEditedFinalisedAndExported() throws Exception {
		long id = smallCampaign();
		Campaign.Unit mine = unit(id, HUISHI);
		YearMonth first = YearMonth.from(start());
		try (var held = Times.holdAt(at(first.plusMonths(1).atDay(3)))) {
			this.progress.report(id, mine.id(), first.toString(), "排查完成", "排查主体：7", List.of(), this.huishi);
		}
		String half = first.getYear() + (first.getMonthValue() <= 6 ? "-H1" : "-H2");
		long sid = this.summaries.draft(id, half, this.office);
		Summaries.Summary s = this.summaries.get(id, sid, this.office);
		assertThat(s.body()).contains("会师镇1次").contains("排查主体7").contains("共报送专项行动进展 1 份");
		assertThatThrownBy(() -> this.summaries.draft(id, half, this.office)).hasMessageContaining("已起草");
		assertThatThrownBy(() -> this.summaries.draft(id, "2024年下半年", this.office)).hasMessageContaining("半年应写作");
		assertThatThrownBy(() -> this.summaries.draft(id, "2001-H1", this.office)).hasMessage("该半年不在行动起止日期之内");
		assertThatThrownBy(() -> this.summaries.draft(id, half, this.huishi)).isInstanceOf(AccessDeniedException.class);
		this.summaries.edit(id, sid, s.body() + "\n下一步：开展回头看。", this.office);
		assertThatThrownBy(() -> this.summaries.edit(id, sid, " ", this.office)).hasMessage("请填写总结内容");
		this.summaries.finalise(id, sid, this.office);
		assertThatThrownBy(() -> this.summaries.edit(id, sid, "改", this.office)).hasMessage("总结已定稿，不能再修改");
		byte[] docx = this.mvc.perform(get("/campaigns/{id}/summaries/{s}/docx", id, sid).with(user(this.officeUser)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
			List<String> lines = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
			assertThat(lines.get(0)).isEqualTo(s.title());
			assertThat(lines).contains("下一步：开展回头看。");
		}
		this.mvc.perform(get("/campaigns/{id}/summaries/{s}", id, sid).with(user(this.huishiUser)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("已定稿")));
	}

	@Test
	void everyPageRenders() throws Exception {
		long id = smallCampaign();
		Campaign.Unit mine = unit(id, HUISHI);
		long taskId = this.campaigns.load(id).tasks().get(0).id();
		for (String url : new String[] { "/campaigns", "/campaigns/template", "/campaigns/new", "/campaigns/" + id,
				"/campaigns/" + id + "/edit", "/campaigns/" + id + "/board", "/campaigns/" + id + "/tasks/new",
				"/campaigns/" + id + "/tasks/" + taskId + "/edit", "/campaigns/" + id + "/units/" + mine.id() }) {
			this.mvc.perform(get(url).with(user(this.officeUser))).andExpect(status().isOk());
		}
		for (String url : new String[] { "/campaigns", "/campaigns/" + id, "/campaigns/" + id + "/board",
				"/campaigns/" + id + "/units/" + mine.id(), "/campaigns/sweeps/new" }) {
			this.mvc.perform(get(url).with(user(this.huishiUser))).andExpect(status().isOk());
		}
		for (String url : new String[] { "/campaigns/template", "/campaigns/new", "/campaigns/" + id + "/edit" }) {
			this.mvc.perform(get(url).with(user(this.huishiUser))).andExpect(status().isForbidden());
		}
	}

	@Test
	void aScheduledPassPostsItsRemindersInOneTransaction() {
		long id = smallCampaign();
		long mine = unit(id, HUISHI).id();
		long theirs = unit(id, HEPAN).id();
		// the scheduler calls scheduled(), which reaches run() without Spring's proxy:
		// the
		// pass must still be one transaction (all its notices or none), not one per
		// notice
		freeLock();
		try {
			this.reminders.scheduled();
		}
		finally {
			freeLock();
		}
		List<Long> perTransaction = this.jdbc
			.sql("select count(*) from notice where dedup_key like :a or dedup_key like :b group by xmin::text")
			.param("a", "campaign:" + mine + ":%")
			.param("b", "campaign:" + theirs + ":%")
			.query(Long.class)
			.list();
		assertThat(perTransaction).as("one transaction for the whole pass").hasSize(1);
		assertThat(perTransaction.get(0)).as("both units reminded of the past months").isGreaterThanOrEqualTo(4);
	}

	private void freeLock() {
		this.jdbc.sql("update shedlock set lock_until = timezone('utc', now()) where name = 'campaign-reminders'")
			.update();
	}

	private long open(String key) {
		return count("select count(*) from notice where dedup_key = ? and resolved_at is null", key);
	}

}
