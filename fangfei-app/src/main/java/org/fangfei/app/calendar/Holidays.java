package org.fangfei.app.calendar;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The holiday table (节假日): read by year, edited one day at a time or by a bulk paste that
 * writes all its lines or none. Every write is audited in its transaction and reloads the
 * {@link WorkCalendar} after it commits.
 */
@Service
class Holidays {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final WorkCalendar calendar;

	Holidays(JdbcClient jdbc, AuditLog audit, WorkCalendar calendar) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.calendar = calendar;
	}

	@Transactional(readOnly = true)
	List<Holiday> ofYear(int year) {
		HolidayRules.checkYear(year);
		return this.jdbc.sql("select * from holiday where day >= :from and day < :to order by day")
			.param("from", LocalDate.of(year, 1, 1))
			.param("to", LocalDate.of(year + 1, 1, 1))
			.query((rs, n) -> new Holiday(rs.getObject("day", LocalDate.class),
					HolidayKind.valueOf(rs.getString("kind")), rs.getString("name"), rs.getString("updated_by"),
					Times.local(rs.getObject("updated_at", OffsetDateTime.class))))
			.list();
	}

	private Optional<Holiday> find(LocalDate date) {
		return ofYear(date.getYear()).stream().filter(h -> h.date().equals(date)).findFirst();
	}

	/** Adds a day to the table, or changes the kind and name of one already there. */
	@Transactional
	Holiday save(String dateText, String kindText, String name, String actor) {
		LocalDate date = date(dateText);
		HolidayKind kind = HolidayKind.parse(kindText);
		List<String> problems = HolidayRules.checkEntry(date, kindText, kind, name);
		if (!problems.isEmpty()) {
			throw new Rejected(String.join("；", problems), fieldErrors(problems));
		}
		Optional<Holiday> before = find(date);
		upsert(new HolidayEntry(date, kind, name.trim()), actor);
		Holiday after = find(date).orElseThrow();
		this.audit.success(before.isEmpty() ? "CREATE" : "UPDATE", "holiday", date,
				(before.isEmpty() ? "新增节假日 " : "修改节假日 ") + date + " " + kind.label() + " " + after.name(),
				before.map(Holidays::describe).orElse(null), describe(after));
		this.calendar.refreshAfterCommit();
		return after;
	}

	@Transactional
	void delete(String dateText) {
		LocalDate date = date(dateText);
		Holiday before = find(date).orElseThrow(() -> new NotFound("节假日 " + date));
		this.jdbc.sql("delete from holiday where day = :d").param("d", date).update();
		this.audit.success("DELETE", "holiday", date, "删除节假日 " + date + " " + before.kindLabel() + " " + before.name(),
				describe(before), null);
		this.calendar.refreshAfterCommit();
	}

	/**
	 * Writes every line of a pasted schedule, replacing the days already in the table, or
	 * nothing when any line is wrong.
	 * @return the number of days written
	 * @throws PasteRefused naming each wrong line
	 */
	@Transactional
	int paste(String text, String actor) {
		HolidayPaste.Result result = HolidayPaste.read(text);
		if (!result.ok()) {
			throw new PasteRefused(result.problems());
		}
		List<HolidayEntry> entries = result.entries();
		entries.forEach(e -> upsert(e, actor));
		String years = entries.stream()
			.map(e -> String.valueOf(e.date().getYear()))
			.distinct()
			.sorted()
			.collect(Collectors.joining("、"));
		this.audit.success("IMPORT", "holiday", years, "批量录入节假日 " + entries.size() + " 天（" + years + "年）", null,
				entries.stream().map(HolidayEntry::toString).collect(Collectors.joining("\n")));
		this.calendar.refreshAfterCommit();
		return entries.size();
	}

	private void upsert(HolidayEntry e, String actor) {
		this.jdbc.sql("""
				insert into holiday (day, kind, name, updated_by, updated_at) values (:d, :k, :n, :u, now())
				on conflict (day) do update set kind = :k, name = :n, updated_by = :u, updated_at = now()
				""").param("d", e.date()).param("k", e.kind().name()).param("n", e.name()).param("u", actor).update();
	}

	private static LocalDate date(String text) {
		LocalDate date = HolidayRules.parseDate(text);
		List<String> problems = HolidayRules.checkDate(text, date);
		if (!problems.isEmpty()) {
			throw new Rejected(problems.get(0), Map.of("date", problems.get(0)));
		}
		return date;
	}

	private static Map<String, String> fieldErrors(List<String> problems) {
		Map<String, String> errors = new LinkedHashMap<>();
		problems.forEach(p -> errors.putIfAbsent(p.startsWith("名称") ? "name" : "kind", p));
		return errors;
	}

	private static String describe(Holiday h) {
		return h.date() + "," + h.kind() + "," + h.name();
	}

}
