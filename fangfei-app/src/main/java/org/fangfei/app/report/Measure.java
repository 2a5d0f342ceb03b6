package org.fangfei.app.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One named figure a form's cell can show: a stable code (never renamed once a form uses
 * it), a Chinese label and unit, how the value is formed from the records, and the SQL
 * that lists those records.
 *
 * <p>
 * The SQL is written by the module that owns the tables and must select the columns
 * {@code region_code} (the record's 12-digit region), {@code on_date} (the date that
 * placed it in the period), {@code ref} (its code or number), {@code title}, {@code link}
 * (the record's page) and {@code amount} (a bigint, or null for a count), one row per
 * record counted, filtered by the bound parameters {@code :from} and {@code :to} (dates,
 * both inclusive), {@code :fromAt} and {@code :untilAt} (the same period as
 * {@code timestamptz}, the end exclusive), {@code :regionLike} (for
 * {@code region_code like :regionLike}) and, when the measure has parameters,
 * {@code :param} (null for all; compare with {@code cast(:param as varchar) is null or}).
 * The value is then the row count, or the sum of {@code amount}, so a value always equals
 * what its drill-down lists.
 *
 * @param code the stable code, e.g. {@code clue.received}
 * @param label the Chinese label
 * @param unit the unit shown after the value (件, 人, 万元 …)
 * @param kind how the value is formed
 * @param parameterLabel what the parameter means (e.g. 线索来源), or null
 * @param parameters the allowed parameter values with their labels, empty for none
 * @param sql the rows behind the value
 * @param keyed whether {@code sql} also selects {@code sort_at} (the instant that placed
 * the record in the period, on which the owner's period index is) and {@code sort_id}
 * (the record's id): a drill-down page then walks that index newest first instead of
 * sorting every record behind a large value (see {@link #byKey()})
 * @param byParameter whether {@code sql} also selects {@code param_value} (the record's
 * value of the parameter, the one compared with {@code :param}): a form with several of
 * the measure's columns fills them all from one pass with {@code :param} null (see
 * {@link #inOnePass()})
 */
public record Measure(String code, String label, String unit, Kind kind, String parameterLabel,
		Map<String, String> parameters, String sql, boolean keyed, boolean byParameter) {

	/** How a value is formed from the measure's rows. */
	public enum Kind {

		/** The number of rows. */
		COUNT,
		/** The sum of {@code amount}. */
		SUM,
		/** The sum of {@code amount} in fen, shown in 万元 with two decimals. */
		MONEY

	}

	public Measure {
		Objects.requireNonNull(code);
		if (!code.matches("[a-z]+\\.[a-zA-Z]+")) {
			throw new IllegalArgumentException("A measure code is module.name: " + code);
		}
		parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
	}

	/** A count of the rows {@code sql} lists. */
	public static Measure count(String code, String label, String unit, String sql) {
		return new Measure(code, label, unit, Kind.COUNT, null, Map.of(), sql, false, false);
	}

	/** The sum of the rows' {@code amount}. */
	public static Measure sum(String code, String label, String unit, String sql) {
		return new Measure(code, label, unit, Kind.SUM, null, Map.of(), sql, false, false);
	}

	/** The sum of the rows' {@code amount} in fen, shown in 万元. */
	public static Measure money(String code, String label, String sql) {
		return new Measure(code, label, "万元", Kind.MONEY, null, Map.of(), sql, false, false);
	}

	/** The same measure, narrowed by a parameter among {@code values} (value → label). */
	public Measure withParameter(String label, Map<String, String> values) {
		return new Measure(this.code, this.label, this.unit, this.kind, label, values, this.sql, this.keyed,
				this.byParameter);
	}

	/**
	 * The same measure, its SQL selecting {@code sort_at} and {@code sort_id} besides the
	 * six columns: its drill-down is ordered by them (newest first), which the owner
	 * backs with an index, so a page costs the same behind ten records or a million.
	 */
	public Measure byKey() {
		return new Measure(this.code, this.label, this.unit, this.kind, this.parameterLabel, this.parameters, this.sql,
				true, this.byParameter);
	}

	/**
	 * The same measure, its SQL selecting {@code param_value} besides its columns, equal
	 * to {@code :param} exactly on the rows the parameter keeps: a form showing the
	 * measure for several parameters (and for all) groups one pass by it instead of
	 * running the SQL once per column.
	 */
	public Measure inOnePass() {
		if (this.parameters.isEmpty()) {
			throw new IllegalStateException("Only a measure with parameters is counted in one pass: " + this.code);
		}
		return new Measure(this.code, this.label, this.unit, this.kind, this.parameterLabel, this.parameters, this.sql,
				this.keyed, true);
	}

	/** The label with the parameter's label, e.g. 受理线索(群众举报). */
	public String labelFor(String param) {
		return param == null ? this.label : this.label + "(" + this.parameters.getOrDefault(param, param) + ")";
	}

}
