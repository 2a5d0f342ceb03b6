package org.fangfei.app.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Regions12;
import org.fangfei.app.shared.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Fills a form for a period and a jurisdiction: one query per column, grouped by the
 * jurisdiction's sub-regions, so a county's form costs as many queries as it has columns
 * whatever the number of townships; the columns of one measure counted in one pass
 * ({@link Measure#inOnePass()}) share a single query grouped by the parameter too. The
 * jurisdiction must lie within the actor's scope (a township sees its own township only,
 * the county office the whole county).
 */
@Service
public class FormGenerator {

	private final JdbcClient jdbc;

	private final MeasureCatalog catalog;

	private final Figures figures;

	FormGenerator(JdbcClient jdbc, MeasureCatalog catalog, Figures figures) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.figures = figures;
	}

	/** A filled form. */
	public record Generated(long formId, FormDefinition definition, Period period, Jurisdiction where,
			List<String> titleBlock, List<Line> lines, List<Measure> measures) {
	}

	/** One row: a sub-region, 本级, or 合计. */
	public record Line(String label, Jurisdiction where, boolean total, List<Cell> cells) {
	}

	/** One number with the column it belongs to. */
	public record Cell(Measure measure, String param, long value) {

		public String shown() {
			return FormGenerator.shown(this.measure, this.value);
		}

	}

	/**
	 * The jurisdiction named by {@code regionCode} (the actor's own when blank), refused
	 * when it is not a region or lies outside the actor's scope.
	 */
	public Jurisdiction jurisdiction(String regionCode, boolean exact, Actor actor) {
		if (actor.scope().nothing() || actor.scope().sectorLimited()) {
			throw new Rejected("您的账号按行业查看数据，不能生成辖区统计表");
		}
		String code = regionCode == null || regionCode.isBlank() ? actor.regionCode() : regionCode.strip();
		if (code == null || !Regions12.isValid(code)) {
			throw new Rejected("请选择统计区域(12位区划代码)", Map.of("region", "请选择统计区域"));
		}
		String name = this.jdbc.sql("select name from region where code = :code")
			.param("code", code)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new Rejected("区划“" + code + "”不存在", Map.of("region", "区划不存在")));
		if (!actor.scope().covers(code)) {
			throw new Rejected("“" + name + "”不在您的管辖范围内，只能统计本辖区", Map.of("region", "不在您的管辖范围内"));
		}
		return new Jurisdiction(code, name, exact);
	}

	/** Regions the actor may choose: their jurisdiction and the level below it. */
	public List<Jurisdiction> choices(Actor actor) {
		if (actor.regionCode() == null || !actor.scope().covers(actor.regionCode())) {
			return List.of();
		}
		return this.jdbc.sql("""
				select code, name from region where code = :code or parent_code = :code order by code <> :code, code
				""")
			.param("code", actor.regionCode())
			.query((rs, n) -> new Jurisdiction(rs.getString(1), rs.getString(2), false))
			.list();
	}

	public Generated generate(long formId, FormDefinition def, Period period, Jurisdiction where) {
		List<Measure> measures = def.columns()
			.stream()
			.map(c -> this.catalog.find(c.measure().strip()).orElseThrow())
			.toList();
		List<Jurisdiction> children = def.byRegion() ? children(where) : List.of();
		int groupLength = children.isEmpty() ? 0 : Regions12.prefixOf(children.get(0).code()).length();
		List<Map<String, Long>> columns = new ArrayList<>();
		Map<String, Map<String, Map<String, Long>>> onePass = new HashMap<>();
		for (int i = 0; i < measures.size(); i++) {
			Measure m = measures.get(i);
			String param = def.columns().get(i).param();
			if (m.byParameter() && measures.stream().filter(o -> o.code().equals(m.code())).count() > 1) {
				Map<String, Map<String, Long>> byParam = onePass.computeIfAbsent(m.code(),
						c -> this.figures.groupedByParameter(m, period, where, groupLength));
				columns.add(byParam.getOrDefault(param, Map.of()));
			}
			else {
				columns.add(this.figures.grouped(m, param, period, where, groupLength));
			}
		}
		List<Line> lines = new ArrayList<>();
		for (Jurisdiction child : children) {
			String key = Regions12.prefixOf(child.code());
			lines.add(line(child.name(), child, false, def, measures, columns, m -> m.getOrDefault(key, 0L)));
		}
		if (!children.isEmpty()) {
			String own = where.code().substring(0, groupLength);
			Line ownLine = line("本级", new Jurisdiction(where.code(), where.name(), true), false, def, measures, columns,
					m -> m.getOrDefault(own, 0L));
			if (ownLine.cells().stream().anyMatch(c -> c.value() != 0)) {
				lines.add(ownLine);
			}
		}
		lines.add(line("合计", where, true, def, measures, columns,
				m -> m.values().stream().mapToLong(Long::longValue).sum()));
		Map<String, String> values = new LinkedHashMap<>();
		values.put("填报单位", where.name());
		values.put("统计期间", period.label());
		values.put("开始日期", period.from().toString());
		values.put("截止日期", period.to().toString());
		values.put("制表日期", Times.today().toString());
		List<String> titleBlock = def.titleBlock().stream().map(l -> FormDefinition.fill(l, values)).toList();
		return new Generated(formId, def, period, where, titleBlock, lines, measures);
	}

	/** A value as a form shows it: money in 万元 with two decimals, others whole. */
	static String shown(Measure measure, long value) {
		if (measure.kind() == Measure.Kind.MONEY) {
			return BigDecimal.valueOf(value, 6).setScale(2, RoundingMode.HALF_UP).toPlainString();
		}
		return Long.toString(value);
	}

	private List<Jurisdiction> children(Jurisdiction where) {
		if (where.exact()) {
			return List.of();
		}
		return this.jdbc.sql("select code, name from region where parent_code = :code order by code")
			.param("code", where.code())
			.query((rs, n) -> new Jurisdiction(rs.getString(1), rs.getString(2), false))
			.list();
	}

	private static Line line(String label, Jurisdiction where, boolean total, FormDefinition def,
			List<Measure> measures, List<Map<String, Long>> columns,
			java.util.function.ToLongFunction<Map<String, Long>> pick) {
		List<Cell> cells = new ArrayList<>();
		for (int i = 0; i < measures.size(); i++) {
			cells.add(new Cell(measures.get(i), def.columns().get(i).param(), pick.applyAsLong(columns.get(i))));
		}
		return new Line(label, where, total, cells);
	}

}
