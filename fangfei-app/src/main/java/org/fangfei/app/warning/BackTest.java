package org.fangfei.app.warning;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.fangfei.app.shared.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The back-test (回测): for every subject that later became a case or was determined as
 * illegal fundraising, on which day its index first stood at 橙 or above and at 红 before
 * that outcome, from the index history. Recomputed whole in one statement each night and
 * when the office asks.
 */
@Service
class BackTest {

	/** One subject's outcome and how early the index saw it. */
	record Row(long subjectId, String name, String regionName, String kind, String refCode, LocalDate outcomeOn,
			LocalDate orangeOn, LocalDate redOn) {

		public Long orangeDays() {
			return this.orangeOn == null ? null : this.outcomeOn.toEpochDay() - this.orangeOn.toEpochDay();
		}

		public Long redDays() {
			return this.redOn == null ? null : this.outcomeOn.toEpochDay() - this.redOn.toEpochDay();
		}

		public String kindLabel() {
			return "CASE".equals(this.kind) ? "立案" : "认定非法集资";
		}

	}

	/** The figures over all outcomes. */
	record Summary(int outcomes, int sawOrange, int sawRed, Double medianOrangeDays, Double medianRedDays,
			OffsetDateTime computedAt) {
	}

	private final JdbcClient jdbc;

	BackTest(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Remembers an outcome (once per subject, kind and record). */
	@Transactional
	void outcome(long subjectId, String kind, long refId, String refCode, LocalDate on) {
		this.jdbc.sql("""
				insert into warning_outcome (subject_id, kind, ref_id, ref_code, at) values (:s, :k, :r, :code, :on)
				on conflict do nothing
				""")
			.param("s", subjectId)
			.param("k", kind)
			.param("r", refId)
			.param("code", refCode)
			.param("on", on)
			.update();
		this.jdbc.sql("delete from warning_backtest where subject_id = :s").param("s", subjectId).update();
		insert("o.subject_id = :s").param("s", subjectId).param("now", Times.now()).update();
	}

	/** Recomputes the whole back-test; returns the number of outcomes. */
	@Transactional
	int compute(OffsetDateTime now) {
		this.jdbc.sql("delete from warning_backtest").update();
		return insert("true").param("now", now).update();
	}

	private JdbcClient.StatementSpec insert(String where) {
		return this.jdbc.sql("""
				insert into warning_backtest (subject_id, kind, ref_code, outcome_on, orange_on, red_on, computed_at)
				select o.subject_id, o.kind, o.ref_code, o.at,
				  (select min(h.at)::date from warning_index_history h where h.subject_id = o.subject_id
				     and h.tier in ('ORANGE', 'RED') and h.at::date <= o.at),
				  (select min(h.at)::date from warning_index_history h where h.subject_id = o.subject_id
				     and h.tier = 'RED' and h.at::date <= o.at),
				  :now
				from (select distinct on (subject_id, kind) subject_id, kind, ref_code, at from warning_outcome o
				      where %s order by subject_id, kind, at) o
				""".formatted(where));
	}

	List<Row> rows(String regionLike, int limit) {
		return this.jdbc.sql("""
				select b.subject_id, ws.name, r.name, b.kind, b.ref_code, b.outcome_on, b.orange_on, b.red_on
				from warning_backtest b join warning_subject ws on ws.subject_id = b.subject_id
				left join region r on r.code = ws.region_code
				where ws.region_code like :like
				order by b.outcome_on desc, b.subject_id limit :limit
				""")
			.param("like", regionLike)
			.param("limit", limit)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getDate(6).toLocalDate(), date(rs.getDate(7)), date(rs.getDate(8))))
			.list();
	}

	Summary summary(String regionLike) {
		return this.jdbc.sql("""
				select count(*), count(b.orange_on), count(b.red_on),
				  percentile_cont(0.5) within group (order by (b.outcome_on - b.orange_on)),
				  percentile_cont(0.5) within group (order by (b.outcome_on - b.red_on)),
				  max(b.computed_at)
				from warning_backtest b join warning_subject ws on ws.subject_id = b.subject_id
				where ws.region_code like :like
				""")
			.param("like", regionLike)
			.query((rs, n) -> new Summary(rs.getInt(1), rs.getInt(2), rs.getInt(3), (Double) rs.getObject(4),
					(Double) rs.getObject(5), rs.getObject(6, OffsetDateTime.class)))
			.single();
	}

	private static LocalDate date(java.sql.Date d) {
		return d == null ? null : d.toLocalDate();
	}

}
