package org.fangfei.app.outreach;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.Regions12;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Times;
import org.fangfei.app.tip.PublicPortal;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Awareness surveys (知晓率调查): a survey of a county or township, open between two dates,
 * answered through one link per township and community (the region is in the link, so no
 * visitor is asked where they live); the awareness rate is the share of answer sheets at
 * or over the pass mark, by township, by community and by age band. Feeds evaluation and
 * the 无非法集资社区 drive.
 */
@Service
class Surveys {

	record SurveyForm(String title, String regionCode, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate opensOn,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate closesOn, Integer passMark) {

		static SurveyForm blank(String regionCode) {
			LocalDate today = Times.today();
			return new SurveyForm(today.getYear() + "年防范非法集资知晓率调查", regionCode, today, today.plusMonths(1), 80);
		}

	}

	record AwarenessSurvey(long id, String code, String title, String regionCode, String regionName, LocalDate opensOn,
			LocalDate closesOn, int passMark, int answers, int aware) {

		public boolean open() {
			LocalDate today = Times.today();
			return !today.isBefore(this.opensOn) && !today.isAfter(this.closesOn);
		}

		public int rate() {
			return Rate.percent(this.aware, this.answers);
		}

	}

	/** One line of an awareness table. */
	record Rate(String key, String label, int answers, int aware) {

		public int rate() {
			return percent(this.aware, this.answers);
		}

		static int percent(int aware, int answers) {
			return answers == 0 ? 0 : Math.round(100f * aware / answers);
		}

	}

	/** Where a link leads: a township or community within the survey's region. */
	record Link(String regionCode, String regionName, String level) {
	}

	private final JdbcClient jdbc;

	private final PublicPortal portal;

	private final AuditLog audit;

	Surveys(JdbcClient jdbc, PublicPortal portal, AuditLog audit) {
		this.jdbc = jdbc;
		this.portal = portal;
		this.audit = audit;
	}

	@Transactional
	long create(SurveyForm f, Actor actor) {
		Activities.need(actor);
		Map<String, String> errors = new LinkedHashMap<>();
		Checks.text(f.title(), "title", "调查名称", 100, errors);
		Checks.region(f.regionCode(), actor, this.jdbc, errors);
		if (f.opensOn() == null) {
			errors.put("opensOn", "请填写开始日期");
		}
		if (f.closesOn() == null) {
			errors.put("closesOn", "请填写结束日期");
		}
		else if (f.opensOn() != null && f.closesOn().isBefore(f.opensOn())) {
			errors.put("closesOn", "结束日期不能早于开始日期");
		}
		else if (f.opensOn() != null && f.closesOn().isAfter(f.opensOn().plusYears(1))) {
			errors.put("closesOn", "调查期限不能超过一年");
		}
		if (f.passMark() == null || f.passMark() < 1 || f.passMark() > 100) {
			errors.put("passMark", "及格线应为1到100之间的百分数");
		}
		Checks.done(errors);
		String code = this.portal.normaliseCode(this.portal.newCode());
		long id = this.jdbc.sql("""
				insert into survey (code, title, region_code, opens_on, closes_on, pass_mark, created_by)
				values (:code, :title, :region, :opens, :closes, :pass, :by) returning id
				""")
			.param("code", code)
			.param("title", f.title().strip())
			.param("region", f.regionCode().strip())
			.param("opens", f.opensOn())
			.param("closes", f.closesOn())
			.param("pass", f.passMark())
			.param("by", actor.username())
			.query(Long.class)
			.single();
		this.audit.success("SURVEY_CREATE", "survey", id, "发布知晓率调查：" + f.title().strip(), null, null);
		return id;
	}

	@Transactional(readOnly = true)
	List<AwarenessSurvey> list(DataScope scope) {
		if (scope.nothing()) {
			return List.of();
		}
		// the surveys of the caller's region and below, and those of the regions above it
		List<String> above = new java.util.ArrayList<>(List.of(""));
		String prefix = scope.regionPrefix();
		if (prefix.length() >= 2) {
			String code = (prefix + "000000000000").substring(0, 12);
			for (String up = Regions12.structuralParent(code); up != null; up = Regions12.structuralParent(up)) {
				above.add(up);
			}
		}
		return this.jdbc
			.sql(SELECT + " where s.region_code like :regionLike or s.region_code in (:above)"
					+ " order by s.id desc limit 200")
			.param("regionLike", scope.regionLike())
			.param("above", above)
			.query((rs, n) -> row(rs))
			.list();
	}

	/**
	 * The survey if the caller may see it: surveys of their region, and the county's or
	 * township's surveys that cover them.
	 */
	@Transactional(readOnly = true)
	AwarenessSurvey get(long id, DataScope scope) {
		return list(scope).stream().filter(s -> s.id() == id).findFirst().orElseThrow(() -> new NotFound("调查"));
	}

	/** The survey behind a public link, if the code is one. */
	@Transactional(readOnly = true)
	Optional<AwarenessSurvey> byCode(String code) {
		if (code == null || code.length() > 20) {
			return Optional.empty();
		}
		return this.jdbc.sql(SELECT + " where s.code = :code").param("code", code).query((rs, n) -> row(rs)).optional();
	}

	/** The link's region if it is a township or community within the survey's region. */
	@Transactional(readOnly = true)
	Optional<Link> link(AwarenessSurvey s, String regionCode) {
		if (regionCode == null || !regionCode.startsWith(Regions12.prefixOf(s.regionCode()))) {
			return Optional.empty();
		}
		return this.jdbc.sql(
				"select code, name, level from region where code = :c and level in ('TOWNSHIP', 'VILLAGE') and enabled")
			.param("c", regionCode)
			.query((rs, n) -> new Link(rs.getString(1), rs.getString(2), rs.getString(3)))
			.optional();
	}

	/** Every township and community of the survey's region within the caller's scope. */
	@Transactional(readOnly = true)
	List<Link> links(AwarenessSurvey s, DataScope scope) {
		return this.jdbc.sql("""
				select code, name, level from region where code like :prefix and code like :regionLike
				and level in ('TOWNSHIP', 'VILLAGE') and enabled order by code limit 2000
				""")
			.param("prefix", Regions12.prefixOf(s.regionCode()) + "%")
			.param("regionLike", scope.regionLike())
			.query((rs, n) -> new Link(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	/**
	 * Stores one answer sheet; nothing about the visitor but the age band. Returns the
	 * score in percent.
	 */
	@Transactional
	int answer(AwarenessSurvey s, Link link, AgeBand ageBand, List<Integer> answers) {
		if (!s.open()) {
			throw new Rejected("该调查不在答题时间内");
		}
		Map<String, String> errors = new LinkedHashMap<>();
		if (ageBand == null) {
			errors.put("ageBand", "请选择您的年龄段");
		}
		String sheet = AwarenessQuiz.sheet(answers);
		if (sheet == null) {
			errors.put("answers", "请回答全部" + AwarenessQuiz.QUESTIONS.size() + "道题");
		}
		Checks.done(errors);
		return store(s, link, ageBand, sheet);
	}

	/** Writes a checked answer sheet; returns its score. */
	int store(AwarenessSurvey s, Link link, AgeBand ageBand, String sheet) {
		int score = AwarenessQuiz.score(sheet);
		this.jdbc.sql("""
				insert into survey_response (survey_id, region_code, age_band, score, aware, answers)
				values (:s, :region, :age, :score, :aware, :answers)
				""")
			.param("s", s.id())
			.param("region", link.regionCode())
			.param("age", ageBand.name())
			.param("score", score)
			.param("aware", score >= s.passMark())
			.param("answers", sheet)
			.update();
		return score;
	}

	/** Awareness by township within the caller's scope. */
	@Transactional(readOnly = true)
	List<Rate> byTownship(AwarenessSurvey s, DataScope scope) {
		return this.jdbc.sql("""
				select t.code, t.name, count(*) as answers, count(*) filter (where r.aware) as aware
				from survey_response r join region t on t.code = substr(r.region_code, 1, 9) || '000'
				where r.survey_id = :s and r.region_code like :regionLike
				group by t.code, t.name order by t.code
				""")
			.param("s", s.id())
			.param("regionLike", scope.regionLike())
			.query((rs, n) -> new Rate(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4)))
			.list();
	}

	/** Awareness by community (answers through a village or community link). */
	@Transactional(readOnly = true)
	List<Rate> byCommunity(AwarenessSurvey s, DataScope scope) {
		return this.jdbc.sql("""
				select g.code, g.name, count(*) as answers, count(*) filter (where r.aware) as aware
				from survey_response r join region g on g.code = r.region_code
				where r.survey_id = :s and r.region_code like :regionLike and g.level = 'VILLAGE'
				group by g.code, g.name order by g.code
				""")
			.param("s", s.id())
			.param("regionLike", scope.regionLike())
			.query((rs, n) -> new Rate(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4)))
			.list();
	}

	/** Awareness by age band, every band shown. */
	@Transactional(readOnly = true)
	List<Rate> byAgeBand(AwarenessSurvey s, DataScope scope) {
		Map<String, int[]> counts = new LinkedHashMap<>();
		for (AgeBand band : AgeBand.values()) {
			counts.put(band.name(), new int[2]);
		}
		this.jdbc.sql("""
				select age_band, count(*), count(*) filter (where aware) from survey_response
				where survey_id = :s and region_code like :regionLike group by age_band
				""")
			.param("s", s.id())
			.param("regionLike", scope.regionLike())
			.query((rs, n) -> counts.put(rs.getString(1), new int[] { rs.getInt(2), rs.getInt(3) }))
			.list();
		return counts.entrySet()
			.stream()
			.map(e -> new Rate(e.getKey(), AgeBand.valueOf(e.getKey()).label(), e.getValue()[0], e.getValue()[1]))
			.toList();
	}

	private static final String SELECT = """
			select s.*, g.name as region_name,
			  (select count(*) from survey_response r where r.survey_id = s.id) as answers,
			  (select count(*) from survey_response r where r.survey_id = s.id and r.aware) as aware
			from survey s left join region g on g.code = s.region_code
			""";

	private static AwarenessSurvey row(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new AwarenessSurvey(rs.getLong("id"), rs.getString("code"), rs.getString("title"),
				rs.getString("region_code"), rs.getString("region_name"), rs.getObject("opens_on", LocalDate.class),
				rs.getObject("closes_on", LocalDate.class), rs.getInt("pass_mark"), rs.getInt("answers"),
				rs.getInt("aware"));
	}

}
