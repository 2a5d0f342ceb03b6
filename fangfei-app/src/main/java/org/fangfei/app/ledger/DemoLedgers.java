package org.fangfei.app.ledger;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;

import org.fangfei.app.clue.ClueHistory.UpwardReport;
import org.fangfei.app.security.ActorDirectory;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.DemoPart;
import org.fangfei.app.shared.Times;

import org.springframework.stereotype.Component;

/**
 * Demo months of ledgers in 会宁县, made through the module's services with the clock held
 * at each move: 会师镇 and 河畔镇 submit each of the last six months' ledgers in the first days
 * of the next month, the office accepts them; one of 会师镇's is returned, regenerated and
 * resubmitted, one of 河畔镇's is submitted late; last month's are waiting (会师镇's for
 * review, 河畔镇's not yet submitted). Every other township with a staff account
 * ({@code security.township-staff}, t101 …) submits the last three months' ledgers: about
 * one in five late (the 7th or 8th), accepted the next day, and last month's of every
 * fourth not yet submitted (the others wait for review). The county's clue report goes to
 * the city each month and its acceptance, and that of the month's major clues, is
 * recorded on the city's behalf.
 */
@Component
class DemoLedgers implements DemoPart {

	static final String COUNTY = "620422000000";

	/** How many of the last months the staff-run townships submit. */
	static final int OTHERS_MONTHS = 3;

	private final Ledgers ledgers;

	private final CityReports reports;

	private final ActorDirectory actors;

	DemoLedgers(Ledgers ledgers, CityReports reports, ActorDirectory actors) {
		this.ledgers = ledgers;
		this.reports = reports;
		this.actors = actors;
	}

	@Override
	public String name() {
		return "ledger.months";
	}

	@Override
	public int order() {
		return 165;
	}

	@Override
	public boolean history() {
		return true;
	}

	@Override
	public void run() {
		Actor office = this.actors.actorOf("office");
		Actor chief = this.actors.actorOf("chief");
		List<Actor> townships = List.of(this.actors.actorOf("huishi"), this.actors.actorOf("hepan"));
		List<Actor> staff = this.ledgers.townships(DataScope.jurisdiction(COUNTY))
			.stream()
			.map(r -> this.actors.demoStaffOf(r.code()).orElse(null))
			.filter(a -> a != null)
			.toList();
		YearMonth last = Months.lastEnded();
		for (int ago = 6; ago >= 1; ago--) {
			YearMonth month = last.minusMonths(ago - 1L);
			for (Actor township : townships) {
				township(month, township, office, ago, township.username().equals("huishi"));
			}
			if (ago <= OTHERS_MONTHS) {
				for (int i = 0; i < staff.size(); i++) {
					other(month, staff.get(i), office, ago, i);
				}
			}
			if (ago > 1) {
				city(month, office, chief);
			}
		}
	}

	/**
	 * A staff-run township's month: generated on the 2nd, submitted on the 3rd or 4th
	 * (the 7th or 8th for about one in five: late), accepted the next day; last month's
	 * waits for review or, for every fourth township, is not yet submitted.
	 */
	private void other(YearMonth month, Actor township, Actor office, int ago, int index) {
		if (ago == 1 && index % 4 == 3) {
			return;
		}
		Ledgers.Ledger ledger = at(month, 2, 9 + index % 8,
				() -> this.ledgers.generate(township.regionCode(), month.toString(), township));
		if (ledger == null) {
			return;
		}
		long id = ledger.id();
		int submitDay = (index + ago) % 5 == 0 ? 7 + index % 2 : 3 + index % 2;
		if (at(month, submitDay, 10, () -> this.ledgers.submit(id, null, township)) == null || ago == 1) {
			return;
		}
		at(month, submitDay + 1, 16, () -> this.ledgers.accept(id, office));
	}

	private void township(YearMonth month, Actor township, Actor office, int ago, boolean huishi) {
		if (ago == 1 && !huishi) {
			return; // 河畔镇 has not submitted last month's yet
		}
		Ledgers.Ledger ledger = at(month, 2, 9,
				() -> this.ledgers.generate(township.regionCode(), month.toString(), township));
		if (ledger == null) {
			return;
		}
		long id = ledger.id();
		int submitDay = !huishi && ago == 4 ? 7 : 3;
		if (at(month, submitDay, 10, () -> this.ledgers.submit(id, null, township)) == null || ago == 1) {
			return;
		}
		if (huishi && ago == 3) {
			at(month, 4, 15, () -> this.ledgers.returnLedger(id, "风险主体“本月变化”与走访巡查记录不一致，请核实主体状态后重新生成上报", office));
			at(month, 5, 9, () -> this.ledgers.generate(township.regionCode(), month.toString(), township));
			at(month, 5, 10, () -> this.ledgers.submit(id, "已核实主体状态并更正，重新生成上报", township));
			at(month, 6, 11, () -> this.ledgers.accept(id, office));
			return;
		}
		at(month, submitDay + 1, 16, () -> this.ledgers.accept(id, office));
	}

	private void city(YearMonth month, Actor office, Actor chief) {
		CityReports.Report report = at(month, 3, 14, () -> this.reports.generate(month.toString(), office));
		if (report == null || at(month, 3, 15, () -> this.reports.submit(report.id(), office)) == null) {
			return;
		}
		at(month, 5, 10, () -> this.reports.accept(report.id(), "市处非办 孙敏(电话确认接收)", chief));
		for (UpwardReport major : this.reports.majors(month, DataScope.jurisdiction(COUNTY))) {
			OffsetDateTime next = major.reportedAt().plusDays(1);
			if (next.isBefore(Times.now())) {
				try (var held = Times.holdAt(next)) {
					this.reports.acceptMajor(major.id(), "市处非办 孙敏(电话确认接收)", chief);
				}
			}
		}
	}

	/**
	 * Runs {@code move} with the clock held on a day of the month after {@code month};
	 * null when that is still ahead.
	 */
	private static <T> T at(YearMonth month, int day, int hour, java.util.function.Supplier<T> move) {
		OffsetDateTime when = month.plusMonths(1).atDay(day).atTime(hour, 0).atZone(Times.zone()).toOffsetDateTime();
		if (!when.isBefore(Times.now())) {
			return null;
		}
		try (var held = Times.holdAt(when)) {
			return move.get();
		}
	}

}
