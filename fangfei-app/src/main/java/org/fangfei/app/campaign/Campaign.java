package org.fangfei.app.campaign;

import java.time.LocalDate;
import java.util.List;

/**
 * A 专项行动 as shown: its header, phases and tasks with their units.
 *
 * @param sweepCampaignId the building module's sweep campaign whose sweeps are this
 * campaign's sweep task's progress, or null
 */
public record Campaign(long id, String name, String document, String regionCode, LocalDate startsOn, LocalDate endsOn,
		Long sweepCampaignId, List<Phase> phases, List<Task> tasks) {

	/** A phase (阶段) with its dates; phases may overlap, as 004's do. */
	public record Phase(long id, int seq, String name, LocalDate startsOn, LocalDate endsOn, String note) {
	}

	/** A task in its group, with its lead and assisting units. */
	public record Task(long id, int groupNo, String groupName, int seq, String title, String body, Period period,
			int dueDay, LocalDate dueOn, boolean sweep, List<Unit> units) {

		public List<Unit> leads() {
			return this.units.stream().filter(Unit::lead).toList();
		}

		public List<Unit> assisting() {
			return this.units.stream().filter(u -> !u.lead()).toList();
		}

		public String periodLabel() {
			return this.period.label();
		}

	}

	/**
	 * A unit on a task: a township or county office ({@code regionCode}), a member
	 * department ({@code departmentId}), or a unit written in the document that the
	 * county does not have (neither; it cannot report until the office names one).
	 */
	public record Unit(long id, long taskId, boolean lead, String name, String regionCode, Long departmentId) {

		/** "R:620422100000", "D:12", or "W:" + id for a written-only unit. */
		public String key() {
			return UnitKey.of(this.regionCode, this.departmentId, this.id);
		}

		public boolean mapped() {
			return this.regionCode != null || this.departmentId != null;
		}

	}

	public boolean sweep() {
		return this.sweepCampaignId != null;
	}

	/** The campaign's units, each once, in task order. */
	public List<UnitKey.Named> units() {
		return UnitKey.distinct(this.tasks);
	}

}
