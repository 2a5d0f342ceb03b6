package org.fangfei.app.casefile;

import java.util.ArrayList;
import java.util.List;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.Rejected;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 三统两分 on a case: who holds each of the five duties ({@link ThreeUnifiedTwoSeparate}).
 * Set by the lead region's office, on the timeline and audited. A unified duty nobody was
 * named for is held by the lead region; a region involved nobody was named for holds its
 * separate duties itself — the page says both.
 */
@Service
class CaseDuties {

	/** One holder of a duty. */
	record Holder(Duty duty, String regionCode, String regionName, String unit, String note) {
	}

	/** A duty with its holders, or who holds it by default. */
	record Row(Duty duty, List<Holder> holders, List<String> byDefault) {
	}

	private final JdbcClient jdbc;

	private final Cases cases;

	private final CaseQueries queries;

	private final AuditLog audit;

	CaseDuties(JdbcClient jdbc, Cases cases, CaseQueries queries, AuditLog audit) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.queries = queries;
		this.audit = audit;
	}

	@Transactional
	void assign(long caseId, int seenVersion, Duty duty, String regionCode, String unit, String note, Actor actor) {
		CaseFile c = this.cases.forChange(caseId, seenVersion, actor);
		List<String> involved = this.queries.regions(caseId).stream().map(CaseQueries.Region::code).toList();
		ThreeUnifiedTwoSeparate.check(duty, regionCode, c.regionCode(), involved);
		String u = unit == null ? "" : unit.strip();
		if (u.isEmpty()) {
			throw new Rejected("请填写承担职责的单位", java.util.Map.of("unit", "请填写承担职责的单位"));
		}
		if (u.length() > 100) {
			throw new Rejected("单位不能超过100字");
		}
		String n = note == null || note.isBlank() ? null : note.strip();
		if (n != null && n.length() > 500) {
			throw new Rejected("说明不能超过500字");
		}
		c.record("三统两分", duty.label() + "：" + regionName(regionCode) + " " + u);
		this.cases.save(c, actor);
		if (duty.unified()) {
			this.jdbc.sql("delete from case_duty where case_id = :c and duty = :d")
				.param("c", caseId)
				.param("d", duty.name())
				.update();
		}
		this.jdbc.sql("""
				insert into case_duty (case_id, duty, region_code, unit, note, set_by) values (:c, :d, :r, :u, :n, :by)
				on conflict (case_id, duty, region_code) do update set unit = excluded.unit, note = excluded.note,
				  set_by = excluded.set_by, set_at = now()""")
			.param("c", caseId)
			.param("d", duty.name())
			.param("r", regionCode)
			.param("u", u)
			.param("n", n)
			.param("by", actor.username())
			.update();
		this.audit.success("CASE_DUTY", "case", caseId,
				c.code() + " 三统两分：" + duty.label() + " 由 " + regionCode + " " + u, null, null);
	}

	/**
	 * The five duties in order, with their holders and the default for those not named.
	 */
	List<Row> of(long caseId, String leadRegion) {
		List<Holder> all = this.jdbc.sql("""
				select d.duty, d.region_code, r.name, d.unit, d.note from case_duty d
				left join region r on r.code = d.region_code where d.case_id = :c order by d.region_code""")
			.param("c", caseId)
			.query((rs, n) -> new Holder(Duty.valueOf(rs.getString(1)), rs.getString(2),
					rs.getString(3) == null ? Provinces.of(rs.getString(2)) + " " + rs.getString(2) : rs.getString(3),
					rs.getString(4), rs.getString(5)))
			.list();
		List<String> parties = new ArrayList<>();
		parties.add(leadRegion);
		this.queries.regions(caseId).forEach(r -> parties.add(r.code()));
		List<Row> rows = new ArrayList<>();
		for (Duty duty : Duty.values()) {
			List<Holder> holders = all.stream().filter(h -> h.duty() == duty).toList();
			List<String> byDefault;
			if (duty.unified()) {
				byDefault = holders.isEmpty() ? List.of(regionName(leadRegion) + "（主办地）") : List.of();
			}
			else {
				byDefault = parties.stream()
					.filter(p -> holders.stream().noneMatch(h -> h.regionCode().equals(p)))
					.map(this::regionName)
					.toList();
			}
			rows.add(new Row(duty, holders, byDefault));
		}
		return rows;
	}

	private String regionName(String code) {
		return this.jdbc.sql("select name from region where code = :c")
			.param("c", code)
			.query(String.class)
			.optional()
			.orElse(Provinces.of(code) + " " + code);
	}

}
