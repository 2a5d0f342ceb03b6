package org.fangfei.app.evaluation;

import java.time.LocalDate;
import java.util.List;

/**
 * The phases of a year's 无非法集资社区(村) drive, after seed 002 (五、工作步骤): 动员部署, 宣传教育, 摸排处置,
 * 总结提升 — laid on the calendar year of the evaluation (002's own drive ran from October to
 * October).
 */
final class Drive {

	/** A phase with its dates, both included. */
	record Phase(String name, String work, LocalDate from, LocalDate to) {

		public boolean covers(LocalDate day) {
			return !day.isBefore(this.from) && !day.isAfter(this.to);
		}

	}

	private Drive() {
	}

	static List<Phase> phases(int year) {
		return List.of(
				new Phase("动员部署", "各乡镇制定创建实施方案，至少推荐1个社区(村)", LocalDate.of(year, 1, 1), LocalDate.of(year, 1, 31)),
				new Phase("宣传教育", "营造防范非法集资宣传氛围，引导群众识别、举报和远离非法集资", LocalDate.of(year, 2, 1),
						LocalDate.of(year, 2, 28).withDayOfMonth(LocalDate.of(year, 2, 1).lengthOfMonth())),
				new Phase("摸排处置", "全面摸排隐患，线索联合调查取证，查实的依法处置", LocalDate.of(year, 3, 1), LocalDate.of(year, 11, 30)),
				new Phase("总结提升", "乡镇自评上报，县处非办审核认定，总结亮点和难点", LocalDate.of(year, 12, 1), LocalDate.of(year, 12, 31)));
	}

}
