package org.fangfei.app.warning;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.fangfei.app.shared.Times;
import org.fangfei.app.subject.RiskLevel;
import org.fangfei.app.subject.Subject;
import org.fangfei.app.subject.SubjectKind;
import org.fangfei.app.subject.SubjectStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The risk index (风险指数): the signals kept per subject ({@code warning_signal}, each with
 * its record) and the score they add up to, capped at 100. A signal counts weight ×
 * strength, a moment's signal halved every half-life since it happened. One set-based
 * statement recomputes one subject (on each event) or every subject (the nightly pass),
 * writes a history row when the tier changes or the score moves by 5 or more, and answers
 * the subjects that rose into 橙 or 红 — which {@link Warnings} turns into warnings.
 */
@Service
class RiskIndex {

	/** A subject that rose into a tier that warns. */
	record Rise(long subjectId, Tier from, Tier to, int score) {
	}

	private static final String RECOMPUTE = """
			with w(kind, weight) as (
			  select * from unnest(cast(:kinds as text[]), cast(:weights as float8[]))),
			sc as (
			  select s.subject_id, least(100, round(sum(w.weight * s.strength * case when s.decays
			      then power(0.5, greatest(0, extract(epoch from (cast(:now as timestamptz) - s.at))) / 86400.0 / :halfLife)
			      else 1 end)))::int as score
			  from warning_signal s join w on w.kind = s.kind
			  where %1$s
			  group by s.subject_id),
			x as (
			  select ws.subject_id, ws.score as old_score, ws.tier as old_tier, coalesce(sc.score, 0) as score
			  from warning_subject ws left join sc on sc.subject_id = ws.subject_id
			  where %2$s),
			y as (
			  select x.*, case when x.score >= :red then 'RED' when x.score >= :orange then 'ORANGE'
			    when x.score >= :yellow then 'YELLOW' else 'BLUE' end as tier
			  from x),
			upd as (
			  update warning_subject ws set score = y.score, tier = y.tier, computed_at = :now
			  from y where ws.subject_id = y.subject_id and (ws.score <> y.score or ws.tier <> y.tier)
			  returning ws.subject_id, y.old_score, y.old_tier, y.score, y.tier),
			h as (
			  insert into warning_index_history (subject_id, at, score, tier)
			  select subject_id, :now, score, tier from upd where old_tier <> tier or abs(score - old_score) >= 5
			  on conflict do nothing)
			select subject_id, old_tier, tier, score from upd
			where tier in ('ORANGE', 'RED') and (old_tier in ('BLUE', 'YELLOW') or (old_tier = 'ORANGE' and tier = 'RED'))
			""";

	private final JdbcClient jdbc;

	private final WarningSettings settings;

	RiskIndex(JdbcClient jdbc, WarningSettings settings) {
		this.jdbc = jdbc;
		this.settings = settings;
	}

	/**
	 * Keeps what the index needs of the subject (a newer version replaces an older) and
	 * its standing signals as the ledger records them now: key sector, statutory words
	 * not cleared by review, licence anomalies, the hand-picked risk level.
	 */
	@Transactional
	void know(Subject s) {
		WarningSettings.Config config = this.settings.config();
		int rows = this.jdbc
			.sql("""
					insert into warning_subject (subject_id, name, region_code, sector_code, department_id, legal_rep, address, version)
					values (:id, :name, :region, :sector, :dept, :rep, :address, :version)
					on conflict (subject_id) do update set name = excluded.name, region_code = excluded.region_code,
					  sector_code = excluded.sector_code, department_id = excluded.department_id,
					  legal_rep = excluded.legal_rep, address = excluded.address, version = excluded.version
					where warning_subject.version <= excluded.version
					""")
			.param("id", s.id())
			.param("name", s.name())
			.param("region", s.regionCode())
			.param("sector", s.sectorCode())
			.param("dept", s.departmentId())
			.param("rep", blankToNull(s.legalRepresentative()))
			.param("address", blankToNull(s.businessAddress() != null ? s.businessAddress() : s.registeredAddress()))
			.param("version", s.version())
			.update();
		if (rows == 0) {
			return;
		}
		this.jdbc.sql("""
				delete from warning_signal where subject_id = :id
				and kind in ('KEY_SECTOR', 'STATUTORY_WORDS', 'LICENCE', 'MANUAL')
				""").param("id", s.id()).update();
		OffsetDateTime now = Times.now();
		String link = "/subjects/" + s.id();
		if (s.sectorCode() != null && config.keySectors().contains(s.sectorCode())) {
			signal(s.id(), SignalKind.KEY_SECTOR, "SUBJECT", s.id(), 1, now, "行业属重点领域：" + s.sectorLabel(), link);
		}
		if (!s.statutoryWords().isEmpty() && s.wordReview() != Subject.WordReview.CLEARED) {
			signal(s.id(), SignalKind.STATUTORY_WORDS, "SUBJECT", s.id(),
					s.wordReview() == Subject.WordReview.CONFIRMED ? 1.5 : 1, now,
					"名称或经营范围含“" + String.join("、", s.statutoryWords()) + "”"
							+ (s.wordReview() == null ? "" : "（" + s.wordReview().label() + "）"),
					link);
		}
		List<String> anomalies = new ArrayList<>();
		if ((s.kind() == SubjectKind.ENTERPRISE || s.kind() == SubjectKind.INDIVIDUAL_BUSINESS)
				&& (s.creditCode() == null || s.creditCode().isBlank())) {
			anomalies.add("无统一社会信用代码(未登记营业执照)");
		}
		if (s.status() == SubjectStatus.LOST_CONTACT) {
			anomalies.add("主体失联");
		}
		if (!anomalies.isEmpty()) {
			signal(s.id(), SignalKind.LICENCE, "SUBJECT", s.id(), anomalies.size(), now, String.join("；", anomalies),
					link);
		}
		if (s.riskLevel() != null && s.riskLevel() != RiskLevel.BLUE) {
			double strength = s.riskLevel() == RiskLevel.RED ? 1 : s.riskLevel() == RiskLevel.ORANGE ? 0.6 : 0.25;
			signal(s.id(), SignalKind.MANUAL, "SUBJECT", s.id(), strength, now, "台账人工评定为" + s.riskLevel().label(),
					link);
		}
	}

	/**
	 * Adds a signal from a record; the same record counted again for the same subject is
	 * ignored (events may arrive twice).
	 */
	@Transactional
	void signal(long subjectId, SignalKind kind, String refKind, long refId, double strength, OffsetDateTime at,
			String label, String link) {
		this.jdbc.sql("""
				insert into warning_signal (subject_id, kind, ref_kind, ref_id, strength, decays, at, label, link)
				values (:subject, :kind, :refKind, :refId, :strength, :decays, :at, :label, :link)
				on conflict (subject_id, kind, ref_kind, ref_id) do nothing
				""")
			.param("subject", subjectId)
			.param("kind", kind.name())
			.param("refKind", refKind)
			.param("refId", refId)
			.param("strength", Math.max(0.01, Math.min(5, strength)))
			.param("decays", kind.decays())
			.param("at", at)
			.param("label", label.length() > 400 ? label.substring(0, 400) : label)
			.param("link", link)
			.update();
	}

	/** Recomputes one subject now. */
	@Transactional
	List<Rise> recompute(long subjectId) {
		return recompute(subjectId, Times.now());
	}

	/** Recomputes one subject as of {@code now} (the demo's history). */
	@Transactional
	List<Rise> recompute(long subjectId, OffsetDateTime now) {
		return run("s.subject_id = :one", "ws.subject_id = :one", subjectId, now);
	}

	/** Recomputes every subject as of {@code now} (the nightly pass). */
	@Transactional
	List<Rise> recomputeAll(OffsetDateTime now) {
		return run("true", "true", -1, now);
	}

	/**
	 * A legal representative's name carried by more subjects than this within one
	 * township, or an address shared by more (a market, an office tower), identifies
	 * nobody: it links nothing.
	 */
	static final int COMMON = 10;

	/** Links counted per subject at most, the riskiest first. */
	static final int MAX_LINKS = 3;

	/**
	 * Links to risky subjects, set-based, rewritten whole: a subject gets a standing LINK
	 * signal for each subject in 橙 or 红 that has the same legal representative in the
	 * same township, or the same address — unless that name or address is common
	 * ({@link #COMMON}) — at most {@link #MAX_LINKS}, the riskiest. Equality joins only,
	 * so the pass stays a few hash joins at a million subjects. Run before the nightly
	 * recomputation.
	 */
	@Transactional
	int refreshLinks() {
		this.jdbc.sql("delete from warning_signal where kind = 'LINK'").update();
		return this.jdbc.sql("""
				with risky as (
				  select subject_id, name, tier, score, legal_rep, address, substr(region_code, 1, 9) as town
				  from warning_subject where tier in ('ORANGE', 'RED')),
				reps as (
				  select ws.legal_rep, substr(ws.region_code, 1, 9) as town from warning_subject ws
				  where ws.legal_rep in (select legal_rep from risky)
				  group by 1, 2 having count(*) <= :common),
				addresses as (
				  select ws.address from warning_subject ws where ws.address in (select address from risky)
				  group by 1 having count(*) <= :common),
				pairs as (
				  select a.subject_id, o.subject_id as other, o.name, o.tier, o.score, '负责人相同：' || o.legal_rep as why
				  from risky o join reps r on r.legal_rep = o.legal_rep and r.town = o.town
				  join warning_subject a on a.legal_rep = o.legal_rep and substr(a.region_code, 1, 9) = o.town
				  where a.subject_id <> o.subject_id
				  union all
				  select a.subject_id, o.subject_id, o.name, o.tier, o.score, '地址相同：' || o.address
				  from risky o join addresses d on d.address = o.address
				  join warning_subject a on a.address = o.address
				  where a.subject_id <> o.subject_id),
				ranked as (
				  select p.*, row_number() over (partition by p.subject_id order by p.score desc, p.other) as n
				  from (select distinct on (subject_id, other) * from pairs order by subject_id, other, why) p)
				insert into warning_signal (subject_id, kind, ref_kind, ref_id, strength, decays, at, label, link)
				select subject_id, 'LINK', 'SUBJECT', other, 1, false, :now,
				  left('与' || name || '(' || case tier when 'RED' then '红色' else '橙色' end || ')' || why, 400),
				  '/warnings/subjects/' || other
				from ranked where n <= :max
				on conflict (subject_id, kind, ref_kind, ref_id) do nothing
				""").param("common", COMMON).param("max", MAX_LINKS).param("now", Times.now()).update();
	}

	private List<Rise> run(String signalWhere, String subjectWhere, long one, OffsetDateTime now) {
		WarningSettings.Config c = this.settings.config();
		SignalKind[] kinds = SignalKind.values();
		String[] names = new String[kinds.length];
		Double[] weights = new Double[kinds.length];
		for (int i = 0; i < kinds.length; i++) {
			names[i] = kinds[i].name();
			weights[i] = c.weights().get(kinds[i]);
		}
		return this.jdbc.sql(RECOMPUTE.formatted(signalWhere, subjectWhere))
			.param("kinds", names)
			.param("weights", weights)
			.param("now", now)
			.param("halfLife", c.halfLifeDays())
			.param("yellow", c.yellow())
			.param("orange", c.orange())
			.param("red", c.red())
			.param("one", one)
			.query((rs, n) -> new Rise(rs.getLong(1), Tier.valueOf(rs.getString(2)), Tier.valueOf(rs.getString(3)),
					rs.getInt(4)))
			.list();
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
