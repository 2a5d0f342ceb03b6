package org.fangfei.app.outreach;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.casefile.CaseDirectory;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.Conflict;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.Money;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.subject.Subject;
import org.fangfei.app.subject.Subjects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Typical cases (典型案例, seed 001 task 13 典型案件剖析, seed 004 task 28): written from a closed
 * case of the case ledger, asked through {@link CaseDirectory} — the scheme, how it was
 * found, what happened, the law (以案释法) and the lessons — with no personal data
 * ({@link NoPersonalData}). Published ones are on the public page and in the year's
 * booklet.
 */
@Service
class TypicalCases {

	record TypicalCaseForm(Long caseId, String title, String scheme, String howFound, String outcome, String law,
			String lessons, Boolean published) {

		TypicalCaseForm {
			// an unticked box sends nothing
			published = Boolean.TRUE.equals(published);
		}

	}

	record TypicalCase(long id, long caseId, int year, String regionCode, String regionName, String title,
			String scheme, String howFound, String outcome, String law, String lessons, boolean published,
			int version) {
	}

	private final JdbcClient jdbc;

	private final CaseDirectory cases;

	private final Subjects subjects;

	private final AuditLog audit;

	TypicalCases(JdbcClient jdbc, CaseDirectory cases, Subjects subjects, AuditLog audit) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.subjects = subjects;
		this.audit = audit;
	}

	/** The caller's closed cases that have no typical case yet. */
	@Transactional(readOnly = true)
	List<CaseDirectory.CaseRef> candidates(DataScope scope) {
		Set<Long> written = Set.copyOf(this.jdbc.sql("select case_id from typical_case").query(Long.class).list());
		return this.cases.recentClosed(scope, 100).stream().filter(c -> !written.contains(c.id())).toList();
	}

	/** A first draft from the closed case's facts, naming nobody. */
	@Transactional(readOnly = true)
	TypicalCaseForm draft(long caseId, DataScope scope) {
		CaseDirectory.ClosedCase c = this.cases.closed(caseId, scope).orElseThrow(() -> new NotFound("已结案的案件"));
		String sector = c.sectorLabel() == null ? "" : c.sectorLabel();
		String scheme = c.schemeLabel() == null ? "承诺高额回报" : c.schemeLabel();
		StringBuilder facts = new StringBuilder("某" + sector + "公司以" + scheme + "为名，向社会公众吸收资金");
		if (c.amountRaisedFen() != null) {
			facts.append("约").append(Money.yuan(c.amountRaisedFen())).append("元");
		}
		if (c.participants() != null) {
			facts.append("，涉及集资参与人").append(c.participants()).append("人");
		}
		facts.append("。");
		return new TypicalCaseForm(caseId, "某" + sector + "公司以" + scheme + "为名非法集资案", facts.toString(), "",
				"案件经" + c.pathLabel() + "，" + String.join("，", c.stages()) + "，于" + c.closedOn() + "结案。",
				"《防范和处置非法集资条例》第二条：未经国务院金融管理部门依法许可或者违反国家金融管理规定，以许诺还本付息或者给予其他投资回报等方式，向不特定对象吸收资金的，属于非法集资。",
				"任何承诺保本高息的投资都要提高警惕；遇到可疑情况及时向处非部门举报。", false);
	}

	@Transactional
	long create(TypicalCaseForm f, Actor actor) {
		Activities.need(actor);
		Map<String, String> errors = new LinkedHashMap<>();
		Optional<CaseDirectory.ClosedCase> closed = f.caseId() == null ? Optional.empty()
				: this.cases.closed(f.caseId(), actor.scope());
		if (closed.isEmpty()) {
			errors.put("caseId", "请选择已结案且在您管辖范围内的案件");
		}
		else if (this.jdbc.sql("select count(*) from typical_case where case_id = :c")
			.param("c", f.caseId())
			.query(Long.class)
			.single() > 0) {
			errors.put("caseId", "该案件已编写典型案例");
		}
		check(f, closed.orElse(null), errors);
		Checks.done(errors);
		CaseDirectory.ClosedCase c = closed.get();
		long id = this.jdbc.sql("""
				insert into typical_case (case_id, year, region_code, title, scheme, how_found, outcome, law, lessons,
				  published, created_by)
				values (:case, :year, :region, :title, :scheme, :found, :outcome, :law, :lessons, :published, :by)
				returning id
				""")
			.param("case", c.id())
			.param("year", c.closedOn().getYear())
			.param("region", c.regionCode())
			.param("title", f.title().strip())
			.param("scheme", f.scheme().strip())
			.param("found", f.howFound().strip())
			.param("outcome", f.outcome().strip())
			.param("law", f.law().strip())
			.param("lessons", f.lessons().strip())
			.param("published", f.published())
			.param("by", actor.username())
			.query(Long.class)
			.single();
		this.audit.success("TYPICAL_CASE_CREATE", "typical_case", id,
				"编写典型案例：" + f.title().strip() + (f.published() ? "(公开)" : ""), null, null);
		return id;
	}

	@Transactional
	void update(long id, Integer version, TypicalCaseForm f, Actor actor) {
		Activities.need(actor);
		TypicalCase t = get(id, actor.scope());
		if (version == null || version != t.version()) {
			throw new Conflict("典型案例已被他人修改，请刷新后重试");
		}
		Map<String, String> errors = new LinkedHashMap<>();
		check(f, this.cases.closed(t.caseId(), actor.scope()).orElse(null), errors);
		Checks.done(errors);
		this.jdbc.sql("""
				update typical_case set title = :title, scheme = :scheme, how_found = :found, outcome = :outcome,
				  law = :law, lessons = :lessons, published = :published, updated_at = now(), version = version + 1
				where id = :id and version = :version
				""")
			.param("title", f.title().strip())
			.param("scheme", f.scheme().strip())
			.param("found", f.howFound().strip())
			.param("outcome", f.outcome().strip())
			.param("law", f.law().strip())
			.param("lessons", f.lessons().strip())
			.param("published", f.published())
			.param("id", id)
			.param("version", version)
			.update();
		this.audit.success("TYPICAL_CASE_UPDATE", "typical_case", id,
				"修改典型案例：" + f.title().strip() + (f.published() ? "(公开)" : "(不公开)"), null, null);
	}

	private void check(TypicalCaseForm f, CaseDirectory.ClosedCase c, Map<String, String> errors) {
		Checks.text(f.title(), "title", "案例标题", 200, errors);
		Checks.text(f.scheme(), "scheme", "作案手法", 2000, errors);
		Checks.text(f.howFound(), "howFound", "发现经过", 2000, errors);
		Checks.text(f.outcome(), "outcome", "处置结果", 2000, errors);
		Checks.text(f.law(), "law", "以案释法", 2000, errors);
		Checks.text(f.lessons(), "lessons", "警示", 2000, errors);
		if (c == null) {
			return;
		}
		List<String> names = new ArrayList<>();
		names.add(c.title());
		for (Subject s : this.subjects.byIds(c.subjectIds())) {
			names.add(s.name());
			names.add(s.legalRepresentative());
		}
		NoPersonalData.check(f.title(), "title", "案例标题", names, errors);
		NoPersonalData.check(f.scheme(), "scheme", "作案手法", names, errors);
		NoPersonalData.check(f.howFound(), "howFound", "发现经过", names, errors);
		NoPersonalData.check(f.outcome(), "outcome", "处置结果", names, errors);
		NoPersonalData.check(f.law(), "law", "以案释法", names, errors);
		NoPersonalData.check(f.lessons(), "lessons", "警示", names, errors);
	}

	@Transactional(readOnly = true)
	TypicalCase get(long id, DataScope scope) {
		return this.jdbc.sql(SELECT + " where t.id = :id and t.region_code like :regionLike")
			.param("id", id)
			.param("regionLike", scope.regionLike())
			.query((rs, n) -> row(rs))
			.optional()
			.orElseThrow(() -> new NotFound("典型案例"));
	}

	@Transactional(readOnly = true)
	List<TypicalCase> list(Integer year, DataScope scope) {
		return this.jdbc
			.sql(SELECT + " where t.region_code like :regionLike and (cast(:year as integer) is null or t.year = :year)"
					+ " order by t.year desc, t.id desc limit 500")
			.param("regionLike", scope.regionLike())
			.param("year", year)
			.query((rs, n) -> row(rs))
			.list();
	}

	/** The published cases, for the public page and the booklet. */
	@Transactional(readOnly = true)
	List<TypicalCase> published(Integer year) {
		return this.jdbc
			.sql(SELECT + " where t.published and (cast(:year as integer) is null or t.year = :year)"
					+ " order by t.year desc, t.id desc limit 500")
			.param("year", year)
			.query((rs, n) -> row(rs))
			.list();
	}

	@Transactional(readOnly = true)
	Optional<TypicalCase> publishedOne(long id) {
		return this.jdbc.sql(SELECT + " where t.id = :id and t.published")
			.param("id", id)
			.query((rs, n) -> row(rs))
			.optional();
	}

	/** The years that have typical cases, newest first. */
	@Transactional(readOnly = true)
	List<Integer> years(DataScope scope) {
		return this.jdbc
			.sql("select distinct year from typical_case where region_code like :regionLike order by year desc")
			.param("regionLike", scope.regionLike())
			.query(Integer.class)
			.list()
			.stream()
			.collect(Collectors.toList());
	}

	private static final String SELECT = "select t.*, r.name as region_name from typical_case t left join region r on r.code = t.region_code";

	private static TypicalCase row(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new TypicalCase(rs.getLong("id"), rs.getLong("case_id"), rs.getInt("year"), rs.getString("region_code"),
				rs.getString("region_name"), rs.getString("title"), rs.getString("scheme"), rs.getString("how_found"),
				rs.getString("outcome"), rs.getString("law"), rs.getString("lessons"), rs.getBoolean("published"),
				rs.getInt("version"));
	}

}
