package org.fangfei.app.casefile;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.Exports;
import org.fangfei.app.shared.Money;
import org.fangfei.app.shared.PageOf;
import org.fangfei.app.shared.PageRequest;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.SqlLike;
import org.fangfei.app.shared.TabularFile;
import org.fangfei.app.shared.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 跨省(自治区、直辖市)非法集资案件(风险)办理情况登记 (枣庄 annex 4): every case with another province involved,
 * with what the office keeps for it besides the case — whether this province leads or
 * assists, the lead province, local participants and amount, the liaison and the progress
 * — on a page with filters and as an Excel file.
 */
@Service
class CrossProvinceRegister {

	enum Role {

		LEAD("牵头办理"), ASSIST("协助办理");

		private final String label;

		Role(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

	}

	/** The register's own fields as typed; amounts in yuan. */
	record Entry(Role role, String leadProvince, Integer localParticipants, String localAmount, String liaison,
			String progress) {
	}

	/** One line of the register. */
	record Line(long caseId, String code, String title, CaseStage stage, CasePath path, String leadRegion,
			List<String> provinces, Role role, String leadProvince, Long amountFen, Integer participants,
			Integer localParticipants, Long localAmountFen, LocalDate criminalFiledOn, boolean listed, String liaison,
			String progress, OffsetDateTime updatedAt) {

		public String amount() {
			return this.amountFen == null ? "" : Money.yuan(this.amountFen);
		}

		public String localAmount() {
			return this.localAmountFen == null ? "" : Money.yuan(this.localAmountFen);
		}

	}

	/** Filters: role, stage, a province involved (two digits), text in code or title. */
	record Query(Role role, CaseStage stage, String province, String text) {
	}

	private static final String COLUMNS = """
			select c.*, r.name as region_name, x.role, x.lead_province, x.local_participants, x.local_amount_fen,
			  x.liaison, x.progress, x.updated_at as register_updated_at
			""";

	private static final String FROM = """
			from case_file c left join case_cross_province x on x.case_id = c.id
			left join region r on r.code = c.region_code
			where (c.cross_province or x.case_id is not null) and """ + Cases.VISIBLE + " " + """
			and (cast(:role as varchar) is null or x.role = :role)
			and (cast(:stage as varchar) is null or c.stage = :stage)
			and (cast(:province as varchar) is null or left(c.region_code, 2) = :province
			     or exists (select 1 from case_region p where p.case_id = c.id and left(p.region_code, 2) = :province))
			and (cast(:like as varchar) is null or c.title like :like or c.code = :exact)""";

	private final JdbcClient jdbc;

	private final Cases cases;

	private final AuditLog audit;

	CrossProvinceRegister(JdbcClient jdbc, Cases cases, AuditLog audit) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.audit = audit;
	}

	PageOf<Line> search(Query q, DataScope scope, PageRequest paging) {
		Map<String, Object> params = params(q, scope);
		long total = this.jdbc.sql("select count(*) " + FROM).params(params).query(Long.class).single();
		List<Line> items = this.jdbc.sql(COLUMNS + FROM + " order by c.id desc limit :limit offset :offset")
			.params(params)
			.param("limit", paging.size())
			.param("offset", paging.offset())
			.query((rs, n) -> line(rs))
			.list();
		return paging.pageOf(withProvinces(items), total);
	}

	@Transactional
	byte[] export(Query q, DataScope scope) {
		List<Line> lines = withProvinces(this.jdbc.sql(COLUMNS + FROM + " order by c.id desc limit 100000")
			.params(params(q, scope))
			.query((rs, n) -> line(rs))
			.list());
		List<List<String>> rows = new ArrayList<>();
		int n = 1;
		for (Line l : lines) {
			rows.add(List.of(Integer.toString(n++), l.title(), l.code(), l.role() == null ? "未登记" : l.role().label(),
					Exports.text(l.leadProvince()), String.join("、", l.provinces()), l.leadRegion(), l.path().label(),
					l.stage().label(), Exports.text(l.criminalFiledOn()), l.amount(), Exports.text(l.participants()),
					Exports.text(l.localParticipants()), l.localAmount(), Exports.yesNo(l.listed()),
					Exports.text(l.liaison()), Exports.text(l.progress()), Exports.time(l.updatedAt())));
		}
		this.audit.success("CASE_CROSS_PROVINCE_EXPORT", "case", null, "导出跨省案件登记 " + rows.size() + " 件", null, null);
		return TabularFile.writeXlsx("跨省案件登记", List.of("序号", "案件(风险)名称", "案件编号", "本省角色", "牵头省份", "涉及省份", "主办地", "办理方式",
				"办理阶段", "刑事立案日期", "涉案金额(元)", "集资参与人数", "本地参与人数", "本地涉案金额(元)", "挂牌督办", "联络人", "办理进展", "登记更新时间"), rows);
	}

	/** Records the register's fields for a case with another province involved. */
	@Transactional
	void record(long caseId, int seenVersion, Entry e, Actor actor) {
		CaseFile c = this.cases.forChange(caseId, seenVersion, actor);
		boolean cross = this.jdbc.sql("select cross_province from case_file where id = :id")
			.param("id", caseId)
			.query(Boolean.class)
			.single();
		Map<String, String> errors = new LinkedHashMap<>();
		if (!cross) {
			errors.put("_", "本案没有外省涉及地，不列入跨省案件登记（请先在案件中添加外省涉及地区）");
		}
		if (e.role() == null) {
			errors.put("role", "请选择本省角色");
		}
		String lead = e.role() == Role.LEAD ? Provinces.of(c.regionCode()) : strip(e.leadProvince());
		if (e.role() == Role.ASSIST && lead == null) {
			errors.put("leadProvince", "协助办理须填写牵头省份");
		}
		if (lead != null && lead.length() > 40) {
			errors.put("leadProvince", "牵头省份不能超过40字");
		}
		if (e.localParticipants() != null && e.localParticipants() < 0) {
			errors.put("localParticipants", "本地参与人数不能为负数");
		}
		Long localAmount = null;
		try {
			localAmount = Money.fen(e.localAmount(), "localAmount", "本地涉案金额");
		}
		catch (Rejected ex) {
			errors.put("localAmount", ex.getMessage());
		}
		String liaison = strip(e.liaison());
		String progress = strip(e.progress());
		if (liaison != null && liaison.length() > 100) {
			errors.put("liaison", "联络人不能超过100字");
		}
		if (progress != null && progress.length() > 1000) {
			errors.put("progress", "办理进展不能超过1000字");
		}
		if (!errors.isEmpty()) {
			throw new Rejected(String.join("；", errors.values()), errors);
		}
		c.record("跨省登记", e.role().label() + "，牵头省份 " + lead + (progress == null ? "" : "：" + progress));
		this.cases.save(c, actor);
		this.jdbc.sql("""
				insert into case_cross_province (case_id, role, lead_province, local_participants, local_amount_fen,
				  liaison, progress, updated_by) values (:c, :role, :lead, :people, :amount, :liaison, :progress, :by)
				on conflict (case_id) do update set role = excluded.role, lead_province = excluded.lead_province,
				  local_participants = excluded.local_participants, local_amount_fen = excluded.local_amount_fen,
				  liaison = excluded.liaison, progress = excluded.progress, updated_by = excluded.updated_by,
				  updated_at = now()""")
			.param("c", caseId)
			.param("role", e.role().name())
			.param("lead", lead)
			.param("people", e.localParticipants())
			.param("amount", localAmount)
			.param("liaison", liaison)
			.param("progress", progress)
			.param("by", actor.username())
			.update();
		this.audit.success("CASE_CROSS_PROVINCE", "case", caseId, c.code() + " 跨省案件登记：" + e.role().label(), null, null);
	}

	/** The register's fields of one case, if recorded. */
	java.util.Optional<Line> of(long caseId, DataScope scope) {
		Query q = new Query(null, null, null, null);
		Map<String, Object> params = params(q, scope);
		params.put("id", caseId);
		return withProvinces(
				this.jdbc.sql(COLUMNS + FROM + " and c.id = :id").params(params).query((rs, n) -> line(rs)).list())
			.stream()
			.findFirst();
	}

	/** The provinces a filter may pick: those of the cases on the register. */
	List<String[]> provinces() {
		return List.of(Provinces.all());
	}

	/** The provinces involved: the lead region's first, then the others by code. */
	private List<Line> withProvinces(List<Line> lines) {
		if (lines.isEmpty()) {
			return lines;
		}
		Map<Long, TreeSet<String>> byCase = new HashMap<>();
		this.jdbc.sql("select case_id, region_code from case_region where case_id = any(:ids)")
			.param("ids", lines.stream().map(Line::caseId).toArray(Long[]::new))
			.query((rs, n) -> byCase.computeIfAbsent(rs.getLong(1), k -> new TreeSet<>()).add(rs.getString(2)))
			.list();
		return lines.stream().map(l -> {
			List<String> names = new ArrayList<>(l.provinces());
			for (String code : byCase.getOrDefault(l.caseId(), new TreeSet<>())) {
				String name = Provinces.of(code);
				if (!names.contains(name)) {
					names.add(name);
				}
			}
			return new Line(l.caseId(), l.code(), l.title(), l.stage(), l.path(), l.leadRegion(), List.copyOf(names),
					l.role(), l.leadProvince(), l.amountFen(), l.participants(), l.localParticipants(),
					l.localAmountFen(), l.criminalFiledOn(), l.listed(), l.liaison(), l.progress(), l.updatedAt());
		}).toList();
	}

	private static Map<String, Object> params(Query q, DataScope scope) {
		Map<String, Object> params = scope.sqlParams();
		String text = q.text() == null || q.text().isBlank() ? null : q.text().strip();
		params.put("role", q.role() == null ? null : q.role().name());
		params.put("stage", q.stage() == null ? null : q.stage().name());
		params.put("province", q.province() == null || !q.province().matches("[0-9]{2}") ? null : q.province());
		params.put("like", SqlLike.contains(text));
		params.put("exact", text);
		return params;
	}

	private static Line line(java.sql.ResultSet rs) throws java.sql.SQLException {
		String role = rs.getString("role");
		return new Line(rs.getLong("id"), rs.getString("code"), rs.getString("title"),
				CaseStage.valueOf(rs.getString("stage")), CasePath.valueOf(rs.getString("path")),
				rs.getString("region_name") == null ? rs.getString("region_code") : rs.getString("region_name"),
				List.of(Provinces.of(rs.getString("region_code"))), role == null ? null : Role.valueOf(role),
				rs.getString("lead_province"), (Long) rs.getObject("amount_raised_fen"),
				(Integer) rs.getObject("participants_count"), (Integer) rs.getObject("local_participants"),
				(Long) rs.getObject("local_amount_fen"), rs.getObject("criminal_filed_on", LocalDate.class),
				rs.getBoolean("listed_supervision"), rs.getString("liaison"), rs.getString("progress"),
				Times.local(rs.getObject("register_updated_at", OffsetDateTime.class)));
	}

	private static String strip(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
