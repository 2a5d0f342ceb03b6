package org.fangfei.app.ledger;

import java.time.YearMonth;
import java.util.List;

import org.fangfei.app.IntegrationTest;
import org.fangfei.app.clue.ClueHistory.UpwardReport;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.Rejected;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The county's monthly clue report to the city, as at the month's end, and the city's
 * acceptance of it and of the major clues reported at once, recorded on the city's
 * behalf.
 */
@IntegrationTest
class CityReportTests extends LedgerTestSupport {

	@Autowired
	CityReports reports;

	@Test
	void theMonthlyReportCountsEachTownshipsCluesAsAtTheMonthsEndAndListsItsMajorClues() throws Exception {
		long major = clueAt("2019-08-05T09:00:00", "月报重大线索", HUISHI_VILLAGE, true);
		long normal = clueAt("2019-08-06T09:00:00", "月报一般线索", HEPAN_VILLAGE, false);
		acceptClueAt(normal, "2019-08-20T09:00:00");
		acceptClueAt(major, "2019-09-02T09:00:00");

		CityReports.Report report = this.reports.generate("2019-08", county("office"));
		LedgerContent content = report.content();
		assertThat(content.title()).isEqualTo("会宁县 2019-08 线索月报");
		assertThat(rowsWith(content, "clues", "月报重大线索 " + this.tag)).singleElement()
			.satisfies(r -> assertThat(List.of(r.get(3), r.get(5), r.get(8))).containsExactly("会师镇", "重大", "待受理"));
		assertThat(rowsWith(content, "clues", "月报一般线索 " + this.tag)).singleElement()
			.satisfies(r -> assertThat(List.of(r.get(3), r.get(5), r.get(8))).containsExactly("河畔镇", "一般", "待分派"));
		assertThat(content.section("majors").rows()).anySatisfy(r -> assertThat(r.get(1)).contains("月报重大线索"));
		List<String> huishi = content.section("townships")
			.rows()
			.stream()
			.filter(r -> r.get(0).equals("会师镇"))
			.findFirst()
			.orElseThrow();
		assertThat(huishi.get(1)).as("registered in August").isEqualTo("1");
		assertThat(huishi.get(6)).as("major").isEqualTo("1");

		CityReports.Report submitted = this.reports.submit(report.id(), county("office"));
		assertThat(submitted.submittedAt()).isNotNull();
		assertThatThrownBy(() -> this.reports.submit(report.id(), county("office"))).isInstanceOf(Rejected.class)
			.hasMessage("2019-08 线索月报已经报送，不能重复报送");
		assertThatThrownBy(() -> this.reports.generate("2019-08", county("office"))).isInstanceOf(Rejected.class)
			.hasMessage("2019-08 线索月报已报送市处非办，不能重新生成");
		assertThatThrownBy(() -> this.reports.accept(report.id(), " ", county("chief"))).isInstanceOf(Rejected.class)
			.hasMessage("请填写市处非办接收人或接收情况");
		CityReports.Report accepted = this.reports.accept(report.id(), "市处非办 孙敏", county("chief"));
		assertThat(accepted.acceptedNote()).isEqualTo("(代为登记)市处非办 孙敏");
		assertThatThrownBy(() -> this.reports.accept(report.id(), "再次", county("chief"))).isInstanceOf(Rejected.class)
			.hasMessage("2019-08 线索月报已登记接收，不能重复登记");

		UpwardReport reported = this.reports.majors(YearMonth.of(2019, 8), DataScope.jurisdiction("620422000000"))
			.stream()
			.filter(u -> u.clueId() == major)
			.findFirst()
			.orElseThrow();
		assertThat(reported.reportedAt().toLocalDate()).isEqualTo(java.time.LocalDate.of(2019, 8, 5));
		assertThatThrownBy(() -> this.reports.acceptMajor(reported.id(), "", county("chief")))
			.isInstanceOf(Rejected.class)
			.hasMessage("请填写市处非办接收人或接收情况");
		assertThat(this.reports.acceptMajor(reported.id(), "市处非办 孙敏", county("chief")).acceptedNote())
			.isEqualTo("(代为登记)市处非办 孙敏");
		assertThatThrownBy(() -> this.reports.acceptMajor(reported.id(), "市处非办 孙敏", county("chief")))
			.isInstanceOf(Rejected.class)
			.hasMessage("该重大线索上报已登记接收，不能重复登记");
		assertThatThrownBy(() -> this.reports.acceptMajor(reported.id(), "市处非办", township(HEPAN, "hepan")))
			.isInstanceOf(Rejected.class)
			.hasMessage("没有这条重大线索上报记录");
	}

	@Test
	void onlyACountyOfficeGeneratesAndATownshipCannotOpenTheReports() throws Exception {
		assertThatThrownBy(() -> this.reports.generate("2019-07", township(HUISHI, "huishi")))
			.isInstanceOf(Rejected.class)
			.hasMessage("线索月报由县(区)处非办生成和报送");
		assertThatThrownBy(() -> this.reports.generate("2999-07", county("office"))).isInstanceOf(Rejected.class)
			.hasMessage("不能生成未来月份（2999-07）的台账");
		assertThat(this.mvc.perform(get("/ledgers/city").with(user(this.huishi))).andReturn().getResponse().getStatus())
			.isEqualTo(403);
		assertThat(this.mvc.perform(get("/ledgers/city").with(user(this.office)))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("线索月报(报市处非办)");
	}

}
