package org.fangfei.app.petition;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.casefile.CaseDirectory;
import org.fangfei.app.organisation.Regions;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.Conflict;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.Money;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.PageOf;
import org.fangfei.app.shared.PageRequest;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.SqlLike;
import org.fangfei.app.shared.Times;
import org.fangfei.app.subject.Subjects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 矛盾摸排 (seed 000: 对非法集资引发的矛盾进行登记造册，并及时上报反馈，做到情况清，底数明): the register of disputes caused by
 * fundraising, found on visits, letters and patrols, with how they are being resolved and
 * whether they were reported up.
 */
@Service
class Disputes {

	record DisputeForm(String regionCode, LocalDate foundOn, DisputeSource source, String parties, Integer peopleCount,
			String amount, String description, Long caseId, Long subjectId) {

		static DisputeForm blank() {
			return new DisputeForm("", Times.today(), DisputeSource.VISIT, "", 1, "", "", null, null);
		}

	}

	record Dispute(long id, String regionCode, String regionName, LocalDate foundOn, DisputeSource source,
			String parties, int peopleCount, Long amountFen, String description, Long caseId, String caseCode,
			Long subjectId, DisputeStatus status, String handling, boolean reportedUp, LocalDate resolvedOn,
			int version) {

		public String amount() {
			return this.amountFen == null ? "" : Money.yuan(this.amountFen);
		}

	}

	record DisputeQuery(String text, DisputeStatus status, DisputeSource source, String regionCode) {
	}

	private final JdbcClient jdbc;

	private final Regions regions;

	private final CaseDirectory cases;

	private final Subjects subjects;

	private final AuditLog audit;

	Disputes(JdbcClient jdbc, Regions regions, CaseDirectory cases, Subjects subjects, AuditLog audit) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.cases = cases;
		this.subjects = subjects;
		this.audit = audit;
	}

	@Transactional
	long create(DisputeForm f, Actor actor) {
		KeyPersons.need(actor);
		Map<String, String> errors = new LinkedHashMap<>();
		if (f.regionCode() == null || f.regionCode().isBlank()) {
			errors.put("regionCode", "请选择所在区划");
		}
		else if (this.regions.byCode(f.regionCode().strip()).isEmpty()) {
			errors.put("regionCode", "区划不存在");
		}
		else if (!actor.scope().covers(f.regionCode().strip())) {
			errors.put("regionCode", "所在区划不在您的管辖范围内");
		}
		if (f.foundOn() == null) {
			errors.put("foundOn", "请填写摸排日期");
		}
		else if (f.foundOn().isAfter(Times.today())) {
			errors.put("foundOn", "摸排日期不能晚于今天");
		}
		if (f.source() == null) {
			errors.put("source", "请选择来源");
		}
		KeyPersons.text(f.parties(), "parties", "矛盾双方(当事人)", 200, errors);
		if (f.peopleCount() == null || f.peopleCount() < 1) {
			errors.put("peopleCount", "请填写涉及人数（至少1人）");
		}
		else if (f.peopleCount() > 1_000_000) {
			errors.put("peopleCount", "涉及人数不能超过1000000");
		}
		Long amount = null;
		try {
			amount = Money.fen(f.amount(), "amount", "涉及金额");
		}
		catch (Rejected ex) {
			errors.put("amount", ex.getMessage());
		}
		KeyPersons.text(f.description(), "description", "矛盾情况", 2000, errors);
		if (f.caseId() != null && this.cases.visible(f.caseId(), actor.scope()).isEmpty()) {
			errors.put("caseId", "关联案件不存在或不在您的管辖范围内");
		}
		if (f.subjectId() != null) {
			try {
				this.subjects.get(f.subjectId(), actor.scope());
			}
			catch (NotFound ex) {
				errors.put("subjectId", "关联主体不存在或不在您的管辖范围内");
			}
		}
		if (!errors.isEmpty()) {
			throw new Rejected(String.join("；", errors.values()), errors);
		}
		long id = this.jdbc
			.sql("""
					insert into dispute (region_code, found_on, source, parties, people_count, amount_fen, description, case_id,
					  subject_id, created_by)
					values (:region, :found, :source, :parties, :people, :amount, :description, :case, :subject, :by) returning id
					""")
			.param("region", f.regionCode().strip())
			.param("found", f.foundOn())
			.param("source", f.source().name())
			.param("parties", f.parties().strip())
			.param("people", f.peopleCount())
			.param("amount", amount)
			.param("description", f.description().strip())
			.param("case", f.caseId())
			.param("subject", f.subjectId())
			.param("by", actor.username())
			.query(Long.class)
			.single();
		this.audit.success("DISPUTE_CREATE", "dispute", id, "登记矛盾纠纷：" + f.parties().strip(), null, null);
		return id;
	}

	/** Records how the dispute is being resolved; 已化解 dates it today. */
	@Transactional
	void progress(long id, Integer version, DisputeStatus status, String handling, boolean reportedUp, Actor actor) {
		KeyPersons.need(actor);
		Dispute d = get(id, actor.scope());
		if (version == null || version != d.version()) {
			throw new Conflict("矛盾纠纷已被他人修改，请刷新后重试");
		}
		if (d.status() == DisputeStatus.RESOLVED) {
			throw new Rejected("该矛盾纠纷已化解，不能再修改");
		}
		Map<String, String> errors = new LinkedHashMap<>();
		if (status == null) {
			errors.put("status", "请选择化解进展");
		}
		KeyPersons.text(handling, "handling", "化解措施和进展", 2000, errors);
		if (!errors.isEmpty()) {
			throw new Rejected(String.join("；", errors.values()), errors);
		}
		this.jdbc.sql("""
				update dispute set status = :status, handling = :handling, reported_up = :reported,
				resolved_on = :resolved, version = version + 1, updated_at = now() where id = :id and version = :version
				""")
			.param("status", status.name())
			.param("handling", handling.strip())
			.param("reported", reportedUp || d.reportedUp())
			.param("resolved", status == DisputeStatus.RESOLVED ? Times.today() : null)
			.param("id", id)
			.param("version", version)
			.update();
		this.audit.success("DISPUTE_PROGRESS", "dispute", id,
				"矛盾纠纷 " + d.parties() + "：" + d.status().label() + " → " + status.label(), null, null);
	}

	@Transactional(readOnly = true)
	Dispute get(long id, DataScope scope) {
		return this.jdbc.sql(SELECT + " where d.id = :id and d.region_code like :regionLike")
			.param("id", id)
			.param("regionLike", scope.regionLike())
			.query((rs, n) -> row(rs))
			.optional()
			.map(d -> withCases(List.of(d)).get(0))
			.orElseThrow(() -> new NotFound("矛盾纠纷"));
	}

	@Transactional(readOnly = true)
	PageOf<Dispute> search(DisputeQuery q, DataScope scope, PageRequest page) {
		StringBuilder where = new StringBuilder("d.region_code like :regionLike");
		Map<String, Object> params = new HashMap<>();
		params.put("regionLike", scope.regionLike());
		if (q.text() != null && !q.text().isBlank()) {
			where.append(" and (d.parties like :like or d.description like :like)");
			params.put("like", SqlLike.contains(q.text().strip()));
		}
		if (q.status() != null) {
			where.append(" and d.status = :status");
			params.put("status", q.status().name());
		}
		if (q.source() != null) {
			where.append(" and d.source = :source");
			params.put("source", q.source().name());
		}
		if (q.regionCode() != null && !q.regionCode().isBlank()) {
			where.append(" and d.region_code like :regionPrefix");
			params.put("regionPrefix", org.fangfei.app.shared.Regions12.prefixOf(q.regionCode().strip()) + "%");
		}
		long total = this.jdbc.sql("select count(*) from dispute d where " + where)
			.params(params)
			.query(Long.class)
			.single();
		List<Dispute> rows = this.jdbc
			.sql(SELECT + " where " + where + " order by d.id desc limit " + page.size() + " offset " + page.offset())
			.params(params)
			.query((rs, n) -> row(rs))
			.list();
		return page.pageOf(withCases(rows), total);
	}

	private static final String SELECT = "select d.*, r.name as region_name from dispute d left join region r on r.code = d.region_code";

	private static Dispute row(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Dispute(rs.getLong("id"), rs.getString("region_code"), rs.getString("region_name"),
				rs.getObject("found_on", LocalDate.class), DisputeSource.valueOf(rs.getString("source")),
				rs.getString("parties"), rs.getInt("people_count"), (Long) rs.getObject("amount_fen"),
				rs.getString("description"), (Long) rs.getObject("case_id"), null, (Long) rs.getObject("subject_id"),
				DisputeStatus.valueOf(rs.getString("status")), rs.getString("handling"), rs.getBoolean("reported_up"),
				rs.getObject("resolved_on", LocalDate.class), rs.getInt("version"));
	}

	private List<Dispute> withCases(List<Dispute> rows) {
		var refs = this.cases.byIds(rows.stream().map(Dispute::caseId).filter(java.util.Objects::nonNull).toList());
		return rows.stream()
			.map(d -> d.caseId() == null || !refs.containsKey(d.caseId()) ? d
					: new Dispute(d.id(), d.regionCode(), d.regionName(), d.foundOn(), d.source(), d.parties(),
							d.peopleCount(), d.amountFen(), d.description(), d.caseId(), refs.get(d.caseId()).code(),
							d.subjectId(), d.status(), d.handling(), d.reportedUp(), d.resolvedOn(), d.version()))
			.toList();
	}

}
