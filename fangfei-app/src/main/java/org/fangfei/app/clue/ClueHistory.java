package org.fangfei.app.clue;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clues of a region over a month as they stood at its end, rebuilt from each clue's
 * timeline ({@code clue_event}, append-only): for the township's monthly ledger and the
 * county's monthly report to the city, which must never show today's state for a past
 * month. Also the major clues reported upward at once (重大线索即时上报, 条例 art. 11) and the
 * city's acceptance of them. Not scoped by the caller: the ledger module has checked the
 * caller's jurisdiction over the region it asks about.
 */
@Service
public class ClueHistory {

	/**
	 * A clue in a month.
	 *
	 * @param major whether it had been reported upward as major by the month's end
	 * @param stateAtStart its state when the month began, or null when it was not yet
	 * registered
	 * @param stateAtEnd its state when the month ended
	 * @param moves the moves made within the month, oldest first, as "from→to" labels
	 */
	public record InMonth(long id, String code, String title, String sourceLabel, boolean major,
			OffsetDateTime receivedAt, String regionCode, ClueState stateAtStart, ClueState stateAtEnd,
			List<String> moves) {

		/** Registered within the month. */
		public boolean received() {
			return this.stateAtStart == null;
		}

		/** Whether the month saw the clue reach {@code state}. */
		public boolean reached(ClueState state) {
			return this.moves.stream().anyMatch(m -> m.endsWith("→" + state.label()));
		}

	}

	/** A major clue reported upward, and the city's acceptance if recorded. */
	public record UpwardReport(long id, long clueId, String clueCode, String regionCode, OffsetDateTime reportedAt,
			String reportedTo, String content, OffsetDateTime acceptedAt, String acceptedBy, String acceptedNote) {
	}

	private final JdbcClient jdbc;

	ClueHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The clues within {@code regionPrefix} registered before {@code to} and not
	 * concluded (rejected, closed, merged) before {@code from}, by code. Which clues
	 * those are is found first from one index alone: the periods in which each clue was
	 * not concluded ({@code clue_open_period}, V115, kept by triggers), a range scan over
	 * the region's periods ending at or after {@code from}; only those clues are then
	 * read from the table and their timelines (a township's 63,000 clues lie over most of
	 * its pages, of which a seventh-last month needs 2,900; docs/performance.md).
	 */
	@Transactional(readOnly = true)
	public List<InMonth> month(String regionPrefix, OffsetDateTime from, OffsetDateTime to) {
		return this.jdbc
			.sql("""
					with live as materialized (
					  select p.clue_id as id from clue_open_period p
					  where p.region_code like :p and p.open_until >= :from and p.open_since < :from
					    and p.received_at < :to)
					select c.id, c.code, c.title, c.source, c.received_at, c.region_code,
					  (select e.to_state from clue_event e where e.clue_id = c.id and e.to_state is not null
					     and e.occurred_at < :from order by e.occurred_at desc, e.id desc limit 1) as at_start,
					  (select e.to_state from clue_event e where e.clue_id = c.id and e.to_state is not null
					     and e.occurred_at < :to order by e.occurred_at desc, e.id desc limit 1) as at_end,
					  (select string_agg(coalesce(e.from_state, '') || '>' || e.to_state, ',' order by e.occurred_at, e.id)
					     from clue_event e where e.clue_id = c.id and e.to_state is not null
					     and e.occurred_at >= :from and e.occurred_at < :to) as moves,
					  exists (select 1 from clue_upward_report u where u.clue_id = c.id and u.reported_at < :to) as major,
					  exists (select 1 from clue_event r where r.clue_id = c.id and r.to_state = 'REGISTERED' and r.occurred_at < :to) as registered
					from live cross join lateral (select * from clue c where c.id = live.id offset 0) c
					order by c.code
					""")
			.param("p", regionPrefix + "%")
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> {
				if (!rs.getBoolean("registered")) {
					return null;
				}
				String start = rs.getString("at_start");
				String moves = rs.getString("moves");
				return new InMonth(rs.getLong("id"), rs.getString("code"), rs.getString("title"),
						ClueSource.valueOf(rs.getString("source")).label(), rs.getBoolean("major"),
						Times.local(rs.getObject("received_at", OffsetDateTime.class)), rs.getString("region_code"),
						start == null ? null : ClueState.valueOf(start), ClueState.valueOf(rs.getString("at_end")),
						moves == null ? List.of() : Arrays.stream(moves.split(",")).map(ClueHistory::move).toList());
			})
			.list()
			.stream()
			.filter(c -> c != null && (c.stateAtStart() == null || c.stateAtStart().open()))
			.toList();
	}

	/**
	 * The major clues within {@code regionPrefix} reported upward in [from, to), oldest
	 * first.
	 */
	@Transactional(readOnly = true)
	public List<UpwardReport> upwardReports(String regionPrefix, OffsetDateTime from, OffsetDateTime to) {
		return this.jdbc.sql("""
				select u.*, c.code, c.region_code from clue_upward_report u join clue c on c.id = u.clue_id
				where c.region_code like :p and u.reported_at >= :from and u.reported_at < :to
				order by u.reported_at, u.id
				""")
			.param("p", regionPrefix + "%")
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> report(rs))
			.list();
	}

	/**
	 * Records the city's acceptance (接收) of a major clue reported upward: once; by whom
	 * and a note naming who received it at the city.
	 * @throws Rejected for a report already accepted, one outside the region, or no note
	 */
	@Transactional
	public UpwardReport acceptUpward(long reportId, String regionPrefix, String by, String note) {
		if (note == null || note.isBlank()) {
			throw new Rejected("请填写市级接收人或接收情况");
		}
		if (note.strip().length() > 200) {
			throw new Rejected("接收情况不能超过 200 个字");
		}
		int updated = this.jdbc.sql("""
				update clue_upward_report u set accepted_at = :at, accepted_by = :by, accepted_note = :note
				where u.id = :id and u.accepted_at is null
				  and exists (select 1 from clue c where c.id = u.clue_id and c.region_code like :p)
				""")
			.param("at", Times.now())
			.param("by", by)
			.param("note", note.strip())
			.param("id", reportId)
			.param("p", regionPrefix + "%")
			.update();
		List<UpwardReport> found = this.jdbc.sql("""
				select u.*, c.code, c.region_code from clue_upward_report u join clue c on c.id = u.clue_id
				where u.id = :id and c.region_code like :p
				""").param("id", reportId).param("p", regionPrefix + "%").query((rs, n) -> report(rs)).list();
		if (found.isEmpty()) {
			throw new Rejected("没有这条重大线索上报记录");
		}
		if (updated == 0) {
			throw new Rejected("该重大线索上报已登记接收，不能重复登记");
		}
		return found.get(0);
	}

	private static UpwardReport report(java.sql.ResultSet rs) throws java.sql.SQLException {
		OffsetDateTime accepted = rs.getObject("accepted_at", OffsetDateTime.class);
		return new UpwardReport(rs.getLong("id"), rs.getLong("clue_id"), rs.getString("code"),
				rs.getString("region_code"), Times.local(rs.getObject("reported_at", OffsetDateTime.class)),
				rs.getString("reported_to"), rs.getString("content"), accepted == null ? null : Times.local(accepted),
				rs.getString("accepted_by"), rs.getString("accepted_note"));
	}

	private static String move(String pair) {
		String[] parts = pair.split(">", -1);
		List<String> labels = new ArrayList<>();
		labels.add(parts[0].isEmpty() ? "登记" : ClueState.valueOf(parts[0]).label());
		labels.add(ClueState.valueOf(parts[1]).label());
		return String.join("→", labels);
	}

}
