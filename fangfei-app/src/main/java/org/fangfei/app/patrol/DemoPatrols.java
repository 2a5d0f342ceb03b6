package org.fangfei.app.patrol;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.DemoNames;
import org.fangfei.app.shared.DemoPart;
import org.fangfei.app.shared.Times;
import org.fangfei.app.subject.Subject;
import org.fangfei.app.subject.SubjectQuery;
import org.fangfei.app.subject.Subjects;

import org.springframework.stereotype.Component;

/**
 * The year of history's patrols: each month the grid worker of 东山根社区 visits the subjects
 * of the village and the township staff of 会师镇 and 河畔镇 the subjects of their townships,
 * recorded through {@link Patrols#record} the day of the visit (the clock held there, so
 * the 30-day rule for late entries holds as it did then). Most visits find nothing; some
 * answer the checklist with warning signs, and a few in the last fortnight raise a
 * finding for the clue workflow.
 */
@Component
class DemoPatrols implements DemoPart {

	private final Patrols patrols;

	private final Subjects subjects;

	DemoPatrols(Patrols patrols, Subjects subjects) {
		this.patrols = patrols;
		this.subjects = subjects;
	}

	@Override
	public String name() {
		return "patrol.year";
	}

	@Override
	public int order() {
		return 120;
	}

	@Override
	public boolean history() {
		return true;
	}

	@Override
	public void run() {
		DemoNames demo = new DemoNames(120);
		visit(demo, "grid", subjectsIn("620422100001", 40), 1.0);
		visit(demo, "huishi", subjectsIn("620422100000", 300), 0.25);
		visit(demo, "hepan", subjectsIn("620422102000", 300), 0.25);
	}

	private List<Subject> subjectsIn(String region, int limit) {
		return this.subjects.list(new SubjectQuery(null, null, null, null, null, region, null, null), DataScope.all(),
				limit);
	}

	/**
	 * Monthly rounds over the past year; each subject visited with this probability a
	 * month.
	 */
	private void visit(DemoNames demo, String worker, List<Subject> targets, double share) {
		LocalDate today = Times.today();
		for (int month = 11; month >= 0; month--) {
			for (Subject subject : targets) {
				if (!demo.chance(share)) {
					continue;
				}
				LocalDate day = today.minusDays(month * 30L + demo.below(28));
				OffsetDateTime at = demo.on(day);
				boolean warning = demo.chance(0.08);
				boolean finding = warning && day.isAfter(today.minusDays(14));
				PatrolForm form = new PatrolForm(subject.id(), null, null, null, null, at.toLocalDateTime(),
						subject.registeredAddress() == null ? subject.name() : subject.registeredAddress(), Answer.YES,
						warning ? Answer.NO : Answer.NONE, warning ? Answer.YES : Answer.NO,
						warning ? Answer.YES : Answer.NO, Answer.NO, warning ? Answer.YES : Answer.NO,
						warning ? "店内张贴“月息2分、保本保息”宣传单，已拍照留存并提醒群众" : "经营正常，已发放防非宣传材料", finding);
				try (Times.Held held = Times.holdAt(at)) {
					this.patrols.record(form, List.of(), DataScope.all(), worker);
				}
			}
		}
	}

}
