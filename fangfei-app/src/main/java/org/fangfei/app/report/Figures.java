package org.fangfei.app.report;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fangfei.app.shared.PageOf;
import org.fangfei.app.shared.PageRequest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Runs a measure's SQL: its value per region group for a form, and the page of records
 * behind one value for its drill-down. Both wrap the same SQL, so a value and its
 * drill-down cannot disagree.
 */
@Service
public class Figures {

	private final JdbcClient jdbc;

	Figures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One record behind a value. */
	public record Row(String regionCode, String regionName, LocalDate onDate, String ref, String title, String link,
			Long amount) {
	}

	/** A page of records with the value they make. */
	public record Drill(PageOf<Row> rows, long value) {
	}

	/**
	 * The measure's value for the jurisdiction, grouped by the first {@code groupLength}
	 * digits of each record's region code (0: one group, keyed "").
	 */
	public Map<String, Long> grouped(Measure measure, String param, Period period, Jurisdiction where,
			int groupLength) {
		String sql = "select substr(r.region_code, 1, :groupLength) as k, count(*) as n, coalesce(sum(r.amount), 0) as s from ("
				+ measure.sql() + ") r group by 1";
		Map<String, Object> params = params(param, period, where);
		params.put("groupLength", groupLength);
		Map<String, Long> values = new HashMap<>();
		this.jdbc.sql(sql).params(params).query((rs, n) -> {
			values.put(rs.getString("k"), measure.kind() == Measure.Kind.COUNT ? rs.getLong("n") : rs.getLong("s"));
			return null;
		}).list();
		return values;
	}

	/**
	 * The values of a measure counted in one pass ({@link Measure#inOnePass()}): for each
	 * parameter value its groups as {@link #grouped} gives them, the key {@code null}
	 * holding every record (the measure without a parameter).
	 */
	public Map<String, Map<String, Long>> groupedByParameter(Measure measure, Period period, Jurisdiction where,
			int groupLength) {
		if (!measure.byParameter()) {
			throw new IllegalArgumentException("Not counted in one pass: " + measure.code());
		}
		String sql = "select substr(r.region_code, 1, :groupLength) as k, r.param_value as p, count(*) as n, coalesce(sum(r.amount), 0) as s from ("
				+ measure.sql() + ") r group by 1, 2";
		Map<String, Object> params = params(null, period, where);
		params.put("groupLength", groupLength);
		Map<String, Map<String, Long>> values = new HashMap<>();
		values.put(null, new HashMap<>());
		this.jdbc.sql(sql).params(params).query((rs, n) -> {
			long value = measure.kind() == Measure.Kind.COUNT ? rs.getLong("n") : rs.getLong("s");
			String k = rs.getString("k");
			String p = rs.getString("p");
			if (p != null) {
				values.computeIfAbsent(p, x -> new HashMap<>()).put(k, value);
			}
			values.get(null).merge(k, value, Long::sum);
			return null;
		}).list();
		return values;
	}

	/** The value for the whole jurisdiction. */
	public long value(Measure measure, String param, Period period, Jurisdiction where) {
		return grouped(measure, param, period, where, 0).getOrDefault("", 0L);
	}

	/**
	 * One page of the records behind the value, newest first, with the value. A keyed
	 * measure's page follows its own instant and id (an index walk that stops after the
	 * page); the others sort their records by date and reference.
	 */
	public Drill drill(Measure measure, String param, Period period, Jurisdiction where, PageRequest page) {
		Map<String, Object> params = params(param, period, where);
		List<Long> total = this.jdbc
			.sql("select count(*) as n, coalesce(sum(r.amount), 0) as s from (" + measure.sql() + ") r")
			.params(params)
			.query((rs, n) -> List.of(rs.getLong("n"), rs.getLong("s")))
			.single();
		params.put("limit", page.size());
		params.put("offset", page.offset());
		List<Row> rows = this.jdbc.sql(
				"select r.region_code, g.name as region_name, r.on_date, r.ref, r.title, r.link, cast(r.amount as bigint) as amount from ("
						+ measure.sql() + ") r left join region g on g.code = r.region_code"
						+ (measure.keyed() ? " order by r.sort_at desc, r.sort_id desc"
								: " order by r.on_date desc, r.ref desc")
						+ " limit :limit offset :offset")
			.params(params)
			.query((rs, n) -> new Row(rs.getString("region_code"), rs.getString("region_name"),
					rs.getObject("on_date", LocalDate.class), rs.getString("ref"), rs.getString("title"),
					rs.getString("link"), (Long) rs.getObject("amount", Long.class)))
			.list();
		long value = measure.kind() == Measure.Kind.COUNT ? total.get(0) : total.get(1);
		return new Drill(page.pageOf(rows, total.get(0)), value);
	}

	private static Map<String, Object> params(String param, Period period, Jurisdiction where) {
		Map<String, Object> params = new HashMap<>();
		params.put("from", period.from());
		params.put("to", period.to());
		params.put("fromAt", period.fromAt());
		params.put("untilAt", period.untilAt());
		params.put("regionLike", where.regionLike());
		params.put("param", param);
		return params;
	}

}
