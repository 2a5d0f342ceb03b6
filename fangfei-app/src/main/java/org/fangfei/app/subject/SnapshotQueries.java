package org.fangfei.app.subject;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fangfei.app.shared.DataScope;
import org.fangfei.app.subject.SnapshotComparison.Change;
import org.fangfei.app.subject.SnapshotComparison.Count;
import org.fangfei.app.subject.SnapshotComparison.Entry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The reads behind {@link SubjectSnapshots}. Each applies the caller's scope to every
 * month it reads, as bound parameters: a subject that moved out of the scope between two
 * months counts as removed, one that moved in as added.
 */
@Component
class SnapshotQueries {

	/** What a count is grouped by; the expressions are fixed SQL, never user text. */
	enum By {

		STATUS("s.status"), RISK_LEVEL("coalesce(s.risk_level, '')"), SECTOR("coalesce(s.sector_code, '')");

		private final String expression;

		By(String expression) {
			this.expression = expression;
		}

	}

	private static final String JOINS = """
			 from subject_snapshot s left join region r on r.code = s.region_code
			 left join dict_item d on d.dict_type = 'sector' and d.code = s.sector_code
			""";

	private final JdbcClient jdbc;

	SnapshotQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param alias a table alias of this class, never user text
	 */
	private static String scope(String alias) {
		return " " + alias + ".region_code like :regionLike and (not :sectorLimited or " + alias
				+ ".sector_code = any(:sectorCodes))";
	}

	List<Entry> entries(String month, DataScope scope) {
		return this.jdbc
			.sql("select " + entryColumns("s", "r", "d", "") + JOINS + " where s.month = :m and" + scope("s")
					+ " order by s.region_code, s.subject_id")
			.params(scope.sqlParams())
			.param("m", month)
			.query((rs, n) -> entry(rs, ""))
			.list();
	}

	/**
	 * The subjects in {@code month} that {@code other} does not have, both within scope.
	 */
	List<Entry> onlyIn(String month, String other, DataScope scope) {
		return this.jdbc
			.sql("select " + entryColumns("s", "r", "d", "") + JOINS + " where s.month = :m and" + scope("s")
					+ " and not exists (select 1 from subject_snapshot o where o.month = :other"
					+ " and o.subject_id = s.subject_id and" + scope("o") + ") order by s.region_code, s.subject_id")
			.params(scope.sqlParams())
			.param("m", month)
			.param("other", other)
			.query((rs, n) -> entry(rs, ""))
			.list();
	}

	/**
	 * Subjects in both months, within scope in both, whose status or risk level changed.
	 */
	List<Change> changed(String from, String to, DataScope scope) {
		String sql = "select " + entryColumns("s", "r", "d", "f_") + ", " + entryColumns("t", "tr", "td", "t_")
				+ " from subject_snapshot s join subject_snapshot t on t.subject_id = s.subject_id and t.month = :to"
				+ " left join region r on r.code = s.region_code"
				+ " left join dict_item d on d.dict_type = 'sector' and d.code = s.sector_code"
				+ " left join region tr on tr.code = t.region_code"
				+ " left join dict_item td on td.dict_type = 'sector' and td.code = t.sector_code"
				+ " where s.month = :from and" + scope("s") + " and" + scope("t")
				+ " and (s.status <> t.status or coalesce(s.risk_level, '') <> coalesce(t.risk_level, ''))"
				+ " order by s.region_code, s.subject_id";
		return this.jdbc.sql(sql)
			.params(scope.sqlParams())
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> new Change(entry(rs, "f_"), entry(rs, "t_")))
			.list();
	}

	/** Counts of both months by one grouping; every status and risk level appears. */
	List<Count> counts(By by, String from, String to, DataScope scope) {
		Map<String, long[]> counts = new LinkedHashMap<>();
		Map<String, String> sectorLabels = new LinkedHashMap<>();
		this.jdbc
			.sql("select " + by.expression + " as code, max(d.label) as sector_label,"
					+ " sum(case when s.month = :from then 1 else 0 end) as f,"
					+ " sum(case when s.month = :to then 1 else 0 end) as t" + JOINS
					+ " where s.month in (:from, :to) and" + scope("s") + " group by 1")
			.params(scope.sqlParams())
			.param("from", from)
			.param("to", to)
			.query((ResultSet rs) -> {
				counts.put(rs.getString("code"), new long[] { rs.getLong("f"), rs.getLong("t") });
				sectorLabels.put(rs.getString("code"), rs.getString("sector_label"));
			});
		return switch (by) {
			case STATUS -> all(counts, enumLabels(SubjectStatus.values(), SubjectStatus::label));
			case RISK_LEVEL -> all(counts, riskLabels());
			case SECTOR -> sectors(counts, sectorLabels);
		};
	}

	private static List<Count> all(Map<String, long[]> counts, Map<String, String> labels) {
		List<Count> all = new ArrayList<>();
		labels.forEach((code, label) -> {
			long[] c = counts.getOrDefault(code, new long[2]);
			all.add(new Count(code, label, c[0], c[1]));
		});
		return all;
	}

	private static List<Count> sectors(Map<String, long[]> counts, Map<String, String> labels) {
		List<Count> all = new ArrayList<>();
		counts.forEach((code, c) -> all.add(new Count(code,
				code.isEmpty() ? "未填行业" : labels.get(code) == null ? code : labels.get(code), c[0], c[1])));
		all.sort(Comparator.comparing(Count::code, Comparator.comparing(String::isEmpty)).thenComparing(Count::label));
		return all;
	}

	private static Map<String, String> riskLabels() {
		Map<String, String> labels = enumLabels(RiskLevel.values(), RiskLevel::label);
		labels.put("", "未定级");
		return labels;
	}

	private static <E extends Enum<E>> Map<String, String> enumLabels(E[] values,
			java.util.function.Function<E, String> label) {
		Map<String, String> labels = new LinkedHashMap<>();
		for (E e : values) {
			labels.put(e.name(), label.apply(e));
		}
		return labels;
	}

	/**
	 * The columns of an {@link Entry}, each named with the prefix.
	 * @param alias the snapshot's alias, {@code regionAlias} and {@code dictAlias} those
	 * of its region and sector joins; all fixed by this class, never user text
	 */
	private static String entryColumns(String alias, String regionAlias, String dictAlias, String prefix) {
		String region = regionAlias + ".name";
		String sector = dictAlias + ".label";
		return String.join(", ", alias + ".subject_id as " + prefix + "subject_id",
				alias + ".name as " + prefix + "name", alias + ".kind as " + prefix + "kind",
				alias + ".region_code as " + prefix + "region_code", region + " as " + prefix + "region_name",
				alias + ".sector_code as " + prefix + "sector_code", sector + " as " + prefix + "sector_label",
				alias + ".risk_level as " + prefix + "risk_level", alias + ".status as " + prefix + "status");
	}

	private static Entry entry(ResultSet rs, String prefix) throws SQLException {
		String risk = rs.getString(prefix + "risk_level");
		return new Entry(rs.getLong(prefix + "subject_id"), rs.getString(prefix + "name"),
				SubjectKind.valueOf(rs.getString(prefix + "kind")), rs.getString(prefix + "region_code"),
				rs.getString(prefix + "region_name"), rs.getString(prefix + "sector_code"),
				rs.getString(prefix + "sector_label"), risk == null ? null : RiskLevel.valueOf(risk),
				SubjectStatus.valueOf(rs.getString(prefix + "status")));
	}

}
