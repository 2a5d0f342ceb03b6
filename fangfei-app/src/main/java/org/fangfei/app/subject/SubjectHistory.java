package org.fangfei.app.subject;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The subjects as they stood at a moment, rebuilt from {@code subject_history} (every
 * state a subject was in and from when, written by trigger on each change): for the
 * monthly ledger, which must show a past month as it was, never today's ledger. Not
 * scoped by the caller: it serves a township's ledger, whose region the caller has
 * already been checked for.
 */
@Service
public class SubjectHistory {

	/**
	 * A subject as it stood.
	 *
	 * @param sectorLabel the sector's label, or empty
	 */
	public record Standing(long id, String name, SubjectKind kind, String regionCode, String sectorCode,
			String sectorLabel, RiskLevel riskLevel, SubjectStatus status) {

		public String riskLabel() {
			return this.riskLevel == null ? "未定级" : this.riskLevel.label();
		}

	}

	private final JdbcClient jdbc;

	SubjectHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The subjects within {@code regionPrefix} at {@code at} (their latest state before
	 * it), by id; a subject that had moved elsewhere by then is not among them, one
	 * registered after it neither, and one deleted since (registered by mistake) is in no
	 * month.
	 */
	@Transactional(readOnly = true)
	public List<Standing> asAt(String regionPrefix, OffsetDateTime at) {
		return asAt(regionPrefix, at, at).atEnd();
	}

	/** The subjects within a region at a month's start and at its end. */
	public record StartAndEnd(List<Standing> atStart, List<Standing> atEnd) {
	}

	/**
	 * {@link #asAt} at two moments: the subjects that were ever within
	 * {@code regionPrefix} before {@code end}, each with its latest state before
	 * {@code start} and before {@code end}, by id. Two set-based reads, no visit to the
	 * table (docs/performance.md, issue 15): the region's states before {@code end} from
	 * the covering index {@code subject_history (region_code, subject_id) include (…)}
	 * (V110), and the order of every state of those subjects — wherever they were, so a
	 * move out or in counts — from {@code (subject_id, valid_from, id)} in one index scan
	 * over the sorted ids; the latest before each moment is in the region when its state
	 * is one of the first read.
	 */
	@Transactional(readOnly = true)
	public StartAndEnd asAt(String regionPrefix, OffsetDateTime start, OffsetDateTime end) {
		String like = regionPrefix + "%";
		Map<Long, Standing> inRegion = new HashMap<>();
		this.jdbc.sql("""
				select h.id, h.subject_id, h.name, h.kind, h.region_code, h.sector_code, h.risk_level, h.status,
				       d.label as sector_label
				from subject_history h left join dict_item d on d.dict_type = 'sector' and d.code = h.sector_code
				where h.region_code like :p and h.valid_from < :end
				""").param("p", like).param("end", end).query(rs -> {
			inRegion.put(rs.getLong("id"), standing(rs));
		});
		Latest latest = new Latest(inRegion);
		this.jdbc.sql("""
				with ids as (select array_agg(distinct subject_id) as a from subject_history
				             where region_code like :p and valid_from < :end),
				     live as (select array_agg(s.id) as a from ids, subject s where s.id = any (ids.a))
				select x.subject_id, x.id, x.valid_from < :start as before_start
				from live, subject_history x
				where x.subject_id = any (live.a) and x.valid_from < :end
				order by x.subject_id, x.valid_from, x.id
				""").param("p", like).param("start", start).param("end", end).query(latest::next);
		latest.flush();
		return new StartAndEnd(latest.atStart, latest.atEnd);
	}

	/**
	 * Walks every state of the subjects in order and keeps, per subject, the last state
	 * before the start and the last before the end when those are within the region.
	 */
	private static final class Latest {

		private final Map<Long, Standing> inRegion;

		final List<Standing> atStart = new ArrayList<>();

		final List<Standing> atEnd = new ArrayList<>();

		private long subject = -1;

		private long lastBeforeStart = -1;

		private long lastBeforeEnd = -1;

		Latest(Map<Long, Standing> inRegion) {
			this.inRegion = inRegion;
		}

		void next(ResultSet rs) throws SQLException {
			long id = rs.getLong("subject_id");
			if (id != this.subject) {
				flush();
				this.subject = id;
				this.lastBeforeStart = -1;
			}
			this.lastBeforeEnd = rs.getLong("id");
			if (rs.getBoolean("before_start")) {
				this.lastBeforeStart = this.lastBeforeEnd;
			}
		}

		void flush() {
			if (this.subject < 0) {
				return;
			}
			Standing start = this.inRegion.get(this.lastBeforeStart);
			if (start != null) {
				this.atStart.add(start);
			}
			Standing end = this.inRegion.get(this.lastBeforeEnd);
			if (end != null) {
				this.atEnd.add(end);
			}
		}

	}

	private static Standing standing(ResultSet rs) throws SQLException {
		String sector = rs.getString("sector_label");
		String risk = rs.getString("risk_level");
		return new Standing(rs.getLong("subject_id"), rs.getString("name"), SubjectKind.valueOf(rs.getString("kind")),
				rs.getString("region_code"), rs.getString("sector_code"), sector == null ? "" : sector,
				risk == null ? null : RiskLevel.valueOf(risk), SubjectStatus.valueOf(rs.getString("status")));
	}

}
