package org.fangfei.app.casefile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.clue.CriminalThresholds;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.PageOf;
import org.fangfei.app.shared.PageRequest;
import org.fangfei.app.shared.SqlLike;
import org.fangfei.app.shared.TabularFile;
import org.fangfei.app.shared.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the ledger within the caller's scope: the list with its filters (bound
 * parameters, the key-case rule as {@link KeyCaseRules#SQL}), its Excel export, and one
 * case with its stages, subjects, regions, task force and timeline.
 */
@Service
class CaseQueries {

	static final int EXPORT_CAP = 50_000;

	private static final String FILTER = """
			 where %s
			 and (cast(:text as varchar) is null or c.code = :exact or c.title like :like)
			 and (cast(:path as varchar) is null or c.path = :path)
			 and (cast(:stage as varchar) is null or c.stage = :stage)
			 and (cast(:origin as varchar) is null or c.origin = :origin)
			 and (cast(:region as varchar) is null or c.region_code like :region)
			 and (cast(:sector as varchar) is null or c.sector_code = :sector)
			 and (not :supervised or c.listed_supervision)
			 and (not :key or %s)
			""".formatted(Cases.VISIBLE, KeyCaseRules.SQL);

	private final JdbcClient jdbc;

	private final AuditLog audit;

	CaseQueries(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	PageOf<CaseRow> search(CaseQuery q, DataScope scope, PageRequest paging) {
		Map<String, Object> params = params(q, scope);
		long total = this.jdbc.sql("select count(*) from case_file c" + FILTER)
			.params(params)
			.query(Long.class)
			.single();
		List<CaseRow> rows = this.jdbc.sql("""
				select c.*, r.name as region_name from case_file c left join region r on r.code = c.region_code
				""" + FILTER + " order by c.id desc limit :limit offset :offset")
			.params(params)
			.param("limit", paging.size())
			.param("offset", paging.offset())
			.query((rs, n) -> row(rs))
			.list();
		return paging.pageOf(rows, total);
	}

	/** The filtered ledger as Excel (at most {@link #EXPORT_CAP} rows), audited. */
	@Transactional
	byte[] export(CaseQuery q, DataScope scope) {
		List<List<String>> rows = new ArrayList<>();
		this.jdbc.sql("""
				select c.*, r.name as region_name from case_file c left join region r on r.code = c.region_code
				""" + FILTER + " order by c.id desc limit " + EXPORT_CAP)
			.params(params(q, scope))
			.query((rs, n) -> row(rs))
			.list()
			.forEach(c -> rows.add(List.of(c.code(), c.title(), c.origin().label(), c.path().label(), c.stage().label(),
					c.stageOn().toString(), c.regionName() == null ? c.regionCode() : c.regionName(), c.amount(),
					c.participants() == null ? "" : c.participants().toString(), c.loss(), c.tier().label(),
					String.join("、", c.keyReasons()), c.listedSupervision() ? "是" : "否")));
		this.audit.success("CASE_EXPORT", "case", null, "导出案件台账 " + rows.size() + " 件", null, null);
		return TabularFile.writeXlsx("案件台账", List.of("案件编号", "案件名称", "来源", "办理方式", "阶段", "阶段日期", "主办地", "涉案金额(元)",
				"集资参与人数", "直接经济损失(元)", "数额等级", "重点案件原因", "挂牌督办"), rows);
	}

	private static Map<String, Object> params(CaseQuery q, DataScope scope) {
		Map<String, Object> params = Cases.params(scope);
		String text = q.text() == null || q.text().isBlank() ? null : q.text().strip();
		params.put("text", text);
		params.put("exact", text);
		params.put("like", SqlLike.contains(text));
		params.put("path", q.path() == null ? null : q.path().name());
		params.put("stage", q.stage() == null ? null : q.stage().name());
		params.put("origin", q.origin() == null ? null : q.origin().name());
		String code = q.regionCode() == null ? "" : q.regionCode().strip();
		String region = code.matches("[0-9]{12}") ? org.fangfei.app.shared.Regions12.prefixOf(code) + "%"
				: code.matches("[0-9]{1,11}") ? code + "%" : null;
		params.put("region", region);
		params.put("sector", q.sectorCode() == null || q.sectorCode().isBlank() ? null : q.sectorCode());
		params.put("supervised", q.supervisedOnly());
		params.put("key", q.keyOnly());
		return params;
	}

	static CaseRow row(ResultSet rs) throws SQLException {
		Long amount = rs.getObject("amount_raised_fen", Long.class);
		Integer people = rs.getObject("participants_count", Integer.class);
		Long loss = rs.getObject("direct_loss_fen", Long.class);
		KeyCaseRules.Facts facts = new KeyCaseRules.Facts(rs.getString("leader_instruction"), amount, people,
				rs.getObject("criminal_filed_on", LocalDate.class), rs.getString("stability_risk"),
				rs.getBoolean("cross_province"));
		return new CaseRow(rs.getLong("id"), rs.getString("code"), rs.getString("title"),
				CaseOrigin.valueOf(rs.getString("origin")), CasePath.valueOf(rs.getString("path")),
				CaseStage.valueOf(rs.getString("stage")), rs.getObject("stage_on", LocalDate.class),
				rs.getString("region_code"), rs.getString("region_name"), rs.getString("sector_code"), amount, people,
				loss, rs.getBoolean("listed_supervision"), KeyCaseRules.reasons(facts, LocalDate.now()),
				CriminalThresholds.tier(amount, people, loss));
	}

	/** One case as its page shows it. */
	record CaseView(CaseRow row, long clueIdOrZero, String clueCode, String schemeCode, String leaderInstruction,
			String stabilityRisk, boolean crossProvince, String supervisionNote, Long ownerLeaderId, String timetable,
			LocalDate criminalFiledOn, String createdBy, OffsetDateTime createdAt, int version) {
	}

	record Stage(CaseStage stage, LocalDate on, String docNumber, String unit, String note, String recordedBy) {
	}

	record Region(String code, String name, OffsetDateTime notifiedAt) {
	}

	record Member(long id, String unit, String person, String duty) {
	}

	record Entry(OffsetDateTime at, String actorName, String kind, String note) {
	}

	@Transactional(readOnly = true)
	CaseView view(long id, DataScope scope) {
		return this.jdbc.sql("""
				select c.*, r.name as region_name from case_file c left join region r on r.code = c.region_code
				where c.id = :id and """ + Cases.VISIBLE)
			.params(scope.sqlParams())
			.param("id", id)
			.query((rs, n) -> new CaseView(row(rs), rs.getLong("clue_id"), rs.getString("clue_code"),
					rs.getString("scheme_code"), rs.getString("leader_instruction"), rs.getString("stability_risk"),
					rs.getBoolean("cross_province"), rs.getString("supervision_note"),
					rs.getObject("owner_leader_id", Long.class), rs.getString("timetable"),
					rs.getObject("criminal_filed_on", LocalDate.class), rs.getString("created_by"),
					Times.local(rs.getObject("created_at", OffsetDateTime.class)), rs.getInt("version")))
			.optional()
			.orElseThrow(() -> new org.fangfei.app.shared.NotFound("案件"));
	}

	List<Stage> stages(long id) {
		return this.jdbc.sql("select * from case_stage where case_id = :id order by id")
			.param("id", id)
			.query((rs, n) -> new Stage(CaseStage.valueOf(rs.getString("stage")),
					rs.getObject("entered_on", LocalDate.class), rs.getString("doc_number"), rs.getString("unit"),
					rs.getString("note"), rs.getString("recorded_by")))
			.list();
	}

	List<Long> subjectIds(long id) {
		return this.jdbc.sql("select subject_id from case_subject where case_id = :id order by subject_id")
			.param("id", id)
			.query(Long.class)
			.list();
	}

	List<Region> regions(long id) {
		return this.jdbc
			.sql("""
					select cr.region_code, r.name, cr.notified_at from case_region cr left join region r on r.code = cr.region_code
					where cr.case_id = :id order by cr.region_code
					""")
			.param("id", id)
			// a region outside the county's tree is named by its province
			.query((rs, n) -> new Region(rs.getString(1),
					rs.getString(2) != null ? rs.getString(2)
							: Provinces.of(rs.getString(1)) + "（" + rs.getString(1) + "）",
					Times.local(rs.getObject(3, OffsetDateTime.class))))
			.list();
	}

	List<Member> taskForce(long id) {
		return this.jdbc.sql("select * from case_task_force where case_id = :id order by id")
			.param("id", id)
			.query((rs, n) -> new Member(rs.getLong("id"), rs.getString("unit"), rs.getString("person"),
					rs.getString("duty")))
			.list();
	}

	List<Entry> timeline(long id) {
		return this.jdbc.sql("select * from case_event where case_id = :id order by id")
			.param("id", id)
			.query((rs, n) -> new Entry(Times.local(rs.getObject("occurred_at", OffsetDateTime.class)),
					rs.getString("actor_name"), rs.getString("kind"), rs.getString("note")))
			.list();
	}

	/** The 004 targets for the case today. */
	List<Targets004.Target> targets(CaseView v, List<Stage> stages) {
		LocalDate trial = stages.stream()
			.filter(s -> s.stage() == CaseStage.TRIAL)
			.map(Stage::on)
			.findFirst()
			.orElse(null);
		boolean refunded = stages.stream().anyMatch(s -> s.stage() == CaseStage.REFUND);
		LocalDate closed = stages.stream()
			.filter(s -> s.stage() == CaseStage.CLOSED)
			.map(Stage::on)
			.findFirst()
			.orElse(null);
		LocalDate opened = stages.isEmpty() ? v.createdAt().toLocalDate() : stages.get(0).on();
		return Targets004.of(
				new Targets004.Facts(v.row().path(), v.row().stage(), opened, v.criminalFiledOn(),
						v.row().listedSupervision(), v.ownerLeaderId() != null, trial, refunded ? closed : null),
				LocalDate.now());
	}

}
