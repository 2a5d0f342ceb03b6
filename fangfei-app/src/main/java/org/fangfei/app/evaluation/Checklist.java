package org.fangfei.app.evaluation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.fangfei.app.organisation.People;
import org.fangfei.app.organisation.Person;
import org.fangfei.app.report.Figures;
import org.fangfei.app.report.Jurisdiction;
import org.fangfei.app.report.MeasureCatalog;
import org.fangfei.app.report.Period;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.PageOf;
import org.fangfei.app.shared.PageRequest;
import org.fangfei.app.shared.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A community's checklist against 002's creation standards: what the records say (the
 * people named in the community, the clues handled with 公安 and 市场监管 there, its outreach
 * activities and survey answers, the cases opened there, through the statistical measures
 * and their drill-downs) and the evidence the township gave.
 */
@Component
class Checklist {

	/** Evidence the township gave for an item. */
	record Evidence(long id, String note, boolean photo, String addedBy, OffsetDateTime addedAt) {
	}

	/**
	 * One item: met from the records ({@code recorded}) or by evidence, with what the
	 * records say and the link to them.
	 */
	record Item(Standard standard, boolean recorded, String finding, String link, List<Evidence> evidence) {

		public boolean met() {
			return this.recorded || (this.standard.evidenceAllowed() && !this.evidence.isEmpty());
		}

	}

	private final Figures figures;

	private final MeasureCatalog catalog;

	private final People people;

	private final JdbcClient jdbc;

	Checklist(Figures figures, MeasureCatalog catalog, People people, JdbcClient jdbc) {
		this.figures = figures;
		this.catalog = catalog;
		this.people = people;
		this.jdbc = jdbc;
	}

	List<Item> of(long communityId, int year, String regionCode, String regionName) {
		LocalDate end = LocalDate.of(year, 12, 31);
		Period period = Period.of(LocalDate.of(year, 1, 1), end.isBefore(Times.today()) ? end : Times.today());
		Jurisdiction where = new Jurisdiction(regionCode, regionName, false);
		List<Item> items = new ArrayList<>();
		PageOf<Person> staff = this.people.search(null, null, null, DataScope.jurisdiction(regionCode),
				PageRequest.of(1, 5));
		items.add(new Item(Standard.STAFF, staff.total() > 0,
				staff.total() == 0 ? "组织机构中本村(社区)尚无登记人员"
						: "已登记" + staff.total() + "人：" + String.join("、",
								staff.items().stream().map(p -> p.name() + "(" + p.role().label() + ")").toList()),
				null, evidence(communityId, Standard.STAFF)));
		long police = value("clue.linked", "POLICE", period, where);
		long market = value("clue.linked", "MARKET", period, where);
		long linked = value("clue.linked", null, period, where);
		items.add(new Item(Standard.LINKAGE, police > 0 && market > 0, linked == 0
				? "本年度无与市场监管、公安联动处置的线索记录，请上传联席会议纪要、联合排查等佐证"
				: "本年度与公安联动处置线索" + police + "件、与市场监管联动处置线索" + market + "件"
						+ (police > 0 && market > 0 ? "" : "，尚缺与" + (police == 0 ? "公安" : "市场监管") + "的联动记录，可上传佐证"),
				linked == 0 ? null : Scoring.drill("clue.linked", null, period, regionCode),
				evidence(communityId, Standard.LINKAGE)));
		long activities = value("outreach.activities", period, where);
		items.add(new Item(Standard.OUTREACH, activities > 0, "本年度宣传活动" + activities + "场",
				Scoring.drill("outreach.activities", null, period, regionCode),
				evidence(communityId, Standard.OUTREACH)));
		long answers = value("outreach.surveyAnswers", period, where);
		long aware = value("outreach.surveyAware", period, where);
		long rate = answers == 0 ? 0 : Math.round(aware * 100.0 / answers);
		items.add(new Item(Standard.AWARENESS, answers > 0 && rate >= Standard.AWARENESS_RATE,
				answers == 0 ? "本年度尚无知晓率调查答卷" : "本年度答卷" + answers + "份，达标" + aware + "份，知晓率" + rate + "%",
				Scoring.drill("outreach.surveyAnswers", null, period, regionCode),
				evidence(communityId, Standard.AWARENESS)));
		long cases = value("case.opened", period, where);
		items.add(new Item(Standard.NO_CASE, cases == 0, cases == 0 ? "本年度无新立案件" : "本年度新立案件" + cases + "件",
				Scoring.drill("case.opened", null, period, regionCode), List.of()));
		return items;
	}

	/**
	 * The cases opened this year in the village, as the "no new case" standard counts
	 * them.
	 */
	long casesOpened(int year, String regionCode, String regionName) {
		LocalDate end = LocalDate.of(year, 12, 31);
		Period period = Period.of(LocalDate.of(year, 1, 1), end.isBefore(Times.today()) ? end : Times.today());
		return value("case.opened", period, new Jurisdiction(regionCode, regionName, false));
	}

	private long value(String code, Period period, Jurisdiction where) {
		return value(code, null, period, where);
	}

	private long value(String code, String param, Period period, Jurisdiction where) {
		return this.figures.value(this.catalog.find(code).orElseThrow(), param, period, where);
	}

	private List<Evidence> evidence(long communityId, Standard standard) {
		return this.jdbc.sql("""
				select id, note, photo is not null as has_photo, added_by, added_at from evaluation_evidence
				 where community_id = :c and item = :i order by id
				""")
			.param("c", communityId)
			.param("i", standard.name())
			.query((rs, n) -> new Evidence(rs.getLong("id"), rs.getString("note"), rs.getBoolean("has_photo"),
					rs.getString("added_by"), Times.local(rs.getObject("added_at", OffsetDateTime.class))))
			.list();
	}

}
