package org.fangfei.app.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fangfei.app.report.Figures;
import org.fangfei.app.report.Jurisdiction;
import org.fangfei.app.report.Measure;
import org.fangfei.app.report.MeasureCatalog;
import org.fangfei.app.report.Period;
import org.fangfei.app.shared.Regions12;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Computes every unit's points under a scheme for a period: a measured indicator reads
 * the measure through {@link Figures} — the same SQL as the statistical forms and their
 * drill-down, grouped by township in one query — so each value links to the very records
 * it counts; a manual indicator takes the score given with its evidence, at most the
 * indicator's weight (a score given before the weight was lowered counts at the weight,
 * and says so).
 */
@Component
class Scoring {

	/** A unit scored: a township (its region code) or a department (its id). */
	record Unit(String code, String name, String parentCode) {
	}

	/** A link to the records behind a value. */
	record Link(String label, String href) {
	}

	/** One indicator's points for one unit, and why. */
	record Point(String key, String label, int weight, BigDecimal value, BigDecimal points, String explanation,
			List<Link> links) {
	}

	/** A unit's points, total and rank (1 is best; equal totals share a rank). */
	record UnitScore(String code, String name, BigDecimal total, int rank, List<Point> points) {
	}

	private final Figures figures;

	private final MeasureCatalog catalog;

	Scoring(Figures figures, MeasureCatalog catalog) {
		this.figures = figures;
		this.catalog = catalog;
	}

	/** Every unit's score, ranked. */
	List<UnitScore> score(Scheme scheme, Period period, List<Unit> units,
			Map<String, Map<String, ScoringSchemes.Manual>> manuals) {
		Map<String, Map<String, Long>> values = new HashMap<>();
		for (Indicator i : scheme.indicators()) {
			if (!i.manual()) {
				values.put(key(i.measure(), i.param()), grouped(i.measure(), i.param(), period, units));
				if (i.rate()) {
					values.put(key(i.denominator(), null), grouped(i.denominator(), null, period, units));
				}
			}
		}
		List<UnitScore> scores = new ArrayList<>();
		for (Unit unit : units) {
			List<Point> points = new ArrayList<>();
			for (Indicator i : scheme.indicators()) {
				points.add(i.manual() ? manual(i, manuals.getOrDefault(i.key(), Map.of()).get(unit.code()))
						: measured(i, unit, period, values));
			}
			BigDecimal total = points.stream().map(Point::points).reduce(BigDecimal.ZERO, BigDecimal::add);
			scores.add(new UnitScore(unit.code(), unit.name(), total, 0, points));
		}
		scores.sort(Comparator.comparing(UnitScore::total).reversed().thenComparing(UnitScore::code));
		List<UnitScore> ranked = new ArrayList<>();
		for (int n = 0; n < scores.size(); n++) {
			UnitScore s = scores.get(n);
			int rank = n > 0 && s.total().compareTo(scores.get(n - 1).total()) == 0 ? ranked.get(n - 1).rank() : n + 1;
			ranked.add(new UnitScore(s.code(), s.name(), s.total(), rank, s.points()));
		}
		return ranked;
	}

	private Point measured(Indicator i, Unit unit, Period period, Map<String, Map<String, Long>> values) {
		Measure m = measure(i.measure());
		long count = values.get(key(i.measure(), i.param())).getOrDefault(prefix(unit), 0L);
		List<Link> links = new ArrayList<>();
		links.add(new Link(m.labelFor(i.param()), drill(m.code(), i.param(), period, unit.code())));
		BigDecimal value = BigDecimal.valueOf(count);
		String what = m.labelFor(i.param()) + " " + count + " " + m.unit();
		if (m.kind() == Measure.Kind.MONEY) {
			value = value.divide(BigDecimal.valueOf(1_000_000), 2, RoundingMode.HALF_UP);
			what = m.labelFor(i.param()) + " " + value.toPlainString() + " 万元";
		}
		if (i.rate()) {
			Measure d = measure(i.denominator());
			long den = values.get(key(i.denominator(), null)).getOrDefault(prefix(unit), 0L);
			links.add(new Link(d.label(), drill(d.code(), null, period, unit.code())));
			if (d.code().equals(m.code()) && i.param() != null) {
				// a share of the measure's own records (grids patrolled of all grids):
				// the
				// records outside it, e.g. the grids not patrolled, are what a reader
				// wants
				m.parameters()
					.keySet()
					.stream()
					.filter(p -> !p.equals(i.param()))
					.forEach(p -> links.add(new Link(m.labelFor(p), drill(m.code(), p, period, unit.code()))));
			}
			if (den == 0) {
				return new Point(i.key(), i.label(), i.weight(), null, BigDecimal.ZERO.setScale(2),
						d.label() + " 0 " + d.unit() + "，无法计算比率，不得分", links);
			}
			value = BigDecimal.valueOf(count * 100).divide(BigDecimal.valueOf(den), 1, RoundingMode.HALF_UP);
			what = what + " ÷ " + d.label() + " " + den + " " + d.unit() + " = " + value.toPlainString() + "%";
		}
		BigDecimal points = i.rule().points(value, i.weight(), i.full(), i.zero(), i.per());
		return new Point(i.key(), i.label(), i.weight(), value, points,
				what + "；" + i.ruleText(m.unit()) + " → " + points.toPlainString() + "分", links);
	}

	private static Point manual(Indicator i, ScoringSchemes.Manual manual) {
		if (manual == null) {
			return new Point(i.key(), i.label(), i.weight(), null, BigDecimal.ZERO.setScale(2), "尚未人工评分，暂计0分",
					List.of());
		}
		String explanation = "人工评分(" + manual.scoredBy() + ")：" + manual.evidence();
		if (manual.above(i.weight())) {
			// given before the weight was lowered: never more than the indicator is worth
			return new Point(i.key(), i.label(), i.weight(), null, BigDecimal.valueOf(i.weight()).setScale(2),
					explanation + "；原评" + Indicator.plain(manual.points()) + "分，高于本项现分值" + i.weight() + "分，按"
							+ i.weight() + "分计，请重新评分",
					List.of());
		}
		return new Point(i.key(), i.label(), i.weight(), null, manual.points().setScale(2, RoundingMode.HALF_UP),
				explanation, List.of());
	}

	private Map<String, Long> grouped(String code, String param, Period period, List<Unit> units) {
		Map<String, Long> out = new HashMap<>();
		Measure m = measure(code);
		units.stream()
			.map(Unit::parentCode)
			.distinct()
			.forEach(parent -> out.putAll(this.figures.grouped(m, param, period,
					new Jurisdiction(parent, parent, false), Regions12.prefixOf(units.get(0).code()).length())));
		return out;
	}

	private Measure measure(String code) {
		return this.catalog.find(code).orElseThrow(() -> new IllegalStateException("No measure " + code));
	}

	private static String prefix(Unit unit) {
		return Regions12.prefixOf(unit.code());
	}

	private static String key(String code, String param) {
		return code + "/" + (param == null ? "" : param);
	}

	/** The drill-down of the statistical forms for this measure, period and township. */
	static String drill(String measure, String param, Period period, String region) {
		UriComponentsBuilder b = UriComponentsBuilder.fromPath("/reports/drill")
			.queryParam("measure", measure)
			.queryParam("from", period.from())
			.queryParam("to", period.to())
			.queryParam("region", region);
		if (param != null) {
			b.queryParam("param", param);
		}
		return b.encode().toUriString();
	}

	/** The evaluation period: from the year's first day to {@code asOf}. */
	static Period period(int year, LocalDate asOf) {
		return Period.of(LocalDate.of(year, 1, 1), asOf);
	}

}
