package org.fangfei.app.evaluation;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.report.MeasureCatalog;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.Conflict;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The year's schemes and the manual scores given under them. A year without a stored
 * scheme shows the default one ({@link Scheme#defaults}); it is stored on its first save
 * or manual score. Once the year's evaluation is finalised neither changes.
 */
@Service
class ScoringSchemes {

	/**
	 * A year's scheme: {@code id} and {@code version} 0 when not yet stored (a stored one
	 * starts at version 1, so a form opened on the default is stale once someone saved).
	 */
	record Stored(long id, int year, Target target, Scheme scheme, int version, boolean finalised) {
	}

	/** A manual score and the evidence it rests on. */
	record Manual(BigDecimal points, String evidence, String scoredBy, OffsetDateTime scoredAt) {

		/** Whether the score is above {@code weight}: the weight was lowered since. */
		boolean above(int weight) {
			return this.points.compareTo(BigDecimal.valueOf(weight)) > 0;
		}

	}

	private final JdbcClient jdbc;

	private final MeasureCatalog catalog;

	private final AuditLog audit;

	ScoringSchemes(JdbcClient jdbc, MeasureCatalog catalog, AuditLog audit) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public Stored of(int year, Target target) {
		Years.check(year);
		return find(year, target).orElseGet(() -> new Stored(0, year, target, Scheme.defaults(target), 0, false));
	}

	/**
	 * Saves the year's scheme as typed.
	 * @throws Rejected for every problem of the scheme, or once the year is finalised
	 * @throws Conflict when someone else saved it since the form was opened
	 */
	@Transactional
	public Stored save(int year, Target target, SchemeForm form, Actor actor) {
		Stored current = of(year, target);
		requireOpen(current);
		Scheme scheme = Scheme.read(target, form, this.catalog);
		if (current.id() == 0) {
			if (form.getVersion() != 0) {
				throw new Conflict("考核方案刚刚已被他人保存，请刷新后重新修改");
			}
			insert(year, target, scheme, actor);
		}
		else {
			int updated = this.jdbc.sql("""
					update evaluation_scheme set indicators = :json, updated_at = :now, updated_by = :by,
					       version = version + 1
					 where id = :id and version = :version
					""")
				.param("json", scheme.json())
				.param("now", Times.now())
				.param("by", actor.username())
				.param("id", current.id())
				.param("version", form.getVersion())
				.update();
			if (updated != 1) {
				throw new Conflict("考核方案刚刚已被他人保存，请刷新后重新修改");
			}
		}
		Stored saved = of(year, target);
		this.audit.success("EVALUATION_SCHEME_SAVE", "evaluation_scheme", saved.id(),
				"保存" + year + "年度" + target.label() + "考核方案(" + scheme.indicators().size() + "项指标)", null, null);
		return saved;
	}

	/**
	 * Gives a unit its points on a manual indicator (named by its key, or by its name),
	 * with the evidence.
	 * @return the indicator's name
	 * @throws Rejected for an unknown or measured indicator, points outside 0 to its
	 * weight, no evidence, or a finalised year
	 */
	@Transactional
	public String score(int year, Target target, String indicator, String unit, String unitName, String points,
			String evidence, Actor actor) {
		Stored stored = stored(year, target, actor);
		requireOpen(stored);
		String wanted = indicator == null ? "" : indicator;
		Indicator i = stored.scheme()
			.byKey(wanted)
			.or(() -> stored.scheme().indicator(wanted))
			.orElseThrow(() -> new Rejected("考核方案中没有指标“" + indicator + "”"));
		if (!i.manual()) {
			throw new Rejected("指标“" + i.label() + "”由统计数据计算，不能人工评分");
		}
		BigDecimal p;
		try {
			p = new BigDecimal(points == null ? "" : points.strip());
		}
		catch (NumberFormatException ex) {
			throw new Rejected("请填写得分(数字)", Map.of("points", "请填写得分"));
		}
		if (p.signum() < 0 || p.compareTo(BigDecimal.valueOf(i.weight())) > 0 || p.scale() > 2) {
			throw new Rejected("“" + i.label() + "”的得分须在0到" + i.weight() + "分之间(最多两位小数)", Map.of("points", "得分超出范围"));
		}
		if (evidence == null || evidence.isBlank()) {
			throw new Rejected("请填写评分依据(佐证材料说明)", Map.of("evidence", "请填写评分依据"));
		}
		if (evidence.strip().length() > 500) {
			throw new Rejected("评分依据不能超过500个字", Map.of("evidence", "评分依据过长"));
		}
		this.jdbc
			.sql("""
					insert into evaluation_manual_score (scheme_id, indicator_key, unit, points, evidence, scored_at, scored_by)
					values (:s, :i, :u, :p, :e, :now, :by)
					on conflict (scheme_id, indicator_key, unit)
					do update set points = excluded.points, evidence = excluded.evidence,
					              scored_at = excluded.scored_at, scored_by = excluded.scored_by
					""")
			.param("s", stored.id())
			.param("i", i.key())
			.param("u", unit)
			.param("p", p)
			.param("e", evidence.strip())
			.param("now", Times.now())
			.param("by", actor.displayName())
			.update();
		this.audit.success("EVALUATION_MANUAL_SCORE", "evaluation_scheme", stored.id(),
				year + "年度" + unitName + "“" + i.label() + "”评" + p.toPlainString() + "分：" + evidence.strip(), null,
				null);
		return i.label();
	}

	/** The manual scores under a stored scheme: indicator's key → unit → score. */
	@Transactional(readOnly = true)
	public Map<String, Map<String, Manual>> manuals(long schemeId) {
		Map<String, Map<String, Manual>> out = new HashMap<>();
		this.jdbc.sql("select * from evaluation_manual_score where scheme_id = :s")
			.param("s", schemeId)
			.query((rs, n) -> {
				out.computeIfAbsent(rs.getString("indicator_key"), k -> new HashMap<>())
					.put(rs.getString("unit"), new Manual(rs.getBigDecimal("points"), rs.getString("evidence"),
							rs.getString("scored_by"), Times.local(rs.getObject("scored_at", OffsetDateTime.class))));
				return null;
			})
			.list();
		return out;
	}

	/**
	 * How many manual scores under the stored scheme are above their indicator's weight
	 * (given before the weight was lowered); scoring counts them at the weight.
	 */
	@Transactional(readOnly = true)
	public long scoresAboveWeight(Stored stored) {
		if (stored.id() == 0) {
			return 0;
		}
		Map<String, Map<String, Manual>> manuals = manuals(stored.id());
		return stored.scheme()
			.indicators()
			.stream()
			.filter(Indicator::manual)
			.flatMap(i -> manuals.getOrDefault(i.key(), Map.of()).values().stream().filter(m -> m.above(i.weight())))
			.count();
	}

	/** The year's scheme, stored now if it was the default. */
	Stored stored(int year, Target target, Actor actor) {
		Stored s = of(year, target);
		if (s.id() != 0) {
			return s;
		}
		insert(year, target, s.scheme(), actor);
		return of(year, target);
	}

	static void requireOpen(Stored stored) {
		if (stored.finalised()) {
			throw new Rejected(stored.year() + "年度" + stored.target().label() + "考核已定稿，得分已冻结，不能再修改方案或评分");
		}
	}

	private void insert(int year, Target target, Scheme scheme, Actor actor) {
		this.jdbc.sql("""
				insert into evaluation_scheme (year, target, indicators, updated_at, updated_by, version)
				values (:y, :t, :json, :now, :by, 1) on conflict (year, target) do nothing
				""")
			.param("y", year)
			.param("t", target.name())
			.param("json", scheme.json())
			.param("now", Times.now())
			.param("by", actor.username())
			.update();
	}

	private Optional<Stored> find(int year, Target target) {
		return this.jdbc.sql("""
				select s.*, exists (select 1 from evaluation_result r where r.scheme_id = s.id) as finalised
				  from evaluation_scheme s where s.year = :y and s.target = :t
				""")
			.param("y", year)
			.param("t", target.name())
			.query((rs, n) -> new Stored(rs.getLong("id"), year, target, Scheme.of(target, rs.getString("indicators")),
					rs.getInt("version"), rs.getBoolean("finalised")))
			.optional();
	}

}
