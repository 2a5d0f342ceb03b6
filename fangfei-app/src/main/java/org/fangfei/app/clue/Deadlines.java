package org.fangfei.app.clue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.calendar.WorkCalendar;
import org.fangfei.app.shared.Rejected;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * 办理时限: how many working days each step may take, per clue grade, from the settings table
 * {@code clue_deadline}; due dates skip weekends and the holidays of the
 * {@link WorkCalendar}.
 *
 * <p>
 * Every intake and every move asks for a due date, so the table (16 rows) is held in
 * memory: an edit here reloads it after its transaction commits, and a copy older than
 * {@link #MAX_AGE} is reloaded by the next caller (edits made on another instance or
 * straight in the database).
 */
@Component
class Deadlines {

	/** One setting as shown and edited. */
	record Limit(ClueState step, ClueGrade grade, int workingDays) {
	}

	/** How long a loaded table serves before the next caller reloads it. */
	static final Duration MAX_AGE = Duration.ofSeconds(60);

	private record Snapshot(Map<String, Integer> days, Instant loadedAt) {
	}

	private final JdbcClient jdbc;

	private final WorkCalendar calendar;

	private final AuditLog audit;

	private volatile Snapshot snapshot;

	Deadlines(JdbcClient jdbc, WorkCalendar calendar, AuditLog audit) {
		this.jdbc = jdbc;
		this.calendar = calendar;
		this.audit = audit;
	}

	List<Limit> all() {
		return this.jdbc.sql("select step, grade, working_days from clue_deadline order by step, grade")
			.query((rs, n) -> new Limit(ClueState.valueOf(rs.getString(1)), ClueGrade.valueOf(rs.getString(2)),
					rs.getInt(3)))
			.list();
	}

	/** Working days allowed per grade for each step, for the settings page. */
	Map<ClueState, Map<ClueGrade, Integer>> table() {
		Map<ClueState, Map<ClueGrade, Integer>> table = new EnumMap<>(ClueState.class);
		for (Limit limit : all()) {
			table.computeIfAbsent(limit.step(), s -> new EnumMap<>(ClueGrade.class))
				.put(limit.grade(), limit.workingDays());
		}
		return table;
	}

	/**
	 * The due date of a step entered on {@code start}, or null for a state without a
	 * deadline.
	 */
	LocalDate dueOn(ClueState step, ClueGrade grade, LocalDate start) {
		if (!step.open()) {
			return null;
		}
		Integer days = limits().get(step.name() + "/" + grade.name());
		return days == null ? null : this.calendar.plusWorkingDays(start, days);
	}

	/** The working days per "STEP/GRADE", reloaded when older than {@link #MAX_AGE}. */
	private Map<String, Integer> limits() {
		Snapshot s = this.snapshot;
		if (s == null || s.loadedAt().plus(MAX_AGE).isBefore(Instant.now())) {
			s = reload();
		}
		return s.days();
	}

	private Snapshot reload() {
		Map<String, Integer> days = new HashMap<>();
		for (Limit limit : all()) {
			days.put(limit.step().name() + "/" + limit.grade().name(), limit.workingDays());
		}
		Snapshot s = new Snapshot(Map.copyOf(days), Instant.now());
		this.snapshot = s;
		return s;
	}

	@Transactional
	void update(ClueState step, ClueGrade grade, int workingDays) {
		if (workingDays < 1 || workingDays > 365) {
			throw new Rejected("办理时限应为 1–365 个工作日", Map.of("workingDays", "应为 1–365 个工作日"));
		}
		int updated = this.jdbc.sql("update clue_deadline set working_days = :d where step = :s and grade = :g")
			.param("d", workingDays)
			.param("s", step.name())
			.param("g", grade.name())
			.update();
		if (updated != 1) {
			throw new Rejected("没有这一步骤的办理时限：" + step.label());
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					Deadlines.this.snapshot = null;
				}
			});
		}
		else {
			this.snapshot = null;
		}
		this.audit.success("CLUE_DEADLINE_SET", "clue_deadline", step.name() + "/" + grade.name(),
				"办理时限 " + step.label() + "(" + grade.label() + ") 设为 " + workingDays + " 个工作日", null, null);
	}

}
