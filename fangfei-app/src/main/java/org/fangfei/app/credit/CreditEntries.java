package org.fangfei.app.credit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.Exports;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.PageOf;
import org.fangfei.app.shared.PageRequest;
import org.fangfei.app.shared.Regions12;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.SqlLike;
import org.fangfei.app.shared.TabularFile;
import org.fangfei.app.subject.Subject;
import org.fangfei.app.subject.SubjectKind;
import org.fangfei.app.subject.Subjects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The list itself: entries written for a {@link Listing} (one per subject per basis
 * document, so a redelivered event writes nothing), removed on expiry, found by the
 * list's filters within the caller's scope — the region of the subject, for every
 * department alike, since the point of the list is that every department sees it (一处发现，
 * 处处受限). Entries are never deleted: removal changes their status and keeps why.
 */
@Service
class CreditEntries {

	static final String VIEW = "credit:entry:view";

	/** Who sees an entry {@code e}: the region of its subject. */
	static final String VISIBLE = "e.region_code like :regionLike";

	static final String SELECT = """
			select e.*, r.name as region_name from credit_entry e left join region r on r.code = e.region_code
			""";

	private static final String FILTER = """
			 where %s
			 and (cast(:text as varchar) is null or e.subject_name like :like or e.credit_code = :exact
			      or e.source_code = :exact or e.basis_doc = :exact)
			 and (cast(:status as varchar) is null or e.status = :status)
			 and (cast(:kind as varchar) is null or e.basis_kind = :kind)
			 and (cast(:subjectKind as varchar) is null or e.subject_kind = :subjectKind)
			 and (cast(:region as varchar) is null or e.region_code like :region)
			""".formatted(VISIBLE);

	private final JdbcClient jdbc;

	private final Subjects subjects;

	private final CreditSettings settings;

	private final AuditLog audit;

	CreditEntries(JdbcClient jdbc, Subjects subjects, CreditSettings settings, AuditLog audit) {
		this.jdbc = jdbc;
		this.subjects = subjects;
		this.settings = settings;
		this.audit = audit;
	}

	/**
	 * Lists the subjects of {@code listing} for the county's default period of its kind;
	 * returns how many entries were written (none for a subject already listed on the
	 * same document).
	 */
	@Transactional
	int list(Listing listing) {
		int years = this.settings.period(listing.kind());
		LocalDate expires = ListingPeriod.expiresOn(listing.basisOn(), years);
		Map<Long, String> idIndexes = this.subjects.idNumberIndexes(listing.subjectIds());
		int written = 0;
		for (Subject s : this.subjects.byIds(listing.subjectIds())) {
			Optional<Long> id = this.jdbc
				.sql("""
						insert into credit_entry (subject_id, subject_kind, subject_name, credit_code, id_number_idx, id_number_masked,
						  region_code, basis_kind, source, source_id, source_code, source_title, basis_doc, basis_unit, basis_on,
						  period_years, expires_on)
						values (:subject, :kind, :name, :code, :idx, :masked, :region, :basis, :source, :sourceId, :sourceCode,
						  :title, :doc, :unit, :on, :years, :expires)
						on conflict (subject_id, basis_doc) do nothing
						returning id
						""")
				.param("subject", s.id())
				.param("kind", s.kind().name())
				.param("name", s.name())
				.param("code", s.creditCode())
				.param("idx", idIndexes.get(s.id()))
				.param("masked", s.idNumberMasked())
				.param("region", s.regionCode())
				.param("basis", listing.kind().name())
				.param("source", listing.source())
				.param("sourceId", listing.sourceId())
				.param("sourceCode", listing.sourceCode())
				.param("title", cut(listing.sourceTitle(), 200))
				.param("doc", cut(listing.basisDoc(), 100))
				.param("unit", cut(listing.basisUnit(), 100))
				.param("on", listing.basisOn())
				.param("years", years)
				.param("expires", expires)
				.query(Long.class)
				.optional();
			if (id.isPresent()) {
				written++;
				this.audit.success("CREDIT_LIST", "credit_entry", id.get(),
						"列入失信名单 " + s.name() + "（" + listing.kind().label() + " " + listing.basisDoc() + "，"
								+ sourceLabel(listing.source()) + " " + listing.sourceCode() + "，至 " + expires + "）",
						null, null);
			}
		}
		return written;
	}

	/**
	 * Moves every listed entry whose period has ended by {@code today} off the list (at
	 * most {@code limit} per call); returns how many.
	 */
	@Transactional
	int expire(LocalDate today, int limit) {
		List<Object[]> due = this.jdbc.sql("""
				select id, subject_name, expires_on from credit_entry where status = 'LISTED' and expires_on <= :today
				order by expires_on, id limit :limit for update skip locked
				""")
			.param("today", today)
			.param("limit", limit)
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class) })
			.list();
		for (Object[] e : due) {
			LocalDate expires = (LocalDate) e[2];
			if (!ListingPeriod.due(expires, today)) {
				continue;
			}
			this.jdbc.sql("""
					update credit_entry set status = 'EXPIRED', ended_on = :on, ended_note = '列入期限届满，自动移出',
					version = version + 1, updated_at = now() where id = :id and status = 'LISTED'
					""").param("on", expires).param("id", e[0]).update();
			this.audit.success("CREDIT_EXPIRE", "credit_entry", e[0], "列入期限届满移出失信名单 " + e[1] + "（" + expires + "）",
					null, null);
		}
		return due.size();
	}

	@Transactional(readOnly = true)
	PageOf<CreditRow> search(CreditQuery q, DataScope scope, PageRequest paging) {
		Map<String, Object> params = params(q, scope);
		long total = this.jdbc.sql("select count(*) from credit_entry e" + FILTER)
			.params(params)
			.query(Long.class)
			.single();
		List<CreditRow> rows = this.jdbc.sql(SELECT + FILTER + " order by e.id desc limit :limit offset :offset")
			.params(params)
			.param("limit", paging.size())
			.param("offset", paging.offset())
			.query((rs, n) -> row(rs))
			.list();
		return paging.pageOf(rows, total);
	}

	/**
	 * The filtered list within the caller's scope as an .xlsx ({@link Exports}: at most
	 * 10,000 rows, ID numbers masked), audited with its row count.
	 */
	@Transactional
	byte[] export(CreditQuery q, DataScope scope) {
		List<CreditRow> rows = Exports.all(paging -> search(q, scope, paging), "失信名单记录");
		List<List<String>> cells = rows.stream()
			.map(e -> List.of(e.subjectName(), e.subjectKind().label(), Exports.text(e.creditCode()),
					Exports.text(e.idNumberMasked()), e.regionName() == null ? e.regionCode() : e.regionName(),
					e.basisKind().label(), e.basisDoc(), Exports.text(e.basisUnit()), e.basisOn().toString(),
					e.sourceLabel() + " " + e.sourceCode(), e.periodYears() + " 年", e.expiresOn().toString(),
					e.status().label(), e.endedOn() == null ? "" : e.endedOn().toString(), Exports.text(e.endedNote())))
			.toList();
		this.audit.success("EXPORT", "credit_entry", null, "导出失信名单 " + rows.size() + " 行", null, null);
		return TabularFile.writeXlsx("失信名单", List.of("名称或姓名", "主体类型", "统一社会信用代码", "身份证号码(脱敏)", "所在区划", "列入依据", "依据文书",
				"作出单位", "依据日期", "来源", "列入期限", "期满日期", "状态", "移出日期", "移出原因"), cells);
	}

	/** The entry within the caller's scope; 404 outside. */
	@Transactional(readOnly = true)
	CreditRow get(long id, DataScope scope) {
		return this.jdbc.sql(SELECT + " where e.id = :id and " + VISIBLE)
			.params(scope.sqlParams())
			.param("id", id)
			.query((rs, n) -> row(rs))
			.optional()
			.orElseThrow(() -> new NotFound("失信名单记录"));
	}

	/** The subject's entries within the caller's scope, newest first. */
	@Transactional(readOnly = true)
	List<CreditRow> ofSubject(long subjectId, DataScope scope) {
		return this.jdbc.sql(SELECT + " where e.subject_id = :subject and " + VISIBLE + " order by e.id desc limit 50")
			.params(scope.sqlParams())
			.param("subject", subjectId)
			.query((rs, n) -> row(rs))
			.list();
	}

	/** The enterprises on the list now, for the public page; never a person. */
	@Transactional(readOnly = true)
	PageOf<CreditRow> publicEnterprises(String name, PageRequest paging) {
		String like = name == null || name.isBlank() ? null : SqlLike.contains(name.strip());
		String where = " where e.status = 'LISTED' and e.subject_kind = 'ENTERPRISE'"
				+ " and (cast(:like as varchar) is null or e.subject_name like :like)";
		long total = this.jdbc.sql("select count(*) from credit_entry e" + where)
			.param("like", like)
			.query(Long.class)
			.single();
		List<CreditRow> rows = this.jdbc.sql(SELECT + where + " order by e.basis_on desc, e.id desc limit :l offset :o")
			.param("like", like)
			.param("l", paging.size())
			.param("o", paging.offset())
			.query((rs, n) -> row(rs))
			.list();
		return paging.pageOf(rows, total);
	}

	private static Map<String, Object> params(CreditQuery q, DataScope scope) {
		Map<String, Object> params = scope.sqlParams();
		String text = q.text() == null || q.text().isBlank() ? null : q.text().strip();
		params.put("text", text);
		params.put("like", text == null ? null : SqlLike.contains(text));
		params.put("exact", text == null ? null : text.toUpperCase(java.util.Locale.ROOT));
		params.put("status", q.status() == null ? null : q.status().name());
		params.put("kind", q.kind() == null ? null : q.kind().name());
		params.put("subjectKind", q.subjectKind() == null ? null : q.subjectKind().name());
		String region = q.regionCode() == null || q.regionCode().isBlank() ? null : q.regionCode().strip();
		if (region != null && !Regions12.isValid(region)) {
			throw new Rejected("区划代码应为12位数字", Map.of("regionCode", "区划代码应为12位数字"));
		}
		params.put("region", region == null ? null : Regions12.prefixOf(region) + "%");
		return params;
	}

	static CreditRow row(ResultSet rs) throws SQLException {
		String ended = rs.getString("status");
		return new CreditRow(rs.getLong("id"), rs.getLong("subject_id"),
				SubjectKind.valueOf(rs.getString("subject_kind")), rs.getString("subject_name"),
				rs.getString("credit_code"), rs.getString("id_number_masked"), rs.getString("region_code"),
				rs.getString("region_name"), BasisKind.valueOf(rs.getString("basis_kind")), rs.getString("source"),
				rs.getLong("source_id"), rs.getString("source_code"), rs.getString("source_title"),
				rs.getString("basis_doc"), rs.getString("basis_unit"), rs.getObject("basis_on", LocalDate.class),
				rs.getInt("period_years"), rs.getObject("expires_on", LocalDate.class), EntryStatus.valueOf(ended),
				rs.getObject("ended_on", LocalDate.class), rs.getString("ended_note"), rs.getInt("version"));
	}

	private static String sourceLabel(String source) {
		return switch (source) {
			case "CASE" -> "案件";
			case "CLUE" -> "线索";
			default -> "演示数据";
		};
	}

	private static String cut(String s, int max) {
		if (s == null) {
			return null;
		}
		String t = s.strip();
		return t.length() > max ? t.substring(0, max) : t;
	}

}
