package org.fangfei.app.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.organisation.Departments;
import org.fangfei.app.organisation.Region;
import org.fangfei.app.organisation.RegionLevel;
import org.fangfei.app.organisation.Regions;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.TabularFile;
import org.fangfei.app.shared.Times;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The year's evaluation of the townships or departments: computed from the data as of a
 * date until it is finalised, then frozen as finalised — a finalised year is never
 * computed again (the scheme and the manual scores are closed too), so the ranking
 * announced is the ranking kept. Also the figures other modules (the cockpit) may show:
 * the latest finalised ranking and the communities certified in the drive.
 */
@Service
public class Evaluations {

	/** A unit's place in a finalised ranking. */
	public record Ranked(int rank, String code, String name, BigDecimal total) {
	}

	/** The latest finalised ranking of a target. */
	public record Ranking(int year, Target target, LocalDate asOf, List<Ranked> units) {
	}

	/** The evaluation as shown: the visible units' scores and whether they are frozen. */
	record Board(int year, Target target, LocalDate asOf, Scheme scheme, boolean finalised, OffsetDateTime finalisedAt,
			String finalisedBy, List<Scoring.UnitScore> rows, int units) {
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final ScoringSchemes schemes;

	private final Scoring scoring;

	private final Regions regions;

	private final Departments departments;

	private final AuditLog audit;

	Evaluations(JdbcClient jdbc, ScoringSchemes schemes, Scoring scoring, Regions regions, Departments departments,
			AuditLog audit) {
		this.jdbc = jdbc;
		this.schemes = schemes;
		this.scoring = scoring;
		this.regions = regions;
		this.departments = departments;
		this.audit = audit;
	}

	/** The latest finalised ranking of the target, if any year was finalised. */
	@Transactional(readOnly = true)
	public Optional<Ranking> latestRanking(Target target) {
		return this.jdbc.sql("""
				select s.year, r.as_of, r.scores from evaluation_result r join evaluation_scheme s on s.id = r.scheme_id
				 where s.target = :t order by s.year desc limit 1
				""").param("t", target.name()).query((rs, n) -> {
			List<Ranked> units = frozen(rs.getString("scores")).stream()
				.map(u -> new Ranked(u.rank(), u.code(), u.name(), u.total()))
				.toList();
			return new Ranking(rs.getInt("year"), target, rs.getObject("as_of", LocalDate.class), units);
		}).optional();
	}

	/** The communities certified 无非法集资社区(村) and not revoked, over all years. */
	@Transactional(readOnly = true)
	public long certifiedCommunities() {
		return certifiedCommunities(DataScope.all());
	}

	/** The certified communities within a jurisdiction. */
	@Transactional(readOnly = true)
	long certifiedCommunities(DataScope scope) {
		if (scope.nothing() || scope.sectorLimited()) {
			return 0;
		}
		return this.jdbc
			.sql("select count(*) from evaluation_community where status = 'CERTIFIED' and region_code like :r")
			.param("r", scope.regionLike())
			.query(Long.class)
			.single();
	}

	/** Whether the actor may see this unit's row of a township ranking. */
	static boolean visibleTownship(String unit, Actor actor) {
		return visible(Target.TOWNSHIP, unit, actor);
	}

	/**
	 * The year's scores for the caller: frozen once finalised, else computed as of
	 * {@code asOf} (the year's end, or today in the current year, when null).
	 */
	@Transactional(readOnly = true)
	Board board(int year, Target target, LocalDate asOf, Actor actor) {
		List<Scoring.UnitScore> all;
		ScoringSchemes.Stored stored = this.schemes.of(year, target);
		requireVisible(target, actor);
		Board board;
		if (stored.finalised()) {
			board = this.jdbc.sql("select * from evaluation_result where scheme_id = :id")
				.param("id", stored.id())
				.query((rs, n) -> new Board(year, target, rs.getObject("as_of", LocalDate.class),
						Scheme.of(target, rs.getString("scheme")), true,
						Times.local(rs.getObject("finalised_at", OffsetDateTime.class)), rs.getString("finalised_by"),
						frozen(rs.getString("scores")), 0))
				.single();
			all = board.rows();
		}
		else {
			LocalDate until = until(year, asOf);
			all = this.scoring.score(stored.scheme(), Scoring.period(year, until), units(target, actor),
					stored.id() == 0 ? Map.of() : this.schemes.manuals(stored.id()));
			board = new Board(year, target, until, stored.scheme(), false, null, null, all, 0);
		}
		List<Scoring.UnitScore> visible = all.stream().filter(u -> visible(target, u.code(), actor)).toList();
		return new Board(board.year(), target, board.asOf(), board.scheme(), board.finalised(), board.finalisedAt(),
				board.finalisedBy(), visible, all.size());
	}

	/**
	 * Freezes the year's scores as computed to the year's end.
	 * @throws Rejected before the year has ended, or when it is already finalised
	 */
	@Transactional
	Board finalise(int year, Target target, Actor actor) {
		Years.check(year);
		LocalDate end = LocalDate.of(year, 12, 31);
		if (!Times.today().isAfter(end)) {
			throw new Rejected(year + "年度尚未结束，不能定稿：定稿的得分按全年数据计算");
		}
		ScoringSchemes.Stored stored = this.schemes.stored(year, target, actor);
		ScoringSchemes.requireOpen(stored);
		List<Scoring.UnitScore> scores = this.scoring.score(stored.scheme(), Scoring.period(year, end),
				units(target, actor), this.schemes.manuals(stored.id()));
		this.jdbc.sql("""
				insert into evaluation_result (scheme_id, as_of, finalised_at, finalised_by, scheme, scores)
				values (:id, :asOf, :now, :by, :scheme, :scores) on conflict (scheme_id) do nothing
				""")
			.param("id", stored.id())
			.param("asOf", end)
			.param("now", Times.now())
			.param("by", actor.displayName())
			.param("scheme", stored.scheme().json())
			.param("scores", JSON.writeValueAsString(scores))
			.update();
		this.audit.success("EVALUATION_FINALISE", "evaluation_scheme", stored.id(),
				year + "年度" + target.label() + "考核定稿(" + scores.size() + "个单位)", null, null);
		return board(year, target, null, actor);
	}

	/**
	 * The board as an .xlsx: the ranking with each indicator's points, and every point
	 * explained; audited.
	 */
	@Transactional
	byte[] export(int year, Target target, LocalDate asOf, Actor actor) {
		Board board = board(year, target, asOf, actor);
		List<String> header = new ArrayList<>(List.of("排名", target.label()));
		board.scheme().indicators().forEach(i -> header.add(i.label() + "(" + i.weight() + "分)"));
		header.add("总分");
		List<List<String>> rows = new ArrayList<>();
		List<List<String>> details = new ArrayList<>();
		for (Scoring.UnitScore u : board.rows()) {
			List<String> row = new ArrayList<>(List.of(Integer.toString(u.rank()), u.name()));
			for (Scoring.Point p : u.points()) {
				row.add(p.points().toPlainString());
				details.add(List.of(u.name(), p.label(), Integer.toString(p.weight()), p.points().toPlainString(),
						p.explanation()));
			}
			row.add(u.total().toPlainString());
			rows.add(row);
		}
		this.audit.success("EVALUATION_EXPORT", "evaluation_scheme", year, "导出" + year + "年度" + target.label() + "考核得分"
				+ (board.finalised() ? "(已定稿)" : "(截至" + board.asOf() + ")"), null, null);
		return TabularFile.writeXlsx(List.of(new TabularFile.Worksheet("得分排名", header, rows),
				new TabularFile.Worksheet("得分说明", List.of(target.label(), "指标", "权重", "得分", "计分说明"), details)));
	}

	/** The units of the caller's county for the target. */
	List<Scoring.Unit> units(Target target, Actor actor) {
		DataScope county = DataScope.jurisdiction(county(actor));
		if (target == Target.DEPARTMENT) {
			return this.departments.list(null, county)
				.stream()
				.filter(d -> d.enabled() && !d.office())
				.map(d -> new Scoring.Unit(Long.toString(d.id()), d.name(), d.regionCode()))
				.toList();
		}
		return this.regions.search(null, RegionLevel.TOWNSHIP, county)
			.stream()
			.filter(Region::enabled)
			.map(r -> new Scoring.Unit(r.code(), r.name(), r.parentCode()))
			.toList();
	}

	static String county(Actor actor) {
		String code = actor.regionCode() == null ? "" : actor.regionCode();
		if (code.length() < 6) {
			throw new Rejected("考核按县(区)组织，您的账号未归属县(区)或乡镇");
		}
		return code.substring(0, 6) + "000000";
	}

	private static void requireVisible(Target target, Actor actor) {
		if (target == Target.DEPARTMENT && !actor.office()) {
			throw new Rejected("成员单位考核仅县处非办可查看");
		}
	}

	private static boolean visible(Target target, String unit, Actor actor) {
		if (actor.office()) {
			return true;
		}
		return target == Target.TOWNSHIP && !actor.scope().sectorLimited() && actor.scope().covers(unit);
	}

	private static LocalDate until(int year, LocalDate asOf) {
		LocalDate end = LocalDate.of(year, 12, 31);
		LocalDate today = Times.today();
		LocalDate until = asOf != null ? asOf : (end.isBefore(today) ? end : today);
		if (until.getYear() != year) {
			throw new Rejected("截至日期须在" + year + "年内", Map.of("asOf", "截至日期须在考核年度内"));
		}
		return until;
	}

	private static List<Scoring.UnitScore> frozen(String json) {
		return JSON.readValue(json, new TypeReference<List<Scoring.UnitScore>>() {
		});
	}

}
